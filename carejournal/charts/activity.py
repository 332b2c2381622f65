"""Charts of what was done: entries per week by kind, and the little things."""

from __future__ import annotations

from collections.abc import Sequence

from carejournal.charts import texts as txt
from carejournal.charts.common import (
    ChartInfo,
    Hit,
    Sheet,
    empty_state,
    legend,
    shorten,
    span,
    style,
    week_axis,
    week_bars,
    week_hit,
    week_label,
    whole_number_axis,
)
from carejournal.core.domain import EntryKind
from carejournal.core.kinds import Series, kind_opened_by, kinds_counted_in
from carejournal.core.patterns import ActsSeries, KindsPerWeek

MAX_ACTS = 10  # bars; beyond that the rest share one "other" bar
ACT_LABEL_WIDTH = 36  # characters


def kinds(sheet: Sheet, series: KindsPerWeek) -> ChartInfo:
    """Stacked bars per week, one colour per kind of entry."""
    drawn = {EntryKind(kind): counts for kind, counts in series.counts.items() if sum(counts)}
    if not series.weeks or not drawn:
        return empty_state(sheet)
    theme, weeks = sheet.theme, series.weeks
    ax = style(sheet.axes()[0], theme)
    bottom = [0] * len(weeks)
    handles, labels = [], []
    for kind in kinds_counted_in(Series.PER_WEEK):
        counts = drawn.get(kind)
        if counts is None:
            continue
        bars = week_bars(ax, counts, theme.kinds[kind.value], bottom,
                         edgecolor=theme.axes_bg, linewidth=0.4)
        name = txt.KIND_NAMES[kind.value]
        for week, count, patch in zip(weeks, counts, bars.patches, strict=True):
            label = txt.HIT_WEEK_SERIES.format(series=name, week=week_label(week), value=count)
            sheet.clickable(patch, week_hit(week, sheet.period, label, kind))
        bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
        handles.append(bars)
        labels.append(name)
    week_axis(ax, theme, weeks)
    ax.set_ylabel(sheet.words.ylabel)
    whole_number_axis(ax)
    legend(ax, theme, handles, labels)
    return sheet.info(sheet.words.caption)


def _top_acts(by_act: Sequence[tuple[str, int]]) -> list[tuple[str, int]]:
    """The most frequent acts; when there are too many, the rest as one "other" bar."""
    done = [(label, count) for label, count in by_act if count > 0]
    if len(done) <= MAX_ACTS:
        return done
    rest = done[MAX_ACTS - 1:]
    other = txt.OTHER_ACTS.format(count=len(rest))
    return [*done[:MAX_ACTS - 1], (other, sum(count for _label, count in rest))]


def acts(sheet: Sheet, series: ActsSeries) -> ChartInfo:
    """Horizontal bars by act, the most frequent at the top, each with its count."""
    shown = _top_acts(series.by_act)
    if not shown or not series.weeks:
        return empty_state(sheet)
    theme = sheet.theme
    ax = style(sheet.axes()[0], theme, grid_axis="x")
    rows = range(len(shown))
    bars = ax.barh(rows, [count for _label, count in shown], height=0.7,
                   color=theme.little_things)
    ax.set_yticks(rows, [shorten(label, ACT_LABEL_WIDTH) for label, _count in shown])
    ax.invert_yaxis()
    ax.bar_label(bars, padding=2, color=theme.text, fontsize=theme.sizes.ticks)
    ax.margins(x=0.08)
    since, until = span(series.weeks, sheet.period)
    person = sheet.period.person if sheet.period else ""
    for (label, count), patch in zip(shown, bars.patches, strict=True):
        sheet.clickable(patch, Hit(since, until, kind_opened_by(Series.LITTLE_THINGS), person,
                                   txt.HIT_ITEM.format(item=label, value=count)))
    ax.set_xlabel(sheet.words.xlabel)
    ax.set_ylabel(sheet.words.ylabel)
    whole_number_axis(ax, "x")
    return sheet.info(sheet.words.caption)


def acts_weekly(sheet: Sheet, series: ActsSeries) -> ChartInfo:
    """Bars: how many little things each week."""
    if not series.weeks or not sum(series.per_week):
        return empty_state(sheet)
    theme, weeks = sheet.theme, series.weeks
    ax = style(sheet.axes()[0], theme)
    bars = week_bars(ax, series.per_week, theme.little_things)
    for week, count, patch in zip(weeks, series.per_week, bars.patches, strict=True):
        label = txt.HIT_WEEK.format(week=week_label(week), value=count)
        sheet.clickable(patch, week_hit(week, sheet.period, label,
                                        kind_opened_by(Series.LITTLE_THINGS)))
    week_axis(ax, theme, weeks)
    ax.set_ylabel(sheet.words.ylabel)
    whole_number_axis(ax)
    return sheet.info(sheet.words.caption)
