"""Entries per week by kind, and the little things (by act and per week)."""

from __future__ import annotations

import datetime as dt

import pytest

from carejournal.charts import dark_theme, draw, hit_for, light_theme
from carejournal.charts.activity import MAX_ACTS
from carejournal.core.domain import EntryKind
from carejournal.core.patterns import ActsSeries, KindsPerWeek
from tests.charts import (
    TODAY,
    all_text,
    bars,
    click,
    clipped,
    empty_series,
    figure,
    overlaps,
    period_of,
    tick_labels,
)

MON = dt.date(2026, 3, 2)


def kinds_one_week() -> KindsPerWeek:
    return KindsPerWeek((MON,), {EntryKind.INTERACTION: (3,), EntryKind.KINDNESS: (2,),
                                 EntryKind.FALLIBILITY: (0,), EntryKind.REFLECTION: (1,)})


def test_kinds_stacks_one_bar_per_kind_with_data_and_labels_its_axes() -> None:
    fig = figure()
    info = draw("kinds", kinds_one_week(), fig, light_theme())
    ax = fig.axes[0]
    assert (info.empty, info.title, fig.get_suptitle()) == (False, "Entries per week",
                                                            "Entries per week")
    assert ax.get_ylabel() == "Entries" and ax.get_xlabel() == "Week starting (2026)"
    heights = [(p.get_y(), p.get_height()) for p in bars(ax)]
    assert heights == [(0, 3), (3, 2), (5, 1)]  # fallibility had none: no bar, no legend
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "Interaction", "Little thing", "Reflection"]
    assert tick_labels(ax) == ["2 Mar"]
    assert "How many entries" in info.caption


def test_a_click_on_a_kinds_bar_is_that_week_and_kind_inside_the_period() -> None:
    period = period_of(13)
    weeks = period.weeks()
    counts = {kind: tuple(range(len(weeks))) for kind in EntryKind}
    fig = figure()
    info = draw("kinds", KindsPerWeek(weeks, counts), fig, period=period)
    kindness = fig.axes[0].containers[1].patches
    assert hit_for(info, kindness[4]).since == weeks[4]
    assert hit_for(info, kindness[4]).until == weeks[4] + dt.timedelta(days=6)
    assert hit_for(info, kindness[4]).kind is EntryKind.KINDNESS
    last = hit_for(info, kindness[-1])
    assert (last.since, last.until) == (weeks[-1], TODAY)  # the period ends mid-week
    assert kindness[4].get_picker() and hit_for(info, kindness[4], 1) is None
    assert hit_for(info, fig.axes[0]) is None


def test_a_real_click_on_a_bar_picks_its_hit() -> None:
    fig = figure()
    info = draw("kinds", kinds_one_week(), fig)
    (hit,) = click(fig, info, fig.axes[0], 0, 5.5)  # inside the reflection bar (5 to 6)
    assert hit is not None and hit.kind is EntryKind.REFLECTION and hit.since == MON
    assert hit.label == "Reflection, week starting 2 Mar: 1"
    assert click(fig, info, fig.axes[0], 0, 7.5) == []  # above the bars: nothing


@pytest.mark.parametrize("weeks", [4, 13, 53])
def test_week_labels_are_thinned_and_never_overlap(weeks: int) -> None:
    period = period_of(weeks)
    series = KindsPerWeek(period.weeks(), {k: (1,) * len(period.weeks()) for k in EntryKind})
    fig = figure()
    draw("kinds", series, fig, period=period)
    ax = fig.axes[0]
    labels = [t for t in ax.get_xticklabels() if t.get_text()]
    assert 2 <= len(labels) <= 8
    assert len(bars(ax)) == 4 * len(period.weeks())
    assert not overlaps(fig, labels) and not clipped(fig)


def test_a_year_crossing_period_names_both_years() -> None:
    weeks = (dt.date(2025, 12, 22), dt.date(2025, 12, 29), dt.date(2026, 1, 5))
    fig = figure()
    draw("kinds", KindsPerWeek(weeks, {EntryKind.REFLECTION: (1, 0, 2)}), fig)
    assert fig.axes[0].get_xlabel() == "Week starting (2025–2026)"
    assert tick_labels(fig.axes[0]) == ["22 Dec", "29 Dec", "5 Jan"]


@pytest.mark.parametrize("name", ["kinds", "acts", "acts_weekly"])
def test_no_entries_is_a_friendly_empty_state(name: str) -> None:
    fig = figure()
    info = draw(name, empty_series(name, period_of(4)), fig, dark_theme())
    assert info.empty and not info.hits
    assert len(fig.axes) == 1 and not fig.axes[0].axison
    expected = "No entries in this period" if name == "kinds" else "No little things recorded"
    assert any(text.startswith(expected) for text in all_text(fig))
    assert fig.get_suptitle() == info.title


def test_acts_are_horizontal_bars_most_first_at_the_top() -> None:
    series = ActsSeries((("A cup of tea", 5), ("Really listened", 3), ("A smile", 1)),
                        (MON,), (9,))
    fig = figure()
    info = draw("acts", series, fig, period=period_of(1, MON + dt.timedelta(days=6)))
    ax = fig.axes[0]
    assert [p.get_width() for p in bars(ax)] == [5, 3, 1]
    assert tick_labels(ax, "y") == ["A cup of tea", "Really listened", "A smile"]
    assert ax.yaxis_inverted()  # the first (most frequent) at the top
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("Times recorded", "Little thing")
    hit = hit_for(info, bars(ax)[1])
    assert (hit.since, hit.until, hit.kind) == (MON, MON + dt.timedelta(days=6),
                                                EntryKind.KINDNESS)
    assert hit.label == "Really listened: 3"
    assert "5" in [t.get_text() for t in ax.texts]  # each bar shows its count


def test_many_acts_with_long_labels_fit_with_an_other_bar() -> None:
    long = "Sat with them for a while, with no agenda and no rush at all, just company"
    by_act = tuple((f"{long} {n}", 30 - n) for n in range(14))
    fig = figure()
    draw("acts", ActsSeries(by_act, (MON,), (100,)), fig)
    ax = fig.axes[0]
    widths = [p.get_width() for p in bars(ax)]
    assert len(widths) == MAX_ACTS
    assert widths[-1] == sum(30 - n for n in range(MAX_ACTS - 1, 14))
    labels = tick_labels(ax, "y")
    assert labels[-1] == "Other little things (5)"
    assert all(len(label) <= 36 for label in labels) and labels[0].endswith("…")
    assert not overlaps(fig, ax.get_yticklabels()) and not clipped(fig)


def test_acts_weekly_draws_a_bar_per_week() -> None:
    period = period_of(53)
    per_week = tuple(n % 5 for n in range(len(period.weeks())))
    fig = figure()
    info = draw("acts_weekly", ActsSeries((("Tea", 1),), period.weeks(), per_week), fig,
                period=period)
    ax = fig.axes[0]
    assert [p.get_height() for p in bars(ax)] == list(per_week)
    assert ax.get_ylabel() == "Little things" and info.title == "Little things per week"
    assert hit_for(info, bars(ax)[7]).since == period.weeks()[7]
    assert hit_for(info, bars(ax)[0]).since == period.since
