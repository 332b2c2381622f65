"""Colour-blind-safe colours that keep their contrast in a light and a dark theme."""

from __future__ import annotations

import pytest
from matplotlib.colors import to_hex
from matplotlib.text import Text

from carejournal.charts import NAMES, SERIES_OF, dark_theme, draw, light_theme, theme_named
from carejournal.charts.theme import OKABE_ITO, Theme, contrast, heat_level, luminance
from carejournal.core.kinds import KINDS
from tests.charts import figure, period_of, worker

THEMES = [light_theme(), dark_theme()]


def test_contrast_matches_the_wcag_reference_values() -> None:
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    assert contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)
    assert contrast("#E69F00", "#FFFFFF") < 3  # why the light theme darkens orange


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_every_series_colour_keeps_3_to_1_against_the_background(theme: Theme) -> None:
    for colour in theme.all_series_colours():
        assert contrast(colour, theme.axes_bg) >= 3, colour
        assert contrast(colour, theme.figure_bg) >= 3, colour


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_text_keeps_4_5_to_1_and_grid_lines_stay_quiet(theme: Theme) -> None:
    assert contrast(theme.text, theme.figure_bg) >= 4.5
    assert contrast(theme.muted, theme.figure_bg) >= 4.5
    assert contrast(theme.grid, theme.axes_bg) < 2  # a hint, not a line to read


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_series_colours_are_distinct_and_from_the_okabe_ito_hues(theme: Theme) -> None:
    assert len(set(theme.series)) == len(theme.series) >= 6
    assert len(set(theme.kinds.values())) == len(KINDS) and len(set(theme.relations.values())) == 3
    assert len(set(theme.outcomes.values())) == 3
    okabe = set(OKABE_ITO.values()) | {"#A86E00", "#B5578C", "#2A7AB0"}  # darker shades
    assert set(theme.kinds.values()) <= okabe


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_heat_shades_step_away_from_the_background(theme: Theme) -> None:
    distances = [abs(luminance(shade) - luminance(theme.axes_bg)) for shade in theme.heat]
    assert distances == sorted(distances) and len(set(distances)) == len(distances)
    assert heat_level(0, theme) == theme.heat[0] and heat_level(40, theme) == theme.heat[-1]


def test_the_dark_theme_differs_everywhere_it_matters() -> None:
    light, dark = light_theme(), dark_theme()
    assert luminance(dark.figure_bg) < 0.05 < 0.9 < luminance(light.figure_bg)
    assert dark.text != light.text and dark.kinds["interaction"] != light.kinds["interaction"]
    assert theme_named("dark") == dark and theme_named("light") == light


@pytest.mark.parametrize("name", NAMES)
def test_a_drawn_chart_uses_the_themes_background_and_text(name: str) -> None:
    period = period_of(13)
    for theme in THEMES:
        fig = figure()
        draw(name, worker(period)[SERIES_OF[name]], fig, theme, period=period)
        assert to_hex(fig.get_facecolor()).upper() == theme.figure_bg.upper()
        titles = [t for t in fig.findobj(Text) if t.get_text() == fig.get_suptitle()]
        assert titles and to_hex(titles[0].get_color()).upper() == theme.text.upper()
        for ax in fig.axes:
            assert to_hex(ax.get_facecolor()).upper() == theme.axes_bg.upper()
            ticks = [t for t in ax.get_xticklabels() + ax.get_yticklabels() if t.get_text()]
            assert all(to_hex(t.get_color()).upper() == theme.text.upper() for t in ticks)
