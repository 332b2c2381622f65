"""Text boxes that grow with what is written, so the page scrolls and the box does not.

A plain text box lays out only the lines it shows, so its document's size is known for
those alone; `lines_needed` counts the laid-out lines and estimates the others from the
text's width, and the box grows again once Qt has laid them out. Past `MAX_LINES` (a
pasted book) the box stops growing and scrolls inside: a box thousands of lines tall would
have Qt lay out and underline every line at once.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QPlainTextEdit

MAX_LINES = 300  # about 3,000 words; a longer text scrolls in its box, which stays quick


def lines_needed(edit: QPlainTextEdit) -> int:
    """How many lines the text takes at the box's width (laid out, or estimated)."""
    width = max(1, edit.viewport().width() - 2 * int(edit.document().documentMargin()))
    metrics = edit.fontMetrics()
    wraps = edit.lineWrapMode() is not QPlainTextEdit.LineWrapMode.NoWrap
    lines, block = 0, edit.document().firstBlock()
    while block.isValid() and lines <= MAX_LINES:
        laid_out = block.layout().lineCount() if block.layout() is not None else 0
        if laid_out:
            lines += laid_out
        elif wraps and block.length() > 1:
            lines += max(1, math.ceil(metrics.horizontalAdvance(block.text()) / width))
        else:
            lines += 1
        block = block.next()
    return lines


class GrowWithText(QObject):
    """Keeps one text box as tall as its text, and never shorter than min_lines.

    Emits `cursor_moved(edit)` when the box's cursor moves, so the page can follow it (the
    signal belongs to this child of the box, so nothing hears it once the box goes).
    """

    cursor_moved = Signal(QObject)

    def __init__(self, edit: QPlainTextEdit, min_lines: int,
                 floor: Callable[[], int] | None = None) -> None:
        super().__init__(edit)
        self.edit = edit
        self.min_lines = min_lines
        self.floor = floor  # a least height in pixels, asked each time (the page's share)
        self._fitting = False
        edit.document().documentLayout().documentSizeChanged.connect(self.schedule)
        edit.textChanged.connect(self.schedule)
        # Queued: a move reported while the box is being deleted is dropped with this child.
        edit.cursorPositionChanged.connect(self._moved, Qt.ConnectionType.QueuedConnection)
        edit.installEventFilter(self)  # a new width, or a page taller or shorter
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.Show):
            self.schedule()
        return False

    def _moved(self) -> None:
        self.cursor_moved.emit(self.edit)

    def schedule(self, *_args: object) -> None:
        """Fit now (at once, so the page is laid out in the same pass as the change)."""
        if not self._fitting:
            self._fitting = True
            try:
                self.fit()
            finally:
                self._fitting = False

    def _floor(self) -> int:
        """The page's least height for the box; none while the page is being taken down (a
        resize or show can reach the box after the editor's other widgets are deleted)."""
        if self.floor is None:
            return 0
        try:
            return self.floor()
        except RuntimeError:  # "Internal C++ object ... already deleted"
            return 0

    def height_for(self, lines: int) -> int:
        """The box's height that shows this many lines with no inner scrolling."""
        edit = self.edit
        margins = edit.contentsMargins()
        document = 2 * edit.document().documentMargin()
        frame = 2 * edit.frameWidth() if edit.frameShape() is not QFrame.Shape.NoFrame else 0
        return (lines * edit.fontMetrics().lineSpacing() + int(document) + frame
                + margins.top() + margins.bottom() + 4)

    def fit(self) -> None:
        """Take the height the text needs now (one extra line, so the next is in view)."""
        lines = min(MAX_LINES, max(self.min_lines, lines_needed(self.edit) + 1))
        height = max(self.height_for(lines), self._floor())
        if height != self.edit.height() or self.edit.minimumHeight() != height:
            self.edit.setFixedHeight(height)


def grow_with_text(edit: QPlainTextEdit, min_lines: int,
                   floor: Callable[[], int] | None = None) -> GrowWithText:
    """Make edit grow with its text (its page scrolls instead of it)."""
    return GrowWithText(edit, min_lines, floor)
