"""Backups: the copies of the journal (when, why, how big), "Back up now", and "Restore…",
which asks first and then leaves closing and reopening the journal to the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from carejournal.backups import BackupFile, BackupService
from carejournal.ui.colours import problem_banner_style
from carejournal.ui.problems import PROBLEMS

PATH_ROLE = Qt.ItemDataRole.UserRole


def reason_text(reason: str) -> str:
    """Why a backup was made, in words."""
    t = QCoreApplication.translate
    if reason == "daily":
        return t("CareJournal", "Automatic (daily)")
    if reason == "manual":
        return t("CareJournal", "You asked for it")
    if reason == "before-restore":
        return t("CareJournal", "Before a restore")
    if reason.startswith("before-upgrade"):
        return t("CareJournal", "Before an update of CareJournal")
    if reason.startswith("before-"):
        return t("CareJournal", "Before a change to the journal")
    return reason


def size_text(size: int) -> str:
    """A file size in the worker's locale (kB, MB)."""
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


def when_text(backup: BackupFile) -> str:
    """When the backup was made, in local time and the worker's locale."""
    moment = QDateTime.fromSecsSinceEpoch(int(backup.made_at.timestamp())).toLocalTime()
    return QLocale().toString(moment, "ddd d MMM yyyy, HH:mm")


class BackupsDialog(QDialog):
    """Lists the journal's backups; "Restore…" emits restore_requested after a clear yes."""

    restore_requested = Signal(Path)
    backed_up = Signal(Path)

    def __init__(self, backups: BackupService | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = backups if isinstance(backups, BackupService) else BackupService(backups)
        self.setWindowTitle(self.tr("Backups"))
        self._build()
        self.reload()
        self.resize(760, 480)

    def _build(self) -> None:
        intro = QLabel(self.tr(
            "CareJournal copies your journal once a day when you close it, and whenever you "
            "ask. Restoring a backup always saves your journal as it is first, so nothing "
            "is lost."), wordWrap=True)
        self.list = QTreeWidget()
        self.list.setAccessibleName(self.tr("Backups of this journal, newest first"))
        self.list.setHeaderLabels([self.tr("When"), self.tr("Why"), self.tr("Size")])
        self.list.headerItem().setTextAlignment(
            2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.list.setRootIsDecorated(False)
        self.list.setColumnWidth(0, 240)
        self.list.setColumnWidth(1, 280)
        self.empty = QLabel(self.tr("No backups yet. The first one is made when you close "
                                    "CareJournal, or now with “Back up now”."), wordWrap=True)
        self.folder = QLabel(wordWrap=True)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder.setAccessibleName(self.tr("Backup folder"))
        self.message = QLabel(wordWrap=True)
        self.message.setAccessibleName(self.tr("What happened"))
        self.message.hide()
        self.backup_button = QPushButton(self.tr("&Back up now"))
        self.restore_button = QPushButton(self.tr("&Restore…"))
        self.close_button = QPushButton(self.tr("Close"))
        for button, name in ((self.backup_button, self.tr("Back up the journal now")),
                             (self.restore_button, self.tr("Restore the chosen backup")),
                             (self.close_button, self.tr("Close backups"))):
            button.setAccessibleName(name)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        for widget, stretch in ((intro, 0), (self.list, 1), (self.empty, 0), (self.folder, 0),
                                (self.message, 0)):
            layout.addWidget(widget, stretch)
        layout.addLayout(buttons)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.ask_to_restore)
        self.close_button.clicked.connect(self.close)
        self.list.currentItemChanged.connect(self._update_buttons)

    def reload(self) -> None:
        """List the backups again, newest first."""
        try:
            backups = self.service.backups()
            folder = self.service.folder()
        except PROBLEMS as exc:
            self.show_problem(str(exc))
            backups, folder = [], None
        self.list.clear()
        for backup in backups:
            item = QTreeWidgetItem([when_text(backup), reason_text(backup.reason),
                                    size_text(backup.size)])
            item.setData(0, PATH_ROLE, str(backup.path))
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
        if backups:
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self.list.setVisible(bool(backups))
        self.empty.setVisible(not backups)
        if folder is not None:
            self.folder.setText(self.tr("Backup folder: {path}").format(path=folder))
        self._update_buttons()

    def chosen(self) -> Path | None:
        """The backup picked in the list, if any."""
        item = self.list.currentItem()
        return Path(item.data(0, PATH_ROLE)) if item is not None else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)

    def back_up_now(self) -> None:
        """Make a backup the worker asked for, and list it."""
        try:
            made = self.service.back_up_now()
        except PROBLEMS as exc:
            self.show_problem(self.tr("The backup could not be made: {problem}")
                              .format(problem=str(exc)))
            return
        self.reload()
        self.show_note(self.tr("Backed up to {name}.").format(name=made.name))
        self.backed_up.emit(made)

    def ask_to_restore(self) -> None:
        """Check the chosen backup, ask clearly, and on yes emit restore_requested."""
        backup = self.chosen()
        if backup is None:
            return
        problems = self.service.check(backup)
        if problems:
            QMessageBox.warning(self, self.tr("This backup cannot be restored"), self.tr(
                "This backup is damaged, so CareJournal will not restore it. Your journal "
                "has not been changed. Please choose another backup.\n\nDetails: {problem}")
                .format(problem=problems[0]))
            return
        item = self.list.currentItem()
        answer = QMessageBox.question(
            self, self.tr("Restore this backup?"),
            self.tr("Restore the backup from {when}?\n\nYour journal as it is now will be "
                    "backed up first, so nothing is lost. CareJournal will then close the "
                    "journal and open it again from this backup.")
            .format(when=item.text(0)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_requested.emit(backup)

    def show_problem(self, text: str) -> None:
        self.message.setStyleSheet(problem_banner_style(self))
        self.message.setText(text)
        self.message.show()

    def show_note(self, text: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)
        self.message.show()
