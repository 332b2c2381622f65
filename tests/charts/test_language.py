"""The language lens per 1,000 words, and strength versus problem words."""

from __future__ import annotations

import datetime as dt
import math

from carejournal.charts import draw, hit_for
from carejournal.core.patterns import BalancePerWeek, LensPerWeek
from tests.charts import (
    CATEGORIES,
    all_text,
    bars,
    click,
    clipped,
    empty_series,
    figure,
    overlaps,
    period_of,
)

WEEKS = (dt.date(2026, 3, 2), dt.date(2026, 3, 9), dt.date(2026, 3, 16))


def lens_series(words: tuple[int, ...] = (1000, 0, 2500)) -> LensPerWeek:
    rates = {"labels": (2.0, 0.0, 0.4), "power": (1.0, 0.0, 0.0)}
    return LensPerWeek(WEEKS, words, rates, {"labels": CATEGORIES["labels"]})


def test_lens_draws_a_line_per_category_named_from_the_series() -> None:
    fig = figure()
    info = draw("lens", lens_series(), fig)
    ax = fig.axes[0]
    assert info.title == fig.get_suptitle() == "What the language lens noticed"
    assert ax.get_ylabel() == "Per 1,000 words" and ax.get_xlabel() == "Week starting (2026)"
    assert len(ax.get_lines()) == 2
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["Labels that reduce a person", "power"]  # no name: the key
    labels = ax.get_lines()[0].get_ydata()
    assert labels[0] == 2.0 and math.isnan(labels[1]) and labels[2] == 0.4  # no words: a gap
    assert "not a score" in info.caption


def test_a_lens_point_maps_to_its_week() -> None:
    fig = figure()
    info = draw("lens", lens_series(), fig, period=period_of(3, dt.date(2026, 3, 18)))
    line = fig.axes[0].get_lines()[0]
    hit = hit_for(info, line, 2)
    assert (hit.since, hit.until, hit.kind) == (WEEKS[2], dt.date(2026, 3, 18), None)
    assert hit.label == "Labels that reduce a person, week starting 16 Mar: 0.4"
    assert hit_for(info, line, 3) is None
    (picked, *_rest) = click(fig, info, fig.axes[0], 0, 2.0)
    assert picked.since == WEEKS[0]


def test_lens_with_one_week_shows_its_points() -> None:
    series = LensPerWeek(WEEKS[:1], (800,), {k: (1.5,) for k in CATEGORIES}, dict(CATEGORIES))
    fig = figure()
    draw("lens", series, fig)
    lines = fig.axes[0].get_lines()
    assert len(lines) == 5 and all(line.get_marker() not in ("", "None") for line in lines)
    assert len({line.get_marker() for line in lines}) == 5  # shape, not only colour
    assert not clipped(fig)


def test_lens_with_no_words_is_empty() -> None:
    fig = figure()
    info = draw("lens", lens_series((0, 0, 0)), fig)
    assert info.empty and any("nothing for the lens" in t for t in all_text(fig))


def test_lens_empty_series_from_an_empty_journal() -> None:
    fig = figure()
    assert draw("lens", empty_series("lens", period_of(53)), fig).empty


def test_balance_mirrors_strengths_above_and_problems_below() -> None:
    fig = figure()
    info = draw("balance", BalancePerWeek(WEEKS, (5, 0, 12), (2, 3, 0)), fig)
    ax = fig.axes[0]
    heights = [p.get_height() for p in bars(ax)]
    assert heights == [5, 0, 12, -2, -3, 0]
    assert ax.get_ylabel() == "Words" and info.title == "Strengths and problems in your words"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Strength words",
                                                                   "Problem words"]
    fig.canvas.draw()
    ticks = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
    assert ticks and all(not t.startswith(("-", "−")) for t in ticks)  # counts, not negatives
    hit = hit_for(info, bars(ax)[4])
    assert (hit.since, hit.until) == (WEEKS[1], WEEKS[1] + dt.timedelta(days=6))
    assert hit.label == "Problem words, week starting 9 Mar: 3"


def test_balance_over_a_year_stays_readable() -> None:
    period = period_of(53)
    n = len(period.weeks())
    fig = figure()
    draw("balance", BalancePerWeek(period.weeks(), (4,) * n, (1,) * n), fig, period=period)
    assert len(bars(fig.axes[0])) == 2 * n
    assert not overlaps(fig, fig.axes[0].get_xticklabels()) and not clipped(fig)


def test_balance_with_nothing_is_empty() -> None:
    fig = figure()
    info = draw("balance", empty_series("balance", period_of(4)), fig)
    assert info.empty and "No strength or problem words" in " ".join(all_text(fig))
