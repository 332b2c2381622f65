"""File › Backups: the backups dialog, and restoring one (the app closes the journal,
restores, and opens it again: see carejournal/app.py)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from carejournal.backups import BackupService

if TYPE_CHECKING:
    from carejournal.ui.backups_dialog import BackupsDialog
    from carejournal.ui.main_window import MainWindow


class BackupsController(QObject):
    """Opens the backups dialog; a restore asked for there closes the window to do it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: BackupsDialog | None = None
        self.restore_wanted: Path | None = None
        window.actions_.backups.triggered.connect(self.show_backups)

    def show_backups(self) -> None:
        """Open (or bring forward) the list of backups."""
        from carejournal.ui.backups_dialog import BackupsDialog

        if self.dialog is None:
            self.dialog = BackupsDialog(BackupService(self.window.journal.path), self.window)
            self.dialog.restore_requested.connect(self.restore)
            self.dialog.finished.connect(self._closed)
        self.dialog.show()
        self.dialog.raise_()

    def _closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def restore(self, backup: Path) -> None:
        """Save what is being typed, then close the window; the app restores and reopens."""
        if not self.window.autosaver.flush():
            return
        self.restore_wanted = backup
        if self.dialog is not None:
            self.dialog.close()
        self.window.close()
