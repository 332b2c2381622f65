"""Drawing again on the same figure (as the window does on every period switch) must look
exactly like drawing on a new figure, and keep clicks working."""

from __future__ import annotations

import numpy as np
import pytest

from carejournal.charts import NAMES, SERIES_OF, dark_theme, draw, light_theme
from carejournal.core.domain import EntryKind
from tests.charts import click, empty_series, figure, period_of, worker


def pixels(fig: object) -> np.ndarray:
    fig.canvas.draw()  # type: ignore[attr-defined]
    return np.asarray(fig.canvas.buffer_rgba()).copy()  # type: ignore[attr-defined]


def series(name: str, weeks: int, seed: int = 3) -> tuple[object, object]:
    period = period_of(weeks)
    return worker(period, seed)[SERIES_OF.get(name, name)], period


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("before", [("year",), ("months", "empty", "year")])
def test_a_chart_redrawn_on_its_figure_looks_as_on_a_new_figure(name: str,
                                                                 before: tuple[str, ...]) -> None:
    reused = figure()
    for step in before:
        if step == "empty":
            draw(name, empty_series(name, period_of(4)), reused, period=period_of(4))
        else:
            drawn, drawn_period = series(name, 53 if step == "year" else 13, seed=5)
            draw(name, drawn, reused, dark_theme(), period=drawn_period)
        reused.canvas.draw()
    axes = list(reused.axes)
    months, period = series(name, 13)
    draw(name, months, reused, light_theme(), period=period)
    assert reused.axes == axes, "the same chart again keeps its axes"
    fresh = figure()
    draw(name, months, fresh, light_theme(), period=period)
    assert np.array_equal(pixels(reused), pixels(fresh))


def test_a_redrawn_chart_keeps_its_axes_and_answers_clicks() -> None:
    fig = figure()
    draw("kinds", *series("kinds", 53)[:1], fig, period=period_of(53))
    first = fig.axes[0]
    months, period = series("kinds", 13)
    info = draw("kinds", months, fig, period=period)
    assert fig.axes == [first]
    bottom = months.counts[EntryKind.INTERACTION][2]  # type: ignore[attr-defined]
    (hit,) = click(fig, info, first, 2, bottom / 2)
    assert hit.kind is EntryKind.INTERACTION and hit.since == period.weeks()[2]


def test_another_chart_on_the_figure_gets_new_axes() -> None:
    fig = figure()
    period = period_of(4)
    draw("kinds", worker(period)["kinds"], fig, period=period)
    draw("decisions", worker(period)["decisions"], fig, period=period)
    assert len(fig.axes) == 2
    draw("kinds", worker(period)["kinds"], fig, period=period)
    assert len(fig.axes) == 1
