"""The calendar's reads: days of a month with entries, and "on this day" in earlier years,
on a real SQLite journal."""

from __future__ import annotations

import datetime as dt

from carejournal.core.calendar import DayCount, month_span
from carejournal.core.domain import EntryDraft, EntryKind
from carejournal.services.journal import Journal


def add(journal: Journal, day: dt.date, text: str = "Tea with Bernadette") -> int:
    return journal.add(EntryDraft(kind=EntryKind.REFLECTION, occurred_on=day, body=text))


def test_month_span_knows_leap_years() -> None:
    assert month_span(2024, 2) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert month_span(2026, 12) == (dt.date(2026, 12, 1), dt.date(2026, 12, 31))


def test_days_with_entries_counts_each_day_of_that_month_only(journal: Journal) -> None:
    for day in (dt.date(2026, 3, 1), dt.date(2026, 3, 1), dt.date(2026, 3, 31),
                dt.date(2026, 2, 28), dt.date(2026, 4, 1), dt.date(2025, 3, 5)):
        add(journal, day)
    trashed = add(journal, dt.date(2026, 3, 9))
    journal.trash([trashed])
    assert journal.days_with_entries(2026, 3) == [
        DayCount(dt.date(2026, 3, 1), 2), DayCount(dt.date(2026, 3, 31), 1)]
    assert journal.days_with_entries(2026, 5) == []
    journal.restore([trashed])
    assert DayCount(dt.date(2026, 3, 9), 1) in journal.days_with_entries(2026, 3)


def test_on_this_day_lists_earlier_years_only_newest_first(journal: Journal) -> None:
    old = add(journal, dt.date(2021, 3, 5), "Five years ago")
    last = add(journal, dt.date(2025, 3, 5), "Last year")
    add(journal, dt.date(2026, 3, 5), "Today itself")
    add(journal, dt.date(2025, 3, 6), "The day after")
    add(journal, dt.date(2027, 3, 5), "Next year")
    gone = add(journal, dt.date(2024, 3, 5), "In the trash")
    journal.trash([gone])
    found = journal.on_this_day(dt.date(2026, 3, 5))
    assert [(r.id, r.occurred_on.year) for r in found] == [(last, 2025), (old, 2021)]
    assert [r.summary for r in journal.on_this_day(dt.date(2026, 3, 5), limit=1)] == [
        "Last year"]
    assert journal.on_this_day(dt.date(2026, 3, 7)) == []
