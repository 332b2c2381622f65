"""A quiet note in the status bar after a write that can be undone: "Moved to the trash —
Undo". Its button undoes that very write through the window's undo stack (so the undo is
the stack's, through journal.ops, and Edit › Undo stays in step); the note goes when the
stack moves on (another write, an undo) or after a while.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

SHOWN_MS = 30_000


class UndoNote(QWidget):
    """A line of text and an Undo button for the command last pushed on the stack."""

    def __init__(self, stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stack = stack
        self._command: QUndoCommand | None = None
        self.label = QLabel()
        self.button = QPushButton(self.tr("Undo"))
        self.button.setAccessibleName(self.tr("Undo"))
        self.button.clicked.connect(self.undo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 0, 0, 0)  # apart from the count beside it
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self.timer = QTimer(self, singleShot=True, interval=SHOWN_MS)
        self.timer.timeout.connect(self.dismiss)
        stack.indexChanged.connect(self._stack_moved)
        self.hide()

    def offer(self, text: str) -> None:
        """Say what the command just pushed did, with Undo beside it."""
        index = self._stack.index()
        self._command = self._stack.command(index - 1) if index > 0 else None
        if self._command is None:
            return
        self.label.setText(text)
        self.button.setToolTip(self._command.actionText())
        self.show()
        self.timer.start()

    def undo(self) -> None:
        """Undo the command the note is about, if it is still the last one done."""
        if self._is_current():
            self._stack.undo()
        self.dismiss()

    def dismiss(self) -> None:
        self._command = None
        self.timer.stop()
        self.hide()

    def _is_current(self) -> bool:
        index = self._stack.index()
        return (self._command is not None and index > 0
                and self._stack.command(index - 1) is self._command)

    def _stack_moved(self, _index: int) -> None:
        if not shiboken6.isValid(self._stack):  # the window's stack clears as it goes
            return
        if not self._is_current():
            self.dismiss()
