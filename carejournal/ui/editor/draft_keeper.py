"""Keeps a draft of unsaved typing inside the journal, so a crash never loses a sentence.

On every change in the editor a draft is written at most once a second (far cheaper than
a full save); a save that works clears it. At start, drafts left behind are offered back.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from carejournal.core.domain import Entry, EntryDraft, utc_now
from carejournal.core.errors import NotSaved
from carejournal.services.drafts import DraftService, PendingDraft, draft_to_json
from carejournal.ui.editor.autosave import SaveState
from carejournal.ui.shared.problems import PROBLEMS

if TYPE_CHECKING:
    from carejournal.ui.main_window import MainWindow

DRAFT_DELAY_MS = 1000
_DRAFT_FIELDS = tuple(f.name for f in dataclasses.fields(EntryDraft))


class DraftKeeper(QObject):
    """Writes the editor's draft a moment after typing starts; forgets it once saved."""

    written = Signal()  # a draft was written to the journal

    def __init__(self, window: MainWindow, clock: Callable[[], dt.datetime] = utc_now,
                 delay_ms: int = DRAFT_DELAY_MS) -> None:
        super().__init__(window)
        self.setObjectName("draft_keeper")
        self.window = window
        self._clock = clock
        self.timer = QTimer(self, singleShot=True, interval=delay_ms)
        self.timer.timeout.connect(self.write)
        window.editor.edited.connect(self.note)
        window.autosaver.state_changed.connect(self._on_save_state)

    def drafts(self) -> DraftService:
        """The journal's drafts."""
        return self.window.journal.drafts

    def note(self) -> None:
        """Something was typed: write the draft within a second (not again before then)."""
        if not self.timer.isActive():
            self.timer.start()

    def write(self) -> bool:
        """Write the editor's draft now; True if it was written."""
        self.timer.stop()
        editor = self.window.editor
        try:
            content = draft_to_json(editor.draft(), editor.mirror_of)
            self.drafts().save_draft(editor.entry_id, content, self._clock())
        except NotSaved as exc:  # the safety net failed: the text is safe nowhere but here
            self.window.save_problem = exc
            self.window.autosaver.fail(QCoreApplication.translate(
                "MainWindow", "Your changes are not saved yet: {problem} Your text is still here."
            ).format(problem=exc))
            return False
        except PROBLEMS:
            return False  # only a safety net: the save itself reports problems
        self.written.emit()
        return True

    def _on_save_state(self, state: SaveState, _message: str) -> None:
        if state is SaveState.SAVED:
            self.forget()

    def forget(self) -> None:
        """The editor's content is saved (or was let go): its draft is no longer needed."""
        self.timer.stop()
        try:
            self.drafts().discard(None)
            if self.window.editor.entry_id is not None:
                self.drafts().discard(self.window.editor.entry_id)
        except PROBLEMS:
            pass

    # -- after a crash ------------------------------------------------------------------
    def offer_recovery(self) -> None:
        """Offer back each draft left behind: recover it, discard it, or decide later."""
        try:
            pending = self.drafts().pending()
        except PROBLEMS:
            return
        if not pending:
            return
        from carejournal.ui.editor.recover_dialog import RecoverDialog  # only after a crash

        for left in pending:
            dialog = RecoverDialog(left, self.window)
            dialog.exec()
            if dialog.choice is RecoverDialog.Choice.RECOVER:
                self.recover(left)
            elif dialog.choice is RecoverDialog.Choice.DISCARD:
                self._discard(left.entry_id)

    def _discard(self, entry_id: int | None) -> None:
        try:
            self.drafts().discard(entry_id)
        except PROBLEMS:
            pass

    def recover(self, left: PendingDraft) -> None:
        """Open the draft in the editor as unsaved changes; the autosave then saves it."""
        entry = self._entry(left.entry_id)
        if entry is not None:
            self.window.show_entry(entry.id)
            if self.window.editor.entry_id != entry.id:
                return  # the entry open before could not be saved: its text stays
            values = {name: getattr(left.draft, name) for name in _DRAFT_FIELDS}
            self.window.editor.load(dataclasses.replace(entry, **values))
        else:
            self.window.new_entry(left.draft.kind)
            if self.window.editor.entry_id is not None:
                return
            self.window.editor.show_draft(left.draft, left.mirror_of)
            if left.entry_id is not None:  # its entry is gone: it lives on as a new one
                self._discard(left.entry_id)
        self.window.editor.edited.emit()  # unsaved changes: the autosave takes it from here
        self.write()

    def _entry(self, entry_id: int | None) -> Entry | None:
        """The (not trashed) entry a draft belongs to, or None."""
        if entry_id is None:
            return None
        try:
            entry = self.window.journal.get(entry_id)
        except PROBLEMS:
            return None
        return entry if entry.deleted_at is None else None


def install(window: MainWindow, offer: bool = True) -> DraftKeeper:
    """Give the window a draft keeper (once); with offer, offer left drafts once it runs."""
    keeper = window.findChild(DraftKeeper, "draft_keeper")
    if isinstance(keeper, DraftKeeper):
        return keeper
    keeper = DraftKeeper(window)
    if offer:
        QTimer.singleShot(0, keeper, keeper.offer_recovery)
    return keeper
