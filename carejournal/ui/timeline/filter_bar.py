"""Search box and filters above the timeline."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from carejournal.core.domain import EntryFilter, EntryKind
from carejournal.core.kinds import KINDS
from carejournal.ui.shared.dates import py_date, qdate
from carejournal.ui.shared.pickers import date_edit, name_combo, refill_names
from carejournal.ui.shared.strings import kind_label

ANY_DATE = QDate(1900, 1, 1)
SEARCH_DELAY_MS = 200


class FilterBar(QWidget):
    """Emits `changed` when the search text (after a short pause) or a filter changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(placeholderText=self.tr("Search your journal (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search entries"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Filter by kind"))
        self.kind.addItem(self.tr("All kinds"), None)
        for spec in KINDS:
            self.kind.addItem(kind_label(spec.kind), spec.key)
        self.person = name_combo(self.tr("Everyone"), self.tr("Filter by person"))
        self.tag = name_combo(self.tr("All tags"), self.tr("Filter by tag"))
        self.since = _date_edit(self.tr("From date"))
        self.until = _date_edit(self.tr("To date"))
        self.last_supervision: dt.date | None = None
        self.since_supervision = QPushButton(self.tr("Sin&ce last supervision"))
        self.since_supervision.setCheckable(True)
        self.since_supervision.hide()  # offered once a session up to today is recorded
        self.clear = QPushButton(self.tr("Clear"))
        self.clear.setAccessibleName(self.tr("Clear search and filters"))
        self.clear.setToolTip(self.tr("Clear search and filters"))
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._layout()
        self._connect()

    def _layout(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.search, 0, 0, 1, 4)
        grid.addWidget(self.kind, 1, 0, 1, 2)
        grid.addWidget(self.person, 1, 2)
        grid.addWidget(self.tag, 1, 3)
        dates = QHBoxLayout()
        from_label = QLabel(self.tr("Fro&m"))
        from_label.setBuddy(self.since)
        to_label = QLabel(self.tr("t&o"))
        to_label.setBuddy(self.until)
        for widget in (from_label, self.since, to_label, self.until):
            dates.addWidget(widget)
        dates.addStretch(1)
        dates.addWidget(self.clear)
        grid.addLayout(dates, 2, 0, 1, 4)
        grid.addWidget(self.since_supervision, 3, 0, 1, 4, Qt.AlignmentFlag.AlignLeft)

    def _connect(self) -> None:
        self.search.textChanged.connect(self._debounce.start)
        self._debounce.timeout.connect(self.changed)
        for combo in (self.kind, self.person, self.tag):
            combo.currentIndexChanged.connect(self.changed)
        for edit in (self.since, self.until):
            edit.dateChanged.connect(self._sync_supervision)
            edit.dateChanged.connect(self.changed)
        self.since_supervision.clicked.connect(self._choose_since_supervision)
        self.clear.clicked.connect(self.reset)

    def flush_search(self) -> None:
        """Apply typed search text now instead of after the pause."""
        if self._debounce.isActive():
            self._debounce.stop()
            self.changed.emit()

    def current(self, trashed: bool = False) -> EntryFilter:
        """The filter the controls describe."""
        kind = self.kind.currentData()
        return EntryFilter(
            kinds=frozenset([EntryKind(kind)]) if kind else frozenset(),
            person=self.person.currentData() or "",
            tag=self.tag.currentData() or "",
            since=_date_of(self.since),
            until=_date_of(self.until),
            text=self.search.text().strip(),
            trashed=trashed,
        )

    def is_filtering(self) -> bool:
        """True if any search or filter is set."""
        flt = self.current()
        return bool(flt.kinds or flt.person or flt.tag or flt.since or flt.until or flt.text)

    def set_names(self, people: list[str], tags: list[str]) -> None:
        """Refresh the person and tag choices, keeping the current choice if still there."""
        refill_names(self.person, people)
        refill_names(self.tag, tags)

    def reset(self) -> None:
        """Clear the search and every filter."""
        widgets = (self.search, self.kind, self.person, self.tag, self.since, self.until)
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        for combo in (self.kind, self.person, self.tag):
            combo.setCurrentIndex(0)
        self.since.setDate(ANY_DATE)
        self.until.setDate(ANY_DATE)
        for widget in widgets:
            widget.blockSignals(False)
        self._sync_supervision()
        self._debounce.stop()
        self.changed.emit()

    def show_range(self, since: dt.date, until: dt.date, kind: EntryKind | None = None,
                   person: str = "") -> None:
        """Show only the entries from since to until (of one kind, about one person)."""
        widgets = (self.search, self.kind, self.person, self.tag, self.since, self.until)
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        self.tag.setCurrentIndex(0)
        self.kind.setCurrentIndex(self.kind.findData(kind.value) if kind else 0)
        if person and self.person.findData(person) < 0:
            self.person.addItem(person, person)
        self.person.setCurrentIndex(max(self.person.findData(person), 0))
        self.since.setDate(qdate(since))
        self.until.setDate(qdate(until))
        for widget in widgets:
            widget.blockSignals(False)
        self._sync_supervision()
        self._debounce.stop()
        self.changed.emit()

    def set_dates(self, since: dt.date | None, until: dt.date | None) -> None:
        """Show the entries from since to until (None: any), keeping the other filters."""
        for edit, day in ((self.since, since), (self.until, until)):
            edit.blockSignals(True)
            edit.setDate(qdate(day) if day is not None else ANY_DATE)
            edit.blockSignals(False)
        self._sync_supervision()
        self.changed.emit()

    def clear_dates(self) -> None:
        """Any date again, keeping the search and the other filters."""
        self.set_dates(None, None)

    # -- since the last supervision ---------------------------------------------
    def set_last_supervision(self, day: dt.date | None) -> None:
        """Offer 'since the last supervision' from this day (None: no session up to today).

        If that period is shown and the day moves or goes, the dates follow.
        """
        chosen = self.since_supervision.isChecked()
        self.last_supervision = day
        self.since_supervision.setVisible(day is not None)
        if day is not None:
            when = qdate(day).toString("d MMM yyyy")
            self.since_supervision.setAccessibleName(self.tr(
                "Show entries since the last supervision, on {date}").format(date=when))
            self.since_supervision.setToolTip(self.tr(
                "From {date}, the day of your last supervision, to today").format(date=when))
        if chosen:
            self.since.setDate(qdate(day) if day is not None else ANY_DATE)
        self._sync_supervision()

    def _choose_since_supervision(self, on: bool) -> None:
        """From the last supervision's day onwards, or back to any date."""
        day = self.last_supervision if on else None
        for edit, date in ((self.since, qdate(day) if day else ANY_DATE), (self.until, ANY_DATE)):
            edit.blockSignals(True)
            edit.setDate(date)
            edit.blockSignals(False)
        self._sync_supervision()
        self.changed.emit()

    def _sync_supervision(self) -> None:
        """The button is pressed exactly when the dates are 'since the last supervision'."""
        day = self.last_supervision
        self.since_supervision.setChecked(
            day is not None and _date_of(self.since) == day and _date_of(self.until) is None)


class _OpensAtToday(QCalendarWidget):
    """The date box's pop-up calendar: while the box says "Any" (its minimum date, 1 January
    1900) it opens at this month, not at January 1900."""

    def showEvent(self, event: QShowEvent) -> None:
        if self.selectedDate() == ANY_DATE:
            today = QDate.currentDate()
            self.setCurrentPage(today.year(), today.month())
        super().showEvent(event)


def _date_edit(accessible: str) -> QDateEdit:
    """A date box that can also say 'Any'."""
    edit = date_edit(accessible)
    edit.setCalendarWidget(_OpensAtToday(edit))
    edit.setMinimumDate(ANY_DATE)
    edit.setSpecialValueText(QCoreApplication.translate("FilterBar", "Any"))
    edit.setDate(ANY_DATE)
    return edit


def _date_of(edit: QDateEdit) -> dt.date | None:
    date = edit.date()
    return None if date == ANY_DATE else py_date(date)
