"""Days of a month with entries, and "on this day" in earlier years: plain values and dates."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

ON_THIS_DAY_SHOWN = 3  # the welcome page shows at most this many, quietly


@dataclass(frozen=True, slots=True)
class DayCount:
    """One day and how many entries (not in the trash) it has."""

    day: dt.date
    count: int


def month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a month."""
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def day_and_month(day: dt.date) -> str:
    """The "MM-DD" that the same day in other years shares (as the journal stores dates)."""
    return day.strftime("%m-%d")
