"""The streaks chart: a calendar heatmap of days with entries, and gentle words on runs."""

from __future__ import annotations

import datetime as dt
import math

from matplotlib.axes import Axes
from matplotlib.collections import PatchCollection
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle

from carejournal.charts import texts as txt
from carejournal.charts.common import (
    ChartInfo,
    Hit,
    Sheet,
    empty_state,
    legend,
    long_date,
    room,
    style,
    week_label,
    years_text,
)
from carejournal.charts.theme import Theme, contrast, heat_level
from carejournal.core.patterns import Period, Streaks, week_of

CELL = 0.86  # of a column's width: a little gap between days
SQUARE_UP_TO, TALL = 26, 1.8  # weeks; a year's days are taller than wide, to stay legible
ALL_DAYS_UP_TO = 20  # weeks; wider calendars label Mon, Wed, Fri and Sun only
DAY_NUMBERS_UP_TO = 10  # weeks: squares big enough to show the day of the month


def _days(series: Streaks, period: Period | None) -> list[dt.date]:
    """Every day the calendar shows: the period, or the first to the last day with entries."""
    first, last = (period.since, period.until) if period else (min(series.days),
                                                               max(series.days))
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def streaks(sheet: Sheet, series: Streaks) -> ChartInfo:
    """Weeks as columns, Monday to Sunday as rows; stronger colour for more entries."""
    if not series.days:
        return empty_state(sheet)
    theme, days = sheet.theme, _days(series, sheet.period)
    first_week = week_of(days[0])
    columns = (week_of(days[-1]) - first_week).days // 7 + 1
    ax = style(sheet.axes()[0], theme, grid_axis="")
    squares, colours, hits = [], [], []
    person = sheet.period.person if sheet.period else ""
    for day in days:
        count = series.days.get(day, 0)
        column = (week_of(day) - first_week).days // 7
        squares.append(Rectangle((column - CELL / 2, day.weekday() - CELL / 2), CELL, CELL))
        colours.append(heat_level(count, theme))
        hits.append(Hit(day, day, None, person,
                        txt.HIT_ITEM.format(item=long_date(day), value=count)))
    cells = PatchCollection(squares, facecolors=colours, edgecolors="none")
    ax.add_collection(cells)
    sheet.clickable(cells, *hits)
    if columns <= DAY_NUMBERS_UP_TO:
        _day_numbers(ax, theme, days, series.days, first_week)
    _axes(ax, sheet, first_week, columns)
    legend(ax, theme, [Patch(color=colour) for colour in theme.heat], list(txt.HEAT_LABELS))
    caption = f"{sheet.words.caption} {txt.streak_caption(series.current, series.longest)}"
    return sheet.info(caption)


def _day_numbers(ax: Axes, theme: Theme, days: list[dt.date], counts: dict[dt.date, int],
                 first_week: dt.date) -> None:
    """The day of the month in each square, in whichever ink reads best on its shade."""
    inks = (theme.text, theme.figure_bg)
    for day in days:
        shade = heat_level(counts.get(day, 0), theme)
        ink = max(inks, key=lambda colour: contrast(colour, shade))
        ax.text((week_of(day) - first_week).days // 7, day.weekday(), str(day.day),
                ha="center", va="center", color=ink, fontsize=theme.sizes.ticks - 1)


def _label_step(figure: Figure, columns: int, aspect: float) -> int:
    """Every how many weeks to label, so that labels (about 36 pt wide) never touch."""
    width, height = room(figure)
    width, height = width - 70, height - 100  # points left for the squares
    cell = min(width / columns, height / 7 / aspect)
    return max(1, math.ceil(36 / max(cell, 1)))


def _axes(ax: Axes, sheet: Sheet, first_week: dt.date, columns: int) -> None:
    """Square days, Monday at the top, week labels thinned to stay readable."""
    ax.set_xlim(-0.6, columns - 0.4)
    ax.set_ylim(6.6, -0.6)
    aspect = 1.0 if columns <= SQUARE_UP_TO else TALL
    ax.set_aspect(aspect, anchor="N")
    rows = range(7) if columns <= ALL_DAYS_UP_TO else (0, 2, 4, 6)
    ax.set_yticks(list(rows), [txt.WEEKDAYS[row] for row in rows])
    mondays = [first_week + dt.timedelta(weeks=n) for n in range(columns)]
    step = _label_step(sheet.figure, columns, aspect)
    ticks = list(range(0, columns, step))
    ax.set_xticks(ticks, [week_label(mondays[n]) for n in ticks])
    ax.tick_params(length=0)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    ax.set_xlabel(txt.WEEK_STARTING_YEARS.format(years=years_text(mondays)))
    ax.set_ylabel(sheet.words.ylabel)
