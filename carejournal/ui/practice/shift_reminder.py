"""After the shift: a gentle question, once, in the window and (where there is one) the tray."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QMessageBox,
    QPushButton,
    QStyle,
    QSystemTrayIcon,
    QWidget,
)

from carejournal import APP_NAME
from carejournal.core.domain import InvalidInput
from carejournal.core.errors import JournalError
from carejournal.core.shifts import ShiftEnd, due_reminder
from carejournal.services.settings import SettingsService
from carejournal.ui.shared.colours import CalmFrame
from carejournal.ui.shared.dates import local_time

CHECK_INTERVAL_MS = 60_000
SNOOZE_MINUTES = 30
TRAY_MESSAGE_MS = 20_000
PROBLEMS = (InvalidInput, JournalError, OSError)
_log = logging.getLogger(__name__)


class ShiftReminder(QObject):
    """Checks about once a minute whether to ask how a shift went.

    Emits `due(ShiftEnd)` once per shift end (again only after a snooze), and `let_go()`
    when an unanswered question passes out of its window. Nothing about a missed
    reminder is ever stored or counted.
    """

    due = Signal(object)
    let_go = Signal()

    def __init__(self, settings: SettingsService,
                 clock: Callable[[], dt.datetime] = dt.datetime.now,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._clock = clock
        self._snoozed_until: dt.datetime | None = None
        self._handled_until: dt.datetime | None = None  # kept here too, in case saving fails
        self.pending: ShiftEnd | None = None  # asked about, not yet answered
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> ShiftEnd | None:
        """Ask about a shift that ended a little while ago, if there is one to ask about."""
        now = self._clock()
        if self._snoozed_until is not None and now < self._snoozed_until:
            return None
        self._snoozed_until = None
        try:
            due = self._due(now)
        except Exception:  # a reminder must never trouble the app; try again next minute
            _log.warning("could not check for a shift reminder", exc_info=True)
            return None
        if due is None and self.pending is not None:
            self.pending = None
            self.let_go.emit()
        elif due is not None and due != self.pending:
            self.pending = due
            self.due.emit(due)
        return due

    def _due(self, now: dt.datetime) -> ShiftEnd | None:
        if not self._settings.reminders_on():
            return None
        handled = _later(self._settings.reminder_handled_until(), self._handled_until)
        return due_reminder(self._settings.shifts(), now, handled)

    def snooze(self, minutes: int = SNOOZE_MINUTES) -> None:
        """Ask again in a while (this session only)."""
        self._snoozed_until = self._clock() + dt.timedelta(minutes=minutes)
        self.pending = None

    def handled(self, shift_end: ShiftEnd) -> None:
        """Do not ask about this shift end (or earlier ones) again, even after a restart."""
        self._handled_until = _later(self._handled_until, shift_end.ended_at)
        if self.pending is not None and self.pending.ended_at <= shift_end.ended_at:
            self.pending = None
        stored = self._settings.reminder_handled_until()
        if stored is None or stored < shift_end.ended_at:
            self._settings.set_reminder_handled_until(shift_end.ended_at)

    def switch_off(self) -> None:
        """Stop asking (it can be switched on again in the settings)."""
        self.pending = None
        self._settings.set_reminders_on(False)


def _later(a: dt.datetime | None, b: dt.datetime | None) -> dt.datetime | None:
    return max(a, b) if a is not None and b is not None else a or b


class ReminderBanner(CalmFrame):
    """The question in the window: write about it, later, not today, or no more reminders.

    Emits `write_requested(ShiftEnd)`, `shown_for(ShiftEnd)` when it appears,
    `dismissed()` when it goes, and `switched_off()` when reminders were turned off.
    """

    write_requested = Signal(object)
    shown_for = Signal(object)
    dismissed = Signal()
    switched_off = Signal()

    def __init__(self, reminder: ShiftReminder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reminder = reminder
        self.shift_end: ShiftEnd | None = None
        self.setObjectName("shiftReminder")
        self.setAccessibleName(self.tr("Shift reminder"))
        self._build()
        self._restyle()
        reminder.due.connect(self.show_for)
        reminder.let_go.connect(self._close)
        self.hide()

    def _build(self) -> None:
        self.write = QPushButton(self.tr("&Write about it"))
        self.later = QPushButton(self.tr("&Later"))
        self.not_today = QPushButton(self.tr("&Not today"))
        self.turn_off = QPushButton(self.tr("Turn &off reminders"), flat=True)
        self.write.setDefault(True)
        self.later.setToolTip(self.tr("Ask again in {minutes} minutes").format(
            minutes=SNOOZE_MINUTES))
        self.not_today.setToolTip(self.tr("Do not ask about this shift again"))
        self.turn_off.setToolTip(self.tr("You can turn them on again in Settings"))
        # "Turn off" under the words, not beside the buttons: a longer language needs the room
        self._build_banner([self.write, self.later, self.not_today], under=[self.turn_off])
        for button in (self.turn_off, self.write, self.later, self.not_today):
            button.setAccessibleName(button.text().replace("&", ""))
        self.write.clicked.connect(self.write_about_it)
        self.later.clicked.connect(self.ask_later)
        self.not_today.clicked.connect(self.not_today_please)
        self.turn_off.clicked.connect(self.turn_reminders_off)

    def question(self, shift_end: ShiftEnd) -> str:
        """'How was your late shift?' (not 'your late shift shift')."""
        name = shift_end.shift.name
        if name.casefold().endswith("shift"):
            return self.tr("How was your {shift}?").format(shift=name)
        return self.tr("How was your {shift} shift?").format(shift=name)

    def explanation(self, shift_end: ShiftEnd) -> str:
        """The line under the question."""
        return self.tr("It ended at {time}. A few words now, later, or not at all: "
                       "it is up to you.").format(time=local_time(shift_end.ended_at))

    def show_for(self, shift_end: ShiftEnd) -> None:
        """Ask about this shift end."""
        self.shift_end = shift_end
        self.say(self.question(shift_end), self.explanation(shift_end))
        self.shown_for.emit(shift_end)

    def write_about_it(self) -> None:
        """Open the quick capture; the question counts as answered."""
        shift_end = self.shift_end
        if shift_end is None:
            return
        self._answer(lambda: self.reminder.handled(shift_end))
        self.write_requested.emit(shift_end)

    def ask_later(self) -> None:
        """Hide now and ask again in half an hour."""
        self.reminder.snooze(SNOOZE_MINUTES)
        self._close()

    def not_today_please(self) -> None:
        """Do not ask about this shift again."""
        if self.shift_end is not None:
            shift_end = self.shift_end
            self._answer(lambda: self.reminder.handled(shift_end))

    def turn_reminders_off(self) -> None:
        """No more reminders until switched on again in Settings."""
        self._answer(self.reminder.switch_off)
        self.switched_off.emit()

    def _answer(self, action: Callable[[], None]) -> None:
        self._close()
        try:
            action()
        except PROBLEMS as exc:
            QMessageBox.warning(self.window(), self.tr("Could not save that"), str(exc))

    def _close(self) -> None:
        if self.shift_end is None and self.isHidden():
            return
        self.shift_end = None
        self.hide()
        self.dismissed.emit()



def attach_tray(banner: ReminderBanner, icon: QIcon | None = None) -> QSystemTrayIcon | None:
    """Also show each question as a tray notification, if there is a tray; a click writes."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    if icon is None or icon.isNull():
        icon = QApplication.windowIcon()
    if icon.isNull():
        icon = banner.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
    tray = QSystemTrayIcon(icon, banner)
    tray.setToolTip(APP_NAME)

    def notify(shift_end: ShiftEnd) -> None:
        tray.show()
        tray.showMessage(banner.question(shift_end), QCoreApplication.translate(
            "ReminderBanner", "Click here to write about it, or leave it for now."), icon,
            TRAY_MESSAGE_MS)

    def clicked() -> None:
        window = banner.window()
        window.raise_()
        window.activateWindow()
        banner.write_about_it()

    banner.shown_for.connect(notify)
    banner.dismissed.connect(tray.hide)
    tray.messageClicked.connect(clicked)
    return tray
