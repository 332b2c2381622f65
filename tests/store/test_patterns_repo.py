"""journal.patterns on real SQLite journals, against figures worked out by hand."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from carejournal.core.domain import ActDone, Decision, EntryKind
from carejournal.core.goals import FallibilityAnswer, GoalStatus, Outcome
from carejournal.core.patterns import Period, PeriodChoice, period_for, week_of
from carejournal.services.journal import Journal
from carejournal.services.patterns import NAMES
from tests.conftest import draft
from tests.store.test_schema import sql

D = dt.date
# 10 words: 1 label (service user), 1 blame (non-compliant); 1 strength, 1 problem word.
LOADED = "The service user was non-compliant but showed real strength."
PLAIN = "Had a cup of tea together."  # 6 words, nothing found
YEAR_END = Period(D(2025, 12, 24), D(2026, 1, 7))  # Wednesday to Wednesday: three weeks


@pytest.fixture
def now() -> list[dt.datetime]:
    """The journal's clock, which a test can move."""
    return [dt.datetime(2026, 1, 10, 12, 0, tzinfo=dt.UTC)]


@pytest.fixture
def clocked(journal_path: Path, now: list[dt.datetime]) -> Iterator[Journal]:
    opened = Journal.open(journal_path, clock=lambda: now[0], create=True)
    yield opened
    opened.close()


@pytest.fixture
def local_zone() -> Iterator[Callable[[str], None]]:
    """Set this process's time zone (POSIX TZ) for a test."""
    before = os.environ.get("TZ")

    def use(zone: str) -> None:
        os.environ["TZ"] = zone
        time.tzset()
    yield use
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_an_empty_period_has_zeros_everywhere(journal: Journal) -> None:
    journal.add(draft(LOADED, day=D(2026, 2, 1)))  # outside the period
    found = journal.patterns.all(YEAR_END, D(2026, 1, 7))
    assert tuple(found) == NAMES
    weeks = (D(2025, 12, 22), D(2025, 12, 29), D(2026, 1, 5))
    assert found["kinds"].weeks == weeks
    assert all(counts == (0, 0, 0) for counts in found["kinds"].counts.values())
    assert (found["acts"].by_act, found["acts"].per_week) == ((), (0, 0, 0))
    assert found["lens"].words == (0, 0, 0)
    assert set(found["lens"].per_1000) >= {"labels", "blame"}
    assert all(rates == (0.0, 0.0, 0.0) for rates in found["lens"].per_1000.values())
    assert (found["balance"].strengths, found["balance"].problems) == ((0, 0, 0), (0, 0, 0))
    assert [n for _k, _l, n in found["decisions"].by_rung] == [0] * 7
    assert found["decisions"].with_share == (None, None, None)
    streaks = found["streaks"]
    assert (streaks.days, streaks.current, streaks.longest) == ({}, 0, 0)
    assert found["plans"].goals == () and found["plans"].threshold == 5


def test_a_single_entry_shows_in_every_series(journal: Journal) -> None:
    tea = journal.kindness.find("a cup of tea")
    journal.add(draft(LOADED, day=D(2026, 1, 4), people=("Sam",),
                      acts=(ActDone(tea.id),),
                      decisions=(Decision("Sam chose the time", "co-production"),
                                 Decision("I told Sam the rota", "informing"))))
    found = journal.patterns.all(YEAR_END, D(2026, 1, 5))
    assert found["kinds"].counts[EntryKind.INTERACTION] == (0, 1, 0)  # Sunday: week of 29th
    assert found["acts"].by_act == ((tea.label, 1),) and found["acts"].per_week == (0, 1, 0)
    lens = found["lens"]
    assert lens.words == (0, 19, 0), "10 in the text, 4 and 5 in the decisions"
    assert lens.per_1000["labels"] == (0.0, pytest.approx(1000 / 19), 0.0)
    assert lens.per_1000["blame"] == (0.0, pytest.approx(1000 / 19), 0.0)
    assert lens.per_1000["power"] == (0.0, 0.0, 0.0)
    assert found["balance"].strengths == (0, 2, 0), "strength; and chose, in a decision"
    assert found["balance"].problems == (0, 1, 0)
    decisions = dict((key, n) for key, _label, n in found["decisions"].by_rung)
    assert (decisions["co-production"], decisions["informing"], decisions["coercion"]) \
        == (1, 1, 0)
    assert found["decisions"].with_share == (None, 0.5, None)
    assert found["decisions"].per_week == (0, 2, 0)
    streaks = found["streaks"]
    assert (streaks.days, streaks.current, streaks.longest) == ({D(2026, 1, 4): 1}, 1, 1)


