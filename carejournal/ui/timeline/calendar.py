"""The month view beside the timeline: which days have entries, and a click to see a day.

Days with entries are bold with a dot beside the number (not colour alone); hovering says how
many entries, and the calendar's accessible description says the same for the chosen day.
Clicking a day, or Enter on it, shows only that day in the timeline: the From and To dates
show it and "Show all days" below the month clears it. The arrow keys move between days and
Page Up/Page Down between months (QCalendarWidget's own keys). The counts are read for the
month on show only, and again when a write changes the listing or an entry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QHelpEvent,
    QPainter,
    QPalette,
    QTextCharFormat,
)
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.calendar import DayCount
from carejournal.core.changes import Changes
from carejournal.ui.shared.dates import py_date, qdate
from carejournal.ui.shared.problems import PROBLEMS

if TYPE_CHECKING:
    from carejournal.ui.main_window import MainWindow

SHOWN_KEY = "timeline/calendar_shown"
ROOMY_HEIGHT = 700  # below this screen height the month starts hidden (the list needs room)


class MonthCalendar(QCalendarWidget):
    """A QCalendarWidget that marks the days with entries and says how many on hover."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts: dict[dt.date, int] = {}
        self.setAccessibleName(self.tr("Calendar of entries"))
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setHorizontalHeaderFormat(
            QCalendarWidget.HorizontalHeaderFormat.ShortDayNames)
        self.setGridVisible(False)
        for weekend in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self.setWeekdayTextFormat(weekend, QTextCharFormat())  # calm: no red weekends
        self._name_parts()
        self.view = self.findChild(QTableView)
        if self.view is not None:
            self.view.viewport().installEventFilter(self)
        self.selectionChanged.connect(self._describe)

    def _name_parts(self) -> None:
        """Names for a screen reader: Qt leaves the month's own buttons and grid unnamed."""
        names = {"qt_calendar_calendarview": self.tr("Days of the month"),
                 "qt_calendar_prevmonth": self.tr("Previous month (Page Up)"),
                 "qt_calendar_nextmonth": self.tr("Next month (Page Down)"),
                 "qt_calendar_monthbutton": self.tr("Choose the month"),
                 "qt_calendar_yearbutton": self.tr("Choose the year"),
                 "qt_calendar_yearedit": self.tr("Year")}
        for name, text in names.items():
            part = self.findChild(QWidget, name)
            if part is not None:
                part.setAccessibleName(text)
                if isinstance(part, QToolButton):
                    part.setToolTip(text)

    def set_counts(self, counts: list[DayCount]) -> None:
        """Mark these days (the shown month's) and forget the others."""
        self.setDateTextFormat(QDate(), QTextCharFormat())  # every mark cleared
        self.counts = {c.day: c.count for c in counts}
        bold = QTextCharFormat()
        bold.setFontWeight(700)
        for day in self.counts:
            self.setDateTextFormat(qdate(day), bold)
        self.updateCells()
        self._describe()

    def count_text(self, date: QDate) -> str:
        """'3 entries', '1 entry' or 'No entries', for a day of the shown month."""
        count = self.counts.get(py_date(date), 0)
        if count == 0:
            return self.tr("No entries")
        return self.tr("%n entries", "", count)

    def day_text(self, date: QDate) -> str:
        """The day in words with its count, as the tooltip and a screen reader say it."""
        when = QLocale().toString(date, "dddd d MMMM yyyy")
        return self.tr("{date}: {count}").format(date=when, count=self.count_text(date))

    def paintCell(self, painter: QPainter, rect: QRect, date: QDate) -> None:
        super().paintCell(painter, rect, date)
        day = py_date(date)
        if day not in self.counts:
            return
        selected = day == py_date(self.selectedDate())
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        number = QFontMetrics(self.font()).horizontalAdvance(str(day.day))
        radius = max(2, rect.height() // 6)
        centre = QPoint(rect.center().x() + number // 2 + radius + 4, rect.center().y())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self.palette().color(role)))
        painter.drawEllipse(centre, radius, radius)
        painter.restore()

    def date_at(self, pos: QPoint) -> QDate | None:
        """The day shown under a point of the grid (None over the day names)."""
        if self.view is None:
            return None
        index = self.view.indexAt(pos)
        try:
            day = int(index.data())
        except (TypeError, ValueError):
            return None
        month = QDate(self.yearShown(), self.monthShown(), 1)
        rows = self.view.model().rowCount()
        if index.row() <= 2 and day > 20:  # the end of the month before
            month = month.addMonths(-1)
        elif index.row() >= rows - 2 and day < 15:  # the start of the month after
            month = month.addMonths(1)
        return QDate(month.year(), month.month(), day)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            date = self.date_at(event.pos())
            if date is None or not date.isValid():
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.day_text(date), self.view)
            return True
        return super().eventFilter(watched, event)

    def _describe(self) -> None:
        self.setAccessibleDescription(self.day_text(self.selectedDate()))


class MonthView(QWidget):
    """The month, and below it, while one day is shown, that day with "Show all days"."""

    day_chosen = Signal(object)  # a dt.date
    all_days = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Month view"))
        self.calendar = MonthCalendar()
        self.calendar.setMaximumHeight(self.calendar.sizeHint().height())
        self.showing = QLabel()
        self.showing.setAccessibleName(self.tr("Day shown"))
        self.show_all = QPushButton(self.tr("Show &all days"))
        self.show_all.setAccessibleName(self.tr("Show all days: clear the day shown"))
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.showing, 1)
        line.addWidget(self.show_all)
        self.day_line = QWidget()
        self.day_line.setLayout(line)
        self.day_line.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.calendar)
        layout.addWidget(self.day_line)
        self.calendar.clicked.connect(lambda date: self.day_chosen.emit(py_date(date)))
        self.calendar.activated.connect(lambda date: self.day_chosen.emit(py_date(date)))
        self.show_all.clicked.connect(self.all_days)

    def show_day(self, day: dt.date | None) -> None:
        """Say which one day the timeline shows (None: not one day)."""
        self.day_line.setVisible(day is not None)
        if day is not None:
            when = QLocale().toString(qdate(day), "ddd d MMM yyyy")
            self.showing.setText(self.tr("Showing {date} only").format(date=when))


