"""Plans and attempts: a person's goals in their own words, and each try at them."""

from __future__ import annotations

import builtins
import datetime as dt
import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from carejournal.core.domain import EntryDraft, EntryKind, InvalidInput, clean_name, clean_words

if TYPE_CHECKING:
    from carejournal.services.journal import Journal

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
        raise InvalidInput(f"unknown {what} '{text}': choose one of {choices}") from None


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


class GoalStore(Protocol):
    def add(self, person: str, text: str, now: dt.datetime) -> int: ...
    def goals(self, person: str, statuses: Sequence[str], goal_id: int | None = None
              ) -> list[Goal]: ...
    def attempts(self, goal_id: int) -> list[Attempt]: ...
    def add_attempt(self, goal_id: int, day: dt.date, outcome: str, note: str,
                    entry_id: int | None) -> int: ...
    def update(self, goal_id: int, **values: object) -> None: ...


def clean_goal_text(text: str) -> str:
    """Tidy a goal's words, or raise InvalidInput."""
    return clean_words(text, MAX_GOAL_TEXT,
                       "a goal needs a few words, in the person's own words if you can",
                       f"that goal is too long ({MAX_GOAL_TEXT:,} characters at most)")


class GoalService:
    """Goals and attempts, for the GUI and the CLI alike."""

    def __init__(self, journal: Journal, store: GoalStore,
                 clock: Callable[[], dt.datetime]) -> None:
        self._journal = journal
        self._store = store
        self._clock = clock

    def add(self, person: str, text: str) -> Goal:
        """A new, active goal for a person (named as elsewhere in the journal)."""
        name = clean_name(person)
        if not name:
            raise InvalidInput("whose goal is it? Give the person's name or pseudonym")
        return self.get(self._store.add(name, clean_goal_text(text), self._clock()))

    def get(self, goal_id: int) -> Goal:
        """One goal, or InvalidInput if there is none with this number."""
        found = self._store.goals("", (), goal_id)
        if not found:
            raise InvalidInput(f"there is no goal {goal_id}")
        return found[0]

    def list(self, person: str = "", statuses: Sequence[GoalStatus] = ()) -> list[Goal]:
        """Goals, by person then oldest first; optionally for one person or some statuses."""
        return self._store.goals(person.strip(), [s.value for s in statuses])

    def reword(self, goal_id: int, text: str) -> None:
        """Change a goal's words."""
        self.get(goal_id)
        self._store.update(goal_id, text=clean_goal_text(text))

    def attempt(self, goal_id: int, outcome: Outcome, day: dt.date | None = None,
                note: str = "", entry_id: int | None = None) -> int:
        """Log one try at a goal, optionally linked to the entry where it came up."""
        goal = self.get(goal_id)
        if goal.status is not GoalStatus.ACTIVE:
            raise InvalidInput(f"goal {goal_id} is {goal.status.value}; make it active first")
        if entry_id is not None:
            self._journal.get(entry_id)
        day = day or dt.date.today()
        if day > dt.date.today() + dt.timedelta(days=1):
            raise InvalidInput("an attempt cannot be in the future")
        return self._store.add_attempt(goal_id, day, outcome.value, note.strip(), entry_id)

    def attempts(self, goal_id: int) -> builtins.list[Attempt]:  # list() above shadows it
        """A goal's attempts, oldest first."""
        return self._store.attempts(goal_id)

    def threshold(self) -> int:
        """Fewer attempts than this count as 'few' (a setting, 5 unless changed)."""
        return self._journal.settings.attempts_threshold()

    def needs_question(self, goal: Goal, status: GoalStatus) -> bool:
        """True if moving to this status ends the goal after fewer attempts than the threshold."""
        return (status in ENDED_EARLY and goal.status not in ENDED_EARLY
                and goal.attempts < self.threshold())

    def set_status(self, goal_id: int, status: GoalStatus,
                   answer: FallibilityAnswer | None = None) -> Goal:
        """Pause, achieve, end or reopen a goal.

        Ending it after few attempts needs an answer to the fallibility question (which
        may be empty: the worker can go on). The answer and the time it was asked are
        kept; a reflection, if written, becomes an own-fallibility entry linked to the goal.
        """
        goal = self.get(goal_id)
        if self.needs_question(goal, status) and answer is None:
            raise QuestionNotAsked(
                f"goal {goal_id} has had {goal.attempts} of {self.threshold()} attempts. "
                "Before ending it, answer the question: how many attempts did your own "
                "hardest change take?")
        values: dict[str, object] = {"status": status.value, "status_changed_at": self._clock()}
        if answer is not None:
            if answer.own_attempts is not None and not 0 <= answer.own_attempts <= 100_000:
                raise InvalidInput("the number of attempts must be 0 or more")
            values.update(asked_at=self._clock(), own_attempts=answer.own_attempts)
            if answer.reflection.strip():
                values["reflection_id"] = self._journal.add(EntryDraft(
                    kind=EntryKind.FALLIBILITY, occurred_on=dt.date.today(),
                    title=goal.text, body=answer.reflection, people=(goal.person,)))
        self._store.update(goal_id, **values)
        return self.get(goal_id)
