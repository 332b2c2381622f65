"""Supervision's four functions in the preparation's values: agenda items tagged by function
(untagged to begin with), "How I am" kept out of the pack unless ticked, a situation worked
through Kolb's four stages, all kept in the saved state; old states reopen at their step."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from carejournal.core.domain import InvalidInput
from carejournal.core.preparation import (
    AgendaItem,
    AgendaKind,
    HowIAm,
    Preparation,
    Situation,
    Stage,
    Step,
    stages_from,
)
from carejournal.core.supervision import AgreedAction, Function, parse_function


def prep() -> Preparation:
    return Preparation(4, dt.date(2026, 11, 1), dt.date(2026, 11, 25))


def test_a_new_item_is_untagged_and_a_tag_survives_bringing_it_again() -> None:
    p = prep()
    p.bring(AgendaItem(AgendaKind.POWER, "Who decided?", "power:who"))
    assert p.agenda[0].function is None
    p.tag(0, Function.MEDIATION)
    p.bring(AgendaItem(AgendaKind.POWER, "Who decided, really?", "power:who"))
    assert p.agenda[0].function is Function.MEDIATION
    assert p.agenda[0].text == "Who decided, really?"
    p.tag(0, None)
    assert p.agenda[0].function is None
    with pytest.raises(InvalidInput):
        p.tag(3, Function.SUPPORT)


def test_how_i_am_is_not_included_unless_ticked() -> None:
    assert HowIAm().include is False
    assert prep().how_i_am == HowIAm("", False)


def test_the_new_parts_are_kept_in_the_saved_state() -> None:
    p = prep()
    p.bring(AgendaItem(AgendaKind.QUESTION, "Rota"))
    p.tag(0, Function.MANAGEMENT)
    p.how_i_am = HowIAm("Tired after nights.\nI'd like a debrief.", True)
    p.situation = Situation(9, {"experience": "It happened.", "action": "Ask first."})
    p.step = Step.HOW_I_AM
    again = Preparation.from_json(p.to_json())
    assert again.agenda == p.agenda
    assert again.how_i_am == p.how_i_am
    assert again.situation == p.situation
    assert again.situation is not None and again.situation.words(Stage.ACTION) == "Ask first."
    assert again.step is Step.HOW_I_AM


def test_a_state_saved_before_the_new_steps_reopens_where_it_was() -> None:
    old = json.loads(prep().to_json())
    for key in ("how_i_am", "situation"):
        del old[key]
    for item in old["agenda"]:
        item.pop("function", None)
    old["step"] = 5  # the agenda, when there were six steps
    old["agenda"] = [{"kind": "question", "text": "Rota", "source": ""}]
    again = Preparation.from_json(json.dumps(old))
    assert again.step is Step.AGENDA
    assert again.agenda[0].function is None
    assert again.how_i_am == HowIAm() and again.situation is None
    old["step"] = 6
    assert Preparation.from_json(json.dumps(old)).step is Step.EXPORT


def test_an_unreadable_function_or_stage_is_left_out() -> None:
    data = json.loads(prep().to_json())
    data["agenda"] = [{"kind": "question", "text": "x", "source": "", "function": "tea"}]
    data["situation"] = {"entry_id": 3, "stages": {"experience": "a", "gossip": "b"}}
    again = Preparation.from_json(json.dumps(data))
    assert again.agenda[0].function is None
    assert again.situation == Situation(3, {"experience": "a"})


def test_stages_are_prefilled_from_the_entrys_text_and_sections() -> None:
    gibbs = (("description", "We went out."), ("feelings", "Nervous."),
             ("analysis", "Planning helped."), ("action-plan", "Plan again."),
             ("conclusion", ""))
    stages = stages_from("Notes first.", gibbs)
    assert stages == {"experience": "Notes first.\n\nWe went out.", "reflection": "Nervous.",
                      "thinking": "Planning helped.", "action": "Plan again."}
    assert stages_from("Just text.", ()) == {"experience": "Just text."}
    assert stages_from("", (("so-what", "It matters."), ("now-what", "Try."))) == {
        "thinking": "It matters.", "action": "Try."}


def test_functions_are_read_from_what_a_person_types() -> None:
    assert parse_function("Support") is Function.SUPPORT
    assert parse_function(" mediation ") is Function.MEDIATION
    assert parse_function("") is None and parse_function("none") is None
    with pytest.raises(InvalidInput):
        parse_function("gossip")


def test_an_agreed_action_starts_on_no_function_and_says_its_function() -> None:
    assert AgreedAction("Read the policy").function is None
    action = AgreedAction("Book the course", function=Function.DEVELOPMENT)
    assert action.as_json()["function"] == "development"
    assert AgreedAction("x").as_json()["function"] is None
