"""Quick capture and Ctrl+K's little thing with the keyboard: Tab in the order shown and
back, out of the text, and Ctrl+Tab writing a tab. Real key presses."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from carejournal.services.journal import Journal
from carejournal.ui.editor.quick_capture import QuickCaptureDialog
from carejournal.ui.editor.quick_kindness import QuickKindnessDialog
from tests.ui.tab_walk import (
    activate,
    assert_reaches_all,
    assert_reading_order,
    assert_walks_back,
    focused,
    walk,
)


def test_quick_capture_tabs_in_order_and_out_of_the_text(journal: Journal, qtbot) -> None:
    dialog = QuickCaptureDialog(journal, dt.date(2026, 11, 23))
    qtbot.addWidget(dialog)
    dialog.show()
    activate(dialog)
    fields = walk(dialog.date)
    assert_reaches_all(fields, dialog)
    assert_reading_order(fields, dialog)
    assert_walks_back(fields)
    dialog.text.setFocus()
    QTest.keyClicks(dialog.text, "a")
    QTest.keyClick(dialog.text, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(dialog.text, Qt.Key.Key_Tab)
    assert dialog.text.toPlainText() == "a\t" and focused() is not dialog.text


def test_the_little_thing_dialog_tabs_in_order(journal: Journal, qtbot) -> None:
    dialog = QuickKindnessDialog(journal.kindness.acts(), ["Sam"])
    qtbot.addWidget(dialog)
    dialog.show()
    activate(dialog)
    fields = walk(dialog.act)
    assert fields[:5] == [dialog.act, dialog.person, dialog.date, dialog.time, dialog.note]
    assert_reaches_all(fields, dialog)
    assert_reading_order(fields, dialog)
    assert_walks_back(fields)
