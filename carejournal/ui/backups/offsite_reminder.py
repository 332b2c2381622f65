"""A copy off this laptop: a calm banner above the journal when the last one is getting old
(or no folder is chosen yet), and the copier both it and the Backups dialog use, which writes
the copy off the window's thread so that a slow USB stick never freezes the window."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QPushButton,
    QWidget,
)

from carejournal.core.domain import utc_now
from carejournal.services.offsite import Due, Nudge, OffsiteService, write_copy
from carejournal.ui.shared import background
from carejournal.ui.shared.colours import CalmFrame
from carejournal.ui.shared.problems import PROBLEMS
from carejournal.ui.shared.strings import CareJournal

if TYPE_CHECKING:
    from carejournal.ui.main_window import MainWindow

CHECK_INTERVAL_MS = 60 * 60 * 1000  # an hour: a day passing is noticed soon enough
Runner = Callable[..., Any]
_log = logging.getLogger(__name__)


def offsite_of(journal: Any, clock: Callable[[], dt.datetime] = utc_now) -> OffsiteService:
    """The journal's off-laptop copies service (journal.offsite once the journal has one)."""
    found = getattr(journal, "offsite", None)
    return found if isinstance(found, OffsiteService) else \
        OffsiteService.for_journal(journal, clock)


def due_texts(due: Due) -> tuple[str, str]:
    """The banner's title and the line under it, in the worker's language."""
    translate = QCoreApplication.translate
    folder = str(due.folder or "")
    if due.nudge is Nudge.CHOOSE:
        return (translate("CareJournal", "Your journal is only on this laptop."),
                translate("CareJournal", "A copy on a USB stick or another drive keeps your "
                  "writing safe if the laptop is lost or stops working. Choose a folder once, and "
                  "CareJournal will remind you now and then."))
    if due.days is None:
        title = translate("CareJournal", "Nothing has been copied off this laptop yet.")
    elif due.days == 0:
        title = translate("CareJournal", "Your last copy off this laptop was made today.")
    elif due.days == 1:
        title = translate("CareJournal", "Your last copy off this laptop was yesterday.")
    else:
        title = CareJournal.tr("Your last copy off this laptop was %n days ago.", "", due.days)
    if due.nudge is Nudge.MISSING:
        return title, translate("CareJournal", "The folder {folder} is not there just now. "
                        "When the USB stick or drive is plugged in, choose “Copy now”.").format(
                            folder=folder)
    return title, translate("CareJournal", "Copy your journal to {folder} now? It takes a moment, "
                    "and you can carry on writing meanwhile.").format(folder=folder)


class Copier(QObject):
    """Copies the journal to the chosen folder in the background; emits `finished` with the
    new file, or with the problem (an exception), back on the window's thread."""

    finished = Signal(object)

    def __init__(self, offsite: OffsiteService, parent: QObject | None = None,
                 runner: Runner = background.start) -> None:
        super().__init__(parent)
        self.offsite = offsite
        self.runner = runner
        self.busy = False

    def start(self) -> bool:
        """Begin a copy (False if one is already running or no folder is chosen)."""
        folder = self.offsite.folder()
        if self.busy or folder is None:
            return False
        self.busy = True
        now = self.offsite.now()
        background.run(write_copy, self.offsite.backup_service(), folder, now,
                       done=lambda outcome: self._finish(outcome, now), owner=self,
                       name="copy-off-laptop", runner=self.runner)
        return True

    def _finish(self, outcome: object, when: dt.datetime) -> None:
        self.busy = False
        if isinstance(outcome, Path):
            try:
                self.offsite.record_copy(when)
            except PROBLEMS:  # the file is there, and it counts; remembering it is a bonus
                _log.warning("could not remember the copy off the laptop", exc_info=True)
        self.finished.emit(outcome)


