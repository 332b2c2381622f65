"""The decisions chart: the ladder of co-production, and the weekly share made with."""

from __future__ import annotations

import math

from matplotlib.axes import Axes
from matplotlib.patches import Patch
from matplotlib.ticker import PercentFormatter

from carejournal.charts import texts as txt
from carejournal.charts.common import (
    ChartInfo,
    Hit,
    Sheet,
    empty_state,
    legend,
    marker_size,
    span,
    style,
    week_axis,
    week_hit,
    week_label,
    whole_number_axis,
)
from carejournal.core.catalogues import RELATIONS, ladder
from carejournal.core.kinds import Series, kind_opened_by
from carejournal.core.patterns import DecisionsSeries


def _relations() -> dict[str, str]:
    """Rung key -> "to" / "for" / "with"."""
    return {rung.key: rung.relation for rung in ladder()}


def decisions(sheet: Sheet, series: DecisionsSeries) -> ChartInfo:
    """Left, the rungs bottom to top coloured by relation; right, the share made with."""
    if not series.weeks or not sum(count for _key, _label, count in series.by_rung):
        return empty_state(sheet)
    rungs, share = sheet.axes(2, width_ratios=(1.15, 1))
    _rungs(sheet, series, style(rungs, sheet.theme, grid_axis="x"))
    _share(sheet, series, style(share, sheet.theme))
    relation = sheet.theme.relations
    legend(rungs, sheet.theme, [Patch(color=relation[name]) for name in RELATIONS],
           [txt.RELATION_NAMES[name] for name in RELATIONS])
    return sheet.info(sheet.words.caption)


def _rungs(sheet: Sheet, series: DecisionsSeries, ax: Axes) -> None:
    """Horizontal bars, the ladder's bottom rung at the bottom, each with its count."""
    theme, relation_of = sheet.theme, _relations()
    colours = [theme.relations.get(relation_of.get(key, ""), theme.neutral)
               for key, _label, _count in series.by_rung]
    counts = [count for _key, _label, count in series.by_rung]
    bars = ax.barh(range(len(counts)), counts, height=0.7, color=colours)
    ax.set_yticks(range(len(counts)), [label if key in relation_of else txt.OTHER_RUNG
                                       for key, label, _count in series.by_rung])
    ax.bar_label(bars, padding=2, color=theme.text, fontsize=theme.sizes.ticks)
    ax.margins(x=0.12)
    since, until = span(series.weeks, sheet.period)
    person = sheet.period.person if sheet.period else ""
    for (_key, label, count), patch in zip(series.by_rung, bars.patches, strict=True):
        sheet.clickable(patch, Hit(since, until, kind_opened_by(Series.DECISIONS), person,
                                   txt.HIT_ITEM.format(item=label, value=count)))
    ax.set_xlabel(sheet.words.xlabel)
    ax.set_ylabel(sheet.words.ylabel)
    whole_number_axis(ax, "x")


def _share(sheet: Sheet, series: DecisionsSeries, ax: Axes) -> None:
    """The share of each week's decisions made with the person, 0–100 %; no decisions: a gap."""
    theme, weeks = sheet.theme, series.weeks
    values = [math.nan if share is None else share * 100 for share in series.with_share]
    (line,) = ax.plot(range(len(weeks)), values, color=theme.relations["with"], linewidth=1.6,
                      marker="o", markersize=marker_size(weeks), clip_on=False)  # 100 % stays whole
    sheet.clickable(line, *(
        week_hit(week, sheet.period, txt.HIT_WEEK_SERIES.format(
            series=txt.WITH_SHARE, week=week_label(week),
            value="–" if share is None else f"{share:.0%}"), kind_opened_by(Series.DECISIONS))
        for week, share in zip(weeks, series.with_share, strict=True)))
    ax.set_ylim(0, 100)
    ax.set_yticks([0, 25, 50, 75, 100])
    ax.yaxis.set_major_formatter(PercentFormatter(100, decimals=0))
    week_axis(ax, theme, weeks, max_labels=4)
    ax.set_ylabel(txt.WITH_SHARE)
