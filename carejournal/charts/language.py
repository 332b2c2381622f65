"""Charts of the words used: the language lens per 1,000 words, strengths and problems."""

from __future__ import annotations

import math

from matplotlib.ticker import FuncFormatter

from carejournal.charts import texts as txt
from carejournal.charts.common import (
    ChartInfo,
    Sheet,
    empty_state,
    legend,
    marker_size,
    style,
    week_axis,
    week_bars,
    week_hit,
    week_label,
    whole_number_axis,
)
from carejournal.core.patterns import BalancePerWeek, LensPerWeek

MARKERS = ("o", "s", "^", "D", "v", "P", "X")  # a second cue beside colour


def lens(sheet: Sheet, series: LensPerWeek) -> ChartInfo:
    """A line per category; weeks with no words written are gaps, not zeros."""
    if not series.weeks or not sum(series.words) or not series.per_1000:
        return empty_state(sheet)
    theme, weeks = sheet.theme, series.weeks
    ax = style(sheet.axes()[0], theme)
    handles, labels = [], []
    for number, (key, rates) in enumerate(series.per_1000.items()):
        name = series.category_names.get(key, key)
        values = [rate if words else math.nan
                  for rate, words in zip(rates, series.words, strict=True)]
        colour = theme.lens.get(key) or theme.series[number % len(theme.series)]
        (line,) = ax.plot(range(len(weeks)), values, color=colour, linewidth=1.6,
                          marker=MARKERS[number % len(MARKERS)], markersize=marker_size(weeks))
        sheet.clickable(line, *(
            week_hit(week, sheet.period, txt.HIT_WEEK_SERIES.format(
                series=name, week=week_label(week), value=f"{rate:.1f}"))
            for week, rate in zip(weeks, rates, strict=True)))
        handles.append(line)
        labels.append(name)
    week_axis(ax, theme, weeks)
    ax.set_ylabel(sheet.words.ylabel)
    ax.set_ylim(bottom=0)
    if ax.get_ylim()[1] < 1:
        ax.set_ylim(0, 1)
    legend(ax, theme, handles, labels, columns=min(3, len(labels)))
    return sheet.info(sheet.words.caption)


def balance(sheet: Sheet, series: BalancePerWeek) -> ChartInfo:
    """Mirrored bars: strength words above the line, problem words below it."""
    if not series.weeks or not (sum(series.strengths) or sum(series.problems)):
        return empty_state(sheet)
    theme, weeks = sheet.theme, series.weeks
    ax = style(sheet.axes()[0], theme)
    up = week_bars(ax, series.strengths, theme.strengths)
    down = week_bars(ax, [-n for n in series.problems], theme.problems)
    for bars, counts, name in ((up, series.strengths, txt.STRENGTH_WORDS),
                               (down, series.problems, txt.PROBLEM_WORDS)):
        for week, count, patch in zip(weeks, counts, bars.patches, strict=True):
            label = txt.HIT_WEEK_SERIES.format(series=name, week=week_label(week), value=count)
            sheet.clickable(patch, week_hit(week, sheet.period, label))
    ax.axhline(0, color=theme.muted, linewidth=0.8)
    top = max(max(series.strengths), max(series.problems), 1) * 1.1
    ax.set_ylim(-top, top)
    whole_number_axis(ax)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: f"{abs(value):g}"))
    week_axis(ax, theme, weeks)
    ax.set_ylabel(sheet.words.ylabel)
    legend(ax, theme, [up, down], [txt.STRENGTH_WORDS, txt.PROBLEM_WORDS])
    return sheet.info(sheet.words.caption)
