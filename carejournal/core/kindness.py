"""The little things: the worker's catalogue of small acts, and logging them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from carejournal.core.domain import (
    ActDone,
    EntryDraft,
    EntryKind,
    InvalidInput,
    clean_words,
    split_names,
)

if TYPE_CHECKING:
    from carejournal.services.journal import Journal

MAX_ACT_LABEL = 200


@dataclass(frozen=True, slots=True)
class Act:
    """An act in the catalogue."""

    id: int
    key: str | None
    label: str
    retired: bool
    uses: int = 0


@dataclass(frozen=True, slots=True)
class LoggedAct:
    """A little thing recorded on an entry."""

    entry_id: int
    occurred_on: dt.date
    kind: EntryKind
    act_id: int
    label: str
    note: str
    people: str


def clean_label(label: str) -> str:
    """Tidy an act's label, or raise InvalidInput."""
    return clean_words(label, MAX_ACT_LABEL, "a little thing needs a few words to describe it",
                       f"that description is too long ({MAX_ACT_LABEL} characters at most)")


def find_act(acts: list[Act], ref: str) -> Act:
    """An act by id, key or label (any case); unknown names list the valid ones."""
    wanted = ref.strip().casefold()
    for act in acts:
        if wanted in (str(act.id), (act.key or "").casefold(), act.label.casefold()):
            return act
    pattern = re.compile(r"\b" + re.escape(wanted)) if wanted else None
    words = [a for a in acts if pattern and pattern.search(a.label.casefold())]
    if len(words) == 1:  # 'tea' finds 'A cup of tea' when nothing else fits
        return words[0]
    choices = "; ".join(f"{a.key or a.id} ({a.label})" for a in acts)
    raise InvalidInput(f"unknown little thing '{ref}'. Choose one of: {choices}")


class KindnessService:
    """Catalogue changes and quick logging, for the GUI and CLI alike."""

    def __init__(self, journal: Journal, clock: Callable[[], dt.datetime]) -> None:
        self._journal = journal
        self._repo = journal.kindness_repo
        self._clock = clock

    def acts(self, include_retired: bool = False) -> list[Act]:
        """The catalogue, in order."""
        return self._repo.acts(include_retired)

    def find(self, ref: str, include_retired: bool = False) -> Act:
        """An act by id, key or label."""
        return find_act(self.acts(include_retired), ref)

    def add_act(self, label: str) -> Act:
        """Add one of the worker's own little things."""
        label = clean_label(label)
        if any(a.label.casefold() == label.casefold() for a in self.acts(True)):
            raise InvalidInput(f"'{label}' is already in your list of little things")
        return self.find(str(self._repo.add(label)))

    def rename_act(self, act: Act, label: str) -> None:
        """Reword an act; entries keep the words they were recorded with."""
        self._repo.rename(act.id, clean_label(label))

    def retire_act(self, act: Act, retired: bool = True) -> None:
        """Hide an act from new entries (old entries keep it), or bring it back."""
        self._repo.set_retired(act.id, self._clock() if retired else None)

    def log(self, act: Act, person: str = "", note: str = "",
            day: dt.date | None = None, shift: str = "") -> int:
        """Record a little thing on its own, as a kindness entry; return the entry id.

        person may name several people, separated by commas.
        """
        return self._journal.add(self.draft(act, person, note, day, shift))

    def draft(self, act: Act, person: str = "", note: str = "",
              day: dt.date | None = None, shift: str = "") -> EntryDraft:
        """The kindness entry that logging this act would store."""
        if act.retired:
            raise InvalidInput(f"'{act.label}' is retired; bring it back first to log it")
        return EntryDraft(
            kind=EntryKind.KINDNESS, occurred_on=day or dt.date.today(), title=act.label,
            body=note, people=split_names(person), shift=shift,
            acts=(ActDone(act.id, note),))

    def logged(self, since: dt.date | None = None, until: dt.date | None = None,
               person: str = "", limit: int | None = None) -> list[LoggedAct]:
        """Little things recorded in a period, newest first."""
        return self._repo.logged(since, until, person, limit)
