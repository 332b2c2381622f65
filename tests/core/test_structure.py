"""Structured reflection through the service: strengths, decisions, models, actions, links."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from carejournal.core.domain import (
    ActDone,
    ActionItem,
    Decision,
    EntryFilter,
    EntryKind,
    InvalidInput,
    LinkKind,
)
from carejournal.core.errors import EntryNotFound
from carejournal.core.templates import FALLIBILITY_MODEL
from carejournal.services.journal import Journal
from carejournal.store.migrations import HEAD_REVISION
from tests.conftest import draft

STEP1 = Path(__file__).parent.parent / "data" / "step1-journal.sqlite"
TODAY = dt.date.today()


def test_strengths_and_decisions_are_stored_and_searchable(journal: Journal) -> None:
    entry_id = journal.add(draft(
        "Missed the bus again.", strengths="Knows every bus driver by name",
        decisions=(Decision("  Chose   the route ", "co-production", True),
                   Decision("Told about the new rota", "informing"),
                   Decision("   ", "coercion"))))  # blank decisions are dropped
    entry = journal.get(entry_id)
    assert entry.strengths == "Knows every bus driver by name"
    assert entry.decisions == (Decision("Chose the route", "co-production", True),
                               Decision("Told about the new rota", "informing", None))
    assert [r.id for r in journal.rows(EntryFilter(text="driver"))] == [entry_id]
    assert [r.id for r in journal.rows(EntryFilter(text="rota"))] == [entry_id]


def test_an_unknown_rung_lists_the_valid_ones(journal: Journal) -> None:
    with pytest.raises(InvalidInput, match="unknown rung 'partnership'.*coercion.*co-production"):
        journal.add(draft(decisions=(Decision("x", "partnership"),)))
    assert journal.count() == 0


def test_editing_replaces_decisions(journal: Journal) -> None:
    entry_id = journal.add(draft(decisions=(Decision("a", "coercion"), Decision("b", "co-design"))))
    changed = replace(journal.get(entry_id).draft(), decisions=(Decision("b", "co-production"),))
    journal.update(entry_id, changed)
    assert journal.get(entry_id).decisions == (Decision("b", "co-production"),)


def test_a_reflection_keeps_its_model_sections_in_order(journal: Journal) -> None:
    entry_id = journal.add(draft(
        "", EntryKind.REFLECTION, model="gibbs",
        sections=(("description", "The hoist broke."), ("feelings", "Flustered"),
                  ("evaluation", "  "))))
    entry = journal.get(entry_id)
    assert entry.model == "gibbs"
    assert entry.sections == (("description", "The hoist broke."), ("feelings", "Flustered"))
    assert journal.row(entry_id).summary == "The hoist broke.", "summary from the first section"
    assert [r.id for r in journal.rows(EntryFilter(text="flustered"))] == [entry_id]


def test_a_reflection_without_model_is_free_writing(journal: Journal) -> None:
    entry_id = journal.add(draft("Just thinking.", EntryKind.REFLECTION))
    assert journal.get(entry_id).model == "free"


def test_unknown_model_lists_the_valid_ones(journal: Journal) -> None:
    with pytest.raises(InvalidInput, match="unknown reflective model 'gobbs'.*gibbs.*driscoll"):
        journal.add(draft("x", EntryKind.REFLECTION, model="gobbs"))


def test_sections_of_another_model_are_kept_not_dropped(journal: Journal) -> None:
    entry_id = journal.add(draft("", EntryKind.REFLECTION, model="driscoll",
                                 sections=(("description", "from gibbs"), ("what", "w"))))
    assert dict(journal.get(entry_id).sections) == {"description": "from gibbs", "what": "w"}


def test_a_fallibility_entry_has_its_prompts_and_checks_the_area(journal: Journal) -> None:
    entry_id = journal.add(draft("Late again.", EntryKind.FALLIBILITY,
                                 sections=(("area", "time-keeping"), ("treated", "Kindly"))))
    entry = journal.get(entry_id)
    assert entry.model == FALLIBILITY_MODEL
    assert entry.section("area") == "time-keeping"
    with pytest.raises(InvalidInput, match="not a choice for Area of my life.*temper"):
        journal.add(draft("x", EntryKind.FALLIBILITY, sections=(("area", "golf"),)))


def test_schon_reflection_records_in_or_on_action(journal: Journal) -> None:
    entry_id = journal.add(draft("", EntryKind.REFLECTION, model="schon",
                                 sections=(("mode", "in-action"), ("situation", "A fall"))))
    assert journal.get(entry_id).section("mode") == "in-action"
    with pytest.raises(InvalidInput, match="in-action, on-action"):
        journal.add(draft("", EntryKind.REFLECTION, model="schon", sections=(("mode", "x"),)))


def test_action_items_with_review_dates_show_up_as_due(journal: Journal) -> None:
    past, future = TODAY - dt.timedelta(days=2), TODAY + dt.timedelta(days=5)
    entry_id = journal.add(draft("", EntryKind.REFLECTION, model="driscoll", actions=(
        ActionItem("Ask Sam about the rota", past), ActionItem("Read the plan", future),
        ActionItem("No date"), ActionItem("  "))))
    assert len(journal.get(entry_id).actions) == 3
    due = journal.actions_due(TODAY)
    assert [(d.text, d.review_on, d.entry_id) for d in due] == \
        [("Ask Sam about the rota", past, entry_id)]
    assert [d.text for d in journal.actions_due(TODAY, days_ahead=7)] == \
        ["Ask Sam about the rota", "Read the plan"]
    journal.set_action_done(due[0].id, TODAY)
    assert journal.actions_due(TODAY) == []
    journal.trash([entry_id])
    assert journal.actions_due(TODAY, days_ahead=7) == [], "trashed entries are not due"


def test_a_mirror_links_both_entries(journal: Journal) -> None:
    visit = journal.add(draft("Sam would not get up for the appointment.", people=("Sam",)))
    mirror = journal.add(draft("I hate early starts too.", EntryKind.FALLIBILITY),
                         mirror_of=visit)
    [back] = journal.get(visit).links
    [forth] = journal.get(mirror).links
    assert (back.entry_id, back.kind, back.outgoing, back.other_kind) == \
        (mirror, LinkKind.MIRROR, False, EntryKind.FALLIBILITY)
    assert (forth.entry_id, forth.outgoing, forth.summary) == \
        (visit, True, "Sam would not get up for the appointment.")
    journal.trash([mirror])
    assert journal.get(visit).links == (), "links to trashed entries are hidden"


def test_a_mirror_of_a_missing_entry_adds_nothing(journal: Journal) -> None:
    with pytest.raises(EntryNotFound):
        journal.add(draft("x", EntryKind.FALLIBILITY), mirror_of=99)
    assert journal.count() == 0


def test_a_step1_journal_upgrades_and_takes_structured_entries(tmp_path: Path) -> None:
    copy = tmp_path / "journal.sqlite"
    shutil.copy(STEP1, copy)
    journal = Journal.open(copy, create=True)
    try:
        assert journal.count() == 41
        assert [r.summary for r in journal.rows(EntryFilter(text="Écrit"))] == \
            ["Écrit avant la mise à jour 😀"], "the rebuilt index still finds old entries"
        old = journal.rows(EntryFilter(limit=1))[0]
        assert journal.get(old.id).strengths == "" and journal.get(old.id).decisions == ()
        new = journal.add(draft("x", strengths="Calm under pressure",
                                decisions=(Decision("y", "co-design"),)))
        assert [r.id for r in journal.rows(EntryFilter(text="pressure"))] == [new]
        goal = journal.goals.add("Ann", "Walk to the shop")
        assert goal.status.value == "active"
    finally:
        journal.close()
    with sqlite3.connect(copy) as raw:
        revision = raw.execute("SELECT version_num FROM alembic_version").fetchall()
        assert revision == [(HEAD_REVISION,)]
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []


def test_only_an_interaction_can_be_mirrored_and_only_by_a_fallibility_note(
        journal: Journal) -> None:
    visit = journal.add(draft("x"))
    note = journal.add(draft("y", EntryKind.REFLECTION))
    with pytest.raises(InvalidInput, match="own-fallibility"):
        journal.add(draft("z", EntryKind.REFLECTION), mirror_of=visit)
    with pytest.raises(InvalidInput, match="not an interaction"):
        journal.add(draft("z", EntryKind.FALLIBILITY), mirror_of=note)
    journal.trash([visit])
    with pytest.raises(InvalidInput, match="not an interaction"):
        journal.add(draft("z", EntryKind.FALLIBILITY), mirror_of=visit)
    assert journal.count() == 1


def test_a_choice_never_becomes_the_summary(journal: Journal) -> None:
    entry_id = journal.add(draft("", EntryKind.REFLECTION, model="schon",
                                 sections=(("mode", "on-action"), ("situation", "A fall"))))
    assert journal.row(entry_id).summary == "A fall"


def test_bulk_loading_stores_the_same_as_adding_one_by_one(journal: Journal) -> None:
    hug = journal.kindness.find("hug")
    full = draft(
        "Walked to the park.", people=("Ann", "bo"), tags=("walk",), title="Park",
        strengths="Knows the way", acts=(ActDone(hug.id, "asked for one"),),
        decisions=(Decision("Chose the park", "co-design", True),))
    reflection = draft("", EntryKind.REFLECTION, model="schon", sections=(
        ("mode", "on-action"), ("situation", "A fall")), actions=(ActionItem("Ring", TODAY),))
    one = [journal.add(full), journal.add(reflection)]
    assert journal.add_many([full, reflection, draft("x", people=("ANN",))]) == 3
    many = [max(one) + 1, max(one) + 2]  # the first two of the bulk load

    def same(entry_id: int) -> tuple:
        e = journal.get(entry_id)
        return (e.kind, e.title, e.body, e.people, e.tags, e.acts, e.strengths, e.model,
                e.sections, e.decisions, [(a.text, a.review_on) for a in e.actions],
                journal.row(entry_id).summary)
    assert [same(i) for i in many] == [same(i) for i in one]
    assert journal.people() == ["Ann", "bo"], "names match whatever their case"
    assert {r.id for r in journal.rows(EntryFilter(text="park"))} >= {one[0], many[0]}


def test_bulk_loading_is_all_or_nothing(journal: Journal) -> None:
    good = draft("fine")
    with pytest.raises(InvalidInput, match="no little thing with id 999"):
        journal.add_many([good, draft("bad", acts=(ActDone(999),))])
    assert journal.count() == 0 and journal.people() == []
