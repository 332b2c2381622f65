"""File › Backups in the window, and what the app does on close and on a restore."""

from __future__ import annotations

from pathlib import Path

from carejournal.app import close_journal
from carejournal.services.backups import BackupService
from carejournal.services.journal import Journal
from carejournal.ui.after_close import Session
from carejournal.ui.backups.controller import restore_backup
from carejournal.ui.backups.dialog import BackupsDialog
from tests.conftest import draft


def test_backups_opens_the_dialog_and_a_restore_closes_the_window(make_window, qtbot,
                                                                   journal: Journal) -> None:
    journal.add(draft("Kept safe."))
    window = make_window()
    window.actions_.backups.trigger()
    dialog = window.backups.dialog
    assert isinstance(dialog, BackupsDialog) and dialog.isVisible()
    backup = BackupService(journal.path).back_up_now()
    dialog.restore_requested.emit(backup)
    assert window.backups.restore_wanted == backup
    assert window.after_close is not None, "the app restores once the journal is closed"
    assert not window.isVisible()


def test_closing_makes_the_days_backup_and_a_restore_brings_entries_back(
        make_window, journal: Journal, monkeypatch, dialogs) -> None:
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    journal.add(draft("Before the backup."))
    window = make_window()
    path: Path = journal.path
    close_journal(window)
    daily = [b for b in BackupService(path).backups() if b.path.name.endswith("-daily.sqlite")]
    assert len(daily) == 1
    reopened = Journal.open(path, create=True)
    reopened.add(draft("After the backup."))
    reopened.close()
    assert window.after_close is None
    assert restore_backup(Session(path), daily[0].path) is True  # the step, once all is shut
    assert dialogs == []
    again = Journal.open(path, create=True)
    try:
        assert [again.get(r.id).body for r in again.rows()] == ["Before the backup."]
    finally:
        again.close()
