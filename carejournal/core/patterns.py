"""Patterns of practice over time: plain series for charts and `carejournal stats`.

Everything here is plain data (no Qt, no matplotlib). The numbers come from SQL grouping
in carejournal/store/patterns_repo.py, never from Python loops over entry bodies.
Weeks start on Monday and are named by that Monday; dates are the worker's local dates
(an entry's occurred_on), so an entry written late on a Sunday stays in its own week.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from carejournal.core.domain import NO_RUNG, EntryKind, InvalidInput
from carejournal.core.i18n import _
from carejournal.core.kinds import Series, kinds_counted_in

if TYPE_CHECKING:
    from carejournal.core.catalogues import Rung


class PeriodChoice(StrEnum):
    """The periods a worker can choose."""

    WEEKS_4 = "4w"
    MONTHS_3 = "3m"
    MONTHS_12 = "12m"
    CUSTOM = "custom"
    SINCE_SUPERVISION = "supervision"  # offered once a supervision session is recorded


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
               until: dt.date | None = None, person: str = "",
               last_supervision: dt.date | None = None) -> Period:
    """The dates a choice covers, ending today (custom: since and until as given; since the
    last supervision: from that session's day)."""
    if choice is PeriodChoice.CUSTOM:
        if since is None:
            raise InvalidInput(_("a custom period needs a start date"))
        end = until or today
        if end < since:
            raise InvalidInput(_("the period ends ({end}) before it starts ({since})")
                                   .format(end=end, since=since))
        return Period(since, end, person)
    if choice is PeriodChoice.SINCE_SUPERVISION:
        if last_supervision is None or last_supervision > today:
            raise InvalidInput(_("there is no supervision session recorded up to today"))
        return Period(last_supervision, today, person)
    return Period(today - dt.timedelta(days=PERIOD_DAYS[choice] - 1), today, person)


# -- the series -----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class KindsPerWeek:
    """1. Entries per week, by kind; every kind has one count per week (zeros included)."""

    weeks: tuple[dt.date, ...]
    counts: dict[EntryKind, tuple[int, ...]]

    def as_json(self) -> dict[str, Any]:
        return {"weeks": _iso(self.weeks),
                "counts": {kind.value: list(n) for kind, n in self.counts.items()}}


@dataclass(frozen=True, slots=True)
class ActsSeries:
    """2. Little things: how often each act was done in the period, and all acts per week."""

    by_act: tuple[tuple[str, int], ...]  # (label as the worker wrote it, count), most first
    weeks: tuple[dt.date, ...]
    per_week: tuple[int, ...]

    def as_json(self) -> dict[str, Any]:
        return {"by_act": [{"act": label, "count": n} for label, n in self.by_act],
                "weeks": _iso(self.weeks), "per_week": list(self.per_week)}


@dataclass(frozen=True, slots=True)
class LensPerWeek:
    """3. Language-lens findings per 1,000 words per week, by category (rules switched off
    left out); a week with no words has 0.0."""

    weeks: tuple[dt.date, ...]
    words: tuple[int, ...]
    per_1000: dict[str, tuple[float, ...]]  # category key -> rate per week
    category_names: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {"weeks": _iso(self.weeks), "words": list(self.words),
                "per_1000": {key: [round(r, 2) for r in rates]
                             for key, rates in self.per_1000.items()},
                "category_names": dict(self.category_names)}


@dataclass(frozen=True, slots=True)
class BalancePerWeek:
    """4. Strength and problem words per week."""

    weeks: tuple[dt.date, ...]
    strengths: tuple[int, ...]
    problems: tuple[int, ...]

    def as_json(self) -> dict[str, Any]:
        return {"weeks": _iso(self.weeks), "strengths": list(self.strengths),
                "problems": list(self.problems)}


@dataclass(frozen=True, slots=True)
class DecisionsSeries:
    """5. Decisions by rung of the co-production ladder (bottom rung first, zeros included),
    and per week the share made *with* the person (None for a week with no decisions)."""

    by_rung: tuple[tuple[str, str, int], ...]  # (rung key, label, count)
    weeks: tuple[dt.date, ...]
    with_share: tuple[float | None, ...]
    per_week: tuple[int, ...]

    def as_json(self) -> dict[str, Any]:
        return {"by_rung": [{"rung": key, "label": label, "count": n}
                            for key, label, n in self.by_rung],
                "weeks": _iso(self.weeks),
                "with_share": [None if s is None else round(s, 3) for s in self.with_share],
                "per_week": list(self.per_week)}


@dataclass(frozen=True, slots=True)
class Streaks:
    """6. Days with entries (any kind) in the period, and gentle streaks.

    current: consecutive days with an entry ending today, or yesterday if today has none yet
    (today is not over); longest: the longest run inside the period. Both count only days
    inside the period, so current is 0 once a period ended before yesterday.
    """

    days: dict[dt.date, int]  # only days with at least one entry
    current: int
    longest: int

    def as_json(self) -> dict[str, Any]:
        return {"days": {day.isoformat(): n for day, n in sorted(self.days.items())},
                "current": self.current, "longest": self.longest}


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

    @property
    def attempts(self) -> int:
        """Attempts in the period."""
        return self.managed + self.partly + self.not_this_time

    def as_json(self) -> dict[str, Any]:
        return {"goal": self.goal_id, "person": self.person, "text": self.text,
                "status": self.status, "managed": self.managed, "partly": self.partly,
                "not_this_time": self.not_this_time, "ended_early": self.ended_early}


@dataclass(frozen=True, slots=True)
class PlansSeries:
    """7. Attempts per goal with outcomes; goals ended early are marked."""

    goals: tuple[GoalAttempts, ...]
    threshold: int

    def as_json(self) -> dict[str, Any]:
        return {"threshold": self.threshold, "goals": [g.as_json() for g in self.goals]}


# -- building the series from grouped counts (pure; the SQL is in store/patterns_repo.py) ---
WeekCount = tuple[dt.date, str, int]  # (Monday, a key such as a kind or category, count)


def _iso(days: Iterable[dt.date]) -> list[str]:
    return [day.isoformat() for day in days]


def per_week(weeks: Sequence[dt.date], counts: Mapping[dt.date, int]) -> tuple[int, ...]:
    """One count per week, zero for weeks with none."""
    return tuple(counts.get(week, 0) for week in weeks)


def _by_key(rows: Iterable[WeekCount], keys: Iterable[str] = ()
            ) -> dict[str, dict[dt.date, int]]:
    table: dict[str, dict[dt.date, int]] = {key: {} for key in keys}
    for week, key, count in rows:
        bucket = table.setdefault(key, {})
        bucket[week] = bucket.get(week, 0) + count
    return table


def kinds_series(weeks: Sequence[dt.date], rows: Iterable[WeekCount]) -> KindsPerWeek:
    """Entries per week for every kind, in the kinds' order."""
    counted = kinds_counted_in(Series.PER_WEEK)
    table = _by_key(rows, (kind.value for kind in counted))
    return KindsPerWeek(tuple(weeks), {kind: per_week(weeks, table[kind.value])
                                       for kind in counted})


def acts_series(weeks: Sequence[dt.date], by_act: Iterable[tuple[str, int]],
                week_counts: Mapping[dt.date, int]) -> ActsSeries:
    """Little things by label, most done first (then by label), and all of them per week."""
    ranked = sorted(by_act, key=lambda item: (-item[1], item[0].casefold(), item[0]))
    return ActsSeries(tuple(ranked), tuple(weeks), per_week(weeks, week_counts))


def rate(count: int, words: int) -> float:
    """count per 1,000 words; 0.0 when there are no words."""
    return count * 1000 / words if words > 0 else 0.0


def lens_series(weeks: Sequence[dt.date], words: Mapping[dt.date, int],
                findings: Iterable[WeekCount], names: Mapping[str, str]) -> LensPerWeek:
    """Findings per 1,000 words by category: every named category (zeros included) first,
    then any other category found in the stored counts."""
    table = _by_key(findings, names)
    totals = per_week(weeks, words)
    rates = {key: tuple(rate(found.get(week, 0), n) for week, n in zip(weeks, totals, strict=True))
             for key, found in table.items()}
    return LensPerWeek(tuple(weeks), totals, rates, {key: names.get(key, key) for key in table})


def balance_series(weeks: Sequence[dt.date], strengths: Mapping[dt.date, int],
                   problems: Mapping[dt.date, int]) -> BalancePerWeek:
    """Strength and problem words per week."""
    return BalancePerWeek(tuple(weeks), per_week(weeks, strengths), per_week(weeks, problems))


def decisions_series(weeks: Sequence[dt.date], rungs: Sequence[Rung],
                     by_key: Mapping[str, int],
                     week_rows: Iterable[tuple[dt.date, int, int]]) -> DecisionsSeries:
    """Decisions by rung (the ladder bottom first, then any rung no longer on it) and, per
    week, how many there were and the share made with the person.

    week_rows holds (Monday, decisions, decisions on a "with" rung).
    """
    known = {rung.key for rung in rungs} | {NO_RUNG}  # an unanswered rung counts nowhere
    by_rung = tuple((rung.key, rung.label, by_key.get(rung.key, 0)) for rung in rungs) + tuple(
        (key, key, n) for key, n in sorted(by_key.items()) if key not in known and n)
    totals = {week: (total, shared) for week, total, shared in week_rows}
    counts = tuple(totals.get(week, (0, 0)) for week in weeks)
    return DecisionsSeries(by_rung, tuple(weeks),
                           tuple(shared / total if total else None for total, shared in counts),
                           tuple(total for total, _shared in counts))


def streaks_from(days: Mapping[dt.date, int], today: dt.date) -> Streaks:
    """Gentle streaks over the days given (the period's days with entries).

    The current run ends today, or yesterday when today has no entry yet; 0 if neither.
    """
    kept = {day: n for day, n in days.items() if n > 0}
    end = today if today in kept else today - dt.timedelta(days=1)
    current = 0
    while end - dt.timedelta(days=current) in kept:
        current += 1
    longest = run = 0
    previous: dt.date | None = None
    for day in sorted(kept):
        run = run + 1 if previous is not None and (day - previous).days == 1 else 1
        longest, previous = max(longest, run), day
    return Streaks(dict(sorted(kept.items())), current, longest)


# (goal id, person, text, status, managed, partly, not this time (these three in the
# period), attempts ever)
GoalRow = tuple[int, str, str, str, int, int, int, int]


def plans_series(rows: Iterable[GoalRow], threshold: int,
                 ended_early: Iterable[str] = ("discontinued", "unattainable")) -> PlansSeries:
    """Goals with their attempts in the period; ended early = ended as discontinued or
    unattainable after fewer attempts, ever, than the threshold."""
    early = frozenset(ended_early)
    return PlansSeries(tuple(
        GoalAttempts(goal_id, person, text, status, managed, partly, not_yet,
                     status in early and ever < threshold)
        for goal_id, person, text, status, managed, partly, not_yet, ever in rows), threshold)


def local_bounds(period: Period, tz: dt.tzinfo | None = None
                 ) -> tuple[dt.datetime, dt.datetime]:
    """The period as instants: from local midnight at its start to local midnight after its
    end (tz, or this computer's time zone), for comparing with stored UTC times."""
    start = dt.datetime.combine(period.since, dt.time())
    end = dt.datetime.combine(period.until + dt.timedelta(days=1), dt.time())
    if tz is not None:
        return start.replace(tzinfo=tz), end.replace(tzinfo=tz)
    return start.astimezone(), end.astimezone()
