"""Decisions on the ladder of co-production, and the weekly share made with the person."""

from __future__ import annotations

import datetime as dt
import math

from matplotlib.colors import to_hex

from carejournal.charts import dark_theme, draw, hit_for, light_theme
from carejournal.core.domain import EntryKind
from carejournal.core.patterns import DecisionsSeries
from tests.charts import RUNGS, all_text, bars, clipped, empty_series, figure, overlaps, period_of

WEEKS = (dt.date(2026, 3, 2), dt.date(2026, 3, 9))


def series(counts: tuple[int, ...] = (1, 0, 2, 0, 3, 4, 5)) -> DecisionsSeries:
    by_rung = tuple((key, label, n) for (key, label), n in zip(RUNGS, counts, strict=True))
    return DecisionsSeries(by_rung, WEEKS, (0.5, None), (10, 0))


def test_rungs_are_drawn_bottom_to_top_coloured_by_relation() -> None:
    fig = figure()
    theme = light_theme()
    info = draw("decisions", series(), fig, theme)
    rungs, share = fig.axes
    assert info.title == fig.get_suptitle() == "Decisions on the ladder of co-production"
    patches = bars(rungs)
    assert [p.get_width() for p in patches] == [1, 0, 2, 0, 3, 4, 5]
    assert [p.get_y() + p.get_height() / 2 for p in patches] == list(range(7))
    assert not rungs.yaxis_inverted()  # the bottom rung (coercion) at the bottom
    assert [t.get_text() for t in rungs.get_yticklabels()][0] == "Coercion"
    relations = ["to", "to", "for", "for", "for", "with", "with"]
    assert [to_hex(p.get_facecolor()).upper() for p in patches] == [
        theme.relations[r].upper() for r in relations]
    legend = [t.get_text() for t in rungs.get_legend().get_texts()]
    assert legend == ["Done to", "Done for", "Done with"]
    assert (rungs.get_xlabel(), rungs.get_ylabel()) == ("Decisions", "Rung")
    assert share.get_ylabel() == "Made with the person"


def test_the_share_made_with_is_a_line_on_a_0_to_100_percent_axis() -> None:
    fig = figure()
    info = draw("decisions", series(), fig, dark_theme())
    share = fig.axes[1]
    (line,) = share.get_lines()
    values = line.get_ydata()
    assert values[0] == 50 and math.isnan(values[1])  # no decisions that week: a gap
    assert share.get_ylim() == (0, 100)
    fig.canvas.draw()
    assert [t.get_text() for t in share.get_yticklabels()] == ["0%", "25%", "50%", "75%",
                                                               "100%"]
    hit = hit_for(info, line, 0)
    assert (hit.since, hit.kind) == (WEEKS[0], EntryKind.INTERACTION)
    assert hit.label == "Made with the person, week starting 2 Mar: 50%"
    assert hit_for(info, line, 1).label.endswith(": –")


def test_a_rung_bar_maps_to_the_whole_period_of_interactions() -> None:
    period = period_of(2, dt.date(2026, 3, 12))
    fig = figure()
    info = draw("decisions", series(), fig, period=period)
    hit = hit_for(info, bars(fig.axes[0])[6])
    assert (hit.since, hit.until, hit.kind) == (period.since, period.until,
                                                EntryKind.INTERACTION)
    assert hit.label == "Co-production: 5"


def test_a_rung_no_longer_on_the_ladder_is_grey_and_named_as_such() -> None:
    theme = light_theme()
    old = DecisionsSeries((*series().by_rung, ("old-rung", "old-rung", 2)), WEEKS,
                          (0.5, None), (12, 0))
    fig = figure()
    draw("decisions", old, fig, theme)
    assert to_hex(bars(fig.axes[0])[-1].get_facecolor()).upper() == theme.neutral.upper()
    assert "Not on the ladder" in [t.get_text() for t in fig.axes[0].get_yticklabels()]


def test_a_year_of_decisions_keeps_its_week_labels_apart() -> None:
    period = period_of(53)
    n = len(period.weeks())
    year = DecisionsSeries(series().by_rung, period.weeks(),
                           tuple(None if w % 3 else 0.25 for w in range(n)), (1,) * n)
    fig = figure()
    draw("decisions", year, fig, period=period)
    labels = [t for t in fig.axes[1].get_xticklabels() if t.get_text()]
    assert 2 <= len(labels) <= 4
    assert not overlaps(fig, labels) and not clipped(fig)


def test_no_decisions_is_empty() -> None:
    fig = figure()
    info = draw("decisions", empty_series("decisions", period_of(13)), fig)
    assert info.empty and "No decisions recorded in this period yet." in all_text(fig)
