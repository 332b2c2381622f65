"""Dates as the pack and the preparation wizard show them: one style everywhere.

Written out in English here rather than with strftime, whose month and day names follow the
process's locale (which Qt sets from the desktop's), so a pack reads the same on any machine.
"""

from __future__ import annotations

import datetime as dt
import re

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def long_day(day: dt.date) -> str:
    """A date in full: "Tuesday 3 March 2026" (headings, the cover, sentences)."""
    return f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def short_day(day: dt.date | None, empty: str = "-") -> str:
    """A date for tables and lists: "3 Mar 2026" (empty when there is no date)."""
    if day is None:
        return empty
    return f"{day.day} {_MONTHS[day.month - 1][:3]} {day.year}"


_ISO = re.compile(r"\((\d{4})-(\d{2})-(\d{2})\)")


def readable_dates(text: str) -> str:
    """Text with bracketed ISO dates, "(2026-03-03)", as "(3 Mar 2026)": agenda items
    brought by earlier versions carry them."""
    def shown(match: re.Match[str]) -> str:
        try:
            day = dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            return match.group(0)
        return f"({short_day(day)})"
    return _ISO.sub(shown, text)