def test_weeks_are_mondays_in_sql_across_the_new_year(journal: Journal) -> None:
    days = [D(2025, 12, 20) + dt.timedelta(days=n) for n in range(30)]  # every weekday
    journal.add_many(draft(PLAIN, day=day) for day in days)
    period = Period(days[0], days[-1])
    counts = journal.patterns.kinds(period).counts[EntryKind.INTERACTION]
    expected = [sum(1 for day in days if week_of(day) == week) for week in period.weeks()]
    assert list(counts) == expected == [2, 7, 7, 7, 7]
    by_day = YEAR_END  # Wednesday 24 December to Wednesday 7 January
    assert journal.patterns.kinds(by_day).counts[EntryKind.INTERACTION] == (5, 7, 3)


def test_mondays_and_sundays_fall_in_the_right_week(journal: Journal) -> None:
    for day in (D(2025, 12, 28), D(2025, 12, 29), D(2026, 1, 4), D(2026, 1, 5)):
        journal.add(draft(PLAIN, day=day))  # Sun, Mon | Sun, Mon
    journal.add(draft(PLAIN, day=D(2025, 12, 23)))  # before the period starts
    journal.add(draft(PLAIN, day=D(2026, 1, 8)))  # after it ends
    assert journal.patterns.kinds(YEAR_END).counts[EntryKind.INTERACTION] == (1, 2, 1)


def test_trashed_entries_never_count(journal: Journal) -> None:
    tea = journal.kindness.find("a cup of tea")
    kept = journal.add(draft(PLAIN, day=D(2025, 12, 30)))
    gone = journal.add(draft(LOADED, day=D(2025, 12, 31), acts=(ActDone(tea.id),),
                             decisions=(Decision("Chosen together", "co-design"),)))
    journal.trash([gone])
    found = journal.patterns.all(YEAR_END, D(2026, 1, 7))
    assert found["kinds"].counts[EntryKind.INTERACTION] == (0, 1, 0)
    assert found["acts"].by_act == ()
    assert found["lens"].words == (0, 6, 0) and found["lens"].per_1000["labels"][1] == 0.0
    assert found["balance"].strengths == (0, 0, 0)
    assert found["decisions"].per_week == (0, 0, 0)
    assert found["streaks"].days == {D(2025, 12, 30): 1}
    journal.restore([gone])
    assert journal.patterns.kinds(YEAR_END).counts[EntryKind.INTERACTION] == (0, 2, 0)
    assert kept


def test_a_person_keeps_only_the_entries_that_mention_them(journal: Journal) -> None:
    journal.add(draft(LOADED, day=D(2025, 12, 29), people=("Sam",)))
    journal.add(draft(PLAIN, day=D(2025, 12, 30), people=("Ann", "Sam")))
    journal.add(draft(PLAIN, day=D(2026, 1, 5), people=("Ann",)))
    journal.add(draft(PLAIN, day=D(2026, 1, 6)))
    sam = Period(YEAR_END.since, YEAR_END.until, "Sam")
    assert journal.patterns.kinds(sam).counts[EntryKind.INTERACTION] == (0, 2, 0)
    assert journal.patterns.lens(sam).words == (0, 16, 0)
    assert journal.patterns.lens(sam).per_1000["labels"] == (0.0, 62.5, 0.0)  # 1 in 16
    ann = journal.patterns.streaks(Period(YEAR_END.since, YEAR_END.until, "Ann"), D(2026, 1, 7))
    assert ann.days == {D(2025, 12, 30): 1, D(2026, 1, 5): 1}
    lower = Period(YEAR_END.since, YEAR_END.until, "sam")  # as the timeline: any case
    assert journal.patterns.kinds(lower) == journal.patterns.kinds(sam)
    nobody = Period(YEAR_END.since, YEAR_END.until, "Nobody")
    assert journal.patterns.kinds(nobody).counts[EntryKind.INTERACTION] == (0, 0, 0)


def test_switched_off_rules_are_left_out_of_the_lens(journal: Journal) -> None:
    journal.add(draft(LOADED, day=D(2025, 12, 29)))
    journal.lens.set_rule_on("service-user", False)
    lens = journal.patterns.lens(YEAR_END)
    assert lens.per_1000["labels"] == (0.0, 0.0, 0.0)
    assert lens.per_1000["blame"] == (0.0, 100.0, 0.0)
    assert lens.words == (0, 10, 0), "the words still count"
    journal.lens.set_rule_on("service-user", True)
    assert journal.patterns.lens(YEAR_END).per_1000["labels"] == (0.0, 100.0, 0.0)


