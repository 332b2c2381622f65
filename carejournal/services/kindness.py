"""The little things as the window and the command line use them: the worker's catalogue
and logging one on its own (the values are in core/kindness.py). The service is handed the
catalogue's store, the journal's way to add an entry, and a clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from carejournal.core.domain import ActDone, EntryDraft, EntryKind, InvalidInput, split_names
from carejournal.core.kindness import Act, LoggedAct, clean_label, find_act

if TYPE_CHECKING:
    from carejournal.store.kindness_repo import KindnessRepository


class KindnessService:
    """Catalogue changes and quick logging, for the GUI and CLI alike."""

    def __init__(self, repo: KindnessRepository, add_entry: Callable[[EntryDraft], int],
                 clock: Callable[[], dt.datetime]) -> None:
        self._repo = repo
        self._add_entry = add_entry
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
            day: dt.date | None = None, shift: str = "", time: dt.time | None = None) -> int:
        """Record a little thing on its own, as a kindness entry; return the entry id.

        person may name several people, separated by commas.
        """
        return self._add_entry(self.draft(act, person, note, day, shift, time))

    def draft(self, act: Act, person: str = "", note: str = "",
              day: dt.date | None = None, shift: str = "",
              time: dt.time | None = None) -> EntryDraft:
        """The kindness entry that logging this act would store (at a time, if given)."""
        if act.retired:
            raise InvalidInput(f"'{act.label}' is retired; bring it back first to log it")
        return EntryDraft(
            kind=EntryKind.KINDNESS, occurred_on=day or dt.date.today(), title=act.label,
            body=note, people=split_names(person), shift=shift,
            occurred_time=time.replace(second=0, microsecond=0) if time else None,
            acts=(ActDone(act.id, note),))

    def logged(self, since: dt.date | None = None, until: dt.date | None = None,
               person: str = "", limit: int | None = None) -> list[LoggedAct]:
        """Little things recorded in a period, newest first."""
        return self._repo.logged(since, until, person, limit)
