"""The settings dialog: usual shifts, the after-shift reminder, the attempts threshold."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from carejournal.core.errors import JournalError
from carejournal.core.shifts import Shift, parse_shift
from carejournal.services.journal import Journal
from carejournal.ui.settings.dialog import SettingsDialog


@pytest.fixture
def open_dialog(journal: Journal, qtbot):
    """Open a settings dialog on the test journal (a fresh one each call)."""
    def make() -> SettingsDialog:
        dialog = SettingsDialog(journal.settings)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog
    return make


def _save(dialog: SettingsDialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


def _rows(dialog: SettingsDialog) -> list[tuple[str, str, str, str]]:
    return [(r.name.text(), r.start.time().toString("HH:mm"), r.end.time().toString("HH:mm"),
             r.days.text()) for r in dialog.table.rows]


def test_an_empty_table_offers_the_usual_three(open_dialog, journal: Journal) -> None:
    dialog = open_dialog()
    assert dialog.table.rows == [] and not dialog.table.add_usual.isHidden()
    assert not dialog.table.empty.isHidden()
    assert dialog.reminders.isChecked() and dialog.threshold.value() == 5
    dialog.table.add_usual.click()
    assert _rows(dialog) == [("early", "07:00", "15:00", ""), ("late", "14:00", "22:00", ""),
                             ("night", "22:00", "07:00", "")]
    assert dialog.table.add_usual.isHidden() and dialog.table.empty.isHidden()
    assert journal.settings.shifts() == [], "nothing is stored before Save"


def test_settings_round_trip(open_dialog, journal: Journal) -> None:
    dialog = open_dialog()
    dialog.table.add_usual.click()
    late = dialog.table.rows[1]
    late.days.setText("Mon, tue")
    late.end.setTime(QTime(22, 30))
    dialog.table.rows[0].remove.click()
    dialog.reminders.setChecked(False)
    dialog.threshold.setValue(3)
    _save(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert journal.settings.shifts() == [
        Shift("late", dt.time(14), dt.time(22, 30), frozenset({0, 1})),
        parse_shift("night", "22:00-07:00")]
    assert not journal.settings.reminders_on()
    assert journal.settings.attempts_threshold() == 3
    again = open_dialog()
    assert _rows(again) == [("late", "14:00", "22:30", "mon,tue"),
                            ("night", "22:00", "07:00", "")]
    assert not again.reminders.isChecked() and again.threshold.value() == 3
    assert again.table.add_usual.isHidden()


def test_removing_every_row_stores_no_shifts(open_dialog, journal: Journal) -> None:
    journal.settings.set_shifts([parse_shift("early", "07:00-15:00")])
    dialog = open_dialog()
    dialog.table.rows[0].remove.click()
    assert dialog.table.rows == [] and not dialog.table.add_usual.isHidden()
    _save(dialog)
    assert journal.settings.shifts() == []


def test_a_bad_row_is_pointed_out_and_nothing_saved(open_dialog, journal: Journal) -> None:
    journal.settings.set_shifts([parse_shift("early", "07:00-15:00")])
    dialog = open_dialog()
    dialog.threshold.setValue(8)
    dialog.reminders.setChecked(False)
    bad = dialog.table.add_row("", dt.time(9), dt.time(9), "mon, funday")
    _save(dialog)
    assert not dialog.isHidden() and dialog.result() != QDialog.DialogCode.Accepted
    text = dialog.error.text()
    assert not dialog.error.isHidden() and "Nothing is saved yet" in text
    assert "Shift 2: give it a name" in text
    assert "Shift 2: unknown day 'funday'" in text
    assert "Shift 2: it starts and ends at the same time" in text
    assert all(w.accessibleDescription() for w in (bad.name, bad.end, bad.days))
    assert dialog.table.rows[0].name.accessibleDescription() == "", "the good row is not marked"
    assert journal.settings.shifts() == [parse_shift("early", "07:00-15:00")]
    assert journal.settings.attempts_threshold() == 5 and journal.settings.reminders_on()
    bad.name.setText("twilight")
    bad.name.textEdited.emit("twilight")
    bad.days.setText("sat")
    bad.end.setTime(QTime(17, 0))
    assert bad.name.accessibleDescription() == "", "fixing a field clears its mark"
    _save(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert [s.name for s in journal.settings.shifts()] == ["early", "twilight"]
    assert journal.settings.attempts_threshold() == 8


def test_two_shifts_with_one_name_are_refused(open_dialog, journal: Journal) -> None:
    dialog = open_dialog()
    dialog.table.add_row("Late", dt.time(14), dt.time(22))
    second = dialog.table.add_row("late ", dt.time(13), dt.time(21))
    _save(dialog)
    assert "Shift 2: shift 1 is already called late" in dialog.error.text()
    assert second.name.accessibleDescription()
    assert journal.settings.shifts() == []


def test_a_failed_save_is_said_and_the_dialog_stays(open_dialog, journal: Journal,
                                                    monkeypatch) -> None:
    def busy(_shifts: list[Shift]) -> None:
        raise JournalError("The journal file is busy.")
    monkeypatch.setattr(journal.settings, "set_shifts", busy)
    dialog = open_dialog()
    dialog.table.add_usual.click()
    _save(dialog)
    assert not dialog.isHidden() and "The journal file is busy." in dialog.error.text()
    assert len(dialog.table.rows) == 3


def test_every_field_has_an_accessible_name(open_dialog) -> None:
    dialog = open_dialog()
    dialog.table.add_usual.click()
    row = dialog.table.rows[2]
    assert [w.accessibleName() for w in row.widgets()] == [
        "Name of shift 3", "Start of shift 3", "End of shift 3", "Days of shift 3",
        "Remove shift 3"]
    dialog.table.rows[0].remove.click()
    assert row.name.accessibleName() == "Name of shift 2", "renumbered after a removal"
    assert dialog.threshold.accessibleName() == (
        "Ask before ending a goal after fewer than N attempts")
    assert dialog.reminders.accessibleName() == "Ask how my shift went, shortly after it ends"


def test_supervision_days_and_worker_name_persist(open_dialog, journal: Journal) -> None:
    dialog = open_dialog()
    assert dialog.prompt_days.value() == 3 and dialog.worker_name.text() == ""
    assert (dialog.prompt_days.minimum(), dialog.prompt_days.maximum()) == (0, 28)
    assert dialog.prompt_days.accessibleName() == (
        "Suggest preparing this many days before supervision")
    assert dialog.worker_name.accessibleName() == "Your name on the cover of a supervision pack"
    dialog.prompt_days.setValue(0)
    dialog.worker_name.setText("  Alex   Morgan ")
    _save(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert journal.settings.prompt_days() == 0
    assert journal.settings.worker_name() == "Alex Morgan"
    again = open_dialog()
    assert again.prompt_days.value() == 0 and again.worker_name.text() == "Alex Morgan"
    again.prompt_days.setValue(40)
    assert again.prompt_days.value() == 28, "no more than four weeks"


def test_the_passphrase_actions_that_apply_are_offered_and_save_first(
        open_dialog, journal: Journal, qtbot) -> None:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QPushButton

    dialog: SettingsDialog = open_dialog()
    protect, remove = QAction("Protect with a &Passphrase…", dialog), QAction("Remove", dialog)
    remove.setEnabled(False)  # a journal without a passphrase has none to remove
    fired: list[str] = []
    protect.triggered.connect(lambda: fired.append("protect"))
    dialog.add_privacy_actions([protect, remove])
    buttons = [b for b in dialog.findChildren(QPushButton) if b.accessibleName().startswith(
        ("Protect", "Remove"))]
    assert [b.accessibleName() for b in buttons] == ["Protect with a Passphrase"]
    dialog.lock_minutes.setValue(25)
    buttons[0].click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert journal.settings.lock_minutes() == 25, "the settings were saved first"
    qtbot.waitUntil(lambda: fired == ["protect"], timeout=2000)


@pytest.mark.parametrize("screen_height", [800, 600])
def test_the_shift_rows_open_at_full_height_with_the_privacy_buttons(
        journal: Journal, qtbot, monkeypatch: pytest.MonkeyPatch, screen_height: int) -> None:
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QAction

    from carejournal.ui import window_state

    monkeypatch.setattr(window_state, "available_geometry",
                        lambda _w: QRect(0, 0, 1024, screen_height))
    journal.settings.set_shifts([parse_shift("early", "07:00-15:00"),
                                 parse_shift("late", "14:00-22:00"),
                                 parse_shift("night", "22:00-07:00")])
    dialog = SettingsDialog(journal.settings)
    qtbot.addWidget(dialog)
    dialog.add_privacy_actions([QAction("Protect with a &Passphrase…", dialog)])
    dialog.show()
    qtbot.waitExposed(dialog)
    for row in dialog.table.rows:
        for widget in row.widgets():
            assert widget.height() >= widget.sizeHint().height(), "times readable at once"
    assert dialog.height() <= screen_height, "on a small screen the settings scroll instead"