class CalendarController(QObject):
    """Joins the month view to the window: its counts, its day filter, View › Calendar."""

    def __init__(self, window: MainWindow, today: Callable[[], dt.date]) -> None:
        super().__init__(window)
        self.window = window
        self.view = MonthView()
        self.view.calendar.setSelectedDate(qdate(today()))
        window.timeline.add_month_view(self.view)
        action = window.actions_.show_calendar
        roomy = window.screen().availableGeometry().height() >= ROOMY_HEIGHT
        action.setChecked(window.settings.value(SHOWN_KEY, roomy, type=bool) is True)
        self.view.setVisible(action.isChecked())
        action.toggled.connect(self._show)
        self.view.calendar.currentPageChanged.connect(lambda _y, _m: self.reload())
        self.view.day_chosen.connect(self._choose)
        self.view.all_days.connect(window.timeline.filters.clear_dates)
        window.timeline.filters.changed.connect(self._follow_filters)
        window.changes.changed.connect(self._changed)
        self.reload()

    def reload(self) -> None:
        """Read the shown month's days with entries again (only while the month is shown)."""
        if not self.view.isVisibleTo(self.window):
            return
        calendar = self.view.calendar
        try:
            counts = self.window.journal.days_with_entries(calendar.yearShown(),
                                                           calendar.monthShown())
        except PROBLEMS:
            counts = []  # the timeline, read beside it, reports what is wrong
        calendar.set_counts(counts)

    def _show(self, on: bool) -> None:
        self.view.setVisible(on)
        self.window.settings.setValue(SHOWN_KEY, on)
        self.reload()

    def _changed(self, changes: Changes) -> None:
        if changes.listing or changes.entries:  # added, trashed, restored or re-dated
            self.reload()

    def _choose(self, day: dt.date) -> None:
        if not self.window.autosaver.flush():
            return
        self.window.timeline.filters.set_dates(day, day)

    def _follow_filters(self) -> None:
        flt = self.window.timeline.filters.current()
        one_day = flt.since if flt.since is not None and flt.since == flt.until else None
        self.view.show_day(one_day)
        if one_day is not None:  # chosen in the From and To boxes too: the month follows
            self.view.calendar.setSelectedDate(qdate(one_day))
