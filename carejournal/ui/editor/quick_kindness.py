"""A small dialog to log a little thing in one go (Ctrl+K)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from carejournal.core.kindness import Act


class QuickKindnessDialog(QDialog):
    """Pick an act, say who it was for, add a note if you like."""

    def __init__(self, acts: list[Act], people: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Log a little thing"))
        self.act = QComboBox()
        self.act.setAccessibleName(self.tr("Little thing"))
        for act in acts:
            self.act.addItem(act.label, act.id)
        self.person = QComboBox(editable=True)
        self.person.setAccessibleName(self.tr("For whom (optional)"))
        self.person.addItems(["", *people])
        self.note = QLineEdit(placeholderText=self.tr("A few words (optional)"))
        self.note.setAccessibleName(self.tr("Note"))
        intro = QLabel(self.tr("The small things make a big difference. Logged for today."))
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log it"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self.tr("&Little thing"), self.act)
        form.addRow(self.tr("For &whom"), self.person)
        form.addRow(self.tr("&Note"), self.note)
        form.addRow(buttons)
        self.resize(520, self.sizeHint().height())

    def chosen_act_id(self) -> int:
        """The id of the act picked."""
        return int(self.act.currentData())
