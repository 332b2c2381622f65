"""The Backups dialog: listing, "Back up now", and the restore confirmation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from carejournal.services.backups import BackupService, make_backup
from carejournal.services.journal import Journal
from carejournal.ui.backups.dialog import BackupsDialog

NOW = dt.datetime(2026, 11, 23, 23, 5, 12, tzinfo=dt.UTC)


@pytest.fixture
def dialog(qtbot, journal: Journal) -> BackupsDialog:
    made = BackupsDialog(BackupService(journal.path, lambda: NOW))
    qtbot.addWidget(made)
    return made


def test_empty_state_then_back_up_now_lists_it(dialog: BackupsDialog,
                                               journal: Journal) -> None:
    assert dialog.list.isHidden() and not dialog.empty.isHidden()
    assert not dialog.restore_button.isEnabled()
    assert str(journal.path.parent / "backups") in dialog.folder.text()
    dialog.backup_button.click()
    assert dialog.list.topLevelItemCount() == 1
    item = dialog.list.topLevelItem(0)
    assert item.text(1) == "You asked for it"
    assert dialog.restore_button.isEnabled() and dialog.empty.isHidden()
    assert "journal-2026-11-23T230512Z-000001-manual.sqlite" in dialog.message.text()


def text_top(label: QLabel) -> int:
    """Where the label's text begins, in its parent (a tall label centres its text)."""
    used = label.heightForWidth(label.width())
    if label.alignment() & Qt.AlignmentFlag.AlignTop or used >= label.height():
        return label.y()
    return label.y() + (label.height() - used) // 2


def test_with_no_backups_the_note_sits_under_the_intro_not_spread_down_the_dialog(
        qtbot, dialog: BackupsDialog) -> None:
    dialog.resize(760, 620)
    dialog.show()
    qtbot.waitExposed(dialog)
    intro = dialog.layout().itemAt(0).widget()
    gap = text_top(dialog.empty) - intro.geometry().bottom()
    assert gap < 30, f"{gap} px of nothing between the intro and the empty note"
    assert text_top(dialog.folder) - text_top(dialog.empty) > 100, (
        "the note takes the list's room, so the folder stays low")


def test_restore_asks_first_and_emits_only_on_yes(
        qtbot, dialog: BackupsDialog, journal: Journal,
        dialogs: list, monkeypatch: pytest.MonkeyPatch) -> None:
    make_backup(journal.path, NOW - dt.timedelta(days=1), "daily")
    dialog.reload()
    emitted: list[Path] = []
    dialog.restore_requested.connect(emitted.append)
    dialog.restore_button.click()  # the autouse fixture answers Cancel
    assert emitted == []
    kind, args = dialogs[-1]
    assert kind == "question" and "backed up first" in args[2] and "open it again" in args[2]
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a: QMessageBox.StandardButton.Yes)
    dialog.restore_button.click()
    assert emitted == [dialog.chosen()] and emitted[0].name.endswith("-daily.sqlite")


def test_a_damaged_backup_is_not_offered_for_restore(
        dialog: BackupsDialog, journal: Journal, dialogs: list) -> None:
    made = make_backup(journal.path, NOW, "daily")
    made.write_bytes(made.read_bytes()[:200])
    dialog.reload()
    emitted: list[Path] = []
    dialog.restore_requested.connect(emitted.append)
    dialog.restore_button.click()
    assert emitted == [] and [d[0] for d in dialogs] == ["warning"]
    assert "damaged" in dialogs[0][1][2]


def test_it_looks_right(qtbot, dialog: BackupsDialog, journal: Journal) -> None:
    for days, reason in ((0, "manual"), (1, "daily"), (2, "before-restore"),
                         (40, "before-upgrade-from-0005")):
        make_backup(journal.path, NOW - dt.timedelta(days=days), reason)
    dialog.reload()
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.grab().save("/tmp/backups_dialog.png")
    assert dialog.list.topLevelItemCount() == 4
    assert dialog.list.accessibleName() and dialog.backup_button.accessibleName()


