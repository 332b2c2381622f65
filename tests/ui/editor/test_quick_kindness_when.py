"""Logging a little thing (Ctrl+K) takes a day and a time: now by default, and for a night
worker after midnight, the day the night shift started. Real key presses."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from carejournal.core.shifts import parse_shift, shift_day
from carejournal.services.journal import Journal
from carejournal.ui.editor.quick_kindness import QuickKindnessDialog
from carejournal.ui.main_window import MainWindow
from tests.ui.tab_walk import activate, focused

NIGHT = parse_shift("night", "22:00-07:00")
AFTER_MIDNIGHT = dt.datetime(2026, 11, 24, 1, 30)


def test_the_shift_day_of_a_moment() -> None:
    assert shift_day([NIGHT], AFTER_MIDNIGHT) == dt.date(2026, 11, 23)
    assert shift_day([NIGHT], dt.datetime(2026, 11, 24, 23, 0)) == dt.date(2026, 11, 24)
    assert shift_day([NIGHT], dt.datetime(2026, 11, 24, 15, 0)) == dt.date(2026, 11, 24)
    assert shift_day([], AFTER_MIDNIGHT) == dt.date(2026, 11, 24)


def _window(journal: Journal, settings: QSettings, qtbot, now: dt.datetime) -> MainWindow:
    window = MainWindow(journal, settings, clock=lambda: now)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window


def _log(window: MainWindow, qtbot, time: str = "") -> list[tuple[str, str]]:
    """Press Ctrl+K, note the day and time offered, Tab from the day to the time and type
    it, press Log it."""
    offered: list[tuple[str, str]] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QuickKindnessDialog)
        offered.append((dialog.day().isoformat(), dialog.at().isoformat("minutes")))
        dialog.act.setCurrentIndex(dialog.act.findText("A cup of tea"))
        if time:
            activate(dialog)
            dialog.date.setFocus(Qt.FocusReason.TabFocusReason)
            QTest.keyClick(dialog.date, Qt.Key.Key_Tab)
            assert focused() is dialog.time
            QTest.keyClicks(dialog.time, time)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    QTimer.singleShot(0, fill)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    return offered


def test_a_night_worker_after_midnight_logs_it_on_the_nights_day(
        journal: Journal, settings: QSettings, qtbot) -> None:
    journal.settings.set_shifts([NIGHT])
    window = _window(journal, settings, qtbot, AFTER_MIDNIGHT)
    assert _log(window, qtbot) == [("2026-11-23", "01:30")]
    entry = journal.get(journal.kindness.logged()[0].entry_id)
    assert (entry.occurred_on, entry.occurred_time) == (dt.date(2026, 11, 23), dt.time(1, 30))
    assert entry.shift == "night"


def test_without_shifts_it_is_now_and_both_can_be_typed(journal: Journal,
                                                        settings: QSettings, qtbot) -> None:
    window = _window(journal, settings, qtbot, AFTER_MIDNIGHT)
    offered = _log(window, qtbot, "2310")
    assert offered == [("2026-11-24", "01:30")]
    entry = journal.get(journal.kindness.logged()[0].entry_id)
    assert entry.occurred_on == dt.date(2026, 11, 24)
    assert entry.occurred_time == dt.time(23, 10) and entry.shift == ""
