"""Every chart is one declaration (charts/registry.py): complete, unique, drawable on empty and
sample data, fed by its own PatternsService method, and refused at import when a piece is
missing."""

from __future__ import annotations

import dataclasses
import inspect
from importlib import import_module
from typing import get_type_hints

import pytest

from carejournal.charts import draw
from carejournal.charts.drawing import DRAWERS, drawer_of
from carejournal.charts.registry import (
    CHARTS,
    NAMES,
    SERIES_OF,
    ChartSpec,
    chart_named,
    ordered,
    pack_charts,
)
from carejournal.charts.texts import ChartTexts
from carejournal.core.domain import InvalidInput
from carejournal.core.patterns import KindsPerWeek, Streaks
from carejournal.pack.content import PackContent
from carejournal.services import patterns as patterns_service
from carejournal.services.patterns import PatternsService
from tests.charts import all_text, empty_series, figure, period_of, worker

IDS = [spec.key for spec in CHARTS]
WORDS = ChartTexts("A title", "A caption.", "Nothing yet.", "Week starting", "Count")


def test_the_charts_their_order_and_where_they_go() -> None:
    assert NAMES == ("kinds", "acts", "acts_weekly", "lens", "balance", "decisions",
                     "streaks", "plans")
    assert SERIES_OF["acts_weekly"] == "acts"
    assert {spec.key for spec in CHARTS if spec.wide} == {"streaks", "plans"}
    assert [spec.key for spec in pack_charts()] == ["decisions", "plans"]
    assert [spec.key for spec in CHARTS if spec.per_person] == ["plans"]
    assert [spec.key for spec in CHARTS if spec.needs_today] == ["streaks"]


def test_keys_are_unique_and_every_one_is_found_by_name() -> None:
    assert len(set(NAMES)) == len(NAMES) == len(CHARTS)
    assert all(chart_named(spec.key) is spec for spec in CHARTS)
    with pytest.raises(InvalidInput, match="unknown chart 'pie': choose one of " +
                       ", ".join(NAMES)):
        chart_named("pie")


@pytest.mark.parametrize("spec", CHARTS, ids=IDS)
def test_every_chart_is_declared_completely(spec: ChartSpec) -> None:
    assert all(getattr(spec.words, f.name).strip() for f in dataclasses.fields(ChartTexts))
    assert spec.series_type.__module__ == "carejournal.core.patterns"
    module, function = spec.drawer.split(".")
    assert DRAWERS[spec.key] is getattr(import_module(f"carejournal.charts.{module}"), function)


@pytest.mark.parametrize("spec", CHARTS, ids=IDS)
def test_every_chart_draws_on_empty_and_on_sample_data(spec: ChartSpec) -> None:
    period = period_of(13)
    fig = figure()
    empty = draw(spec.key, empty_series(spec.key, period), fig, period=period)
    assert empty.empty and (empty.title, empty.caption) == (spec.words.title,
                                                           spec.words.caption)
    assert " ".join(spec.words.empty.split()) in " ".join(all_text(fig))
    drawn = draw(spec.key, worker(period)[spec.series], fig, period=period)
    assert not drawn.empty and drawn.hits
    assert fig.get_suptitle() == drawn.title == spec.words.title
    assert drawn.caption.startswith(spec.words.caption)


@pytest.mark.parametrize("spec", CHARTS, ids=IDS)
def test_a_series_of_another_class_is_refused(spec: ChartSpec) -> None:
    other = Streaks({}, 0, 0) if spec.series_type is not Streaks else KindsPerWeek((), {})
    with pytest.raises(TypeError, match=f"the {spec.key} chart draws a "
                       f"{spec.series_type.__name__}"):
        draw(spec.key, other, figure())


@pytest.mark.parametrize("spec", CHARTS, ids=IDS)
def test_each_series_comes_from_its_patterns_method(spec: ChartSpec) -> None:
    method = getattr(PatternsService, spec.series)
    assert get_type_hints(method)["return"] is spec.series_type
    assert ("today" in inspect.signature(method).parameters) == spec.needs_today


def test_the_charts_draw_every_series_the_journal_gives() -> None:
    assert {spec.series for spec in CHARTS} == set(patterns_service.NAMES)


@pytest.mark.parametrize("spec", pack_charts(), ids=lambda spec: spec.key)
def test_a_pack_chart_is_drawn_from_the_pack_contents_own_series(spec: ChartSpec) -> None:
    assert get_type_hints(PackContent)[spec.series] is spec.series_type


def test_a_per_person_chart_passes_names_and_words_through_the_scrub() -> None:
    plans = worker(period_of(4))["plans"]
    (spec,) = (spec for spec in CHARTS if spec.per_person)
    assert spec.scrub_names is not None
    scrubbed = spec.scrub_names(plans, lambda text: f"<{text}>")
    assert [(g.person, g.text) for g in scrubbed.goals] == [
        (f"<{g.person}>", f"<{g.text}>") for g in plans.goals]
    assert [dataclasses.replace(g, person="", text="") for g in scrubbed.goals] == [
        dataclasses.replace(g, person="", text="") for g in plans.goals]
    assert scrubbed.threshold == plans.threshold


def test_a_declaration_missing_a_piece_is_refused() -> None:
    spec = CHARTS[0]
    with pytest.raises(ValueError, match="no words for caption"):
        ChartSpec("pie", dataclasses.replace(WORDS, caption=""), "kinds", KindsPerWeek,
                  "activity.kinds")
    with pytest.raises(ValueError, match="drawer 'kinds' is not a plain name"):
        ChartSpec("pie", WORDS, "kinds", KindsPerWeek, "kinds")
    with pytest.raises(ValueError, match="key 'Pie chart' is not a plain name"):
        ChartSpec("Pie chart", WORDS, "kinds", KindsPerWeek, "activity.kinds")
    with pytest.raises(ValueError, match="charts declared twice: kinds"):
        ordered(*CHARTS, spec)
    with pytest.raises(ValueError, match="series 'kinds' is declared as two classes"):
        ordered(spec, ChartSpec("pie", WORDS, "kinds", Streaks, "calendar.streaks"))
    with pytest.raises(ImportError, match="the pie chart's drawer activity.pie does not"):
        drawer_of(ChartSpec("pie", WORDS, "kinds", KindsPerWeek, "activity.pie"))
    with pytest.raises(ImportError):
        drawer_of(ChartSpec("pie", WORDS, "kinds", KindsPerWeek, "pies.pie"))