def test_dismissed_findings_are_never_counted(journal: Journal) -> None:
    journal.add(draft(LOADED, day=D(2025, 12, 29),
                      dismissed=("non-compliant:non compliant",)))
    lens = journal.patterns.lens(YEAR_END)
    assert lens.per_1000["blame"] == (0.0, 0.0, 0.0)
    assert lens.per_1000["labels"] == (0.0, 100.0, 0.0)


def test_stale_counts_are_brought_up_to_date_first(journal: Journal,
                                                   journal_path: Path) -> None:
    journal.add(draft(LOADED, day=D(2025, 12, 29)))
    sql(journal_path, "UPDATE entries SET lens_version = NULL, word_count = 0, "
                      "strength_words = 0")
    sql(journal_path, "DELETE FROM entry_findings")
    assert journal.patterns.balance(YEAR_END).strengths == (0, 1, 0)
    assert journal.patterns.lens(YEAR_END).per_1000["blame"] == (0.0, 100.0, 0.0)


def test_acts_count_by_the_label_the_worker_recorded(journal: Journal) -> None:
    tea = journal.kindness.find("a cup of tea")
    smile = journal.kindness.find("a smile")
    journal.add(draft(PLAIN, day=D(2025, 12, 29), acts=(ActDone(tea.id), ActDone(smile.id))))
    journal.add(draft(PLAIN, day=D(2025, 12, 30), acts=(ActDone(smile.id),)))
    journal.kindness.rename_act(tea, "A brew")
    journal.add(draft(PLAIN, day=D(2026, 1, 6), acts=(ActDone(tea.id),)))
    acts = journal.patterns.acts(YEAR_END)
    assert acts.by_act == ((smile.label, 2), ("A brew", 1), (tea.label, 1))
    assert acts.per_week == (0, 3, 1)


def test_the_share_made_with_the_person_per_week(journal: Journal) -> None:
    journal.add(draft(PLAIN, day=D(2025, 12, 24), decisions=(
        Decision("Told about the change", "coercion"),)))
    journal.add(draft(PLAIN, day=D(2025, 12, 30), decisions=(
        Decision("Planned the day together", "co-production"),
        Decision("Designed the menu together", "co-design"),
        Decision("Asked for views", "consultation"),
        Decision("Explained the options", "educating"))))
    decisions = journal.patterns.decisions(YEAR_END)
    assert decisions.with_share == (0.0, 0.5, None)
    assert decisions.per_week == (1, 4, 0)
    assert [n for _k, _l, n in decisions.by_rung] == [1, 1, 0, 1, 0, 1, 1]


def test_streaks_count_only_days_inside_the_period(journal: Journal) -> None:
    journal.add_many(draft(PLAIN, day=D(2025, 12, 20) + dt.timedelta(days=n))
                     for n in range(8))  # 20 to 27 December, every day
    journal.add_many(draft(PLAIN, day=day) for day in (D(2026, 1, 2), D(2026, 1, 3),
                                                        D(2026, 1, 3)))
    streaks = journal.patterns.streaks(YEAR_END, D(2026, 1, 4))
    assert streaks.longest == 4, "24 to 27 December: the days before the 24th are outside"
    assert streaks.current == 2, "today (4th) has no entry yet: the run ending on the 3rd"
    assert streaks.days[D(2026, 1, 3)] == 2
    assert journal.patterns.streaks(YEAR_END, D(2026, 1, 3)).current == 2
    assert journal.patterns.streaks(YEAR_END, D(2026, 1, 5)).current == 0
    journal.add(draft(PLAIN, day=D(2026, 1, 4)))
    assert journal.patterns.streaks(YEAR_END, D(2026, 1, 4)).current == 3


def test_entries_keep_the_local_date_the_worker_chose(journal: Journal,
                                                      local_zone: Callable[[str], None]
                                                      ) -> None:
    journal.add(draft(PLAIN, day=D(2026, 1, 4), occurred_time=dt.time(23, 30)))
    seen = []
    for zone in ("UTC0", "HST10", "NZDT-13"):
        local_zone(zone)
        seen.append(journal.patterns.kinds(YEAR_END).counts[EntryKind.INTERACTION])
    assert seen == [(0, 1, 0)] * 3, "a Sunday-night entry stays in its own week everywhere"


