"""Charts of practice over time, drawn with matplotlib's Figure API (never Qt, never pyplot).

    from carejournal.charts import CHARTS, draw, pick, save, dark_theme
    info = draw("kinds", journal.patterns.kinds(period), figure, dark_theme(), period=period)
    canvas.mpl_connect("pick_event", lambda event: show(pick(info, event)))

Every chart is declared once, as a ChartSpec in CHARTS (charts/registry.py): its key, words,
series, drawer and where it is shown. Importing this package does not load matplotlib: the
names below are looked up lazily, and `carejournal.charts.registry` / `.texts` / `.theme`
never import it (the command line builds its grammar from CHARTS without paying for it).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from carejournal.charts.common import ChartInfo, hit_for, pick
    from carejournal.charts.drawing import draw
    from carejournal.charts.export import png_bytes, save
    from carejournal.charts.hits import Hit
    from carejournal.charts.registry import (
        CHARTS,
        NAMES,
        SERIES_OF,
        ChartSpec,
        chart_named,
        pack_charts,
    )
    from carejournal.charts.theme import Theme, dark_theme, light_theme, theme_named

_WHERE = {
    "ChartInfo": "common", "Hit": "hits", "hit_for": "common", "pick": "common",
    "draw": "drawing", "save": "export", "png_bytes": "export", "NAMES": "registry",
    "SERIES_OF": "registry", "CHARTS": "registry", "ChartSpec": "registry",
    "chart_named": "registry", "pack_charts": "registry",
    "Theme": "theme", "dark_theme": "theme", "light_theme": "theme", "theme_named": "theme",
}
__all__ = ["CHARTS", "NAMES", "SERIES_OF", "ChartInfo", "ChartSpec", "Hit", "Theme",
           "chart_named", "dark_theme", "draw", "hit_for", "light_theme", "pack_charts", "pick",
           "png_bytes", "save", "theme_named"]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'carejournal.charts' has no attribute '{name}'")
    return getattr(import_module(f"carejournal.charts.{_WHERE[name]}"), name)
