"""Settings with the keyboard: Tab walks the shifts, reminders, goals, supervision and
privacy in the order they are shown, rows added later included, and Shift+Tab walks back;
the wheel over a spin box or a shift's time leaves it alone. Real key presses."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, QPointF
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from carejournal.core.shifts import parse_shift
from carejournal.services.journal import Journal
from carejournal.ui.settings.dialog import SettingsDialog
from tests.ui.tab_walk import (
    activate,
    assert_reaches_all,
    assert_reading_order,
    assert_walks_back,
    walk,
)


def _open(journal: Journal, qtbot) -> SettingsDialog:
    dialog = SettingsDialog(journal.settings)
    qtbot.addWidget(dialog)
    dialog.show()
    activate(dialog)
    return dialog


def test_tab_walks_the_settings_in_the_order_they_are_shown(journal: Journal, qtbot) -> None:
    journal.settings.set_shifts([parse_shift("late", "14:00-22:00")])
    dialog = _open(journal, qtbot)
    dialog.table.add.click()  # a row added after the dialog was built
    QApplication.processEvents()
    fields = walk(dialog.table.rows[0].name)
    assert_reaches_all(fields, dialog)
    assert_reading_order(fields, dialog)
    names = [f for f in fields if f in (dialog.table.rows[1].name, dialog.table.add)]
    assert names == [dialog.table.rows[1].name, dialog.table.add]
    assert_walks_back(fields)


def test_the_wheel_leaves_unfocused_numbers_and_times_alone(journal: Journal, qtbot) -> None:
    journal.settings.set_shifts([parse_shift("late", "14:00-22:00")])
    dialog = _open(journal, qtbot)
    dialog.worker_name.setFocus()
    for field in (dialog.threshold, dialog.table.rows[0].start):
        before = field.text()
        at = field.mapTo(dialog, field.rect().center())
        QTest.wheelEvent(dialog.windowHandle(), QPointF(at), QPoint(0, 120))
        QApplication.processEvents()
        assert field.text() == before
    assert dialog.table.rows[0].start.time().toPython() == dt.time(14, 0)
