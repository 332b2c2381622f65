"""The worker's usual shifts, and when to ask gently how one went. No Qt, no clock."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from carejournal.core.domain import InvalidInput, clean_name, parse_time
from carejournal.core.i18n import _

REMINDER_DELAY = dt.timedelta(minutes=15)  # "shortly after" the end of a shift
REMINDER_WINDOW = dt.timedelta(hours=4)  # after this, a missed reminder is simply let go
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_RANGE = re.compile(r"^\s*(\d{1,2}[:.]\d{2})\s*[-–]\s*(\d{1,2}[:.]\d{2})\s*$")


@dataclass(frozen=True, slots=True)
class Shift:
    """A usual shift: a name, a start and an end (an end before the start means overnight).

    weekdays holds 0 (Monday) to 6 (Sunday); empty means any day.
    """

    name: str
    start: dt.time
    end: dt.time
    weekdays: frozenset[int] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        if self.start == self.end:
            raise InvalidInput(_("the {name} shift starts and ends at the same time")
                                   .format(name=self.name))

    @property
    def overnight(self) -> bool:
        """True if the shift ends on the day after it starts."""
        return self.end < self.start

    def works_on(self, day: dt.date) -> bool:
        """True if the shift usually starts on this day."""
        return not self.weekdays or day.weekday() in self.weekdays

    def end_of(self, start_day: dt.date) -> dt.datetime:
        """When the shift that starts on start_day ends (local time, naive)."""
        end_day = start_day + dt.timedelta(days=1) if self.overnight else start_day
        return dt.datetime.combine(end_day, self.end)

    def hours_text(self) -> str:
        """Like '07:00–15:00'."""
        return f"{self.start:%H:%M}–{self.end:%H:%M}"


@dataclass(frozen=True, slots=True)
class ShiftEnd:
    """One shift that has ended: which, the day it started, and when it ended."""

    shift: Shift
    started_on: dt.date
    ended_at: dt.datetime


def parse_shift(name: str, hours: str, days: str = "") -> Shift:
    """A shift from a name, 'HH:MM-HH:MM' and optional days like 'mon,tue,sat'."""
    match = _RANGE.match(hours)
    if not match:
        raise InvalidInput(_("invalid hours '{hours}': use HH:MM-HH:MM, for example 07:00-15:00")
                               .format(hours=hours))
    cleaned = clean_name(name)
    if not cleaned:
        raise InvalidInput(_("a shift needs a name, for example early, late or night"))
    start, end = (parse_time(t.replace(".", ":")) for t in match.groups())
    return Shift(cleaned, start, end, parse_days(days))


def parse_days(text: str) -> frozenset[int]:
    """Weekdays from 'mon,tue' (any case, commas or spaces); '' means every day."""
    days: set[int] = set()
    for word in re.split(r"[,\s]+", text.strip().lower()):
        if not word:
            continue
        if word[:3] not in DAY_NAMES:
            raise InvalidInput(_("unknown day '{word}': use mon, tue, wed, thu, fri, sat or sun")
                                   .format(word=word))
        days.add(DAY_NAMES.index(word[:3]))
    return frozenset(days)


def days_text(weekdays: Iterable[int]) -> str:
    """'mon,tue' for a set of weekdays ('' for every day)."""
    return ",".join(DAY_NAMES[d] for d in sorted(weekdays))


def due_reminder(shifts: Sequence[Shift], now: dt.datetime,
                 handled_until: dt.datetime | None = None,
                 delay: dt.timedelta = REMINDER_DELAY,
                 window: dt.timedelta = REMINDER_WINDOW) -> ShiftEnd | None:
    """The shift to ask about now, if any: the latest that ended between `window` and
    `delay` ago and has not been dealt with (ended after handled_until)."""
    best: ShiftEnd | None = None
    for shift in shifts:
        for back in (0, 1):  # a shift that started today, or yesterday (overnight)
            started = now.date() - dt.timedelta(days=back)
            if not shift.works_on(started):
                continue
            ended = shift.end_of(started)
            if not ended + delay <= now < ended + window:
                continue
            if handled_until is not None and ended <= handled_until:
                continue
            if best is None or ended > best.ended_at:
                best = ShiftEnd(shift, started, ended)
    return best


def shift_at(shifts: Sequence[Shift], moment: dt.datetime) -> Shift | None:
    """The usual shift that a moment falls in (or just ended before), if any."""
    found = shift_started(shifts, moment)
    return found[0] if found is not None else None


def shift_started(shifts: Sequence[Shift], moment: dt.datetime
                  ) -> tuple[Shift, dt.date] | None:
    """The usual shift a moment falls in (or just ended before) and the day it started."""
    for shift in shifts:
        for back in (0, 1):
            started = moment.date() - dt.timedelta(days=back)
            begin = dt.datetime.combine(started, shift.start)
            late = shift.end_of(started) + REMINDER_WINDOW
            if shift.works_on(started) and begin <= moment < late:
                return shift, started
    return None


def shift_day(shifts: Sequence[Shift], moment: dt.datetime) -> dt.date:
    """The day a moment belongs to for the worker: the day its shift started (a night
    worker after midnight is still on the night's day), else the moment's own day."""
    found = shift_started(shifts, moment)
    return found[1] if found is not None else moment.date()
