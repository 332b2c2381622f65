"""Undoable journal operations for the window's undo stack (Edit > Undo)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from carejournal.services.journal import Journal

AfterChange = Callable[[int | None], None]


class MoveEntriesCommand(QUndoCommand):
    """Move entries to the trash, or restore them; undo does the opposite.

    `after` is told which entry to show once the change is made (or None).
    """

    def __init__(self, journal: Journal, entry_ids: Sequence[int], to_trash: bool,
                 after: AfterChange) -> None:
        text = (QCoreApplication.translate("CareJournal", "Move to Trash") if to_trash
                else QCoreApplication.translate("CareJournal", "Restore from Trash"))
        super().__init__(text)
        self._journal = journal
        self._ids = list(entry_ids)
        self._to_trash = to_trash
        self._after = after

    def redo(self) -> None:
        self._apply(self._to_trash)

    def undo(self) -> None:
        self._apply(not self._to_trash)

    def _apply(self, to_trash: bool) -> None:
        if to_trash:
            self._journal.trash(self._ids)
            self._after(None)
        else:
            self._journal.restore(self._ids)
            self._after(self._ids[0])
