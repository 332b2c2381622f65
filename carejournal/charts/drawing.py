"""draw(name, series, figure, theme): one chart onto a matplotlib Figure (Figure API only).

Each chart's drawer is the function its declaration in charts/registry.py names; they are
all imported with this module, so a drawer that is missing fails here, at import.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

from matplotlib.figure import Figure

from carejournal.charts.common import ChartInfo, Sheet, draw_caption, start
from carejournal.charts.registry import CHARTS, ChartSpec, chart_named
from carejournal.charts.theme import Theme, light_theme
from carejournal.core.patterns import Period

Drawer = Callable[[Sheet, Any], ChartInfo]


def drawer_of(spec: ChartSpec) -> Drawer:
    """The function spec.drawer names, imported now; ImportError when there is none."""
    module, function = spec.drawer.split(".")
    found = getattr(import_module(f"carejournal.charts.{module}"), function, None)
    if not callable(found):
        raise ImportError(f"the {spec.key} chart's drawer {spec.drawer} does not exist")
    drawer: Drawer = found
    return drawer


DRAWERS: dict[str, Drawer] = {spec.key: drawer_of(spec) for spec in CHARTS}


def draw(name: str, series: Any, figure: Figure, theme: Theme | None = None, *,
         period: Period | None = None, caption: bool = False) -> ChartInfo:
    """Clear figure and draw chart name from its series (see ChartSpec.series).

    period (optional) keeps click targets inside the chosen dates and gives the streaks
    calendar its first and last day; caption=True also writes the caption under the chart
    (for saved files; a window can show ChartInfo.caption itself). Unknown names raise
    InvalidInput; a series of the wrong type raises TypeError.
    """
    spec = chart_named(name)  # an unknown name: InvalidInput listing the known ones
    if not isinstance(series, spec.series_type):
        raise TypeError(f"the {name} chart draws a {spec.series_type.__name__}, "
                        f"not a {type(series).__name__}")
    theme = theme or light_theme()
    info = DRAWERS[spec.key](start(name, figure, theme, period, caption), series)
    if caption and not info.empty:
        draw_caption(figure, theme, info.caption)
    return info
