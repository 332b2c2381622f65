"""Backups: the copies of the journal (when, why, how big), "Back up now", and "Restore…",
which asks first and then leaves closing and reopening the journal to the window; and "Off
this laptop": the folder for copies kept elsewhere, the reminder's days, and "Copy now"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from carejournal.services.backups import BackupFile, BackupService
from carejournal.services.offsite import MAX_EVERY_DAYS, OffsiteService
from carejournal.ui.backups.offsite_reminder import Copier
from carejournal.ui.shared import background
from carejournal.ui.shared.colours import problem_banner_style
from carejournal.ui.shared.problems import PROBLEMS
from carejournal.ui.shared.strings import CareJournal

PATH_ROLE = Qt.ItemDataRole.UserRole


def reason_text(reason: str) -> str:
    """Why a backup was made, in words."""
    translate = QCoreApplication.translate
    if reason == "daily":
        return translate("CareJournal", "Automatic (daily)")
    if reason == "manual":
        return translate("CareJournal", "You asked for it")
    if reason == "before-restore":
        return translate("CareJournal", "Before a restore")
    if reason.startswith("before-upgrade"):
        return translate("CareJournal", "Before an update of CareJournal")
    if reason.startswith("before-"):
        return translate("CareJournal", "Before a change to the journal")
    return reason


def size_text(size: int) -> str:
    """A file size in the worker's locale (kB, MB)."""
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


def when_text(backup: BackupFile) -> str:
    """When the backup was made, in local time and the worker's locale."""
    return moment_text(backup.made_at)


def moment_text(moment: dt.datetime) -> str:
    """A moment in local time and the worker's locale: "Tue 24 Nov 2026, 09:30"."""
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime()
    return QLocale().toString(local, "ddd d MMM yyyy, HH:mm")


