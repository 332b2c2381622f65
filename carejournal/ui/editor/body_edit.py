"""The entry text box: a lens-checked text editor that stays responsive with huge pastes."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QPlainTextEdit

from carejournal.ui.lens.text_edit import LensEdit

# Qt's line wrapping slows down sharply on one very long line (a 5 MB single line
# takes minutes); past this length we stop wrapping, which Qt lays out quickly.
LONG_LINE = 20_000


def has_long_line(text: str) -> bool:
    """True if any line of text is longer than LONG_LINE characters."""
    if len(text) <= LONG_LINE:
        return False
    return any(len(line) > LONG_LINE for line in text.split("\n"))


class BodyEdit(LensEdit):
    """LensEdit that switches off wrapping before showing very long lines."""

    def set_text(self, text: str) -> None:
        """Replace the text, choosing the wrap mode first."""
        self._choose_wrap(text)
        self.setPlainText(text)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText() and has_long_line(source.text()):
            self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        super().insertFromMimeData(source)

    def _choose_wrap(self, text: str) -> None:
        mode = (QPlainTextEdit.LineWrapMode.NoWrap if has_long_line(text)
                else QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setLineWrapMode(mode)
