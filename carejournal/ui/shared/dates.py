"""Days and times across the Qt boundary, typed both ways.

PySide6 converts datetime.date to QDate by itself, and toPython() gives it back, but its stubs
know neither: they type toPython() as object and accept only QDate where a date is passed.
"""

from __future__ import annotations

import datetime as dt
from typing import cast

from PySide6.QtCore import QDate, QTime


def qdate(day: dt.date) -> QDate:
    """The same day as a QDate."""
    return QDate(day.year, day.month, day.day)


def py_date(date: QDate) -> dt.date:
    """The same day as a datetime.date (toPython() of a QDate is a date)."""
    return cast(dt.date, date.toPython())


def py_time(time: QTime) -> dt.time:
    """The same time as a datetime.time (toPython() of a QTime is a time)."""
    return cast(dt.time, time.toPython())
