"""What every chart shares: ChartInfo and Hit, styling, week ticks, empty state, caption.

Clicks: every bar, day square and line point a chart draws is pickable, and
`ChartInfo.hits` maps that artist to its Hits by index (a bar or a day square has one,
index 0; a line has one per week, in the order of its points). `hit_for(info, artist,
index)` and `pick(info, event)` (for a matplotlib "pick_event") turn a click into a Hit:
the dates (and kind or person) a timeline filter should show.
"""

from __future__ import annotations

import datetime as dt
import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, cast

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.container import BarContainer, Container
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from carejournal.charts import texts as txt
from carejournal.charts.hits import Hit
from carejournal.charts.layout import MarginsEngine
from carejournal.charts.registry import chart_named
from carejournal.charts.reuse import axes_for
from carejournal.charts.theme import Theme
from carejournal.core.domain import EntryKind
from carejournal.core.patterns import Period

PAD_PT = 6  # points kept clear at the figure's sides
PICK_RADIUS = 6  # points: how near a click must be to a line's point
BAR_WIDTH = 0.8  # of a week: a little gap between weeks' bars


@dataclass(frozen=True, slots=True)
class ChartInfo:
    """What draw() drew: its words, whether it is the empty state, and its clickable marks."""

    name: str
    title: str
    caption: str
    empty: bool
    hits: dict[Artist, tuple[Hit, ...]] = field(default_factory=dict)


def hit_for(info: ChartInfo, artist: Artist, index: int = 0) -> Hit | None:
    """The Hit for a mark (index: which point of a line; 0 for a bar or a day), or None."""
    hits = info.hits.get(artist, ())
    return hits[index] if 0 <= index < len(hits) else None


def pick(info: ChartInfo, event: Any) -> Hit | None:
    """The Hit for a matplotlib PickEvent (uses event.artist and, for lines, event.ind)."""
    indices = getattr(event, "ind", None)
    index = int(indices[0]) if indices is not None and len(indices) else 0
    return hit_for(info, event.artist, index)


@dataclass(slots=True)
class Sheet:
    """A chart being drawn: the figure, theme, words and the clickable marks so far."""

    name: str
    figure: Figure
    theme: Theme
    period: Period | None
    captioned: bool = False  # a caption will be drawn under the chart (less room for it)
    hits: dict[Artist, tuple[Hit, ...]] = field(default_factory=dict)

    @property
    def words(self) -> txt.ChartTexts:
        return chart_named(self.name).words

    def clickable(self, artist: Artist, *hits: Hit) -> None:
        """Make a mark pickable and remember what a click on it means."""
        artist.set_picker(True)
        if hasattr(artist, "set_pickradius"):
            artist.set_pickradius(PICK_RADIUS)
        self.hits[artist] = hits

    def axes(self, count: int = 1, width_ratios: tuple[float, ...] | None = None,
             empty: bool = False) -> list[Axes]:
        """A row of count axes to draw on (reused from the last chart when it had the same)."""
        def make() -> list[Axes]:
            if count == 1:
                return [self.figure.add_subplot()]
            return list(self.figure.subplots(1, count, width_ratios=width_ratios))

        return axes_for(self.figure, (count, width_ratios, empty), make,
                        lambda: _prepare(self))

    def info(self, caption: str, empty: bool = False) -> ChartInfo:
        return ChartInfo(self.name, self.words.title, caption, empty, self.hits)


def start(name: str, figure: Figure, theme: Theme, period: Period | None,
          captioned: bool = False) -> Sheet:
    """Give the figure the theme's background and the chart's title; the chart's axes come
    from Sheet.axes() (the last chart's, emptied, when they have the same shape)."""
    for text in list(figure.texts):
        text.remove()  # a caption under the last chart
    sheet = Sheet(name, figure, theme, period, captioned)
    _prepare(sheet)
    return sheet


def _prepare(sheet: Sheet) -> None:
    figure, theme = sheet.figure, sheet.theme
    figure.set_facecolor(theme.figure_bg)
    engine = figure.get_layout_engine()
    if isinstance(engine, MarginsEngine):
        engine.set(rect=(0, 0, 1, 1))
    else:
        figure.set_layout_engine(MarginsEngine())
    figure.suptitle(sheet.words.title, color=theme.text, fontsize=theme.sizes.title,
                    fontweight="bold")


