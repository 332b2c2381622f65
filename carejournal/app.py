"""Composition root: makes the Qt application, opens the journal, shows the window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from carejournal import APP_NAME
from carejournal.backups import DEFAULT_KEEP, BackupService
from carejournal.errors import JournalError, ResourceError
from carejournal.journal import Journal
from carejournal.paths import journal_path
from carejournal.resources import resource_path
from carejournal.ui import test_hook
from carejournal.ui.main_window import MainWindow
from carejournal.ui.single_instance import SingleInstance


def _tr(text: str) -> str:
    return QCoreApplication.translate("CareJournal", text)


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, named so QSettings and the data folder agree."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setWindowIcon(QIcon(str(resource_path("icons", "carejournal.svg"))))
    return app


def open_window(path: Path, settings: QSettings) -> tuple[MainWindow, SingleInstance] | str:
    """Lock and open the journal and build its window, or say why not."""
    instance = SingleInstance(path)
    if not path.parent.is_dir():
        return _tr("The folder {folder} does not exist.").format(folder=path.parent)
    if not instance.acquire():
        instance.ask_first_to_raise()
        return _tr("This journal is already open in another CareJournal window. "
                   "It has been brought to the front. Only one window can write "
                   "to a journal at a time.")
    try:
        journal = Journal.open(path)
    except (JournalError, ResourceError, OSError) as exc:
        instance.release()
        return str(exc)
    window = MainWindow(journal, settings)
    instance.listen(window.bring_to_front)
    return window, instance


def main(journal: str | None = None) -> int:
    """Open the journal window; returns the exit status."""
    app = make_application()
    try:
        path = journal_path(journal)
    except OSError as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 2
    while True:
        opened = open_window(path, QSettings())
        if isinstance(opened, str):
            QMessageBox.critical(None, _tr("CareJournal cannot open this journal"), opened)
            return 2
        window, instance = opened
        window.show()
        QTimer.singleShot(0, window.draft_keeper.offer_recovery)  # typing left by a crash
        test_hook.maybe_run(window)
        try:
            code = app.exec()
        finally:
            close_journal(window)
            instance.release()
        backup = window.backups.restore_wanted
        if backup is None:
            return code
        restore_backup(path, backup)  # then the loop opens the journal again


def close_journal(window: MainWindow) -> None:
    """Close the journal and make the day's automatic backup (a failure only warns)."""
    journal = window.journal
    try:
        keep = journal.backups.keep()
    except JournalError:
        keep = DEFAULT_KEEP
    journal.close()
    try:
        BackupService(journal.path).back_up_if_due(keep)
    except (JournalError, OSError) as exc:
        sys.stderr.write(f"carejournal: the automatic backup was not made: {exc}\n")


def restore_backup(path: Path, backup: Path) -> None:
    """Restore a backup over the closed journal, saying how it went."""
    try:
        done = BackupService(path).restore(backup)
    except (JournalError, OSError) as exc:
        QMessageBox.warning(None, _tr("The backup was not restored"), str(exc))
        return
    saved = done.saved_first.name if done.saved_first else "-"
    QMessageBox.information(None, _tr("The backup is restored"), _tr(
        "The journal is back as it was in {backup}. What it held before is kept in "
        "{saved}.").format(backup=backup.name, saved=saved))


if __name__ == "__main__":
    raise SystemExit(main())
