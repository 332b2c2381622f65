"""A fast layout for the charts: margins measured from the labels, set with subplots_adjust.

matplotlib's constrained layout measures every artist of every axes twice per draw (every
bar of a year of stacked weeks included) and took a third to a half of each chart's render.
Our charts are one row of axes with a title above; this engine measures only what can reach
past an axes (its axis labels, ticks, legend, title and notes), once per draw, and sets the
margins in one subplots_adjust call, so labels are never clipped.
"""

from __future__ import annotations

import itertools
from typing import Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.layout_engine import LayoutEngine
from matplotlib.transforms import Bbox

PAD = 4 / 72  # inches around the chart and between its parts, as the old layout had
FIRST_GUESS = {"left": 0.1, "right": 0.95, "bottom": 0.15, "top": 0.8, "wspace": 0.3}


class MarginsEngine(LayoutEngine):
    """Lays out one row of subplots under the figure's title, inside rect (figure fractions)."""

    _adjust_compatible = True
    _colorbar_gridspec = False

    def __init__(self, *, rect: tuple[float, float, float, float] = (0, 0, 1, 1),
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._params = {"rect": rect}

    def set(self, *, rect: tuple[float, float, float, float] | None = None) -> None:
        """Change the rectangle (left, bottom, width, height) the chart is laid out in."""
        if rect is not None:
            self._params["rect"] = rect

    def execute(self, fig: Figure) -> None:
        """Measure what sticks out of each axes and make room for it, from the same first
        guess every time (so a chart looks the same however it was drawn before)."""
        axes = [ax for ax in fig.axes if ax.get_visible() and ax.get_subplotspec()]
        if not axes:
            return
        fig.subplots_adjust(**FIRST_GUESS)
        self._adjust(fig, axes)

    def _adjust(self, fig: Figure, axes: list[Axes]) -> None:
        # What every layout engine uses; private, so matplotlib's stubs leave it out.
        renderer = fig._get_renderer()  # type: ignore[attr-defined]
        width, height = fig.bbox.width, fig.bbox.height
        pad = PAD * fig.dpi
        x0, y0, w, h = self._params["rect"]
        left_edge, right_edge = x0 * width + pad, (x0 + w) * width - pad
        bottom_edge, top_edge = y0 * height + pad, (y0 + h) * height - pad
        title = getattr(fig, "_suptitle", None)
        if title is not None and title.get_visible() and title.get_text():
            top_edge = min(top_edge, title.get_window_extent(renderer).y0 - pad)
        alone = len(axes) == 1
        sticking = [_sticking_out(ax, renderer, legend_across=not alone) for ax in axes]
        left = left_edge + sticking[0][0]
        right = right_edge - sticking[-1][1]
        if alone:
            left, right = _centre_legend(axes[0], renderer, left, right, left_edge, right_edge)
        bottom = bottom_edge + max(s[2] for s in sticking)
        top = top_edge - max(s[3] for s in sticking)
        gap = max((a[1] + b[0] + pad for a, b in itertools.pairwise(sticking)), default=0.0)
        count = len(axes)
        right = max(right, left + 10 * count + gap * (count - 1))
        top = max(top, bottom + 10)
        average = (right - left - gap * (count - 1)) / count
        fig.subplots_adjust(left=left / width, right=right / width, bottom=bottom / height,
                            top=top / height, wspace=gap / average if count > 1 else 0.0)


def _sticking_out(ax: Axes, renderer: Any,
                  legend_across: bool) -> tuple[float, float, float, float]:
    """How far (pixels) the axes' labels, legend and notes reach left, right, down, up
    (the legend's reach sideways only if legend_across: it depends on the axes' width)."""
    ax.apply_aspect()
    legend = ax.get_legend()
    tight = ax.get_tightbbox(renderer, for_layout_only=True,
                             bbox_extra_artists=[*ax.texts, *([legend] if legend_across
                                                              and legend else [])])
    box: Bbox = ax.bbox
    if tight is None:
        return 0.0, 0.0, 0.0, 0.0
    up = tight.y1
    if legend is not None and not legend_across:
        up = max(up, legend.get_window_extent(renderer).y1)
    return (max(box.x0 - tight.x0, 0.0), max(tight.x1 - box.x1, 0.0),
            max(box.y0 - tight.y0, 0.0), max(up - box.y1, 0.0))


def _centre_legend(ax: Axes, renderer: Any, left: float, right: float, left_edge: float,
                   right_edge: float) -> tuple[float, float]:
    """Narrow the axes (left..right) where the legend centred above it would reach past
    the edges."""
    legend = ax.get_legend()
    if legend is None:
        return left, right
    half = legend.get_window_extent(renderer).width / 2
    centre = (left + right) / 2
    if centre - half < left_edge:
        left = min(left + 2 * (left_edge + half - centre), right - 10)
    elif centre + half > right_edge:
        right = max(right - 2 * (centre + half - right_edge), left + 10)
    return left, right