def style(ax: Axes, theme: Theme, grid_axis: Literal["x", "y", "both", ""] = "y") -> Axes:
    """Theme colours on an axes, light grid lines on the value axis, no box."""
    ax.set_facecolor(theme.axes_bg)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(theme.muted)
    ax.tick_params(colors=theme.muted, labelcolor=theme.text, labelsize=theme.sizes.ticks)
    ax.xaxis.label.set_color(theme.text)
    ax.yaxis.label.set_color(theme.text)
    ax.xaxis.label.set_fontsize(theme.sizes.label)
    ax.yaxis.label.set_fontsize(theme.sizes.label)
    ax.title.set_color(theme.text)
    ax.title.set_fontsize(theme.sizes.label)
    if grid_axis:
        ax.grid(axis=grid_axis, color=theme.grid, linewidth=0.8)
    ax.set_axisbelow(True)
    return ax


def week_label(day: dt.date) -> str:
    """e.g. "3 Mar" (no locale: the month names are in texts.MONTHS)."""
    return f"{day.day} {txt.MONTHS[day.month - 1]}"


def long_date(day: dt.date) -> str:
    """e.g. "3 Mar 2026"."""
    return f"{week_label(day)} {day.year}"


def years_text(days: Sequence[dt.date]) -> str:
    """"2026", or "2025–2026" when the dates cross a new year."""
    first, last = min(d.year for d in days), max(d.year for d in days)
    return str(first) if first == last else f"{first}–{last}"


def week_bars(ax: Axes, heights: Sequence[float], color: str,
              bottom: Sequence[float] | None = None, **style: Any) -> BarContainer:
    """Bars 0.8 wide at 0..n-1, as `ax.bar` draws them, at a fraction of its cost.

    ax.bar traces every bar's outline as a curve to widen the data limits (about half a
    millisecond a bar: a year of stacked weeks took over 100 ms); the limits of a row of
    rectangles are known, so they are set once for all of them.
    """
    bottoms = list(bottom) if bottom is not None else [0.0] * len(heights)
    patches = []
    for x, (height, base) in enumerate(zip(heights, bottoms, strict=True)):
        bar = Rectangle((x - BAR_WIDTH / 2, base), BAR_WIDTH, height, facecolor=color,
                        label="_nolegend_", **style)
        bar.sticky_edges.y.append(base)
        ax.add_artist(bar)
        patches.append(bar)
    ends = [*bottoms, *(base + height for base, height in zip(bottoms, heights, strict=True))]
    if ends:
        ax.update_datalim([(-BAR_WIDTH / 2, min(ends)),
                           (len(heights) - 1 + BAR_WIDTH / 2, max(ends))])
    ax.autoscale_view()
    container = BarContainer(patches, datavalues=list(heights), orientation="vertical")
    ax.add_container(container)
    return container


def week_axis(ax: Axes, theme: Theme, weeks: Sequence[dt.date], max_labels: int = 8) -> None:
    """Weeks at 0..n-1 on the x axis, labelled by their Monday, thinned to stay readable."""
    step = max(1, math.ceil(len(weeks) / max_labels))
    ticks = list(range(0, len(weeks), step))
    ax.set_xticks(ticks, [week_label(weeks[i]) for i in ticks])
    ax.set_xlim(-0.6, len(weeks) - 0.4)
    label = txt.WEEK_STARTING_YEARS.format(years=years_text(weeks)) if weeks else ""
    figure = ax.get_figure()
    if figure is not None and len(figure.axes) > 1:  # a narrow axes: the years on a line below
        label = label.replace(" (", "\n(", 1)
    ax.set_xlabel(label)
    ax.xaxis.label.set_color(theme.text)


def room(figure: Figure) -> tuple[float, float]:
    """The figure's width and height in points, kept within what a chart usually gets (so a
    canvas not yet laid out, tiny or huge, still gets sensible label choices)."""
    width = min(max(figure.get_figwidth(), 4.5), 7.0)
    height = min(max(figure.get_figheight(), 2.5), 3.8)
    return width * 72, height * 72


def marker_size(weeks: Sequence[dt.date]) -> float:
    """Points on a line: clear for a few weeks, small enough not to crowd a year."""
    return 4.0 if len(weeks) <= 26 else 2.5


