"""Colours and type sizes for the charts: Okabe-Ito hues, a light and a dark theme.

The Okabe-Ito palette stays distinguishable with the common kinds of colour blindness.
A few of its hues are too pale to read on white, so the light theme uses darker shades of
the same hues; every series colour keeps at least 3:1 contrast with its background
(WCAG 1.4.11) and text keeps at least 4.5:1. No matplotlib here: plain data.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from carejournal.core.kinds import CHART_HUES, KINDS, KindSpecError

OKABE_ITO = {
    "black": "#000000", "orange": "#E69F00", "sky": "#56B4E9", "green": "#009E73",
    "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7",
}
# the same hues, darkened just enough to keep 3:1 on white
DARKER = {"orange": "#A86E00", "purple": "#B5578C", "sky": "#2A7AB0", "green": "#007A5A"}
# The language lens's categories, one hue each, the same in the editor's marks, its panel
# and the chart: five hues apart for the common colour-vision differences, none of them red
# (a spelling mark is a red wave) and no two oranges.
LENS_HUES = {"labels": "purple", "blame": "orange", "power": "blue", "jargon": "green",
             "othering": "ink", "infantilising": "olive", "medicalising": "violet",
             "objectifying": "stone"}


@dataclass(frozen=True, slots=True)
class Sizes:
    """Font sizes in points; at 100 dpi a ~600x300 px chart stays readable."""

    title: float = 11.0
    label: float = 9.0
    ticks: float = 8.0
    legend: float = 8.0
    caption: float = 8.5
    empty: float = 10.0


@dataclass(frozen=True, slots=True)
class Theme:
    """Everything a chart needs to know about colour and type."""

    name: str
    figure_bg: str
    axes_bg: str
    text: str
    muted: str  # captions, secondary labels
    grid: str
    series: tuple[str, ...]  # general-purpose series colours, in order
    kinds: dict[str, str]  # EntryKind value -> colour
    relations: dict[str, str]  # "to" / "for" / "with" -> colour
    outcomes: dict[str, str]  # "managed" / "partly" / "not_this_time" -> colour
    strengths: str
    problems: str
    little_things: str  # acts
    neutral: str  # marks that carry no judgement, e.g. "not this time"
    heat: tuple[str, ...]  # day with no entry, then 1, 2, 3, 4+ entries
    lens: dict[str, str] = field(default_factory=dict)  # lens category -> colour
    sizes: Sizes = Sizes()

    def all_series_colours(self) -> tuple[str, ...]:
        """Every colour used to draw data (for contrast checks)."""
        return (*self.series, *self.kinds.values(), *self.relations.values(),
                *self.outcomes.values(), self.strengths, self.problems, self.little_things,
                self.neutral, *self.lens.values())


def lens_colours(hues: dict[str, str]) -> dict[str, str]:
    """Each lens category's colour, from its hue in LENS_HUES."""
    return {category: hues[hue] for category, hue in LENS_HUES.items()}


def kind_colours(hues: dict[str, str]) -> dict[str, str]:
    """Each kind of entry's colour, from the hue core/kinds.py declares for it; a theme must
    give every hue a kind may declare (the theme tests build every theme)."""
    missing = [hue for hue in CHART_HUES if hue not in hues]
    if missing:
        raise KindSpecError(f"a chart theme has no colour for {', '.join(missing)}")
    return {spec.key: hues[spec.chart_hue] for spec in KINDS}


def light_theme() -> Theme:
    """Dark ink on white."""
    blue, orange, green = OKABE_ITO["blue"], DARKER["orange"], OKABE_ITO["green"]
    purple, vermillion, grey = DARKER["purple"], OKABE_ITO["vermillion"], "#6E6E6E"
    return Theme(
        name="light", figure_bg="#FFFFFF", axes_bg="#FFFFFF", text="#1F1F1F",
        muted="#4A4A4A", grid="#DCDCDC",
        series=(blue, orange, green, purple, vermillion, grey),
        kinds=kind_colours({"blue": blue, "orange": orange, "purple": purple, "green": green,
                            "vermillion": vermillion}),
        relations={"to": purple, "for": orange, "with": blue},
        outcomes={"managed": green, "partly": orange, "not_this_time": grey},
        strengths=green, problems=vermillion, little_things=orange, neutral=grey,
        heat=("#ECEEF1", "#B9D7EE", "#6BAED6", "#2171B5", "#08306B"),
        lens=lens_colours({"purple": purple, "orange": orange, "blue": blue,
                           "green": DARKER["green"], "ink": "#3A3A3A", "olive": "#5A7A00",
                           "violet": "#6A3D9A", "stone": "#6F6259"}),
    )


def dark_theme() -> Theme:
    """Light ink on a dark grey that is easy on the eyes at night."""
    sky, orange, green = OKABE_ITO["sky"], OKABE_ITO["orange"], OKABE_ITO["green"]
    purple, vermillion, grey = OKABE_ITO["purple"], OKABE_ITO["vermillion"], "#A0A0A0"
    return Theme(
        name="dark", figure_bg="#1E1F22", axes_bg="#1E1F22", text="#E8E8E8",
        muted="#B8B8B8", grid="#3A3C42",
        series=(sky, orange, green, purple, vermillion, grey, OKABE_ITO["yellow"]),
        kinds=kind_colours({"blue": sky, "orange": orange, "purple": purple, "green": green,
                            "vermillion": vermillion}),
        relations={"to": purple, "for": orange, "with": sky},
        outcomes={"managed": green, "partly": orange, "not_this_time": grey},
        strengths=green, problems=vermillion, little_things=orange, neutral=grey,
        heat=("#2C2E33", "#1D4E75", "#2F7DB8", "#56B4E9", "#BDE3F8"),
        lens=lens_colours({"purple": purple, "orange": orange, "blue": sky, "green": green,
                           "ink": "#D8D8D8", "olive": "#A8CC4A", "violet": "#B79CE8",
                           "stone": "#BDB1A6"}),
    )


def theme_named(name: str) -> Theme:
    """light_theme() or dark_theme() by name ("dark" or anything else for light)."""
    return dark_theme() if name == "dark" else light_theme()


def luminance(colour: str) -> float:
    """Relative luminance of a #RRGGBB colour (WCAG 2)."""
    channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio between two #RRGGBB colours, from 1 to 21."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def heat_level(count: int, theme: Theme) -> str:
    """The shade for a day with this many entries."""
    return theme.heat[min(max(count, 0), len(theme.heat) - 1)]