class BackupsDialog(QDialog):
    """Lists the journal's backups; "Restore…" emits restore_requested after a clear yes."""

    restore_requested = Signal(Path)
    backed_up = Signal(Path)

    def __init__(self, backups: BackupService | Path, parent: QWidget | None = None,
                 offsite: OffsiteService | None = None, runner: Any = background.start
                 ) -> None:
        super().__init__(parent)
        self.service = backups if isinstance(backups, BackupService) else BackupService(backups)
        self.runner = runner
        self.offsite = OffsiteSection(offsite, runner, self) if offsite is not None else None
        self.setWindowTitle(self.tr("Backups"))
        self._build()
        self.reload()
        self.resize(760, 620 if self.offsite is not None else 480)

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
        self.unlike = QLabel(wordWrap=True)
        self.unlike.setAccessibleName(self.tr("Backups protected unlike the journal"))
        self.unlike.setStyleSheet(problem_banner_style(self))
        self.rescue = QLabel(wordWrap=True)
        self.rescue.setAccessibleName(self.tr("Rescue copies protected unlike the journal"))
        self.rescue.setStyleSheet(problem_banner_style(self))
        self.rescue.hide()
        self.protect_button = QPushButton(self.tr("&Encrypt Them"))
        self.protect_button.setAccessibleName(
            self.tr("Encrypt the backups that are not encrypted"))
        unlike_row = QHBoxLayout()
        unlike_row.addWidget(self.unlike, 1)
        unlike_row.addWidget(self.protect_button)
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
        # With no backups the list hides and the empty note takes its room, from the top.
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for widget, stretch in ((intro, 0), (self.list, 1), (self.empty, 1), (self.folder, 0),
                                (self.offsite, 0), (self.message, 0)):
            if widget is not None:
                layout.addWidget(widget, stretch)
        layout.addLayout(unlike_row)
        layout.addWidget(self.rescue)
        layout.addLayout(buttons)
        self.protect_button.clicked.connect(self.protect_like_the_journal)
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
        first = self.list.topLevelItem(0)
        if backups and first is not None:
            self.list.setCurrentItem(first)
        self.list.setVisible(bool(backups))
        self.empty.setVisible(not backups)
        if folder is not None:
            self.folder.setText(self.tr("Backup folder: {path}").format(path=folder))
        self._show_unlike()
        self._update_buttons()

    def _show_unlike(self) -> None:
        """A line (and a button, where it can be fixed) for backups unlike the journal."""
        try:
            count = len(self.service.unlike_the_journal())
        except PROBLEMS:
            count = 0
        fixable = count > 0 and self.service.key is not None
        if fixable:
            self.unlike.setText(self.tr(
                "%n backups are not encrypted, unlike your journal: anyone who can use "
                "this computer account can read them.", "", count))
        elif count:
            self.unlike.setText(self.tr(
                "%n backups are encrypted, unlike your journal: they open only with "
                "the key they were encrypted with.", "", count))
        self.unlike.setVisible(count > 0)
        self.protect_button.setVisible(fixable)
        rescue = self._rescue_copies_text()
        self.rescue.setText(rescue)
        self.rescue.setVisible(bool(rescue))

    def _rescue_copies_text(self) -> str:
        """A word on rescue copies of a damaged journal not protected like it, or nothing."""
        try:
            unlike = self.service.rescue_copies_unlike()
        except PROBLEMS:
            return ""
        if not unlike:
            return ""
        return self.tr(
            "%n rescue copies of a damaged journal in the backup folder (ending "
            ".damaged) are not protected like your journal: they are not encrypted, or only "
            "an earlier passphrase with an old copy of its key file opens them. Delete them "
            "once you no longer need them.", "", len(unlike))

    def protect_like_the_journal(self) -> None:
        """Encrypt the plain backups of an encrypted journal, off the window's thread."""
        self.protect_button.setEnabled(False)
        background.run(self.service.protect_like_the_journal, done=self._protected,
                       owner=self, name="protect-backups", runner=self.runner)

    def _protected(self, outcome: object) -> None:
        self.protect_button.setEnabled(True)
        self.reload()
        if isinstance(outcome, BaseException):
            self.show_problem(self.tr("The backups could not be encrypted: {problem}")
                              .format(problem=str(outcome)))
        elif isinstance(outcome, tuple):
            self.show_note(self.tr("Encrypted %n backups.", "", len(outcome[0])))

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
        if item is None:  # chosen() found it a moment ago
            return
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


def ago_text(moment: dt.datetime, now: dt.datetime) -> str:
    """How long ago a copy was made: "today", "yesterday" or "12 days ago"."""
    translate = QCoreApplication.translate
    days = max(0, (now - moment).days)
    if days == 0:
        return translate("CareJournal", "today")
    if days == 1:
        return translate("CareJournal", "yesterday")
    return CareJournal.tr("%n days ago", "", days)


