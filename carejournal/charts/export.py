"""save(name, series, path, theme): one chart to a PNG or SVG file, drawn with Agg (no Qt).

The file is written through carejournal/durable.py: whole or not at all, and owner-only
(0600), like every file the app writes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from carejournal import durable
from carejournal.charts.common import ChartInfo
from carejournal.charts.drawing import draw
from carejournal.charts.theme import Theme, light_theme
from carejournal.core.domain import InvalidInput
from carejournal.core.patterns import Period

FORMATS = {".png": "png", ".svg": "svg"}
SIZE = (6.4, 3.6)  # inches: the proportions of a chart in the window, plus its caption
DPI = 150  # PNG pixels per inch: 960x540, crisp when zoomed


def chart_format(path: Path) -> str:
    """"png" or "svg" from the file name; anything else is refused in plain words."""
    found = FORMATS.get(path.suffix.lower())
    if found is None:
        raise InvalidInput(f"cannot save a chart as '{path.name}': "
                           "the file name must end in .png or .svg")
    return found


def save(name: str, series: Any, path: Path | str, theme: Theme | None = None, *,
         period: Period | None = None, size: tuple[float, float] = SIZE,
         dpi: float = DPI) -> ChartInfo:
    """Draw chart name (with its caption) and write it to path; OSError if it cannot."""
    path = Path(path)
    fmt = chart_format(path)
    theme = theme or light_theme()
    figure = Figure(figsize=size, dpi=100)
    FigureCanvasAgg(figure)
    info = draw(name, series, figure, theme, period=period, caption=True)
    metadata: dict[str, str | None] = {"Title": info.title, "Description": info.caption}
    if fmt == "svg":
        metadata["Date"] = None  # the same chart gives the same file
    # SVG keeps its words as text: selectable, searchable and read out by screen readers
    with rc_context({"svg.fonttype": "none"}), durable.writing(path) as handle:
        figure.savefig(handle, format=fmt, dpi=dpi, facecolor=theme.figure_bg,
                       metadata=metadata)
    return info


def png_bytes(name: str, series: Any, theme: Theme | None = None, *,
              period: Period | None = None, size: tuple[float, float] = SIZE,
              dpi: float = DPI) -> tuple[bytes, ChartInfo]:
    """Draw chart name with its caption as PNG bytes (for a document), and its info."""
    import io

    theme = theme or light_theme()
    figure = Figure(figsize=size, dpi=100)
    FigureCanvasAgg(figure)
    info = draw(name, series, figure, theme, period=period, caption=True)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, facecolor=theme.figure_bg,
                   metadata={"Title": info.title, "Description": info.caption})
    return buffer.getvalue(), info
