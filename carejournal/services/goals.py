"""Goals and attempts as the window and the command line use them (their values and rules
are in core/goals.py). The service is handed what it needs: the goal store, the journal's
entries (to check a linked entry and to write a fallibility reflection), the attempts
threshold and a clock."""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Callable, Sequence
from typing import Protocol

from carejournal.core.domain import Entry, EntryDraft, EntryKind, InvalidInput, clean_name
from carejournal.core.goals import (
    ENDED_EARLY,
    Attempt,
    FallibilityAnswer,
    Goal,
    GoalStatus,
    Outcome,
    QuestionNotAsked,
    clean_goal_text,
)


class GoalStore(Protocol):
    def add(self, person: str, text: str, now: dt.datetime) -> int: ...
    def goals(self, person: str, statuses: Sequence[str], goal_id: int | None = None
              ) -> list[Goal]: ...
    def attempts(self, goal_id: int) -> list[Attempt]: ...
    def add_attempt(self, goal_id: int, day: dt.date, outcome: str, note: str,
                    entry_id: int | None) -> int: ...
    def update(self, goal_id: int, **values: object) -> None: ...


class Entries(Protocol):
    """What goals need of the journal's entries."""

    def get(self, entry_id: int) -> Entry: ...
    def add(self, draft: EntryDraft) -> int: ...


class GoalService:
    """Goals and attempts, for the GUI and the CLI alike."""

    def __init__(self, store: GoalStore, entries: Entries, threshold: Callable[[], int],
                 clock: Callable[[], dt.datetime]) -> None:
        self._store = store
        self._entries = entries
        self._threshold = threshold
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
            self._entries.get(entry_id)
        day = day or dt.date.today()
        if day > dt.date.today() + dt.timedelta(days=1):
            raise InvalidInput("an attempt cannot be in the future")
        return self._store.add_attempt(goal_id, day, outcome.value, note.strip(), entry_id)

    def attempts(self, goal_id: int) -> builtins.list[Attempt]:  # list() above shadows it
        """A goal's attempts, oldest first."""
        return self._store.attempts(goal_id)

    def threshold(self) -> int:
        """Fewer attempts than this count as 'few' (a setting, 5 unless changed)."""
        return self._threshold()

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
                values["reflection_id"] = self._entries.add(EntryDraft(
                    kind=EntryKind.FALLIBILITY, occurred_on=dt.date.today(),
                    title=goal.text, body=answer.reflection, people=(goal.person,)))
        self._store.update(goal_id, **values)
        return self.get(goal_id)
