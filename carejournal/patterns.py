"""Patterns of practice over time: plain series for charts and `carejournal stats`.

Everything here is plain data (no Qt, no matplotlib). The numbers come from SQL grouping
in carejournal/store/patterns_repo.py, never from Python loops over entry bodies.
Weeks start on Monday and are named by that Monday; dates are the worker's local dates
(an entry's occurred_on), so an entry written late on a Sunday stays in its own week.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from carejournal.domain import EntryKind, InvalidInput


class PeriodChoice(StrEnum):
    """The periods a worker can choose."""

    WEEKS_4 = "4w"
    MONTHS_3 = "3m"
    MONTHS_12 = "12m"
    CUSTOM = "custom"
    SINCE_SUPERVISION = "supervision"  # offered once supervision sessions exist (issue 6)


PERIOD_DAYS = {PeriodChoice.WEEKS_4: 28, PeriodChoice.MONTHS_3: 91, PeriodChoice.MONTHS_12: 365}


@dataclass(frozen=True, slots=True)
class Period:
    """From since to until, both included, and optionally one person."""

    since: dt.date
    until: dt.date
    person: str = ""

    def weeks(self) -> tuple[dt.date, ...]:
        """The Mondays of every week the period touches, in order."""
        first, last = week_of(self.since), week_of(self.until)
        return tuple(first + dt.timedelta(weeks=n) for n in range((last - first).days // 7 + 1))

    def as_json(self) -> dict[str, Any]:
        return {"since": self.since.isoformat(), "until": self.until.isoformat(),
                "person": self.person or None}


def week_of(day: dt.date) -> dt.date:
    """The Monday of day's week."""
    return day - dt.timedelta(days=day.weekday())


def period_for(choice: PeriodChoice, today: dt.date, since: dt.date | None = None,
               until: dt.date | None = None, person: str = "") -> Period:
    """The dates a choice covers, ending today (custom: since and until as given)."""
    if choice is PeriodChoice.CUSTOM:
        if since is None:
            raise InvalidInput("a custom period needs a start date")
        end = until or today
        if end < since:
            raise InvalidInput(f"the period ends ({end}) before it starts ({since})")
        return Period(since, end, person)
    if choice is PeriodChoice.SINCE_SUPERVISION:
        raise InvalidInput("there are no supervision sessions recorded yet")
    return Period(today - dt.timedelta(days=PERIOD_DAYS[choice] - 1), today, person)


# -- the series -----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class KindsPerWeek:
    """1. Entries per week, by kind; every kind has one count per week (zeros included)."""

    weeks: tuple[dt.date, ...]
    counts: dict[EntryKind, tuple[int, ...]]


@dataclass(frozen=True, slots=True)
class ActsSeries:
    """2. Little things: how often each act was done in the period, and all acts per week."""

    by_act: tuple[tuple[str, int], ...]  # (label as the worker wrote it, count), most first
    weeks: tuple[dt.date, ...]
    per_week: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class LensPerWeek:
    """3. Language-lens findings per 1,000 words per week, by category (rules switched off
    left out); a week with no words has 0.0."""

    weeks: tuple[dt.date, ...]
    words: tuple[int, ...]
    per_1000: dict[str, tuple[float, ...]]  # category key -> rate per week
    category_names: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class BalancePerWeek:
    """4. Strength and problem words per week."""

    weeks: tuple[dt.date, ...]
    strengths: tuple[int, ...]
    problems: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class DecisionsSeries:
    """5. Decisions by rung of the co-production ladder (bottom rung first, zeros included),
    and per week the share made *with* the person (None for a week with no decisions)."""

    by_rung: tuple[tuple[str, str, int], ...]  # (rung key, label, count)
    weeks: tuple[dt.date, ...]
    with_share: tuple[float | None, ...]
    per_week: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Streaks:
    """6. Days with entries (any kind) in the period, and gentle streaks.

    current: consecutive days with an entry ending today, or yesterday if today has none yet
    (today is not over); longest: the longest run inside the period.
    """

    days: dict[dt.date, int]  # only days with at least one entry
    current: int
    longest: int


@dataclass(frozen=True, slots=True)
class GoalAttempts:
    """One goal with its attempts in the period, by outcome."""

    goal_id: int
    person: str
    text: str
    status: str
    managed: int
    partly: int
    not_this_time: int
    ended_early: bool  # discontinued/unattainable after fewer attempts (ever) than threshold


@dataclass(frozen=True, slots=True)
class PlansSeries:
    """7. Attempts per goal with outcomes; goals ended early are marked."""

    goals: tuple[GoalAttempts, ...]
    threshold: int
