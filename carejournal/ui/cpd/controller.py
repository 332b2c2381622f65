"""The registration tracker in the window: a gentle banner 60 and then 14 days before the
deadline, once each, with the tracker's figures (the reminder mechanism the off-laptop copy
and supervision prompts use: a CalmFrame in the window's notices, never modal, never
counted). The figures' line is made in core/registration.py for the command line too, so it
is translated by the command line's gettext catalogues, not by Qt's."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from carejournal.core.changes import Changes
from carejournal.ui.shared.colours import CalmFrame

if TYPE_CHECKING:
    from carejournal.ui.main_window import MainWindow

CHECK_INTERVAL_MS = 60 * 60 * 1000  # an hour: a new day is noticed soon enough
_log = logging.getLogger(__name__)


class DeadlineBanner(CalmFrame):
    """"Your registration deadline is coming up", with the figures; "Noted" puts it away."""

    noted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registrationReminder")
        self.setAccessibleName(self.tr("Registration deadline"))
        self.noted_button = QPushButton(self.tr("Noted"))
        self.noted_button.setAccessibleName(self.tr("Hide this reminder"))
        self._build_banner([self.noted_button])
        self.noted_button.clicked.connect(self._noted)
        self._restyle()
        self.hide()

    def show_due(self, days: int, figures: str) -> None:
        """Say how many days are left and where the worker is."""
        self.say(self.tr("%n days to your registration deadline.", "", days), figures)

    def _noted(self) -> None:
        self.hide()
        self.noted.emit()


class CpdController(QObject):
    """The deadline banner in the notices; `status_text` is the tracker's line."""

    def __init__(self, window: MainWindow, clock: Callable[[], dt.datetime]) -> None:
        super().__init__(window)
        self.window = window
        self.clock = clock
        self.status_text = ""
        self.banner = DeadlineBanner()
        window.notices.addWidget(self.banner)
        self.banner.noted.connect(self._noted)
        self.due: str | None = None
        window.changes.changed.connect(self._changed)
        self.timer = QTimer(self, interval=CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        QTimer.singleShot(0, self, self.check)
        actions = getattr(window, "actions_", None)
        if actions is not None:
            actions.learning.triggered.connect(self.show_dialog)
            actions.use_as_account.triggered.connect(self.use_as_account)
            actions.copy_for_swe.triggered.connect(self.copy_for_swe)

    def open_entry(self, missing: str) -> int | None:
        """The entry open in the editor; else None, and the status bar says `missing`."""
        editor = getattr(self.window, "_editor", None)
        entry_id = getattr(editor, "entry_id", None)
        if entry_id is None:
            self.window.statusBar().showMessage(missing, 8000)
        return entry_id if isinstance(entry_id, int) else None

    def use_as_account(self) -> None:
        """File › Use as a Reflective Account…, for the entry open in the editor."""
        from carejournal.ui.cpd.account import AccountDialog

        entry_id = self.open_entry(self.tr(
            "Open the entry to use as a reflective account first."))
        if entry_id is not None:
            self._open(AccountDialog(self.window.journal, entry_id, self.window))

    def copy_for_swe(self) -> None:
        """File › Copy for Social Work England…, for the entry open in the editor."""
        from carejournal.ui.cpd.swe import SweDialog

        entry_id = self.open_entry(self.tr(
            "Open the entry to copy for Social Work England first."))
        if entry_id is not None:
            self._open(SweDialog(self.window.journal, entry_id, self.window))

    @staticmethod
    def _open(dialog: QDialog) -> None:
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def show_dialog(self) -> None:
        """View › Learning and Feedback…"""
        from carejournal.ui.cpd.dialog import LearningDialog

        self._open(LearningDialog(self.window.journal, self.window.changes.report,
                                  self.window, self.today()))

    def today(self) -> dt.date:
        return self.clock().astimezone().date()

    def check(self) -> None:
        """Read the tracker's figures, and show the banner when a reminder is due."""
        cpd = self.window.journal.cpd
        try:
            today = self.today()
            status = cpd.status(today)
            due = cpd.reminder(today)
        except Exception:  # a reminder must never trouble the app; try again later
            _log.warning("could not check the registration tracker", exc_info=True)
            return
        self.status_text = status.text
        left = status.days_left(today)
        self.due = None if due is None else due[0]
        if due is None or left is None:
            self.banner.hide()
        else:
            self.banner.show_due(left, due[1])

    def _changed(self, changes: Changes) -> None:
        if changes.settings or changes.listing or changes.cpd:
            self.check()

    def _noted(self) -> None:
        if self.due is not None:
            try:
                self.window.journal.cpd.reminder_shown(self.due)
            except Exception:
                _log.warning("could not remember the registration reminder", exc_info=True)
        self.due = None
