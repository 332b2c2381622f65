"""The kinds of entry, each declared once in core/kinds.py: every declared kind has every
piece, the registry refuses an incomplete declaration, and the layers read it."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from carejournal.core.domain import Entry, EntryKind
from carejournal.core.kinds import (
    CHART_HUES,
    KINDS,
    KindSpec,
    KindSpecError,
    Part,
    Prompts,
    Series,
    can_be_mirrored,
    capture_kinds,
    check_parts,
    check_table,
    declare,
    kind_list,
    kind_opened_by,
    kinds_counted_in,
    mirror_kind,
    spec_of,
    spec_problems,
)
from carejournal.core.patterns import kinds_series
from carejournal.core.templates import template_for

DAY = dt.date(2026, 11, 16)


def _with(kind: EntryKind, **changes: object) -> tuple[KindSpec, ...]:
    """The real declarations, with one of them changed."""
    return tuple(dataclasses.replace(s, **changes) if s.kind is kind else s for s in KINDS)


# -- every declared kind has every piece ---------------------------------------------------
def test_every_entry_kind_is_declared_once_in_its_order() -> None:
    assert tuple(s.kind for s in KINDS) == tuple(EntryKind)
    assert [s.key for s in KINDS] == ["interaction", "kindness", "fallibility", "reflection"]


@pytest.mark.parametrize("spec", KINDS, ids=lambda s: s.key)
def test_every_declared_kind_is_complete(spec: KindSpec) -> None:
    assert spec_problems(spec) == []
    assert spec_of(spec.kind) is spec
    assert spec.label.strip() and spec.new_label.strip() and spec.description.strip()
    assert spec.parts[0] in Part and Part.TEXT in spec.parts and Part.LINKS in spec.parts
    assert spec.chart_hue in CHART_HUES
    assert Series.PER_WEEK in spec.counted_in


@pytest.mark.parametrize("spec", KINDS, ids=lambda s: s.key)
def test_every_declared_kind_has_its_template_or_its_own_question(spec: KindSpec) -> None:
    template = template_for(spec.key, "")
    assert (template is None) == (spec.prompts is Prompts.NONE)
    assert bool(spec.body_question) == (template is None)
    if template is not None:
        assert template.body_question


@pytest.mark.parametrize("spec", KINDS, ids=lambda s: s.key)
def test_every_declared_kind_is_counted_per_week(spec: KindSpec) -> None:
    series = kinds_series([DAY], [(DAY, spec.key, 3)])
    assert series.counts[spec.kind] == (3,)
    assert set(series.counts) == set(kinds_counted_in(Series.PER_WEEK))


def test_the_kinds_as_they_were_before_the_registry() -> None:
    """The declarations hold what the scattered tables held: nothing changed."""
    assert [s.label for s in KINDS] == ["Interaction", "Little thing", "Own fallibility",
                                        "Reflection"]
    assert capture_kinds() == (EntryKind.INTERACTION, EntryKind.KINDNESS,
                               EntryKind.FALLIBILITY)
    assert kind_opened_by(Series.DECISIONS) is EntryKind.INTERACTION
    assert kind_opened_by(Series.LITTLE_THINGS) is EntryKind.KINDNESS
    assert mirror_kind(EntryKind.INTERACTION) is EntryKind.FALLIBILITY
    assert [k for k in EntryKind if can_be_mirrored(k)] == [EntryKind.INTERACTION]
    assert kind_list() == "interaction, kindness, fallibility or reflection"
    assert {s.key: [p.value for p in s.parts] for s in KINDS} == {
        "interaction": ["text", "strengths", "acts", "decisions", "links"],
        "kindness": ["acts", "text", "links"], "fallibility": ["text", "sections", "links"],
        "reflection": ["sections", "text", "links"]}
    assert [s.chart_hue for s in KINDS] == ["blue", "orange", "purple", "green"]
    assert {s.key: s.sample_weight for s in KINDS} == {
        "interaction": 5, "kindness": 3, "fallibility": 1, "reflection": 2}


# -- the registry refuses an incomplete declaration ----------------------------------------
@pytest.mark.parametrize(("changes", "problem"), [
    ({"label": " "}, "no label"),
    ({"new_label": ""}, "no new_label"),
    ({"description": ""}, "no description"),
    ({"parts": (Part.ACTS, Part.LINKS)}, "no text part"),
    ({"parts": (Part.TEXT, Part.ACTS)}, "no links part"),
    ({"parts": (Part.TEXT, Part.TEXT, Part.LINKS)}, "a part given twice"),
    ({"parts": (Part.TEXT, Part.SECTIONS, Part.LINKS)}, "sections need prompts"),
    ({"prompts": Prompts.MODEL}, "sections need prompts"),
    ({"body_question": ""}, "a body_question is needed"),
    ({"chart_hue": "teal"}, "chart_hue 'teal'"),
    ({"chart_hue": ""}, "chart_hue ''"),
    ({"counted_in": frozenset()}, "counted in the entries per week"),
    ({"sample_weight": -1}, "negative sample_weight"),
    ({"mirror_of": EntryKind.INTERACTION}, "cannot mirror itself"),
    ({"one_act": True, "parts": (Part.TEXT, Part.LINKS)}, "one_act needs the acts part"),
])
def test_the_registry_refuses_an_incomplete_declaration(changes: dict[str, object],
                                                        problem: str) -> None:
    with pytest.raises(KindSpecError, match="interaction: .*" + problem):
        declare(_with(EntryKind.INTERACTION, **changes))


def test_the_registry_refuses_a_missing_repeated_or_reordered_kind() -> None:
    for specs in (KINDS[:-1], (*KINDS, KINDS[0]), (KINDS[1], KINDS[0], *KINDS[2:])):
        with pytest.raises(KindSpecError, match="every EntryKind once, in its order"):
            declare(specs)


def test_a_series_that_opens_one_kind_is_fed_by_exactly_one() -> None:
    both = frozenset({Series.PER_WEEK, Series.DECISIONS})
    with pytest.raises(KindSpecError, match="decisions must be fed by exactly one kind, not 2"):
        declare(_with(EntryKind.REFLECTION, counted_in=both))
    with pytest.raises(KindSpecError, match="little-things .* not 0"):
        declare(_with(EntryKind.KINDNESS, counted_in=frozenset({Series.PER_WEEK})))


def test_the_registry_names_every_problem_at_once() -> None:
    specs = _with(EntryKind.REFLECTION, label="", chart_hue="teal")
    with pytest.raises(KindSpecError, match="reflection: no label; reflection: chart_hue"):
        declare(specs)


def test_the_real_declarations_pass() -> None:
    assert declare(KINDS) == KINDS


def test_a_table_kept_outside_core_must_cover_every_kind() -> None:
    check_table({s.kind: s.label for s in KINDS}, "here")
    with pytest.raises(KindSpecError, match="here has nothing for: reflection"):
        check_table({s.kind: s.label for s in KINDS[:-1]}, "here")
    check_parts(dict.fromkeys(Part, "x"), "editor")
    with pytest.raises(KindSpecError, match="editor has nothing for the part.*decisions"):
        check_parts({p: "x" for p in Part if p is not Part.DECISIONS}, "editor")


# -- the layers read the declarations --------------------------------------------------------
@pytest.mark.parametrize("spec", KINDS, ids=lambda s: s.key)
def test_every_declared_kind_exports_with_its_label(spec: KindSpec) -> None:
    from carejournal.charts.texts import KIND_NAMES
    from carejournal.pack.content import pack_entry

    now = dt.datetime(2026, 11, 16, 9, 0, tzinfo=dt.UTC)
    entry = Entry(id=1, kind=spec.kind, occurred_on=DAY, occurred_time=None, shift="",
                  title="t", body="b", people=(), tags=(), feeling=None, created_at=now,
                  updated_at=now)
    assert pack_entry(entry, to_discuss=False).kind == spec.label
    assert KIND_NAMES[spec.key] == spec.label


@pytest.mark.parametrize("spec", KINDS, ids=lambda s: s.key)
def test_every_declared_kind_has_a_colour_in_every_chart_theme(spec: KindSpec) -> None:
    from carejournal.charts.theme import dark_theme, light_theme

    for theme in (light_theme(), dark_theme()):
        assert theme.kinds[spec.key].startswith("#")
        assert len(set(theme.kinds.values())) == len(KINDS)


def test_a_chart_theme_must_colour_every_hue_a_kind_may_take() -> None:
    from carejournal.charts.theme import kind_colours

    hues = {hue: f"#00000{n}" for n, hue in enumerate(CHART_HUES)}
    assert set(kind_colours(hues)) == {s.key for s in KINDS}
    with pytest.raises(KindSpecError, match="no colour for vermillion"):
        kind_colours({h: c for h, c in hues.items() if h != "vermillion"})


def test_the_cli_options_belong_to_the_kinds_that_have_those_parts() -> None:
    from carejournal.cli.commands.reflect import FLAG_KINDS

    keys = {flag: [k.value for k in kinds] for flag, kinds in FLAG_KINDS.items()}
    assert keys == {"strengths": ["interaction"], "decision": ["interaction"],
                    "act": ["interaction", "kindness"], "model": ["reflection"],
                    "sections": ["reflection", "fallibility"], "area": ["fallibility"],
                    "treated": ["fallibility"], "expectations": ["fallibility"],
                    "mirror_of": ["fallibility"]}


def test_the_journal_schema_checks_the_declared_kinds() -> None:
    from carejournal.store.models import KIND_CHECK

    assert KIND_CHECK == "kind IN ('interaction', 'kindness', 'fallibility', 'reflection')"
