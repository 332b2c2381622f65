"""The word count in the status bar: the words in the open entry's text boxes.

Counted a moment after typing stops (not on every key), over the boxes the kind shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:
    from carejournal.ui.editor.entry_editor import EntryEditor

PAUSE_MS = 150


def count_words(text: str) -> int:
    """Words as a word processor counts them: runs of non-space with a letter or digit
    ("co-production" is one word, a lone dash none)."""
    return sum(1 for token in text.split() if any(c.isalnum() for c in token))


class WordCount(QLabel):
    """"123 words", for the entry open in the editor."""

    def __init__(self, editor: EntryEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.setAccessibleName(self.tr("Word count"))
        self.timer = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self.timer.timeout.connect(self.recount)
        for signal in (editor.edited, editor.body.textChanged, editor.header.kind_changed,
                       editor.sections.model_changed):
            signal.connect(self.timer.start)
        self.recount()

    def words(self) -> int:
        """The words in the text boxes the entry's kind shows."""
        return sum(count_words(edit.toPlainText()) for _label, edit in self.editor.text_fields())

    def recount(self) -> None:
        self.timer.stop()
        count = self.words()
        self.setText(self.tr("%n words", "", count))
