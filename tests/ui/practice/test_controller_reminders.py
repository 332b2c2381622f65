"""After the shift, from the main window: the reminder, quick capture and settings."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from carejournal.core.domain import EntryKind
from carejournal.core.shifts import parse_shift
from carejournal.services.journal import Journal
from carejournal.ui.editor.quick_capture import QuickCaptureDialog
from carejournal.ui.main_window import MainWindow
from carejournal.ui.settings.dialog import SettingsDialog

MONDAY = dt.date(2026, 11, 23)


def _window(qtbot, journal: Journal, settings, now: dt.datetime) -> MainWindow:
    window = MainWindow(journal, settings, clock=lambda: now)
    qtbot.addWidget(window)
    window.show()
    return window


def _answer(kind: EntryKind, text: str, seen: list[QuickCaptureDialog]) -> None:
    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QuickCaptureDialog)
        seen.append(dialog)
        dialog.kinds[kind].setChecked(True)
        dialog.text.setPlainText(text)
        dialog.save()
    QTimer.singleShot(0, fill)


def test_after_a_late_shift_the_window_asks_and_captures(journal: Journal, settings,
                                                          qtbot) -> None:
    journal.settings.set_shifts([parse_shift("late", "14:00-22:00")])
    window = _window(qtbot, journal, settings, dt.datetime.combine(MONDAY, dt.time(22, 20)))
    banner = window.practice.reminder_banner
    assert not banner.isVisible()
    window.practice.reminder.check()
    assert banner.isVisible() and banner.title.text() == "How was your late shift?"
    seen: list[QuickCaptureDialog] = []
    _answer(EntryKind.FALLIBILITY, "Forgot to ring Sam back.", seen)
    banner.write.click()
    [dialog] = seen
    assert dialog.date.date().toPython() == MONDAY and dialog.shift.currentText() == "late"
    [row] = journal.rows()
    entry = journal.get(row.id)
    assert (entry.kind, entry.shift, entry.occurred_on, entry.body) == \
        (EntryKind.FALLIBILITY, "late", MONDAY, "Forgot to ring Sam back.")
    assert window.timeline.current_id() == entry.id
    assert not banner.isVisible()
    window.practice.reminder.check()
    assert not banner.isVisible(), "asked once only"


def test_no_reminder_without_shifts_or_when_off(journal: Journal, settings, qtbot) -> None:
    window = _window(qtbot, journal, settings, dt.datetime.combine(MONDAY, dt.time(22, 20)))
    window.practice.reminder.check()
    assert not window.practice.reminder_banner.isVisible()
    journal.settings.set_shifts([parse_shift("late", "14:00-22:00")])
    journal.settings.set_reminders_on(False)
    window.practice.reminder.check()
    assert not window.practice.reminder_banner.isVisible()


def test_quick_capture_from_the_menu_takes_the_shift_of_the_moment(
        journal: Journal, settings, qtbot) -> None:
    journal.settings.set_shifts([parse_shift("early", "07:00-15:00")])
    window = _window(qtbot, journal, settings, dt.datetime.combine(MONDAY, dt.time(11, 0)))
    seen: list[QuickCaptureDialog] = []
    _answer(EntryKind.INTERACTION, "Walked to the park with Aled.", seen)
    window.actions_.quick_capture.trigger()
    assert seen[0].shift.currentText() == "early"
    assert journal.get(journal.rows()[0].id).shift == "early"


def test_settings_from_the_menu_change_the_threshold(journal: Journal, settings, qtbot,
                                                     monkeypatch) -> None:
    window = _window(qtbot, journal, settings, dt.datetime.combine(MONDAY, dt.time(11, 0)))

    def run(dialog: SettingsDialog) -> int:
        dialog.threshold.setValue(3)
        dialog.save()
        return QDialog.DialogCode.Accepted if dialog.result() else 0
    monkeypatch.setattr(SettingsDialog, "exec", run)
    window.actions_.settings.trigger()
    assert journal.settings.attempts_threshold() == 3