def test_back_up_now_refuses_a_damaged_journal_and_lists_nothing(qtbot, tmp_path: Path) -> None:
    from tests.store.test_backups_trust import damaged_journal

    path = damaged_journal(tmp_path / "journal.sqlite")
    dialog = BackupsDialog(BackupService(path, lambda: NOW))
    qtbot.addWidget(dialog)
    dialog.backup_button.click()
    text = dialog.message.text()
    assert text.startswith("The backup could not be made") and "is damaged" in text
    assert dialog.list.topLevelItemCount() == 0 and not dialog.empty.isHidden()
    assert list((tmp_path / "backups").iterdir()) == []


def test_plain_backups_of_an_encrypted_journal_are_flagged_and_encrypted(qtbot, tmp_path
                                                                         ) -> None:
    from carejournal.services import encryption
    from carejournal.store import cipher
    from carejournal.store.backup import backups_dir
    from carejournal.store.keyfile import KdfCost
    from tests.conftest import draft

    if not cipher.available():
        pytest.skip("SQLCipher is not installed")
    path = tmp_path / "journal.sqlite"
    journal = Journal.open(path, create=True)
    journal.add(draft("Played dominoes with Len"))
    journal.close()
    plain = make_backup(path, NOW, "manual")  # a plain backup, kept aside...
    aside = tmp_path / plain.name
    plain.rename(aside)
    key = encryption.encrypt(path, "tea in the garden",
                             cost=KdfCost(time_cost=1, memory_kib=64, parallelism=1)).key
    aside.rename(backups_dir(path) / aside.name)  # ...and put back: as an old crash left it
    dialog = BackupsDialog(BackupService(path, lambda: NOW, key=key),
                           runner=lambda relay, *args, name: relay(*args))
    qtbot.addWidget(dialog)
    assert dialog.unlike.isVisibleTo(dialog) and "1 backup is not encrypted" in \
        dialog.unlike.text()
    assert dialog.protect_button.isVisibleTo(dialog)
    dialog.protect_button.click()
    qtbot.waitUntil(lambda: not dialog.unlike.isVisibleTo(dialog), timeout=5000)
    assert not dialog.protect_button.isVisibleTo(dialog)
    assert "Encrypted 1 backup." in dialog.message.text()
    assert all(cipher.looks_encrypted(b.path) for b in dialog.service.backups())


def test_rescue_copies_left_under_an_old_key_are_flagged(qtbot, tmp_path) -> None:
    from carejournal.services import encryption
    from carejournal.store import cipher
    from carejournal.store.backup import raw_copy
    from carejournal.store.keyfile import KdfCost
    from tests.conftest import draft

    if not cipher.available():
        pytest.skip("SQLCipher is not installed")
    path = tmp_path / "journal.sqlite"
    journal = Journal.open(path, create=True)
    journal.add(draft("Played dominoes with Len"))
    journal.close()
    cheap = KdfCost(time_cost=1, memory_kib=64, parallelism=1)
    key = encryption.encrypt(path, "tea in the garden", cost=cheap).key
    rescued = raw_copy(path, NOW, "before-restore")
    with rescued.open("r+b") as handle:  # too damaged for the passphrase change to re-key
        handle.seek(4096 * 2 + 1000)
        handle.write(b"\xa5" * 64)
    new_key = encryption.change_passphrase(path, key, "a brand new passphrase", cost=cheap).key
    dialog = BackupsDialog(BackupService(path, lambda: NOW, key=new_key))
    qtbot.addWidget(dialog)
    assert dialog.rescue.isVisibleTo(dialog) and not dialog.unlike.isVisibleTo(dialog)
    assert "1 rescue copy of a damaged journal" in dialog.rescue.text()
    assert not dialog.protect_button.isVisibleTo(dialog)
