"""Reflective models, fallibility prompts and the co-production ladder, read from resources/."""

from __future__ import annotations

from pathlib import Path

import pytest

from carejournal.core import catalogues, templates
from carejournal.core.domain import InvalidInput
from carejournal.core.errors import ResourceError


def test_the_ladder_has_seven_rungs_from_coercion_to_coproduction() -> None:
    rungs = catalogues.coproduction_ladder()
    assert [r.key for r in rungs] == ["coercion", "educating", "informing", "consultation",
                                      "engagement", "co-design", "co-production"]
    assert [r.relation for r in rungs] == ["to", "to", "for", "for", "for", "with", "with"]
    assert all(r.explanation.endswith(".") for r in rungs)
    assert [r.position for r in rungs] == list(range(1, 8))


def test_every_model_the_issue_names_is_there_with_its_sections() -> None:
    models = {m.key: m for m in templates.reflective_models()}
    assert list(models)[0] == "free" and models["free"].sections == ()
    assert {"gibbs", "driscoll", "rolfe", "kolb", "johns", "schon", "self"} <= set(models)
    assert [s.label for s in models["gibbs"].sections] == [
        "Description", "Feelings", "Evaluation", "Analysis", "Conclusion", "Action plan"]
    assert [s.label for s in models["driscoll"].sections] == ["What?", "So what?", "Now what?"]
    assert [s.key for s in models["kolb"].sections] == [
        "experience", "observation", "conceptualisation", "experimentation"]
    mode = models["schon"].section("mode")
    assert mode and mode.kind == "choice"
    assert [o.key for o in mode.options] == ["in-action", "on-action"]
    for model in models.values():
        assert all(s.question.strip() for s in model.sections), model.key
        if model.sections:
            assert sum(s.actions for s in model.sections) == 1, f"{model.key}: one action part"


def test_fallibility_prompts_offer_the_areas_of_life() -> None:
    template = templates.fallibility_template()
    area = template.section("area")
    assert area and area.kind == "choice"
    labels = [o.label for o in area.options]
    for wanted in ("Time-keeping", "Temper", "Sleep", "Keeping promises", "Medication", "Other"):
        assert wanted in labels
    assert template.section("treated") and template.section("expectations")
    questions = templates.fallibility_questions()
    assert "hardest change" in questions.goal and "hard yourself" in questions.mirror


def test_find_model_lists_the_valid_ones() -> None:
    assert templates.find_model("Gibbs").key == "gibbs"
    with pytest.raises(InvalidInput, match="free, gibbs, driscoll"):
        templates.find_model("nope")


@pytest.mark.parametrize(("text", "match"), [
    ('[[model]]\nkey = "free"\nname = "Free\n', r"models.toml.*line 3"),
    ('[[model]]\nkey = "free"\nbody_question = "x"\n[[model]]\nkey = "free"\n'
     'body_question = "y"\n', "used twice"),
    ('[[model]]\nkey = "gibbs"\nbody_question = "x"\n', "'free' model"),
    ('[[model]]\nkey = "free"\nbody_question = "x"\n[[model.section]]\nkey = "a"\n'
     'label = "A"\nquestion = "?"\nkind = "slider"\n', r"line 8.*use text or choice"),
    ('[[model]]\nkey = "free"\nbody_question = "x"\n[[model.section]]\nkey = "a"\n'
     'label = "A"\n', r"line 5.*needs a non-empty question"),
])
def test_a_broken_models_file_names_file_and_line(tmp_path: Path, text: str, match: str) -> None:
    broken = tmp_path / "reflective_models.toml"
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(ResourceError, match=match):
        templates.reflective_models(broken)


def test_a_broken_ladder_names_file_and_line(tmp_path: Path) -> None:
    broken = tmp_path / "coproduction_ladder.toml"
    broken.write_text('[[rung]]\nkey = "a"\nlabel = "A"\nexplanation = "E"\nrelation = "by"\n')
    with pytest.raises(ResourceError, match=r"line 5.*use to, for or with"):
        catalogues.coproduction_ladder(broken)
    with pytest.raises(ResourceError, match="missing"):
        catalogues.coproduction_ladder(tmp_path / "gone.toml")
