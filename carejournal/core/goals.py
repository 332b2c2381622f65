"""Plans and attempts: a person's goals in their own words, and each try at them (values and
rules; services/goals.py writes and reads them)."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from carejournal.core.domain import InvalidInput, clean_words
from carejournal.core.i18n import _

MAX_GOAL_TEXT = 1_000


class GoalStatus(enum.StrEnum):
    """Where a goal stands."""

    ACTIVE = "active"
    PAUSED = "paused"
    ACHIEVED = "achieved"
    DISCONTINUED = "discontinued"
    UNATTAINABLE = "unattainable"


ENDED_EARLY = frozenset({GoalStatus.DISCONTINUED, GoalStatus.UNATTAINABLE})


class Outcome(enum.StrEnum):
    """How one attempt went."""

    MANAGED = "managed"
    PARTLY = "partly"
    NOT_THIS_TIME = "not-this-time"


def parse_choice(enum_type: type[enum.StrEnum], text: str, what: str) -> enum.StrEnum:
    """An enum value from user text; unknown values get a message listing the valid ones."""
    try:
        return enum_type(text.strip().lower().replace(" ", "-").replace("_", "-"))
    except ValueError:
        choices = ", ".join(v.value for v in enum_type)
        raise InvalidInput(_("unknown {what} '{text}': choose one of {choices}")
                               .format(what=what, text=text, choices=choices)) from None


@dataclass(frozen=True, slots=True)
class Goal:
    """A goal with a count of its attempts by outcome."""

    id: int
    person: str
    text: str
    status: GoalStatus
    created_at: dt.datetime
    managed: int = 0
    partly: int = 0
    not_yet: int = 0
    last_attempt_on: dt.date | None = None
    asked_at: dt.datetime | None = None
    own_attempts: int | None = None
    reflection_id: int | None = None

    @property
    def attempts(self) -> int:
        """How many attempts were logged."""
        return self.managed + self.partly + self.not_yet


@dataclass(frozen=True, slots=True)
class Attempt:
    """One try at a goal."""

    id: int
    goal_id: int
    occurred_on: dt.date
    outcome: Outcome
    note: str
    entry_id: int | None = None
    entry_summary: str = ""


@dataclass(frozen=True, slots=True)
class FallibilityAnswer:
    """The worker's answer before ending a goal early: their own attempts, and a reflection."""

    own_attempts: int | None = None
    reflection: str = ""


class QuestionNotAsked(InvalidInput):
    """A goal was to end after few attempts without the fallibility question being asked."""


def clean_goal_text(text: str) -> str:
    """Tidy a goal's words, or raise InvalidInput."""
    return clean_words(text, MAX_GOAL_TEXT,
                       "a goal needs a few words, in the person's own words if you can",
                       f"that goal is too long ({MAX_GOAL_TEXT:,} characters at most)")
