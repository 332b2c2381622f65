"""After the shift: the reminder, the banner in the window and the tray notification."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from carejournal.core.errors import JournalError
from carejournal.core.shifts import ShiftEnd, parse_shift
from carejournal.services.journal import Journal
from carejournal.ui.practice.shift_reminder import ReminderBanner, ShiftReminder, attach_tray

MONDAY = dt.date(2026, 11, 23)
LATE_END = dt.datetime(2026, 11, 23, 22, 0)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, hhmm: str, day: dt.date = MONDAY) -> None:
        self.now = dt.datetime.combine(day, dt.time.fromisoformat(hhmm))

    def set(self, hhmm: str, day: dt.date = MONDAY) -> None:
        self.now = dt.datetime.combine(day, dt.time.fromisoformat(hhmm))

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture(autouse=True)
def _app(qapp) -> None:
    """Timers need a running QApplication."""


@pytest.fixture
def shifts(journal: Journal) -> Journal:
    """A journal whose worker usually works earlies and lates."""
    journal.settings.set_shifts([parse_shift("early", "07:00-15:00"),
                                 parse_shift("late", "14:00-22:00")])
    return journal


def _reminder(journal: Journal, clock: Clock) -> tuple[ShiftReminder, list[ShiftEnd]]:
    reminder = ShiftReminder(journal.settings, clock)
    asked: list[ShiftEnd] = []
    reminder.due.connect(asked.append)
    return reminder, asked


def test_asked_once_shortly_after_the_shift_ends(shifts: Journal) -> None:
    clock = Clock("22:10")
    reminder, asked = _reminder(shifts, clock)
    assert reminder.timer.isActive() and reminder.timer.interval() == 60_000
    reminder.timer.timeout.emit()
    assert asked == [], "not before the delay"
    clock.set("22:20")  # twenty minutes after the late shift ended
    reminder.timer.timeout.emit()
    assert [(a.shift.name, a.ended_at) for a in asked] == [("late", LATE_END)]
    clock.set("22:21")
    reminder.timer.timeout.emit()
    assert len(asked) == 1, "not twice for the same shift end"


def test_handled_is_not_asked_again_even_after_a_restart(shifts: Journal, journal_path) -> None:
    clock = Clock("22:20")
    reminder, asked = _reminder(shifts, clock)
    reminder.timer.timeout.emit()
    reminder.handled(asked[0])
    assert shifts.settings.reminder_handled_until() == LATE_END
    clock.set("22:30")
    again, asked_again = _reminder(shifts, clock)
    for each in (reminder, again):
        each.timer.timeout.emit()
    assert len(asked) == 1 and asked_again == []
    shifts.close()
    reopened = Journal.open(journal_path, create=True)
    try:
        restarted, asked_after_restart = _reminder(reopened, clock)
        restarted.timer.timeout.emit()
        assert asked_after_restart == []
        clock.set("15:20", MONDAY + dt.timedelta(days=1))
        restarted.timer.timeout.emit()
        assert [a.shift.name for a in asked_after_restart] == ["early"], "the next one is asked"
    finally:
        reopened.close()


def test_not_asked_while_snoozed_and_asked_again_after(shifts: Journal) -> None:
    clock = Clock("22:20")
    reminder, asked = _reminder(shifts, clock)
    reminder.timer.timeout.emit()
    reminder.snooze(30)
    clock.set("22:45")
    reminder.timer.timeout.emit()
    assert len(asked) == 1, "quiet while snoozed"
    clock.set("22:50")
    reminder.timer.timeout.emit()
    assert len(asked) == 2 and asked[1].ended_at == LATE_END
    assert shifts.settings.reminder_handled_until() is None, "a snooze is not stored"


def test_not_asked_when_switched_off(shifts: Journal) -> None:
    clock = Clock("22:20")
    reminder, asked = _reminder(shifts, clock)
    reminder.switch_off()
    assert not shifts.settings.reminders_on()
    fresh, asked_fresh = _reminder(shifts, clock)
    for each in (reminder, fresh):
        each.timer.timeout.emit()
    assert asked == [] and asked_fresh == []
    shifts.settings.set_reminders_on(True)
    fresh.timer.timeout.emit()
    assert len(asked_fresh) == 1


def test_a_missed_reminder_is_let_go_and_recorded_nowhere(shifts: Journal, qtbot) -> None:
    clock = Clock("22:20")
    reminder = ShiftReminder(shifts.settings, clock)
    banner = ReminderBanner(reminder)
    qtbot.addWidget(banner)
    reminder.timer.timeout.emit()
    assert not banner.isHidden()
    clock.set("02:01", MONDAY + dt.timedelta(days=1))  # four hours after the end
    with qtbot.waitSignal(reminder.let_go, timeout=0):
        reminder.timer.timeout.emit()
    assert banner.isHidden() and reminder.pending is None
    assert shifts.settings.reminder_handled_until() is None
    assert shifts.count() == 0


def test_a_failing_check_never_troubles_the_app(shifts: Journal, monkeypatch) -> None:
    reminder, asked = _reminder(shifts, Clock("22:20"))

    def broken() -> list:
        raise RuntimeError("disk went away")
    monkeypatch.setattr(shifts.settings, "shifts", broken)
    assert reminder.check() is None and asked == []


@pytest.fixture
def banner(shifts: Journal, qtbot) -> ReminderBanner:
    """A banner showing the question about Monday's late shift."""
    reminder = ShiftReminder(shifts.settings, Clock("22:20"))
    shown = ReminderBanner(reminder)
    qtbot.addWidget(shown)
    shown.resize(1280, shown.sizeHint().height())
    assert shown.isHidden(), "nothing to ask yet"
    reminder.timer.timeout.emit()
    return shown


