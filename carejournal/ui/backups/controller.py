"""File › Backups: the backups dialog, and restoring one (the app closes the journal,
restores, and opens it again: see carejournal/app.py)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox

from carejournal.core.errors import JournalError
from carejournal.services.backups import BackupService
from carejournal.ui.after_close import Session
from carejournal.ui.backups.offsite_reminder import OffsiteReminder, offsite_of

if TYPE_CHECKING:
    from carejournal.ui.backups.dialog import BackupsDialog
    from carejournal.ui.main_window import MainWindow


class BackupsController(QObject):
    """Opens the backups dialog; a restore asked for there closes the window to do it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: BackupsDialog | None = None
        self.restore_wanted: Path | None = None
        window.actions_.backups.triggered.connect(self.show_backups)
        self.offsite = OffsiteReminder(window)  # "copy it off this laptop" when it is time

    def show_backups(self) -> None:
        """Open (or bring forward) the list of backups."""
        from carejournal.ui.backups.dialog import BackupsDialog

        if self.dialog is None:
            self.dialog = BackupsDialog(self.window.journal.backup_service(), self.window,
                                        offsite=offsite_of(self.window.journal))
            self.dialog.restore_requested.connect(self.restore)
            self.dialog.finished.connect(self._closed)
        self.dialog.show()
        self.dialog.raise_()

    def _closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        self.offsite.check()

    def restore(self, backup: Path) -> None:
        """Save what is being typed, then close the window; the app restores and reopens."""
        if not self.window.autosaver.flush():
            return
        self.restore_wanted = backup
        self.window.after_close = lambda session: restore_backup(session, backup)
        if self.dialog is not None:
            self.dialog.close()
        self.window.close()


def restore_backup(session: Session, backup: Path) -> bool:
    """Restore a backup over the closed journal, saying how it went; then reopen it."""
    try:
        done = BackupService(session.path, key=session.key).restore(backup)
    except (JournalError, OSError) as exc:
        QMessageBox.warning(None, translate("CareJournal", "The backup was not restored"), str(exc))
        return True
    saved = done.saved_first.name if done.saved_first else "-"
    QMessageBox.information(None, translate("CareJournal", "The backup is restored"), translate(
        "CareJournal", "The journal is back as it was in {backup}. What it held before is kept in "
        "{saved}.").format(backup=backup.name, saved=saved))
    return True


translate = QCoreApplication.translate  # translate("Context", "text"), as lupdate reads it
