"""Days and times across the Qt boundary, typed both ways.

PySide6 converts datetime.date to QDate by itself, and toPython() gives it back, but its stubs
know neither: they type toPython() as object and accept only QDate where a date is passed.
"""

from __future__ import annotations

import datetime as dt
from typing import cast

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime


def qdate(day: dt.date) -> QDate:
    """The same day as a QDate."""
    return QDate(day.year, day.month, day.day)


def py_date(date: QDate) -> dt.date:
    """The same day as a datetime.date (toPython() of a QDate is a date)."""
    return cast(dt.date, date.toPython())


def py_time(time: QTime) -> dt.time:
    """The same time as a datetime.time (toPython() of a QTime is a time)."""
    return cast(dt.time, time.toPython())


def local_day(day: dt.date, form: str = "d MMM yyyy") -> str:
    """A day in the window's language: month and day names from its locale (QLocale)."""
    return QLocale().toString(qdate(day), form)


def local_time(time: dt.time | dt.datetime) -> str:
    """A time of day (hours and minutes, 24-hour) in the window's locale."""
    return QLocale().toString(QTime(time.hour, time.minute), "HH:mm")


def local_moment(moment: dt.datetime, form: str = "dd MMMM yyyy, HH:mm") -> str:
    """A day and time in the window's language."""
    return QLocale().toString(QDateTime(qdate(moment.date()), QTime(moment.hour, moment.minute)),
                              form)
