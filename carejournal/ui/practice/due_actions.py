"""Action plan items whose review date has come: a notice, and a small list to act on."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.domain import DueAction
from carejournal.ui.shared.dates import local_day
from carejournal.ui.shared.elided import ElidedLabel


def due_text(item: DueAction, today: dt.date) -> str:
    """One line for a due action: what, when it was due, and from which entry."""
    translate = QCoreApplication.translate
    when = (translate("CareJournal", "due today") if item.review_on == today
            else translate("CareJournal", "due since {date}").format(
                date=local_day(item.review_on, "dd MMM yyyy")))
    return translate("CareJournal", "{action} ({when}) — from: {entry}").format(
        action=item.text, when=when, entry=item.entry_summary)


class DueNotice(QWidget):
    """A quiet line above the journal: 'N actions are due for review', with a button."""

    show_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # One line always (a second would push the window up); a longer language is
        # shortened with "…" and read whole in the tooltip.
        self.label = ElidedLabel()
        self.label.setAccessibleName(self.tr("Actions due for review"))
        self.button = QPushButton(self.tr("&Review actions…"))
        self.button.setAccessibleName(self.tr("Review the actions that are due"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.button.clicked.connect(self.show_requested)
        self.hide()

    def set_count(self, count: int) -> None:
        """Show how many actions are due; hidden when none are."""
        self.label.setText(
            self.tr("%n actions from your reflections are due for review.", "", count))
        self.setVisible(count > 0)


class DueActionsDialog(QDialog):
    """Lists due actions; mark one done, or open the reflection it came from."""

    open_entry = Signal(int)
    mark_done = Signal(int)

    def __init__(self, items: list[DueAction], today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Actions due for review"))
        self.today = today
        intro = QLabel(self.tr(
            "Actions you planned in your reflections, whose review date has come. "
            "Nothing here is overdue in a bad way: look again when it suits you."), wordWrap=True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Actions due for review"))
        self.list.setWordWrap(True)  # long actions wrap rather than run off the side
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setSpacing(2)
        self.done_button = QPushButton(self.tr("Mark &done"))
        self.open_button = QPushButton(self.tr("&Open the reflection"))
        for button, name in ((self.done_button, self.tr("Mark the action done")),
                             (self.open_button, self.tr("Open the reflection it came from"))):
            button.setAccessibleName(name)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.done_button)
        row.addWidget(self.open_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        self.done_button.clicked.connect(self._done)
        self.open_button.clicked.connect(self._open)
        self.list.itemActivated.connect(self._open)
        self.set_items(items)
        self.resize(720, 380)

    def set_items(self, items: list[DueAction]) -> None:
        self.list.clear()
        for item in items:
            row = QListWidgetItem(due_text(item, self.today))
            row.setData(Qt.ItemDataRole.UserRole, (item.id, item.entry_id))
            self.list.addItem(row)
        if items:
            self.list.setCurrentRow(0)
        for button in (self.done_button, self.open_button):
            button.setEnabled(bool(items))

    def _chosen(self) -> tuple[int, int] | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _done(self) -> None:
        chosen = self._chosen()
        if chosen:
            self.mark_done.emit(chosen[0])

    def _open(self) -> None:
        chosen = self._chosen()
        if chosen:
            self.open_entry.emit(chosen[1])
            self.accept()