def test_the_banner_asks_about_the_shift(banner: ReminderBanner) -> None:
    assert not banner.isHidden()
    assert banner.title.text() == "How was your late shift?"
    assert "22:00" in banner.detail.text()
    assert banner.accessibleName() == "Shift reminder"
    assert [b.accessibleName() for b in (banner.write, banner.later, banner.not_today,
                                         banner.turn_off)] == [
        "Write about it", "Later", "Not today", "Turn off reminders"]


def test_a_shift_called_something_shift_is_not_a_shift_shift(banner: ReminderBanner) -> None:
    sleep_in = parse_shift("Sleep-in shift", "22:00-08:00")
    banner.show_for(ShiftEnd(sleep_in, MONDAY, dt.datetime(2026, 11, 24, 8, 0)))
    assert banner.title.text() == "How was your Sleep-in shift?"


def test_write_about_it_asks_for_the_quick_capture(banner: ReminderBanner, shifts: Journal,
                                                   qtbot) -> None:
    with qtbot.waitSignal(banner.write_requested, timeout=0) as signal:
        banner.write.click()
    assert signal.args[0].shift.name == "late" and signal.args[0].ended_at == LATE_END
    assert banner.isHidden()
    assert shifts.settings.reminder_handled_until() == LATE_END, "answered: not asked again"


def test_later_snoozes_for_half_an_hour(banner: ReminderBanner, shifts: Journal) -> None:
    asked: list[ShiftEnd] = []
    banner.reminder.due.connect(asked.append)
    banner.later.click()
    assert banner.isHidden()
    clock: Clock = banner.reminder._clock  # type: ignore[assignment]
    clock.set("22:49")
    banner.reminder.timer.timeout.emit()
    assert asked == [] and banner.isHidden()
    clock.set("22:50")
    banner.reminder.timer.timeout.emit()
    assert len(asked) == 1 and not banner.isHidden()
    assert shifts.settings.reminder_handled_until() is None


def test_not_today_lets_this_shift_go(banner: ReminderBanner, shifts: Journal) -> None:
    banner.not_today.click()
    assert banner.isHidden()
    assert shifts.settings.reminder_handled_until() == LATE_END
    assert shifts.settings.reminders_on(), "only this shift, not all reminders"
    banner.reminder.timer.timeout.emit()
    assert banner.isHidden()


def test_turning_reminders_off(banner: ReminderBanner, shifts: Journal, qtbot) -> None:
    with qtbot.waitSignal(banner.switched_off, timeout=0):
        banner.turn_off.click()
    assert banner.isHidden() and not shifts.settings.reminders_on()
    assert shifts.settings.reminder_handled_until() is None


def test_a_failed_save_is_said_and_the_question_still_goes(
        banner: ReminderBanner, shifts: Journal, monkeypatch, dialogs) -> None:
    def busy(_when: dt.datetime) -> None:
        raise JournalError("The journal file is busy.")
    monkeypatch.setattr(shifts.settings, "set_reminder_handled_until", busy)
    banner.not_today.click()
    assert [(kind, args[2]) for kind, args in dialogs] == [
        ("warning", "The journal file is busy.")]
    banner.reminder.timer.timeout.emit()
    assert banner.isHidden(), "not asked again in this session"


def test_no_tray_offscreen_so_only_the_banner(banner: ReminderBanner) -> None:
    assert not QSystemTrayIcon.isSystemTrayAvailable()
    assert attach_tray(banner) is None


def test_a_tray_notification_click_writes(banner: ReminderBanner, monkeypatch,
                                          qtbot) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    messages: list[tuple[str, str]] = []
    monkeypatch.setattr(QSystemTrayIcon, "showMessage",
                        lambda _self, title, text, *_rest: messages.append((title, text)))
    tray = attach_tray(banner)
    assert tray is not None and not tray.icon().isNull()
    banner.show_for(banner.shift_end)  # type: ignore[arg-type]
    assert messages and messages[0][0] == "How was your late shift?"
    with qtbot.waitSignal(banner.write_requested, timeout=0):
        tray.messageClicked.emit()
    assert banner.isHidden() and not tray.isVisible()
