"""The month view beside the timeline, and the date filter's pop-up opening at today."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QPoint, QSettings, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QDateEdit, QToolTip

from carejournal.services.journal import Journal
from carejournal.ui.main_window import MainWindow
from carejournal.ui.timeline.calendar import SHOWN_KEY, MonthCalendar
from tests.conftest import draft

MARCH = dt.date(2026, 3, 1)


def _summaries(window: MainWindow) -> list[str]:
    model = window.timeline.model
    return [model.index(i).data() for i in range(model.rowCount())]


def _marked(window: MainWindow) -> dict[dt.date, int]:
    return dict(window.calendar.view.calendar.counts)


def _in_march(make_window) -> MainWindow:
    window = make_window()
    window.actions_.show_calendar.setChecked(True)
    window.calendar.view.calendar.setCurrentPage(2026, 3)
    return window


def _click_day(qtbot, calendar: MonthCalendar, day: QDate) -> None:
    """Click the cell showing this day of the shown month, as a worker would."""
    assert calendar.view is not None
    model = calendar.view.model()
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            rect = calendar.view.visualRect(model.index(row, column))
            if calendar.date_at(rect.center()) == day and not (
                    row <= 2 and day.day() > 20 or row >= 5 and day.day() < 15):
                qtbot.mouseClick(calendar.view.viewport(), Qt.MouseButton.LeftButton,
                                 pos=rect.center())
                return
    raise AssertionError(f"{day} is not shown")


def test_days_with_entries_are_marked_and_follow_adds_and_trash(filled: Journal, make_window,
                                                                qtbot) -> None:
    window = _in_march(make_window)
    marked = {dt.date(2026, 3, d): 1 for d in (1, 2, 3, 4)}
    assert _marked(window) == marked
    calendar = window.calendar.view.calendar
    assert calendar.dateTextFormat(QDate(2026, 3, 2)).fontWeight() == 700
    assert calendar.dateTextFormat(QDate(2026, 3, 9)).fontWeight() != 700
    assert calendar.day_text(QDate(2026, 3, 2)).endswith(": 1 entry")
    window.changes.perform(lambda: window.journal.ops.add(draft(day=dt.date(2026, 3, 2))))
    assert _marked(window) == {**marked, dt.date(2026, 3, 2): 2}
    assert calendar.day_text(QDate(2026, 3, 2)).endswith(": 2 entries")
    window.timeline.select(window.timeline.model.entry_id(0), quiet=False)  # 4 March's
    window.timeline.view.setFocus()
    qtbot.keyClick(window.timeline.view, Qt.Key.Key_Delete)
    assert dt.date(2026, 3, 4) not in _marked(window)
    assert calendar.dateTextFormat(QDate(2026, 3, 4)).fontWeight() != 700


def test_clicking_a_day_shows_that_day_until_cleared(filled: Journal, make_window,
                                                     qtbot) -> None:
    window = _in_march(make_window)
    month = window.calendar.view
    _click_day(qtbot, month.calendar, QDate(2026, 3, 2))
    assert _summaries(window) == ["Rang Jo back at two, as promised."]
    filters = window.timeline.filters
    assert filters.since.date() == filters.until.date() == QDate(2026, 3, 2)
    assert month.day_line.isVisible() and "2 Mar 2026" in month.showing.text()
    assert "Showing 1 of 4" in window.count_label.text()
    assert month.calendar.selectedDate() == QDate(2026, 3, 2)
    filters.set_dates(dt.date(2025, 7, 9), dt.date(2025, 7, 9))  # typed in From and To
    assert month.calendar.selectedDate() == QDate(2025, 7, 9)
    assert (month.calendar.monthShown(), month.calendar.counts) == (7, {})
    assert "9 Jul 2025" in month.showing.text()
    qtbot.mouseClick(month.show_all, Qt.MouseButton.LeftButton)
    assert len(_summaries(window)) == 4 and not month.day_line.isVisible()
    assert filters.since.specialValueText() == filters.since.text() == "Any"


def test_the_keyboard_moves_between_months_and_enter_chooses_a_day(
        filled: Journal, make_window, qtbot) -> None:
    window = _in_march(make_window)
    calendar = window.calendar.view.calendar
    calendar.setSelectedDate(QDate(2026, 3, 3))
    calendar.setFocus()
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_PageDown)
    assert (calendar.yearShown(), calendar.monthShown()) == (2026, 4)
    assert _marked(window) == {}
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_PageUp)
    assert (calendar.monthShown(), len(_marked(window))) == (3, 4)
    assert calendar.selectedDate() == QDate(2026, 3, 3)
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Right)
    assert "Wednesday 4 March 2026: 1 entry" == calendar.accessibleDescription()
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Return)
    assert _summaries(window) == ["Who decides what time Sam gets up?"]


def test_view_menu_shows_and_hides_the_month_and_remembers(
        journal: Journal, make_window, settings: QSettings) -> None:
    window = make_window()
    action = window.actions_.show_calendar
    assert action in window.menuBar().actions()[2].menu().actions()  # View
    action.setChecked(True)
    assert window.calendar.view.isVisible()
    action.setChecked(False)
    assert not window.calendar.view.isVisible()
    assert settings.value(SHOWN_KEY, type=bool) is False
    action.setChecked(True)
    again = make_window()
    assert again.actions_.show_calendar.isChecked() and again.calendar.view.isVisible()


def _open_pop_up(qtbot, edit: QDateEdit) -> None:
    """Click the date box's arrow, which opens its calendar."""
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton,
                     pos=QPoint(edit.width() - 6, edit.height() // 2))


def test_the_date_filter_pop_up_opens_at_today_while_it_says_any(window: MainWindow,
                                                                  qtbot) -> None:
    since = window.timeline.filters.since
    assert since.text() == "Any"
    _open_pop_up(qtbot, since)
    popup = since.calendarWidget()
    qtbot.waitUntil(popup.isVisible)
    today = QDate.currentDate()
    assert (popup.yearShown(), popup.monthShown()) == (today.year(), today.month())
    assert since.text() == "Any", "opening it chooses nothing"
    qtbot.keyClick(QApplication.activePopupWidget() or popup, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not popup.isVisible())
    since.setDate(QDate(2024, 5, 17))
    _open_pop_up(qtbot, since)
    qtbot.waitUntil(popup.isVisible)
    assert (popup.yearShown(), popup.monthShown()) == (2024, 5), "a chosen date opens as it is"
    qtbot.keyClick(QApplication.activePopupWidget() or popup, Qt.Key.Key_Escape)


def test_hovering_a_day_says_how_many_entries(filled: Journal, make_window, qtbot) -> None:
    window = _in_march(make_window)
    calendar = window.calendar.view.calendar
    assert calendar.view is not None
    model = calendar.view.model()
    texts = {}
    for row in range(1, model.rowCount()):
        for column in range(model.columnCount()):
            centre = calendar.view.visualRect(model.index(row, column)).center()
            event = QHelpEvent(QEvent.Type.ToolTip, centre, calendar.view.mapToGlobal(centre))
            QApplication.sendEvent(calendar.view.viewport(), event)
            texts[calendar.date_at(centre)] = QToolTip.text()
    assert texts[QDate(2026, 3, 2)] == "Monday 2 March 2026: 1 entry"
    assert texts[QDate(2026, 3, 9)] == "Monday 9 March 2026: No entries"
    assert texts[QDate(2026, 2, 28)].startswith("Saturday 28 February 2026"), "days around"
    assert len(texts) == 42


def test_tab_leaves_the_month_and_comes_back(filled: Journal, make_window, qtbot) -> None:
    window = _in_march(make_window)
    calendar = window.calendar.view.calendar
    window.timeline.view.setFocus()
    qtbot.keyClick(window.timeline.view, Qt.Key.Key_Tab)
    assert calendar.isAncestorOf(QApplication.focusWidget()) or calendar.hasFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert not calendar.isAncestorOf(QApplication.focusWidget()), "Tab moves on, not by day"