# -- plans --------------------------------------------------------------------------------------
def test_plans_count_attempts_in_the_period_by_outcome(clocked: Journal,
                                                       now: list[dt.datetime]) -> None:
    now[0] = dt.datetime(2025, 11, 1, tzinfo=dt.UTC)
    walk = clocked.goals.add("Sam", "Walk to the shop")
    clocked.goals.add("Sam", "Bake bread")  # set before, never tried, still going: left out
    clocked.goals.attempt(walk.id, Outcome.NOT_THIS_TIME, D(2025, 12, 1))  # before
    clocked.goals.attempt(walk.id, Outcome.MANAGED, D(2025, 12, 24))
    clocked.goals.attempt(walk.id, Outcome.PARTLY, D(2026, 1, 7))
    clocked.goals.attempt(walk.id, Outcome.MANAGED, D(2026, 1, 8))  # after
    now[0] = dt.datetime(2025, 12, 28, tzinfo=dt.UTC)
    tea = clocked.goals.add("Ann", "Make tea on her own")  # set in the period
    plans = clocked.patterns.plans(YEAR_END)
    assert [(g.goal_id, g.person, g.managed, g.partly, g.not_this_time, g.ended_early)
            for g in plans.goals] == [(tea.id, "Ann", 0, 0, 0, False),
                                      (walk.id, "Sam", 1, 1, 0, False)]
    sam = clocked.patterns.plans(Period(YEAR_END.since, YEAR_END.until, "Sam"))
    assert [g.goal_id for g in sam.goals] == [walk.id]


def test_goals_ended_early_in_the_period_show_even_without_attempts(
        clocked: Journal, now: list[dt.datetime]) -> None:
    now[0] = dt.datetime(2025, 10, 1, tzinfo=dt.UTC)
    bus = clocked.goals.add("Ann", "Take the bus")
    shop = clocked.goals.add("Ann", "Go to the shop")
    for day in (D(2025, 10, 2), D(2025, 10, 3)):
        clocked.goals.attempt(shop.id, Outcome.NOT_THIS_TIME, day)
    now[0] = dt.datetime(2025, 12, 30, tzinfo=dt.UTC)
    clocked.goals.set_status(bus.id, GoalStatus.DISCONTINUED, FallibilityAnswer())
    clocked.goals.set_status(shop.id, GoalStatus.UNATTAINABLE, FallibilityAnswer())
    plans = clocked.patterns.plans(YEAR_END)
    assert [(g.goal_id, g.status, g.not_this_time, g.ended_early) for g in plans.goals] == [
        (bus.id, "discontinued", 0, True), (shop.id, "unattainable", 0, True)]
    clocked.settings.set_attempts_threshold(2)
    plans = clocked.patterns.plans(YEAR_END)
    assert [g.ended_early for g in plans.goals] == [True, False], "2 attempts is not fewer"
    assert plans.threshold == 2
    assert clocked.patterns.plans(Period(D(2026, 1, 1), D(2026, 1, 31))).goals == ()


def test_a_goal_ends_on_the_workers_local_day(clocked: Journal, now: list[dt.datetime],
                                              local_zone: Callable[[str], None]) -> None:
    now[0] = dt.datetime(2025, 10, 1, tzinfo=dt.UTC)
    goal = clocked.goals.add("Ann", "Take the bus")
    now[0] = dt.datetime(2026, 1, 31, 23, 30, tzinfo=dt.UTC)  # 1 February, 12:30 at UTC+13
    clocked.goals.set_status(goal.id, GoalStatus.DISCONTINUED, FallibilityAnswer())
    january, february = Period(D(2026, 1, 1), D(2026, 1, 31)), Period(D(2026, 2, 1),
                                                                      D(2026, 2, 28))
    local_zone("NZDT-13")
    assert [len(clocked.patterns.plans(p).goals) for p in (january, february)] == [0, 1]
    local_zone("UTC0")
    assert [len(clocked.patterns.plans(p).goals) for p in (january, february)] == [1, 0]


def test_the_default_period_for_a_day_covers_the_right_entries(journal: Journal) -> None:
    journal.add(draft(PLAIN, day=D(2025, 12, 4)))  # one day too early for 4 weeks
    journal.add(draft(PLAIN, day=D(2025, 12, 5)))
    journal.add(draft(PLAIN, day=D(2026, 1, 1)))
    period = period_for(PeriodChoice.WEEKS_4, D(2026, 1, 1))
    assert journal.patterns.kinds(period).counts[EntryKind.INTERACTION] == (1, 0, 0, 0, 1)
    assert journal.patterns.streaks(period, D(2026, 1, 1)).days == {D(2025, 12, 5): 1,
                                                                    D(2026, 1, 1): 1}
