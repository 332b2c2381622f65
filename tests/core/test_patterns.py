"""Periods, weeks and the pure series builders of carejournal/core/patterns.py, by hand."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from carejournal.core.catalogues import ladder
from carejournal.core.domain import EntryKind, InvalidInput
from carejournal.core.patterns import (
    Period,
    PeriodChoice,
    acts_series,
    decisions_series,
    kinds_series,
    lens_series,
    local_bounds,
    period_for,
    plans_series,
    rate,
    streaks_from,
    week_of,
)

D = dt.date


# -- periods and weeks ------------------------------------------------------------------------
@pytest.mark.parametrize(("choice", "since"), [
    (PeriodChoice.WEEKS_4, D(2025, 12, 5)),  # 28 days, today included
    (PeriodChoice.MONTHS_3, D(2025, 10, 3)),  # 91 days
    (PeriodChoice.MONTHS_12, D(2025, 1, 2)),  # 365 days
])
def test_a_period_ends_today_and_counts_today_as_its_last_day(choice: PeriodChoice,
                                                              since: dt.date) -> None:
    period = period_for(choice, D(2026, 1, 1), person="Sam")
    assert period == Period(since, D(2026, 1, 1), "Sam")
    assert (period.until - period.since).days + 1 == {"4w": 28, "3m": 91, "12m": 365}[choice]


def test_four_weeks_ending_on_new_years_day_touch_five_calendar_weeks() -> None:
    period = period_for(PeriodChoice.WEEKS_4, D(2026, 1, 1))
    assert period.weeks() == (D(2025, 12, 1), D(2025, 12, 8), D(2025, 12, 15),
                               D(2025, 12, 22), D(2025, 12, 29))


def test_four_weeks_ending_on_a_sunday_are_exactly_four_weeks() -> None:
    period = period_for(PeriodChoice.WEEKS_4, D(2026, 1, 4))
    assert period.since == D(2025, 12, 8) and len(period.weeks()) == 4


def test_a_custom_period_needs_a_start_and_must_not_end_before_it() -> None:
    today = D(2026, 3, 10)
    assert period_for(PeriodChoice.CUSTOM, today, D(2026, 3, 1)) == Period(D(2026, 3, 1), today)
    assert period_for(PeriodChoice.CUSTOM, today, D(2026, 3, 1), D(2026, 3, 1)).until \
        == D(2026, 3, 1), "a single day is a period"
    with pytest.raises(InvalidInput, match="start date"):
        period_for(PeriodChoice.CUSTOM, today)
    with pytest.raises(InvalidInput, match="before it starts"):
        period_for(PeriodChoice.CUSTOM, today, D(2026, 3, 1), D(2026, 2, 28))
    with pytest.raises(InvalidInput, match="supervision"):
        period_for(PeriodChoice.SINCE_SUPERVISION, today)


@pytest.mark.parametrize(("day", "monday"), [
    (D(2026, 1, 5), D(2026, 1, 5)),  # a Monday is its own week
    (D(2026, 1, 4), D(2025, 12, 29)),  # a Sunday belongs to the Monday before
    (D(2026, 1, 1), D(2025, 12, 29)),  # the week across the new year is named in the old
    (D(2025, 12, 29), D(2025, 12, 29)),
    (D(2024, 3, 1), D(2024, 2, 26)),  # across a leap day
])
def test_week_of_is_the_monday(day: dt.date, monday: dt.date) -> None:
    assert week_of(day) == monday


def test_a_period_starting_mid_week_includes_that_whole_week() -> None:
    period = Period(D(2025, 12, 31), D(2026, 1, 6))  # Wednesday to Tuesday
    assert period.weeks() == (D(2025, 12, 29), D(2026, 1, 5))
    assert Period(D(2026, 1, 7), D(2026, 1, 7)).weeks() == (D(2026, 1, 5),)


def test_local_bounds_are_local_midnights() -> None:
    plus13 = dt.timezone(dt.timedelta(hours=13))
    start, end = local_bounds(Period(D(2026, 2, 1), D(2026, 2, 28)), plus13)
    assert start.astimezone(dt.UTC) == dt.datetime(2026, 1, 31, 11, 0, tzinfo=dt.UTC)
    assert end.astimezone(dt.UTC) == dt.datetime(2026, 2, 28, 11, 0, tzinfo=dt.UTC)
    naive_local = local_bounds(Period(D(2026, 2, 1), D(2026, 2, 1)))
    assert all(b.tzinfo is not None for b in naive_local)


# -- series builders --------------------------------------------------------------------------
WEEKS = (D(2025, 12, 22), D(2025, 12, 29), D(2026, 1, 5))


def test_kinds_fill_weeks_without_entries_with_zeros_for_every_kind() -> None:
    series = kinds_series(WEEKS, [(D(2025, 12, 29), "kindness", 2),
                                  (D(2026, 1, 5), "interaction", 1)])
    assert list(series.counts) == list(EntryKind)
    assert series.counts[EntryKind.KINDNESS] == (0, 2, 0)
    assert series.counts[EntryKind.INTERACTION] == (0, 0, 1)
    assert series.counts[EntryKind.REFLECTION] == (0, 0, 0)
    assert series.as_json()["weeks"] == ["2025-12-22", "2025-12-29", "2026-01-05"]


def test_acts_are_ranked_most_done_first_then_by_label() -> None:
    series = acts_series(WEEKS, [("b tea", 2), ("A smile", 5), ("a chat", 2)],
                         {D(2026, 1, 5): 9})
    assert series.by_act == (("A smile", 5), ("a chat", 2), ("b tea", 2))
    assert series.per_week == (0, 0, 9)
    assert series.as_json()["by_act"][0] == {"act": "A smile", "count": 5}


def test_lens_rates_are_per_thousand_words_and_zero_without_words() -> None:
    assert rate(3, 1500) == 2.0 and rate(0, 0) == 0.0 and rate(2, 0) == 0.0
    series = lens_series(WEEKS, {D(2025, 12, 29): 400, D(2026, 1, 5): 2000},
                         [(D(2025, 12, 29), "blame", 2), (D(2026, 1, 5), "blame", 1),
                          (D(2026, 1, 5), "old", 4)],
                         {"labels": "Labels", "blame": "Blame"})
    assert series.words == (0, 400, 2000)
    assert series.per_1000 == {"labels": (0.0, 0.0, 0.0), "blame": (0.0, 5.0, 0.5),
                               "old": (0.0, 0.0, 2.0)}
    assert series.category_names == {"labels": "Labels", "blame": "Blame", "old": "old"}


def test_decisions_list_every_rung_bottom_first_and_share_per_week() -> None:
    rungs = ladder()
    series = decisions_series(WEEKS, rungs, {"co-production": 3, "informing": 1, "gone": 2},
                              [(D(2025, 12, 22), 3, 2), (D(2026, 1, 5), 2, 0)])
    assert [key for key, _label, _n in series.by_rung] == [r.key for r in rungs] + ["gone"]
    assert series.by_rung[0] == ("coercion", "Coercion", 0)
    assert dict((k, n) for k, _l, n in series.by_rung)["co-production"] == 3
    assert series.with_share == (2 / 3, None, 0.0)
    assert series.per_week == (3, 0, 2)
    assert series.as_json()["with_share"] == [0.667, None, 0.0]


# -- gentle streaks ---------------------------------------------------------------------------
def _days(*days: int) -> dict[dt.date, int]:
    return {D(2026, 1, day): 1 for day in days}


def test_no_days_means_no_streaks() -> None:
    streaks = streaks_from({}, D(2026, 1, 6))
    assert (streaks.days, streaks.current, streaks.longest) == ({}, 0, 0)


def test_the_current_run_ends_today_when_today_has_an_entry() -> None:
    streaks = streaks_from(_days(1, 2, 3, 5, 6), D(2026, 1, 6))
    assert (streaks.current, streaks.longest) == (2, 3)


def test_the_current_run_still_counts_while_today_has_no_entry_yet() -> None:
    assert streaks_from(_days(1, 2, 3, 5, 6), D(2026, 1, 7)).current == 2
    assert streaks_from(_days(1, 2, 3, 5, 6), D(2026, 1, 8)).current == 0


def test_the_longest_run_is_found_across_a_gap() -> None:
    streaks = streaks_from(_days(1, 2, 3, 5, 6, 7, 8, 20), D(2026, 1, 20))
    assert (streaks.current, streaks.longest) == (1, 4)


def test_streaks_run_across_the_new_year_and_keep_entry_counts() -> None:
    days = {D(2025, 12, 30): 2, D(2025, 12, 31): 1, D(2026, 1, 1): 3}
    streaks = streaks_from(days, D(2026, 1, 1))
    assert (streaks.current, streaks.longest) == (3, 3)
    assert streaks.as_json()["days"] == {"2025-12-30": 2, "2025-12-31": 1, "2026-01-01": 3}


# -- plans and JSON ---------------------------------------------------------------------------
def test_goals_ended_early_are_those_ended_after_fewer_attempts_than_the_threshold() -> None:
    rows = [(1, "Ann", "Bus", "discontinued", 1, 0, 0, 4),
            (2, "Ann", "Tea", "unattainable", 0, 0, 0, 5),
            (3, "Sam", "Walk", "achieved", 1, 1, 0, 2),
            (4, "Sam", "Cook", "active", 0, 0, 1, 1)]
    plans = plans_series(rows, threshold=5)
    assert [g.ended_early for g in plans.goals] == [True, False, False, False]
    assert plans.goals[2].attempts == 2
    assert plans.as_json()["goals"][0] == {
        "goal": 1, "person": "Ann", "text": "Bus", "status": "discontinued", "managed": 1,
        "partly": 0, "not_this_time": 0, "ended_early": True}


def test_every_series_is_plain_json() -> None:
    period = Period(D(2025, 12, 24), D(2026, 1, 7), "Sam")
    assert period.as_json() == {"since": "2025-12-24", "until": "2026-01-07", "person": "Sam"}
    for series in (kinds_series(WEEKS, []), acts_series(WEEKS, [], {}),
                   lens_series(WEEKS, {}, [], {"blame": "Blame"}),
                   decisions_series(WEEKS, ladder(), {}, []), streaks_from({}, D(2026, 1, 7)),
                   plans_series([], 5)):
        assert json.loads(json.dumps(series.as_json())) == series.as_json()
