"""Every chart fits a Patterns card on a small laptop: at 1024x600 the window shows two
columns of cards about 440–500 px wide; no label, legend or note is cut off."""

from __future__ import annotations

import pytest

from carejournal.charts import draw
from carejournal.charts.registry import CHARTS
from carejournal.charts.theme import dark_theme, light_theme
from tests.charts import clipped, figure, period_of, worker


@pytest.mark.parametrize("width", [4.4, 5.0, 6.0])
@pytest.mark.parametrize("key", [spec.key for spec in CHARTS])
def test_nothing_is_cut_off_in_a_narrow_card(key: str, width: float) -> None:
    period = period_of(12)
    series = worker(period)
    spec = next(s for s in CHARTS if s.key == key)
    for theme in (light_theme(), dark_theme()):
        fig = figure(width * (2 if spec.wide else 1), 3.0)
        draw(key, series[spec.series], fig, theme, period=period)
        assert not clipped(fig), f"{key} at {width} in is cut off"


def test_the_lens_legend_wraps_into_rows_when_names_are_long() -> None:
    period = period_of(12)
    fig = figure(4.4, 3.0)
    draw("lens", worker(period)["lens"], fig, period=period)
    [legend] = [ax.get_legend() for ax in fig.axes if ax.get_legend() is not None]
    assert legend._ncols < len(legend.get_texts()), "long category names take rows"
