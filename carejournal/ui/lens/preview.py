"""The whole sentence an alternative would make, shown before anything in the text changes."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from carejournal.lens.rewrite import Rewrite

MIN_WIDTH = 460  # a sentence reads on two or three lines, not seven


class RewritePreview(QDialog):
    """"Replace with …?": the rewritten sentence, its change marked; Replace or Cancel."""

    def __init__(self, rewrite: Rewrite, original: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rewrite = rewrite
        self.setWindowTitle(self.tr("Replace wording"))
        self.setMinimumWidth(MIN_WIDTH)
        layout = QVBoxLayout(self)
        self.before = QLabel(self.tr("Now: {sentence}").format(sentence=original))
        self.before.setWordWrap(True)
        self.before.setTextFormat(Qt.TextFormat.PlainText)
        self.after = QLabel(self.marked(rewrite))
        self.after.setWordWrap(True)
        self.after.setTextFormat(Qt.TextFormat.RichText)
        self.after.setAccessibleName(self.tr("The sentence after replacing: {sentence}").format(
            sentence=rewrite.sentence))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.replace_button = self.buttons.addButton(
            self.tr("Replace"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.replace_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.before)
        layout.addWidget(self.after)
        layout.addWidget(self.buttons)

    def marked(self, rewrite: Rewrite) -> str:
        """The new sentence with the changed words bold and underlined (not colour alone)."""
        low, high = rewrite.changed
        sentence = rewrite.sentence
        changed = (f"<b><u style='text-decoration-color: #0f766e'>{escape(sentence[low:high])}"
                   "</u></b>")
        text = escape(sentence[:low]) + changed + escape(sentence[high:])
        return self.tr("After: {sentence}").format(sentence=text)