def whole_number_axis(ax: Axes, axis: str = "y") -> None:
    """Counts never get tick labels like 2.5."""
    from matplotlib.ticker import MaxNLocator

    (ax.yaxis if axis == "y" else ax.xaxis).set_major_locator(MaxNLocator(integer=True,
                                                                          nbins=5))


def legend(ax: Axes, theme: Theme, handles: Sequence[Artist | Container], labels: Sequence[str],
           columns: int | None = None) -> None:
    """A legend in a row (or a few) just above the axes, under the chart's title, in as
    many columns as the figure's width has room for (so long names are never cut off)."""
    # A BarContainer is a handle the default legend handlers draw, but matplotlib's stubs
    # accept only Artists (or tuples of them) there.
    wanted = columns or len(labels)
    ax.legend(cast(Sequence[Artist], handles), labels, loc="lower center",
              bbox_to_anchor=(0.5, 1.01), borderaxespad=0.2,
              ncols=legend_columns(ax.get_figure(), labels, theme.sizes.legend, wanted),
              frameon=False, fontsize=theme.sizes.legend, labelcolor=theme.text,
              handlelength=1.2, columnspacing=1.2)


def legend_columns(figure: Any, labels: Sequence[str], size: float, wanted: int) -> int:
    """How many legend columns fit across the figure: an estimate from the longest label
    (about 0.55 em a character, plus the mark and the gaps, in em)."""
    if figure is None or not labels:
        return max(wanted, 1)
    room_pt = figure.get_figwidth() * 72 - 2 * PAD_PT
    column_pt = (max(len(label) for label in labels) * 0.55 + 1.2 + 1.2 + 0.8) * size
    return max(1, min(wanted, int(room_pt // column_pt)))


def span(weeks: Sequence[dt.date], period: Period | None) -> tuple[dt.date, dt.date]:
    """The dates a chart covers: the period, or its first Monday to its last Sunday (with
    neither, all dates)."""
    if period is not None:
        return period.since, period.until
    if not weeks:
        return dt.date.min, dt.date.max
    return weeks[0], weeks[-1] + dt.timedelta(days=6)


def week_hit(week: dt.date, period: Period | None, label: str,
             kind: EntryKind | None = None) -> Hit:
    """A click on one week: Monday to Sunday, kept inside the period."""
    since, until = week, week + dt.timedelta(days=6)
    if period is not None:
        since, until = max(since, period.since), min(until, period.until)
    return Hit(since, until, kind, period.person if period else "", label)


def empty_state(sheet: Sheet) -> ChartInfo:
    """The chart's friendly words, centred where the chart would be; axes hidden."""
    (ax,) = sheet.axes(empty=True)
    ax.set_facecolor(sheet.theme.axes_bg)
    ax.set_axis_off()
    ax.text(0.5, 0.5, "\n".join(textwrap.wrap(sheet.words.empty, 48)), ha="center",
            va="center", transform=ax.transAxes, color=sheet.theme.muted,
            fontsize=sheet.theme.sizes.empty, linespacing=1.4)
    return sheet.info(sheet.words.caption, empty=True)


def draw_caption(figure: Figure, theme: Theme, caption: str) -> None:
    """The caption under the chart, wrapped to the figure's width; the chart moves up."""
    size = theme.sizes.caption
    per_line = max(20, int(figure.get_figwidth() * 72 * 0.96 / (size * 0.55)))
    lines = textwrap.wrap(caption, per_line)
    height = (len(lines) * size * 1.3 + 8) / (figure.get_figheight() * 72)
    figure.text(0.015, 0.02 / figure.get_figheight(), "\n".join(lines), ha="left",
                va="bottom", color=theme.muted, fontsize=size, linespacing=1.3)
    engine = figure.get_layout_engine()
    if isinstance(engine, MarginsEngine):
        engine.set(rect=(0, height, 1, 1 - height))


def shorten(text: str, width: int) -> str:
    """One line of at most width characters, with an ellipsis when cut."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[:width - 1].rstrip() + "…"


def two_lines(text: str, width: int) -> str:
    """At most two lines of at most width characters, with an ellipsis when cut."""
    lines = textwrap.wrap(" ".join(text.split()), width) or [""]
    if len(lines) <= 2:
        return "\n".join(lines)
    return f"{lines[0]}\n{shorten(' '.join(lines[1:]), width)}"
