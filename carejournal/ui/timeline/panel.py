"""The left side of the window: search, filters and the timeline list."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.domain import EntryRow
from carejournal.ui.supervision.banner import SupervisionLine
from carejournal.ui.timeline.delegate import TimelineDelegate
from carejournal.ui.timeline.filter_bar import FilterBar
from carejournal.ui.timeline.model import ID_ROLE, TimelineModel


class TimelinePanel(QWidget):
    """Filters above a list of entries (and, near a supervision, a line suggesting the
    preparation). Emits `current_changed(id or None)`."""

    current_changed = Signal(object)
    activated = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.supervision = SupervisionLine()
        self.filters = FilterBar()
        self.model = TimelineModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(TimelineDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setAccessibleName(self.tr("Timeline of entries"))
        self.view.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.empty = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.empty.setAccessibleName(self.tr("Timeline message"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        self.banner = self._trash_bar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.supervision)
        layout.addWidget(self.filters)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        self.view.selectionModel().currentChanged.connect(self._on_current)
        self.view.activated.connect(lambda _index: self.activated.emit())

    def _trash_bar(self) -> QFrame:
        """What the list says and offers when it shows the trash: Restore, Empty Trash."""
        bar = QFrame()
        bar.setFrameShape(QFrame.Shape.StyledPanel)
        bar.setAccessibleName(self.tr("Trash"))
        self.banner_text = QLabel(self.tr(
            "Showing the trash. Choose an entry and restore it, or go back to the journal."),
            wordWrap=True)
        self.restore_button = QPushButton(self.tr("&Restore"))
        self.restore_button.setAccessibleName(self.tr("Restore the chosen entry"))
        self.restore_button.setToolTip(self.tr("Bring the chosen entry back into the journal"))
        self.empty_button = QPushButton(self.tr("Empty Trash…"))
        self.back_button = QPushButton(self.tr("Back to the Journal"))
        buttons = QHBoxLayout()
        for button in (self.restore_button, self.empty_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        layout = QVBoxLayout(bar)
        layout.addWidget(self.banner_text)
        layout.addLayout(buttons)
        bar.hide()
        return bar

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.restore_button.setEnabled(current.isValid())
        self.current_changed.emit(current.data(ID_ROLE) if current.isValid() else None)

    def set_rows(self, rows: list[EntryRow], empty_message: str) -> None:
        """Show these rows, or the message when there are none."""
        self.view.selectionModel().blockSignals(True)
        self.model.set_rows(rows)
        self.view.selectionModel().blockSignals(False)
        self.restore_button.setEnabled(self.view.currentIndex().isValid())
        self.empty.setText(empty_message)
        self.stack.setCurrentWidget(self.view if rows else self.empty)

    def empty_message(self, trash_mode: bool, total: int) -> str:
        """What the list says when it shows nothing."""
        if trash_mode:
            return self.tr("The trash is empty.")
        if total == 0:
            return self.tr("No entries yet.\nYour entries will appear here, newest first.")
        return self.tr("No entries match this search or these filters.\n"
                       "Press Ctrl+Shift+L to clear them.")

    def count_text(self, trash_mode: bool, shown: int, total: int) -> str:
        """The status bar's count of entries shown."""
        if trash_mode:
            return self.tr("%n entries in the trash", "", total)
        if shown == total:
            return self.tr("%n entries", "", total)
        return self.tr("Showing {shown} of %n entries", "", total).format(shown=shown)

    def current_id(self) -> int | None:
        """The id of the highlighted entry, if any."""
        index = self.view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select(self, entry_id: int | None, quiet: bool = True) -> bool:
        """Highlight an entry (without announcing it when quiet); False if it is not shown."""
        row = self.model.row_of(entry_id) if entry_id is not None else -1
        selection = self.view.selectionModel()
        selection.blockSignals(quiet)
        if row < 0:
            selection.clear()
        else:
            index = self.model.index(row)
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.view.scrollTo(index)
        selection.blockSignals(False)
        self.restore_button.setEnabled(row >= 0)
        return row >= 0

    def select_row(self, row: int) -> None:
        """Highlight (and announce) the entry at a position, clamped to the list."""
        count = self.model.rowCount()
        if count:
            entry_id = self.model.entry_id(min(max(row, 0), count - 1))
            self.select(entry_id, quiet=False)

    def step(self, delta: int) -> None:
        """Move the highlight down (+1) or up (-1) the list."""
        current = self.view.currentIndex()
        self.select_row(current.row() + delta if current.isValid() else 0)

    def add_month_view(self, month: QWidget) -> None:
        """Put the month view (built after the first paint) below the list."""
        layout = self.layout()
        if layout is not None:
            layout.addWidget(month)

    def show_trash_banner(self, shown: bool) -> None:
        """Say plainly when the list shows the trash."""
        self.banner.setVisible(shown)
