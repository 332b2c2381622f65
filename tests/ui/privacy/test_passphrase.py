"""The passphrase dialogs: calm validation, and a recovery key that must be kept first."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit

from carejournal.ui.privacy.passphrase import (
    NewPassphraseDialog,
    RecoveryKeyDialog,
    key_lines,
    recovery_sheet_text,
    write_private_text,
)

KEY = "ABCD-EF01-2345-6789-ABCD-EF01-2345-6789-JKLM-NPQR-STUV-WXYZ"


def too_short(text: str) -> str | None:
    return None if len(text) >= 8 else "Please use at least 8 characters."


def test_ok_is_enabled_only_for_a_good_passphrase_typed_twice(qtbot) -> None:
    dialog = NewPassphraseDialog(too_short)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok_button.isEnabled()
    assert not dialog.new_hint.isVisible(), "nothing is wrong before anything is typed"
    assert not dialog.current_edit.isVisible()
    dialog.new_edit.setText("short")
    assert dialog.new_hint.isVisible() and "8 characters" in dialog.new_hint.text()
    assert not dialog.ok_button.isEnabled()
    dialog.new_edit.setText("tea in the garden")
    assert not dialog.new_hint.isVisible()
    dialog.repeat_edit.setText("tea in the")
    assert dialog.repeat_hint.isVisible() and "do not match" in dialog.repeat_hint.text()
    assert not dialog.ok_button.isEnabled()
    dialog.repeat_edit.setText("tea in the garden")
    assert not dialog.repeat_hint.isVisible()
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.passphrase() == "tea in the garden" and dialog.current() == ""


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
    assert not dialog.ok_button.isEnabled(), "the current passphrase is still missing"
    dialog.current_edit.setText("a new long one")
    assert "different" in dialog.new_hint.text() and not dialog.ok_button.isEnabled()
    dialog.current_edit.setText("the old one")
    assert dialog.ok_button.isEnabled()
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
