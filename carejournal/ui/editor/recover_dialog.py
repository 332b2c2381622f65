"""Offers back unsaved writing left behind when CareJournal closed before saving it."""

from __future__ import annotations

import enum

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from carejournal.services.drafts import PendingDraft
from carejournal.ui.shared.dates import local_day, local_moment


class RecoverDialog(QDialog):
    """Shows one draft's text: Recover it, Discard it (asked once), or close to decide later."""

    class Choice(enum.Enum):
        """What the worker chose."""

        RECOVER = "recover"
        DISCARD = "discard"
        LATER = "later"

    def __init__(self, left: PendingDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.left = left
        self.choice = RecoverDialog.Choice.LATER
        self.setWindowTitle(self.tr("Recover unsaved writing?"))
        self.question = QLabel(self.tr("CareJournal closed before this was saved. "
                                       "Recover it?"), wordWrap=True)
        self.question.setStyleSheet("font-weight: bold;")
        self.detail = QLabel(self._detail(), wordWrap=True)
        self.text = QPlainTextEdit(readOnly=True)
        self.text.setPlainText(left.text() or self.tr("(No text was written yet.)"))
        self.text.setAccessibleName(self.tr("The unsaved writing"))
        label = QLabel(self.tr("&What was written:"))
        label.setBuddy(self.text)
        self._build_buttons()
        layout = QVBoxLayout(self)
        for widget in (self.question, self.detail, label):
            layout.addWidget(widget)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 400)

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox()
        self.recover_button = QPushButton(self.tr("&Recover"))
        self.recover_button.setAccessibleName(self.tr("Recover this writing"))
        self.recover_button.setDefault(True)
        self.discard_button = QPushButton(self.tr("&Discard…"))
        self.discard_button.setAccessibleName(self.tr("Discard this writing"))
        self.buttons.addButton(self.recover_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.recover_button.clicked.connect(self.recover)
        self.discard_button.clicked.connect(self.discard)

    def _detail(self) -> str:
        when = local_moment(self.left.saved_at.astimezone())
        if self.left.entry_id is None:
            return self.tr("A new entry, last typed at {when}.").format(when=when)
        return self.tr("Changes to the entry dated {day}, last typed at {when}.").format(
            day=local_day(self.left.draft.occurred_on, "dd MMMM yyyy"), when=when)

    def recover(self) -> None:
        """Take the writing back into the editor."""
        self.choice = RecoverDialog.Choice.RECOVER
        self.accept()

    def discard(self) -> None:
        """Let the writing go, after asking once."""
        answer = QMessageBox.question(
            self, self.tr("Discard this writing?"),
            self.tr("It will be gone for good. You can also close this window and decide "
                    "next time."),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Discard:
            self.choice = RecoverDialog.Choice.DISCARD
            self.accept()
