"""The one place the UI calls the charts package and matplotlib, both imported on first use.

Nothing here imports matplotlib at module level: the main window imports the Patterns
controller at start-up, and start-up must not load matplotlib (tests/test_architecture.py).
Which charts there are, and how each is laid out, comes from the charts' declarations
(charts/registry.py, plain data).
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from carejournal.charts.hits import Hit as ChartHit  # plain data: no matplotlib
from carejournal.charts.registry import CHARTS, ChartSpec, chart_named  # no matplotlib
from carejournal.core.patterns import Period


@dataclass(frozen=True, slots=True)
class Drawn:
    """What drawing one chart told us: its words, whether it had data, and its click map."""

    title: str
    caption: str
    empty: bool
    info: Any  # the charts package's ChartInfo, handed back to it for clicks


def warm_up() -> None:
    """Import matplotlib, its Qt canvas and the charts; imports only, so safe in a thread."""
    import matplotlib.figure  # noqa: F401
    from matplotlib.backends import backend_qtagg  # noqa: F401

    import carejournal.charts.drawing
    import carejournal.charts.export
    import carejournal.charts.text_cache  # noqa: F401

    _freeze_long_lived()


@cache
def _freeze_long_lived() -> None:
    """Leave what is alive now (Qt, SQLAlchemy, matplotlib: some 200,000 objects, nearly
    all for the life of the app) out of Python's full garbage collections.

    Charts make and drop many objects, so full collections come often while drawing, and
    each one walked every object of the app: 120–170 ms, landing in the middle of a period
    switch. Objects made from now on are still collected as usual.
    """
    gc.freeze()


def _charts() -> Any:
    import carejournal.charts

    return carejournal.charts


def charts() -> tuple[ChartSpec, ...]:
    """Every chart's declaration, in the order the view shows them."""
    return CHARTS


def chart_names() -> tuple[str, ...]:
    """The charts' keys, in the order the view shows them."""
    return tuple(spec.key for spec in CHARTS)


def series_of(name: str, series: dict[str, Any]) -> object:
    """The series a chart draws, from `journal.patterns.all()` (two charts may share one)."""
    return series[chart_named(name).series]


def theme_for(dark: bool) -> Any:
    """The charts' dark or light theme."""
    charts = _charts()
    return charts.dark_theme() if dark else charts.light_theme()


@cache
def _canvas_class() -> type:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

    from carejournal.charts.text_cache import fast_renderer_class

    fast_renderer = fast_renderer_class()
    _freeze_long_lived()  # opened without the warm-up: matplotlib was imported just now

    class ChartCanvas(FigureCanvasQTAgg):
        """A Qt canvas that renders only when it is painted, so hidden charts cost nothing."""

        def __init__(self, on_painted: Callable[[], None] | None = None) -> None:
            super().__init__(Figure())
            self.stale = True
            self.on_painted = on_painted

        def mark_stale(self) -> None:
            """The figure changed: render it the next time it is on screen."""
            self.stale = True
            self.update()

        def draw_idle(self, *args: Any, **kwargs: Any) -> None:
            """matplotlib asks for a render (e.g. after every resize): only mark the figure
            changed, so it is rendered once, when next painted, not once per resize too."""
            self.mark_stale()

        def get_renderer(self) -> Any:
            """matplotlib's Agg renderer, drawing text from a cache (same pixels, faster)."""
            w, h = self.get_width_height(physical=True)
            key = w, h, self.figure.dpi
            if self._lastKey != key:
                self.renderer = fast_renderer(w, h, self.figure.dpi)
                # matplotlib's backend_agg has no stubs; its `_lastKey = None` makes the
                # attribute None to the checker, though it draws with a key like this one
                self._lastKey = key  # type: ignore[assignment]
            return self.renderer

        def render_now(self) -> None:
            """Render the figure now if it changed (for saving pictures and timing)."""
            if self.stale:
                self.stale = False
                self.draw()

        def paintEvent(self, event: Any) -> None:
            rendered = self.stale and self.width() > 0 and self.height() > 0
            if rendered:
                self.stale = False
                self.draw()
            super().paintEvent(event)
            if rendered and self.on_painted is not None:
                self.on_painted()

    return ChartCanvas


def make_canvas(on_painted: Callable[[], None] | None = None) -> QWidget:
    """A new, empty chart canvas (a FigureCanvasQTAgg); on_painted is called each time it
    has rendered a changed figure onto the screen."""
    return _canvas_class()(on_painted)


def draw(name: str, series: object, canvas: QWidget, theme: Any, period: Period) -> Drawn:
    """Draw one chart on the canvas's figure, replacing what was there; its title is drawn
    on the figure, its caption is left to the window."""
    figure = canvas.figure  # type: ignore[attr-defined]
    info = _charts().draw(name, series, figure, theme, period=period)
    canvas.mark_stale()  # type: ignore[attr-defined]
    return Drawn(str(info.title), str(info.caption), bool(info.empty), info)


def mark_stale(canvas: QWidget) -> None:
    """Render the canvas's figure again the next time it is on screen."""
    canvas.mark_stale()  # type: ignore[attr-defined]  # a ChartCanvas, made on first use


def connect_clicks(canvas: QWidget, drawn: Callable[[], Drawn | None],
                   clicked: Callable[[ChartHit], None]) -> None:
    """Call clicked with what a click on a bar or a day points at (once per click)."""
    last: list[object] = [None]

    def picked(event: Any) -> None:
        if event.mouseevent is last[0]:
            return  # one click can pick several overlapping artists; the first one wins
        hit = hit_for(drawn(), event.artist, getattr(event, "ind", None))
        if hit is not None:
            last[0] = event.mouseevent
            clicked(hit)

    canvas.mpl_connect("pick_event", picked)  # type: ignore[attr-defined]


def hit_for(drawn: Drawn | None, artist: object, ind: Any = None) -> ChartHit | None:
    """The entries behind a picked artist (and index within it), if it stands for any."""
    if drawn is None or drawn.empty:
        return None
    index = int(ind[0]) if ind is not None and len(ind) else 0
    hit = _charts().hit_for(drawn.info, artist, index)
    if hit is None:
        return None
    return hit


def save(name: str, series: object, path: Path, theme: Any, period: Period) -> None:
    """Write one chart with its caption as PNG or SVG (by the file's suffix), without Qt."""
    _charts().save(name, series, path, theme, period=period)
