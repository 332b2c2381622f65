"""draw(name, series, figure, theme): one chart onto a matplotlib Figure (Figure API only)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from matplotlib.figure import Figure

from carejournal.charts import activity, calendar, decisions, language, plans
from carejournal.charts.common import ChartInfo, Sheet, draw_caption, start
from carejournal.charts.texts import texts
from carejournal.charts.theme import Theme, light_theme
from carejournal.core.patterns import (
    ActsSeries,
    BalancePerWeek,
    DecisionsSeries,
    KindsPerWeek,
    LensPerWeek,
    Period,
    PlansSeries,
    Streaks,
)

DRAWERS: dict[str, tuple[type, Callable[[Sheet, Any], ChartInfo]]] = {
    "kinds": (KindsPerWeek, activity.kinds),
    "acts": (ActsSeries, activity.acts),
    "acts_weekly": (ActsSeries, activity.acts_weekly),
    "lens": (LensPerWeek, language.lens),
    "balance": (BalancePerWeek, language.balance),
    "decisions": (DecisionsSeries, decisions.decisions),
    "streaks": (Streaks, calendar.streaks),
    "plans": (PlansSeries, plans.plans),
}


def draw(name: str, series: Any, figure: Figure, theme: Theme | None = None, *,
         period: Period | None = None, caption: bool = False) -> ChartInfo:
    """Clear figure and draw chart name from its series (see texts.SERIES_OF).

    period (optional) keeps click targets inside the chosen dates and gives the streaks
    calendar its first and last day; caption=True also writes the caption under the chart
    (for saved files; a window can show ChartInfo.caption itself). Unknown names raise
    InvalidInput; a series of the wrong type raises TypeError.
    """
    texts(name)  # an unknown name: InvalidInput listing the known ones
    expected, drawer = DRAWERS[name]
    if not isinstance(series, expected):
        raise TypeError(f"the {name} chart draws a {expected.__name__}, "
                        f"not a {type(series).__name__}")
    theme = theme or light_theme()
    info = drawer(start(name, figure, theme, period, caption), series)
    if caption and not info.empty:
        draw_caption(figure, theme, info.caption)
    return info
