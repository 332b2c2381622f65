"""The journal's writes that the window makes, each saying what it changed.

Journal.add returns the new entry's id, Journal.trash a count, and the CLI and the tests
rely on that; here the same writes return a Done (that result and the Changes) or the
Changes alone, for the window to hand to its one change signal (ui/shared/changes.py).
Reach them as journal.ops.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from carejournal.core.changes import Changes, Done

if TYPE_CHECKING:
    from carejournal.core.cpd import FeedbackDraft, LearningDraft
    from carejournal.core.domain import EntryDraft
    from carejournal.core.import_plan import ImportReport
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

    def import_files(self, fmt: str, files: Sequence[Path], mapping: str = ""
                     ) -> Done[ImportReport]:
        """Import files all or nothing (services/importing.py); what was imported."""
        from carejournal.services.importing import changes_of, import_files

        report = import_files(self._journal, fmt, list(files), mapping)
        return Done(report, changes_of(report))

    def set_person_names(self, name: str, nicknames: Sequence[str], alias: str) -> Changes:
        """Set someone's other names and pack alias (NamesService.set_names)."""
        self._journal.names.set_names(name, nicknames, alias)
        return Changes(names=True)

    def rename_person(self, old: str, new: str) -> Done[int]:
        """Call someone by a new name in every entry; how many entries followed."""
        return _followed(self._journal.names.rename_person(old, new), person=True)

    def merge_people(self, source: str, target: str) -> Done[int]:
        """Merge one person into another; how many entries followed."""
        return _followed(self._journal.names.merge_people(source, target), person=True)

    def rename_tag(self, old: str, new: str) -> Done[int]:
        """Rename a tag in every entry; how many entries followed."""
        return _followed(self._journal.names.rename_tag(old, new))

    def merge_tags(self, source: str, target: str) -> Done[int]:
        """Merge one tag into another; how many entries followed."""
        return _followed(self._journal.names.merge_tags(source, target))

    # -- learning and feedback (CpdService), the tracker's figures ---------------------------
    def add_learning(self, draft: LearningDraft) -> Done[int]:
        """Store a learning record (CpdService.add_learning); its id."""
        return Done(self._journal.cpd.add_learning(draft), Changes(cpd=True))

    def update_learning(self, learning_id: int, draft: LearningDraft,
                        remove_evidence: Collection[int] = ()) -> Changes:
        """Reword a learning record, removing and adding evidence files."""
        self._journal.cpd.update_learning(learning_id, draft, remove_evidence)
        return Changes(cpd=True)

    def delete_learning(self, learning_id: int) -> Changes:
        """Delete a learning record and its evidence for good (there is no trash for them)."""
        self._journal.cpd.delete_learning(learning_id)
        return Changes(cpd=True)

    def add_feedback(self, draft: FeedbackDraft) -> Done[int]:
        """Store a feedback record (CpdService.add_feedback); its id."""
        return Done(self._journal.cpd.add_feedback(draft), Changes(cpd=True))

    def update_feedback(self, feedback_id: int, draft: FeedbackDraft) -> Changes:
        """Reword a feedback record."""
        self._journal.cpd.update_feedback(feedback_id, draft)
        return Changes(cpd=True)

    def delete_feedback(self, feedback_id: int) -> Changes:
        """Delete a feedback record for good."""
        self._journal.cpd.delete_feedback(feedback_id)
        return Changes(cpd=True)


def _followed(entry_ids: Sequence[int], person: bool = False) -> Done[int]:
    """A rename or merge: the entries it reached (counted) and that names changed (a
    person's goals and the strengths noted while preparing follow them)."""
    return Done(len(entry_ids), Changes(entries=frozenset(entry_ids), names=True, goals=person,
                                        preparation=person))
