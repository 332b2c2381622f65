"""Every chart, declared once: a ChartSpec each, in CHARTS, in the order they are shown.

The drawing dispatch (charts/drawing.py), saving (charts/export.py), the Patterns view
(ui/patterns), the command line's `chart` command and the supervision pack all read CHARTS;
none keeps a list of its own. No matplotlib here, so the command line can build its grammar
and the window can open without it: a chart's drawer is named "module.function" (a module
of this package) and imported by charts/drawing.py, whose import fails if one is missing.
A declaration missing a piece fails here, at import. Adding a chart: docs/ARCHITECTURE.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from typing import Any

from carejournal.charts.texts import ChartTexts
from carejournal.core.domain import InvalidInput
from carejournal.core.patterns import (
    ActsSeries,
    BalancePerWeek,
    DecisionsSeries,
    KindsPerWeek,
    LensPerWeek,
    PlansSeries,
    Streaks,
)

Scrub = Callable[[str], str]  # the pack's identity protection of one text
SeriesScrub = Callable[[Any, Scrub], Any]  # a series -> the same with its names protected
_KEY = re.compile(r"[a-z][a-z_]*\Z")
_DRAWER = re.compile(r"[a-z][a-z_]*\.[a-z][a-z_]*\Z")


@dataclass(frozen=True, slots=True)
class ChartSpec:
    """One chart, as every place that draws, saves, lists or packs it needs it.

    key: its name: the command line's NAME, the window's card, the saved file's name.
    words: its title, caption, empty-state words and axis labels.
    series: the series it draws: a key of `journal.patterns.all()`, and the name of the
        PatternsService method giving that series alone (two charts may share a series).
    series_type: the core/patterns.py class of that series (drawing checks it).
    drawer: "module.function" of this package: function(Sheet, series) -> ChartInfo.
    needs_today: the series method also takes today (streaks: a run up to today).
    wide: the Patterns view gives the chart a whole row.
    in_pack: the supervision pack includes it (in CHARTS' order), from PackContent.<series>.
    scrub_names: for a per-person chart, whose labels name people and their words (plans:
        "Sam: cook a meal"): the series with those passed through the pack's identity
        protection. None: no label names anyone.
    """

    key: str
    words: ChartTexts
    series: str
    series_type: type
    drawer: str
    needs_today: bool = False
    wide: bool = False
    in_pack: bool = False
    scrub_names: SeriesScrub | None = None

    def __post_init__(self) -> None:
        for name, text, pattern in (("key", self.key, _KEY), ("series", self.series, _KEY),
                                    ("drawer", self.drawer, _DRAWER)):
            if not pattern.match(text):
                raise ValueError(f"chart {self.key!r}: {name} {text!r} is not a plain name")
        missing = [f.name for f in fields(self.words) if not getattr(self.words, f.name)]
        if missing:
            raise ValueError(f"chart {self.key!r}: no words for {', '.join(missing)}")
        if not isinstance(self.series_type, type):
            raise ValueError(f"chart {self.key!r}: series_type must be a class")

    @property
    def per_person(self) -> bool:
        """Whether its labels name people (their names are protected in a pack)."""
        return self.scrub_names is not None


def _scrub_plans(series: PlansSeries, scrub: Scrub) -> PlansSeries:
    """Each goal's person and words passed through the pack's identity protection."""
    return replace(series, goals=tuple(replace(goal, person=scrub(goal.person),
                                               text=scrub(goal.text))
                                       for goal in series.goals))


def ordered(*specs: ChartSpec) -> tuple[ChartSpec, ...]:
    """The charts in this order; a key declared twice, or one series declared with two
    different classes, is refused (ValueError)."""
    keys = [spec.key for spec in specs]
    twice = sorted({key for key in keys if keys.count(key) > 1})
    if twice:
        raise ValueError(f"charts declared twice: {', '.join(twice)}")
    types: dict[str, type] = {}
    for spec in specs:
        if types.setdefault(spec.series, spec.series_type) is not spec.series_type:
            raise ValueError(f"series {spec.series!r} is declared as two classes")
    return specs


CHARTS = ordered(
    ChartSpec("kinds", ChartTexts(
        "Entries per week",
        "How many entries you wrote each week, by kind.",
        "No entries in this period yet. When you write one, it will show up here.",
        "Week starting", "Entries"),
        series="kinds", series_type=KindsPerWeek, drawer="activity.kinds"),
    ChartSpec("acts", ChartTexts(
        "Little things, by act",
        "The little things you recorded in this period, the most frequent at the top.",
        "No little things recorded in this period yet.",
        "Times recorded", "Little thing"),
        series="acts", series_type=ActsSeries, drawer="activity.acts"),
    ChartSpec("acts_weekly", ChartTexts(
        "Little things per week",
        "How many little things you recorded each week.",
        "No little things recorded in this period yet.",
        "Week starting", "Little things"),
        series="acts", series_type=ActsSeries, drawer="activity.acts_weekly"),
    ChartSpec("lens", ChartTexts(
        "What the language lens noticed",
        "Wordings the lens noticed, per 1,000 words you wrote each week. "
        "It is a prompt to look again, not a score.",
        "No words written in this period yet, so there is nothing for the lens to read.",
        "Week starting", "Per 1,000 words"),
        series="lens", series_type=LensPerWeek, drawer="language.lens"),
    ChartSpec("balance", ChartTexts(
        "Strengths and problems in your words",
        "Words about strengths (above the line) and about problems (below it) each week.",
        "No strength or problem words found in this period yet.",
        "Week starting", "Words"),
        series="balance", series_type=BalancePerWeek, drawer="language.balance"),
    ChartSpec("decisions", ChartTexts(
        "Decisions on the ladder of co-production",
        "Left: decisions by rung, bottom rung at the bottom, coloured by whether they were "
        "made to, for or with the person. Right: each week's share made with them.",
        "No decisions recorded in this period yet.",
        "Decisions", "Rung"),
        series="decisions", series_type=DecisionsSeries, drawer="decisions.decisions",
        in_pack=True),
    ChartSpec("streaks", ChartTexts(
        "Days with entries",
        "Each square is a day; the stronger its colour, the more entries (see the key).",
        "No entries in this period yet. Any day is a good day to start.",
        "Week starting", "Day"),
        series="streaks", series_type=Streaks, drawer="calendar.streaks", needs_today=True,
        wide=True),  # a year of days
    ChartSpec("plans", ChartTexts(
        "Attempts at goals",
        "Attempts at each goal in this period, by how they went.",
        "No attempts at goals recorded in this period yet.",
        "Attempts", "Goal"),
        series="plans", series_type=PlansSeries, drawer="plans.plans", wide=True,
        in_pack=True, scrub_names=_scrub_plans),  # wide: goals in their own words
)
NAMES = tuple(spec.key for spec in CHARTS)  # the charts' keys, in order
SERIES_OF = {spec.key: spec.series for spec in CHARTS}  # chart key -> series key
_BY_KEY = {spec.key: spec for spec in CHARTS}


def chart_named(name: str) -> ChartSpec:
    """The chart with this key; an unknown one is InvalidInput listing the known ones."""
    try:
        return _BY_KEY[name]
    except KeyError:
        raise InvalidInput(f"unknown chart '{name}': choose one of {', '.join(NAMES)}") from None


def pack_charts() -> tuple[ChartSpec, ...]:
    """The charts the supervision pack includes, in order."""
    return tuple(spec for spec in CHARTS if spec.in_pack)
