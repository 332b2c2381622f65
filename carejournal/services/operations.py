"""The journal's writes that the window makes, each saying what it changed.

Journal.add returns the new entry's id, Journal.trash a count, and the CLI and the tests
rely on that; here the same writes return a Done (that result and the Changes) or the
Changes alone, for the window to hand to its one change signal (ui/shared/changes.py).
Reach them as journal.ops.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from carejournal.core.changes import Changes, Done

if TYPE_CHECKING:
    from carejournal.core.domain import EntryDraft
    from carejournal.core.kindness import Act
    from carejournal.services.journal import Journal


class JournalOps:
    """Writes to one journal, returning what they changed."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def add(self, draft: EntryDraft, mirror_of: int | None = None) -> Done[int]:
        """Store a new entry (Journal.add); its id, and that it is the one to show."""
        entry_id = self._journal.add(draft, mirror_of=mirror_of)
        return Done(entry_id, Changes.added(entry_id))

    def update(self, entry_id: int, draft: EntryDraft) -> Changes:
        """Replace an entry's content (Journal.update)."""
        self._journal.update(entry_id, draft)
        return Changes.edited(entry_id)

    def trash(self, entry_ids: Sequence[int]) -> Done[int]:
        """Move entries to the trash (Journal.trash); how many moved."""
        return Done(self._journal.trash(entry_ids), Changes.moved(entry_ids))

    def restore(self, entry_ids: Sequence[int]) -> Done[int]:
        """Bring entries back (Journal.restore); the first is the one to show."""
        shown = entry_ids[0] if entry_ids else None
        return Done(self._journal.restore(entry_ids), Changes.moved(entry_ids, shown))

    def empty_trash(self) -> Done[int]:
        """Delete trashed entries for good (Journal.empty_trash); how many."""
        return Done(self._journal.empty_trash(), Changes(listing=True, trash=True))

    def set_action_done(self, item_id: int, done_on: dt.date | None) -> Changes:
        """Mark an action item done or not done (Journal.set_action_done)."""
        self._journal.set_action_done(item_id, done_on)
        return Changes(action_items=True)

    def log_kindness(self, act: Act, person: str = "", note: str = "",
                     day: dt.date | None = None, time: dt.time | None = None,
                     shift: str = "") -> Done[int]:
        """Log a little thing on its own (KindnessService.log); the new entry's id."""
        entry_id = self._journal.kindness.log(act, person=person, note=note, day=day,
                                              shift=shift, time=time)
        return Done(entry_id, Changes.added(entry_id))

    def set_rule_on(self, rule_id: str, on: bool) -> Changes:
        """Switch a language rule on or off (LensService.set_rule_on)."""
        self._journal.lens.set_rule_on(rule_id, on)
        return Changes(lens_rules=True)

    def add_spelling_word(self, word: str) -> Changes:
        """Add a word to the personal dictionary (SpellingService.add_word)."""
        self._journal.spelling.add_word(word)
        return Changes(settings=True)