class OffsiteSection(QGroupBox):
    """Off this laptop: the folder, "remind me after N days", the last copy, and Copy now."""

    def __init__(self, offsite: OffsiteService, runner: Any, parent: QWidget) -> None:
        super().__init__(parent)
        self.service = offsite
        self.setTitle(self.tr("Off this laptop"))
        self.copier = Copier(offsite, self, runner)
        self.copier.finished.connect(self._copied)
        self._build()
        self.reload()

    def _build(self) -> None:
        intro = QLabel(self.tr(
            "Keep a copy on a USB stick, another drive or a network folder too, in case the "
            "laptop is lost or stops working."), wordWrap=True)
        self.folder_edit = QLineEdit(readOnly=True)
        self.folder_edit.setPlaceholderText(self.tr("No folder chosen yet"))
        self.folder_edit.setAccessibleName(self.tr("Folder for copies off this laptop"))
        self.choose_button = QPushButton(self.tr("C&hoose…"))
        self.choose_button.setAccessibleName(self.tr("Choose the folder for copies off this "
                                                     "laptop"))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.choose_button)
        self.days = QSpinBox(minimum=1, maximum=MAX_EVERY_DAYS)
        self.days.setSuffix(self.tr(" days"))
        self.days.setAccessibleName(self.tr("Remind me when the last copy off this laptop is "
                                            "this many days old"))
        self.last = QLabel(wordWrap=True)
        self.last.setAccessibleName(self.tr("Last copy off this laptop"))
        self.copy_button = QPushButton(self.tr("&Copy now"))
        self.copy_button.setAccessibleName(self.tr("Copy the journal off this laptop now"))
        last_row = QHBoxLayout()
        last_row.addWidget(self.last, 1)
        last_row.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
        form = QFormLayout(self)
        form.addRow(intro)
        folder_label = QLabel(self.tr("&Folder:"))
        folder_label.setBuddy(self.choose_button)
        form.addRow(folder_label, folder_row)
        days_label = QLabel(self.tr("&Remind me after:"))
        days_label.setBuddy(self.days)
        days_row = QHBoxLayout()
        days_row.addWidget(self.days)
        days_row.addStretch(1)
        form.addRow(days_label, days_row)
        form.addRow(last_row)
        self.choose_button.clicked.connect(self.choose_folder)
        self.copy_button.clicked.connect(self.copy_now)
        self.days.valueChanged.connect(self._days_changed)

    def reload(self) -> None:
        """Show the folder, the days and the last copy as they are now."""
        try:
            status = self.service.status()
        except PROBLEMS as exc:
            self.last.setText(str(exc))
            return
        self.folder_edit.setText(str(status.folder or ""))
        self.days.blockSignals(True)
        self.days.setValue(status.every_days)
        self.days.blockSignals(False)
        self.last.setText(self._last_text(status.folder, status.present, status.last_copy))
        self.copy_button.setEnabled(status.folder is not None and not self.copier.busy)

    def _last_text(self, folder: Path | None, present: bool,
                   last: dt.datetime | None) -> str:
        if folder is None:
            return self.tr("Choose a folder, then “Copy now”. CareJournal will remind you "
                           "gently when the last copy gets old.")
        missing = self.tr("The folder is not there just now: plug in the USB stick or "
                          "drive to copy.")
        if last is None:
            return self.tr("No copy there yet.") if present else missing
        text = self.tr("Last copy: {when} ({ago}).").format(
            when=moment_text(last), ago=ago_text(last, self.service.now()))
        return text if present else f"{text} {missing}"

    def ask_folder(self) -> Path | None:
        """Ask for the folder (tests replace this)."""
        start = self.service.folder()
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder off this laptop"),
            str(start) if start is not None else "")
        return Path(chosen) if chosen else None

    def choose_folder(self) -> None:
        folder = self.ask_folder()
        if folder is None:
            return
        try:
            self.service.set_folder(folder)
        except PROBLEMS as exc:
            self._tell(self.tr("That folder cannot be used: {problem}").format(
                problem=str(exc)), problem=True)
            return
        self.reload()

    def _days_changed(self, days: int) -> None:
        try:
            self.service.set_every_days(days)
        except PROBLEMS as exc:
            self._tell(str(exc), problem=True)

    def copy_now(self) -> None:
        """Copy in the background; the window stays free meanwhile."""
        folder = self.service.folder()
        if folder is None:
            return
        self.copy_button.setEnabled(False)
        self.last.setText(self.tr("Copying to {folder}…").format(folder=str(folder)))
        if not self.copier.start():
            self.reload()

    def _copied(self, outcome: object) -> None:
        self.reload()
        if isinstance(outcome, Path):
            self._tell(self.tr("Copied to {path}.").format(path=str(outcome)))
        else:
            self._tell(self.tr("The copy was not made: {problem} Your journal itself is safe "
                               "on this laptop.").format(problem=str(outcome)), problem=True)

    def _tell(self, text: str, problem: bool = False) -> None:
        dialog = self.parentWidget()
        if isinstance(dialog, BackupsDialog):
            (dialog.show_problem if problem else dialog.show_note)(text)