class OffsiteBanner(CalmFrame):
    """The calm banner: "Copy now", "Choose folder…" and "Not now" (for this session)."""

    copy_requested = Signal()
    choose_requested = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offsiteReminder")
        self.setAccessibleName(self.tr("Copy off this laptop"))
        self.copy_button = QPushButton(self.tr("&Copy now"))
        self.copy_button.setDefault(True)
        self.choose_button = QPushButton(self.tr("Choose &folder…"))
        self.later_button = QPushButton(self.tr("Not now"))
        for button, name in (
                (self.copy_button, self.tr("Copy the journal off this laptop now")),
                (self.choose_button, self.tr("Choose the folder for copies off this laptop")),
                (self.later_button, self.tr("Hide this reminder until CareJournal is "
                                            "opened again"))):
            button.setAccessibleName(name)
        self.later_button.setToolTip(self.tr("Hide this until CareJournal is opened again"))
        self._build_banner([self.copy_button, self.choose_button, self.later_button])
        self.copy_button.clicked.connect(self.copy_requested)
        self.choose_button.clicked.connect(self.choose_requested)
        self.later_button.clicked.connect(self.dismiss)
        self._restyle()
        self.hide()

    def show_due(self, due: Due) -> None:
        """Say what is due, with the buttons that fit it."""
        title, detail = due_texts(due)
        self.say(title, detail)
        self.copy_button.setVisible(due.nudge in (Nudge.FIRST, Nudge.COPY, Nudge.MISSING))
        self.copy_button.setEnabled(True)
        self.choose_button.setEnabled(True)

    def show_busy(self, folder: Path) -> None:
        """While the copy is written."""
        self.say(self.tr("Copying your journal…"), self.tr(
            "Writing a copy to {folder}. You can carry on writing meanwhile.").format(
                folder=str(folder)))
        self.copy_button.setEnabled(False)
        self.choose_button.setEnabled(False)

    def show_problem(self, title: str, problem: str) -> None:
        """A copy or a folder did not work: say so calmly, and leave the buttons to try again."""
        self.say(title, problem)
        self.copy_button.setEnabled(True)
        self.choose_button.setEnabled(True)

    def dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()



class OffsiteReminder(QObject):
    """Puts the banner in the window's notices and checks now and then whether to show it."""

    def __init__(self, window: MainWindow, clock: Callable[[], dt.datetime] = utc_now,
                 offsite: OffsiteService | None = None, runner: Runner = background.start
                 ) -> None:
        super().__init__(window)
        self.window = window
        self.offsite = offsite or offsite_of(window.journal, clock)
        self.hidden = False  # "Not now": until CareJournal is opened again
        self.copier = Copier(self.offsite, self, runner)
        self.banner = OffsiteBanner()
        window.notices.addWidget(self.banner)
        self.banner.copy_requested.connect(self.copy_now)
        self.banner.choose_requested.connect(self.choose_folder)
        self.banner.dismissed.connect(self._not_now)
        self.copier.finished.connect(self._copied)
        self.timer = QTimer(self, interval=CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        QTimer.singleShot(0, self, self.check)  # not once the window is gone

    def check(self) -> Due | None:
        """Show the reminder if one is due (and the worker has not said "Not now")."""
        if self.hidden or self.copier.busy:
            return None
        try:
            due = self.offsite.due()
            if due is not None and due.nudge is Nudge.CHOOSE:
                self.offsite.asked_to_choose()
        except Exception:  # a reminder must never trouble the app; try again later
            _log.warning("could not check for a copy off the laptop", exc_info=True)
            return None
        if due is None:
            self.banner.hide()
        else:
            self.banner.show_due(due)
        return due

    def copy_now(self) -> None:
        """Copy in the background; the banner says so meanwhile."""
        folder = self.offsite.folder()
        if folder is None:
            self.choose_folder()
            return
        self.banner.show_busy(folder)  # first: a quick copy may finish within start()
        if not self.copier.start():
            self.check()

    def ask_folder(self) -> Path | None:
        """Ask for the folder (tests replace this)."""
        start = self.offsite.folder()
        chosen = QFileDialog.getExistingDirectory(
            self.window, self.tr("Choose a folder off this laptop"),
            str(start) if start is not None else "")
        return Path(chosen) if chosen else None

    def choose_folder(self) -> None:
        """Choose the folder, then offer to copy there."""
        folder = self.ask_folder()
        if folder is None:
            return
        try:
            self.offsite.set_folder(folder)
        except PROBLEMS as exc:
            self.banner.show_problem(self.tr("That folder cannot be used."), str(exc))
            return
        self.window.statusBar().showMessage(self.tr(
            "Copies off this laptop will go to {folder}.").format(folder=str(folder)), 8000)
        self.check()

    def _copied(self, outcome: object) -> None:
        if isinstance(outcome, Path):
            self.banner.hide()
            self.window.statusBar().showMessage(self.tr(
                "Copied your journal to {folder}.").format(folder=str(outcome.parent)), 8000)
            return
        self.banner.show_problem(self.tr("The copy was not made."), self.tr(
            "{problem} Your journal itself is safe on this laptop.").format(
                problem=str(outcome)))

    def _not_now(self) -> None:
        self.hidden = True
