"""Undoable journal operations for the window's undo stack (Edit > Undo)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from carejournal.core.changes import Changes
from carejournal.services.operations import JournalOps

AfterChange = Callable[[Changes], None]


class MoveEntriesCommand(QUndoCommand):
    """Move entries to the trash, or restore them; undo does the opposite.

    `after` is told what the move changed (its shown entry is the one to show, or None);
    the window hands that on to its change signal.
    """

    def __init__(self, ops: JournalOps, entry_ids: Sequence[int], to_trash: bool,
                 after: AfterChange) -> None:
        text = (QCoreApplication.translate("CareJournal", "Move to Trash") if to_trash
                else QCoreApplication.translate("CareJournal", "Restore from Trash"))
        super().__init__(text)
        self._ops = ops
        self._ids = list(entry_ids)
        self._to_trash = to_trash
        self._after = after

    def redo(self) -> None:
        self._apply(self._to_trash)

    def undo(self) -> None:
        self._apply(not self._to_trash)

    def _apply(self, to_trash: bool) -> None:
        done = self._ops.trash(self._ids) if to_trash else self._ops.restore(self._ids)
        self._after(done.changes)
