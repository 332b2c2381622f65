"""The worker's own list of little things: add, reword, retire or bring back."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.kindness import Act
from carejournal.services.kindness import KindnessService
from carejournal.ui.shared.problems import PROBLEMS


class ActsDialog(QDialog):
    """Edits the catalogue through the kindness service; entries keep the words they had."""

    def __init__(self, kindness: KindnessService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kindness = kindness
        self.changed = False
        self.setWindowTitle(self.tr("Your little things"))
        intro = QLabel(self.tr(
            "The little things offered when you write. Add your own, reword them, or retire "
            "ones you no longer want offered. Entries already written keep their words."),
            wordWrap=True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Your little things"))
        self.add_button = QPushButton(self.tr("&Add…"))
        self.rename_button = QPushButton(self.tr("Re&word…"))
        self.retire_button = QPushButton(self.tr("&Retire"))
        for button, name in ((self.add_button, self.tr("Add a little thing")),
                             (self.rename_button, self.tr("Reword the chosen little thing")),
                             (self.retire_button, self.tr("Retire or bring back"))):
            button.setAccessibleName(name)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.retire_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_act)
        self.rename_button.clicked.connect(self.rename_act)
        self.retire_button.clicked.connect(self.toggle_retired)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.resize(560, 460)
        self.reload()

    def reload(self, keep: int | None = None) -> None:
        """List every act, retired ones marked and greyed."""
        self.list.clear()
        for act in self.kindness.acts(include_retired=True):
            text = (self.tr("{label} (retired)").format(label=act.label) if act.retired
                    else act.label)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, act.id)
            if act.retired:
                font = QFont(item.font())
                font.setItalic(True)
                item.setFont(font)
            self.list.addItem(item)
            if act.id == keep:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self._update_buttons()

    def current(self) -> Act | None:
        item = self.list.currentItem()
        if item is None:
            return None
        return self.kindness.find(str(item.data(Qt.ItemDataRole.UserRole)), include_retired=True)

    def _update_buttons(self) -> None:
        act = self.current()
        self.rename_button.setEnabled(act is not None)
        self.retire_button.setEnabled(act is not None)
        self.retire_button.setText(self.tr("&Bring back") if act and act.retired
                                   else self.tr("&Retire"))

    def add_act(self) -> None:
        label, ok = QInputDialog.getText(self, self.tr("Add a little thing"),
                                         self.tr("In a few words:"))
        if ok:
            self._apply(lambda: self.kindness.add_act(label).id, None)

    def rename_act(self) -> None:
        act = self.current()
        if act is None:
            return
        label, ok = QInputDialog.getText(self, self.tr("Reword a little thing"),
                                         self.tr("New words:"), text=act.label)
        if ok:
            self._apply(lambda: self.kindness.rename_act(act, label), act.id)

    def toggle_retired(self) -> None:
        act = self.current()
        if act is not None:
            self._apply(lambda: self.kindness.retire_act(act, not act.retired), act.id)

    def _apply(self, change: Callable[[], int | None], keep: int | None) -> None:
        """Make a change; keep the act (or the new one, whose id change returns) chosen."""
        try:
            keep = change() or keep
        except PROBLEMS as exc:
            QMessageBox.warning(self, self.tr("Not changed"), str(exc))
            return
        self.changed = True
        self.reload(keep)
