"""The made-up sample entries are varied and hang together."""

from __future__ import annotations

import datetime as dt

from carejournal.demo import demo_drafts
from carejournal.domain import EntryKind

TODAY = dt.date(2026, 11, 22)


def test_default_demo_covers_about_three_months_of_every_kind() -> None:
    drafts = list(demo_drafts(today=TODAY))
    assert {d.kind for d in drafts} == set(EntryKind)
    days = sorted(d.occurred_on for d in drafts)
    assert days[-1] == TODAY and (TODAY - days[0]).days == 89
    assert all("sample" in d.tags for d in drafts)


def test_demo_is_repeatable_and_sized_on_request() -> None:
    assert list(demo_drafts(count=50, seed=3, today=TODAY)) == \
        list(demo_drafts(count=50, seed=3, today=TODAY))
    assert len(list(demo_drafts(count=2000, today=TODAY))) == 2000


def test_demo_details_are_consistent() -> None:
    for d in demo_drafts(count=600, today=TODAY):
        if d.feeling:
            low = d.feeling.word in {"tired", "flat", "uneasy", "rushed"}
            assert low == (d.feeling.score <= 2), d.feeling
        if d.title.startswith("Morning visit") and d.occurred_time:
            assert d.occurred_time.hour < 12
        if d.kind is EntryKind.INTERACTION and d.occurred_time:
            assert d.shift == ("early" if d.occurred_time.hour < 14 else "late")
        assert "{person}" not in d.body + d.title
