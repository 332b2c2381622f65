"""Usual shifts and when to ask how one went; and the settings that hold them."""

from __future__ import annotations

import datetime as dt

import pytest

from carejournal.core.domain import InvalidInput
from carejournal.core.shifts import Shift, due_reminder, parse_days, parse_shift, shift_at
from carejournal.services.journal import Journal

EARLY = parse_shift("early", "07:00-15:00")
LATE = parse_shift("late", "14:00-22:00")
NIGHT = parse_shift("night", "22:00-07:00")
MONDAY = dt.date(2026, 11, 23)


def at(day: dt.date, hhmm: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(hhmm))


def test_a_reminder_comes_shortly_after_a_shift_ends() -> None:
    shifts = [EARLY, LATE]
    assert due_reminder(shifts, at(MONDAY, "15:05")) is None, "not straight away"
    due = due_reminder(shifts, at(MONDAY, "15:20"))
    assert due and due.shift.name == "early" and due.ended_at == at(MONDAY, "15:00")
    assert due_reminder(shifts, at(MONDAY, "19:30")) is None, "a missed one is let go"


def test_the_latest_shift_wins_and_handled_ones_are_not_repeated() -> None:
    shifts = [EARLY, LATE]
    due = due_reminder(shifts, at(MONDAY, "22:30"))
    assert due and due.shift.name == "late"
    assert due_reminder(shifts, at(MONDAY, "22:40"), handled_until=due.ended_at) is None


def test_a_night_shift_ends_the_next_morning() -> None:
    due = due_reminder([NIGHT], at(MONDAY, "07:30"))
    assert due and due.started_on == MONDAY - dt.timedelta(days=1)
    assert due.ended_at == at(MONDAY, "07:00")
    assert NIGHT.overnight and NIGHT.hours_text() == "22:00–07:00"


def test_shifts_on_some_days_only() -> None:
    weekend = parse_shift("weekend", "08:00-16:00", "Sat, sun")
    assert weekend.weekdays == frozenset({5, 6})
    assert due_reminder([weekend], at(MONDAY, "16:30")) is None
    saturday = MONDAY - dt.timedelta(days=2)
    assert due_reminder([weekend], at(saturday, "16:30")) is not None


def test_the_shift_a_moment_falls_in() -> None:
    assert shift_at([EARLY, NIGHT], at(MONDAY, "03:00")) == NIGHT
    assert shift_at([EARLY], at(MONDAY, "06:00")) is None


def test_bad_shifts_are_refused_clearly() -> None:
    with pytest.raises(InvalidInput, match="HH:MM-HH:MM"):
        parse_shift("early", "7 till 3")
    with pytest.raises(InvalidInput, match="same time"):
        parse_shift("odd", "07:00-07:00")
    with pytest.raises(InvalidInput, match="unknown day 'funday'"):
        parse_days("mon, funday")
    assert parse_shift("late", "14.00–22.00").start == dt.time(14)


def test_settings_round_trip_in_the_journal(journal: Journal, journal_path) -> None:
    settings = journal.settings
    assert settings.attempts_threshold() == 5 and settings.shifts() == []
    assert settings.reminders_on()
    settings.set_attempts_threshold(3)
    settings.set_shifts([EARLY, parse_shift("nights", "21:30-07:30", "fri,sat")])
    settings.set_reminders_on(False)
    settings.set_reminder_handled_until(at(MONDAY, "15:00"))
    journal.close()
    again = Journal.open(journal_path, create=True)
    try:
        assert again.settings.attempts_threshold() == 3
        assert again.settings.shifts() == [
            EARLY, Shift("nights", dt.time(21, 30), dt.time(7, 30), frozenset({4, 5}))]
        assert not again.settings.reminders_on()
        assert again.settings.reminder_handled_until() == at(MONDAY, "15:00")
    finally:
        again.close()


def test_bad_settings_are_refused(journal: Journal) -> None:
    with pytest.raises(InvalidInput, match="from 1 to 100"):
        journal.settings.set_attempts_threshold(0)
    with pytest.raises(InvalidInput, match="same name"):
        journal.settings.set_shifts([EARLY, parse_shift("Early", "06:00-14:00")])
