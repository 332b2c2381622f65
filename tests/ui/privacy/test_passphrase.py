"""The passphrase dialogs: calm validation, and a recovery key that must be kept first."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit

from carejournal.services.encryption import MIN_PASSPHRASE, Weakness
from carejournal.ui.privacy.passphrase import (
    REASON_SOURCES,
    NewPassphraseDialog,
    RecoveryKeyDialog,
    key_lines,
    recovery_sheet_text,
    write_private_text,
)

KEY = "ABCD-EF01-2345-6789-ABCD-EF01-2345-6789-JKLM-NPQR-STUV-WXYZ"


GOOD = "kettle lantern orbit saffron"


def too_short(text: str) -> str | None:
    return None if len(text) >= 8 else "Please use at least 8 characters."


@pytest.fixture
def dialog(qtbot) -> NewPassphraseDialog:
    """The Protect dialog with the real judge (zxcvbn), shown and active, as File › Privacy
    opens it."""
    made = NewPassphraseDialog()
    qtbot.addWidget(made)
    with qtbot.waitActive(made):
        made.open()
        made.activateWindow()
    return made


def type_twice(qtbot, dialog: NewPassphraseDialog, new: str, repeat: str | None = None) -> None:
    """Type as a worker does: the new passphrase, Tab, the same (or another) again."""
    qtbot.keyClicks(dialog.new_edit, new)
    qtbot.keyClick(dialog.new_edit, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.repeat_edit
    qtbot.keyClicks(dialog.repeat_edit, new if repeat is None else repeat)


def test_enter_with_a_good_passphrase_typed_twice_sets_it(qtbot, dialog) -> None:
    type_twice(qtbot, dialog, GOOD)
    qtbot.keyClick(dialog.repeat_edit, Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.passphrase() == GOOD


def test_enter_on_the_keypad_sets_it_too(qtbot, dialog) -> None:
    type_twice(qtbot, dialog, GOOD)
    qtbot.keyClick(dialog.repeat_edit, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_enter_when_the_two_differ_stays_open_and_says_so(qtbot, dialog) -> None:
    type_twice(qtbot, dialog, GOOD, "kettle lantern orbit")
    with qtbot.assertNotEmitted(dialog.finished):  # never cancelled
        qtbot.keyClick(dialog.repeat_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.refusal.isVisible() and "not set yet" in dialog.refusal.text()
    assert dialog.repeat_hint.isVisible() and "not the same" in dialog.repeat_hint.text()
    assert dialog.focusWidget() is dialog.repeat_edit
    dialog.repeat_edit.clear()
    qtbot.keyClicks(dialog.repeat_edit, GOOD)
    assert not dialog.refusal.isVisible(), "the note goes once all is well"
    qtbot.keyClick(dialog.repeat_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted


@pytest.mark.parametrize(("weak", "reason"), [
    ("password", "one of the most common passphrases"),
    ("12345678", "one of the most common passphrases"),
    ("qwertyuiop", "common passphrases"),
    ("Jennifer1990", "Names are among the first things guessed"),
    ("Xk9#mQ2!", "guessed too quickly"),
])
def test_enter_with_a_weak_passphrase_stays_open_and_says_why(qtbot, dialog, weak: str,
                                                              reason: str) -> None:
    type_twice(qtbot, dialog, weak)
    with qtbot.assertNotEmitted(dialog.finished):  # never cancelled
        qtbot.keyClick(dialog.repeat_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.new_hint.isVisible() and reason in dialog.new_hint.text()
    assert "not set yet" in dialog.refusal.text()
    assert dialog.focusWidget() is dialog.new_edit, "the cursor goes where the change is"
    assert reason in dialog.new_edit.accessibleDescription(), "a screen reader says why"
    hint = dialog.new_hint
    assert hint.height() >= hint.heightForWidth(hint.width()), "the whole reason shows"


def test_enter_on_empty_fields_says_what_to_type(qtbot, dialog) -> None:
    qtbot.keyClick(dialog.new_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and "choose a new passphrase" in dialog.new_hint.text()
    qtbot.keyClicks(dialog.new_edit, GOOD)
    qtbot.keyClick(dialog.new_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and "again" in dialog.repeat_hint.text()
    assert dialog.focusWidget() is dialog.repeat_edit


def test_escape_still_cancels(qtbot, dialog) -> None:
    type_twice(qtbot, dialog, GOOD)
    qtbot.keyClick(dialog.repeat_edit, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_enter_on_cancel_cancels_and_on_the_checkbox_sets(qtbot, dialog) -> None:
    type_twice(qtbot, dialog, GOOD)
    dialog.show_text.setFocus()
    qtbot.keyClick(dialog.show_text, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    again = NewPassphraseDialog()
    qtbot.addWidget(again)
    with qtbot.waitActive(again):
        again.open()
        again.activateWindow()
    type_twice(qtbot, again, GOOD)
    again.cancel_button.setFocus()
    qtbot.keyClick(again.cancel_button, Qt.Key.Key_Return)
    assert again.result() == QDialog.DialogCode.Rejected


def test_enter_in_the_change_dialog_submits_only_when_all_is_well(qtbot) -> None:
    dialog = NewPassphraseDialog(ask_current=True, hold=True)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.open()
        dialog.activateWindow()
    assert dialog.focusWidget() is dialog.current_edit
    submitted: list[bool] = []
    dialog.submitted.connect(lambda: submitted.append(True))
    qtbot.keyClicks(dialog.current_edit, "the old passphrase")
    qtbot.keyClick(dialog.current_edit, Qt.Key.Key_Tab)
    type_twice(qtbot, dialog, "password")
    qtbot.keyClick(dialog.repeat_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and not submitted and "common" in dialog.new_hint.text()
    dialog.new_edit.clear()
    dialog.repeat_edit.clear()
    type_twice(qtbot, dialog, GOOD)
    qtbot.keyClick(dialog.repeat_edit, Qt.Key.Key_Return)
    assert submitted == [True] and dialog.isVisible(), "held open until the caller answers"
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert submitted == [True], "Enter while checking does not ask twice"


def test_the_notes_say_what_is_missing_as_they_type(qtbot) -> None:
    dialog = NewPassphraseDialog(too_short)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ok_button.isEnabled(), "OK says why, rather than greying out"
    assert not dialog.new_hint.isVisible(), "nothing is wrong before anything is typed"
    assert not dialog.current_edit.isVisible()
    dialog.new_edit.setText("short")
    qtbot.waitUntil(dialog.new_hint.isVisible, timeout=2000)  # once the typing pauses
    assert "8 characters" in dialog.new_hint.text()
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.refusal.isVisible()
    dialog.new_edit.setText("tea in the garden")
    qtbot.waitUntil(lambda: not dialog.new_hint.isVisible(), timeout=2000)
    dialog.repeat_edit.setText("tea in the")
    assert dialog.repeat_hint.isVisible() and "do not match" in dialog.repeat_hint.text()
    dialog.repeat_edit.setText("tea in the garden")
    assert not dialog.repeat_hint.isVisible() and not dialog.refusal.isVisible()
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.passphrase() == "tea in the garden" and dialog.current() == ""


def test_strength_is_judged_once_the_typing_pauses_not_at_every_key(qtbot) -> None:
    judged: list[str] = []

    def judge(text: str) -> str | None:
        judged.append(text)
        return too_short(text)

    dialog = NewPassphraseDialog(judge)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.new_edit, "kettle lantern")
    assert judged == [], "zxcvbn can take 0.1 s on a long passphrase: not at every key"
    qtbot.waitUntil(lambda: judged == ["kettle lantern"], timeout=2000)
    qtbot.keyClicks(dialog.new_edit, " orbit")
    qtbot.keyClick(dialog.new_edit, Qt.Key.Key_Return)  # no waiting: Enter judges now
    assert judged[-1] == "kettle lantern orbit"
    assert "again" in dialog.repeat_hint.text()


def test_every_reason_the_service_gives_is_listed_for_translation() -> None:
    assert {w.value for w in Weakness} <= set(REASON_SOURCES)
    assert str(MIN_PASSPHRASE) in Weakness.SHORT.value


def test_fields_hide_what_is_typed_have_names_and_labels(qtbot) -> None:
    dialog = NewPassphraseDialog(too_short, ask_current=True)
    qtbot.addWidget(dialog)
    edits = [dialog.current_edit, dialog.new_edit, dialog.repeat_edit]
    assert all(e.echoMode() == QLineEdit.EchoMode.Password for e in edits)
    assert all(e.accessibleName() for e in edits)
    buddies = {label.buddy() for label in dialog.findChildren(QLabel) if label.buddy()}
    assert set(edits) <= buddies
    dialog.show_text.setChecked(True)
    assert all(e.echoMode() == QLineEdit.EchoMode.Normal for e in edits)
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "CareJournal cannot recover a forgotten passphrase" in text


def test_change_needs_the_current_passphrase_and_a_different_new_one(qtbot) -> None:
    dialog = NewPassphraseDialog(too_short, ask_current=True, hold=True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.new_edit.setText("a new long one")
    dialog.repeat_edit.setText("a new long one")
    dialog.ok_button.click()
    assert "current passphrase" in dialog.current_hint.text(), "it is still missing"
    dialog.current_edit.setText("a new long one")
    qtbot.waitUntil(lambda: "different" in dialog.new_hint.text(), timeout=2000)
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.refusal.isVisible()
    dialog.current_edit.setText("the old one")
    assert not dialog.refusal.isVisible()
    with qtbot.waitSignal(dialog.submitted, timeout=1000):
        dialog.ok_button.click()
    assert dialog.isVisible(), "held open until the caller answers"
    assert not dialog.ok_button.isEnabled() and not dialog.current_edit.isEnabled()
    dialog.reject()
    assert dialog.isVisible(), "no cancelling half-way through"
    dialog.show_wrong_current()
    assert dialog.current_hint.isVisible() and "not the current" in dialog.current_hint.text()
    assert dialog.ok_button.isEnabled() and dialog.current_edit.isEnabled()
    dialog.current_edit.setText("the right one")
    assert not dialog.current_hint.isVisible(), "the message goes once they type again"
    dialog.ok_button.click()
    dialog.done_ok()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.current() == "the right one" and dialog.passphrase() == "a new long one"


def test_key_lines_keep_every_character_of_the_key() -> None:
    lines = key_lines(KEY)
    assert lines.count("\n") == 2
    assert lines.replace("\n", "") == KEY


def test_the_sheet_names_the_journal_the_date_and_the_key() -> None:
    text = recovery_sheet_text("journal.sqlite", KEY, dt.date(2026, 11, 24))
    assert "journal.sqlite" in text and "24 November 2026" in text
    assert KEY in text.replace("\n", "")
    assert "passphrase is forgotten" in text


def test_the_saved_sheet_is_readable_only_by_its_owner(tmp_path: Path) -> None:
    path = tmp_path / "key.txt"
    path.write_text("old and open")
    path.chmod(0o644)
    write_private_text(path, "the sheet")
    assert path.read_text(encoding="utf-8") == "the sheet"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_close_waits_for_the_tick(qtbot) -> None:
    dialog = RecoveryKeyDialog("journal.sqlite", KEY, today=lambda: dt.date(2026, 11, 24))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.close_button.isEnabled()
    dialog.reject()
    assert dialog.isVisible(), "Escape does not lose the key"
    dialog.close()
    assert dialog.isVisible() and dialog.status.isVisible()
    dialog.confirm.setChecked(True)
    assert dialog.close_button.isEnabled()
    dialog.close_button.click()
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Accepted


def test_the_key_is_shown_selectable_and_large(qtbot) -> None:
    dialog = RecoveryKeyDialog("journal.sqlite", KEY)
    qtbot.addWidget(dialog)
    label = dialog.key_label
    assert label.text().replace("\n", "") == KEY
    assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert label.font().pointSizeF() > dialog.font().pointSizeF()


def test_save_and_copy(qtbot, tmp_path: Path) -> None:
    dialog = RecoveryKeyDialog("journal.sqlite", KEY, today=lambda: dt.date(2026, 11, 24))
    qtbot.addWidget(dialog)
    target = tmp_path / "recovery.txt"
    dialog.choose_path = lambda: target  # type: ignore[method-assign]
    dialog.save_button.click()
    assert "journal.sqlite" in target.read_text(encoding="utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert str(target) in dialog.status.text()
    dialog.choose_path = lambda: tmp_path / "no such folder" / "x.txt"  # type: ignore
    dialog.save_button.click()
    assert "not saved" in dialog.status.text()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == KEY


def test_print_sheet_writes_the_key(qtbot, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    dialog = RecoveryKeyDialog("journal.sqlite", KEY)
    qtbot.addWidget(dialog)
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "sheet.pdf"))
    dialog.print_sheet(printer)
    assert (tmp_path / "sheet.pdf").read_bytes().startswith(b"%PDF")


def test_screenshots(qtbot) -> None:
    """Not an assertion of looks: keeps pictures to look at in /tmp."""
    new = NewPassphraseDialog(too_short, ask_current=True)
    qtbot.addWidget(new)
    new.show()
    new.current_edit.setText("old")
    new.new_edit.setText("short")
    new.repeat_edit.setText("shor")
    new.grab().save("/tmp/passphrase_change.png")
    first = NewPassphraseDialog(too_short)
    qtbot.addWidget(first)
    first.show()
    first.grab().save("/tmp/passphrase_new.png")
    key = RecoveryKeyDialog("journal.sqlite", KEY)
    qtbot.addWidget(key)
    key.show()
    key.grab().save("/tmp/recovery_key.png")
    assert new.grab().width() > 300
