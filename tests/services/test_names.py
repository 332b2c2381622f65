"""People and tags: renaming and merging, with every entry (and goal) following."""

from __future__ import annotations

import pytest

from carejournal.core.changes import Changes
from carejournal.core.domain import EntryFilter, InvalidInput
from carejournal.services.journal import Journal
from tests.conftest import draft


def fill(journal: Journal) -> list[int]:
    """Three entries: Bern (tagged meds), Bernadette (meds, home), both (home)."""
    return [journal.add(draft("one", people=("Bern",), tags=("meds",))),
            journal.add(draft("two", people=("Bernadette",), tags=("Meds", "home"))),
            journal.add(draft("three", people=("Bern", "Bernadette"), tags=("home",)))]


def test_people_and_tags_are_listed_with_their_entries(journal: Journal) -> None:
    fill(journal)
    journal.trash([journal.rows(EntryFilter())[0].id])  # the trash counts too
    people = {p.name: p.entries for p in journal.names.people()}
    assert people == {"Bern": 2, "Bernadette": 2}
    assert [(t.name, t.entries) for t in journal.names.tags()] == [("home", 2), ("meds", 2)]


def test_renaming_a_person_renames_them_in_every_entry_and_keeps_the_old_name(
        journal: Journal) -> None:
    ids = fill(journal)
    journal.supervision.set_names("Bern", ["B"], "Client A")
    journal.goals.add("Bern", "walk to the shop")
    done = journal.ops.rename_person("bern", "  Bernie  Smith ")
    assert done.value == 2
    assert done.changes == Changes(entries=frozenset({ids[0], ids[2]}), names=True, goals=True,
                                   preparation=True)
    assert journal.get(ids[0]).people == ("Bernie Smith",)
    assert journal.get(ids[2]).people == ("Bernadette", "Bernie Smith")
    bernie = journal.names.person("bernie smith")
    assert (bernie.nicknames, bernie.alias) == (("B", "Bern"), "Client A")
    assert [g.person for g in journal.goals.list()] == ["Bernie Smith"]
    assert journal.rows(EntryFilter(person="Bernie Smith"))


def test_changing_only_capitals_keeps_no_nickname(journal: Journal) -> None:
    fill(journal)
    journal.names.rename_person("Bern", "BERN")
    assert journal.names.person("bern") == journal.names.people()[0]
    assert journal.names.people()[0].nicknames == ()
    assert journal.names.people()[0].name == "BERN"


@pytest.mark.parametrize(("old", "new", "says"), [
    ("Nobody", "X", "there is nobody called 'Nobody' in the journal"),
    ("Bern", "  ", "give the new name"),
    ("Bern", "bernadette", "there is already someone called 'Bernadette': merge 'Bern' "
                           "into them instead"),
])
def test_a_rename_that_cannot_be_done_changes_nothing(journal: Journal, old: str, new: str,
                                                      says: str) -> None:
    fill(journal)
    before = journal.names.people()
    with pytest.raises(InvalidInput, match=says):
        journal.ops.rename_person(old, new)
    assert journal.names.people() == before


def test_merging_people_moves_entries_goals_and_names(journal: Journal) -> None:
    ids = fill(journal)
    journal.supervision.set_names("Bern", ["Bee"], "")
    journal.supervision.set_names("Bernadette", [], "Client A")
    journal.goals.add("Bern", "make tea")
    done = journal.ops.merge_people("Bern", "Bernadette")
    assert done.value == 2
    assert done.changes.entries == frozenset({ids[0], ids[2]})
    assert [p.name for p in journal.names.people()] == ["Bernadette"]
    assert journal.names.people()[0] == journal.names.person("Bernadette")
    merged = journal.names.person("Bernadette")
    assert (merged.nicknames, merged.alias, merged.entries) == (("Bern", "Bee"), "Client A", 3)
    assert [journal.get(i).people for i in ids] == [("Bernadette",)] * 3
    assert [g.person for g in journal.goals.list()] == ["Bernadette"]


def test_a_person_is_not_merged_into_themselves(journal: Journal) -> None:
    fill(journal)
    with pytest.raises(InvalidInput, match="cannot be merged into themselves"):
        journal.names.merge_people("bern", "Bern")
    assert len(journal.names.people()) == 2


def test_renaming_and_merging_tags(journal: Journal) -> None:
    ids = fill(journal)
    with pytest.raises(InvalidInput, match="there is already a tag 'home': merge 'meds'"):
        journal.names.rename_tag("meds", "Home")
    assert journal.ops.rename_tag("MEDS", "medication").value == 2
    assert journal.get(ids[1]).tags == ("home", "medication")
    done = journal.ops.merge_tags("medication", "home")
    assert (done.value, done.changes.entries) == (2, frozenset(ids[:2]))
    assert [(t.name, t.entries) for t in journal.names.tags()] == [("home", 3)]
    assert [journal.get(i).tags for i in ids] == [("home",)] * 3
    with pytest.raises(InvalidInput, match="there is no tag 'meds'"):
        journal.names.merge_tags("meds", "home")


def test_setting_nicknames_and_alias_through_the_operations(journal: Journal) -> None:
    fill(journal)
    assert journal.ops.set_person_names("bern", ["Bee", "bee"], "Client B") == \
        Changes(names=True)
    assert journal.names.person("Bern").nicknames == ("Bee",)
    assert journal.names.person("Bern").alias == "Client B"


def test_strengths_noted_while_preparing_follow_a_rename_and_a_merge(journal: Journal) -> None:
    import datetime as dt

    from carejournal.core.supervision import Session

    fill(journal)
    session = journal.supervision.add(Session(dt.date(2026, 3, 20), "Priya"))
    prep = journal.supervision.preparation(session, dt.date(2026, 3, 10))
    prep.strengths.update({"Bern": "made us laugh", "Bernadette": "patient"})
    journal.supervision.save(prep)
    journal.ops.rename_person("Bern", "Bernie")
    again = journal.supervision.preparation(session, dt.date(2026, 3, 10))
    assert again.strengths == {"Bernie": "made us laugh", "Bernadette": "patient"}
    journal.ops.merge_people("Bernadette", "Bernie")
    merged = journal.supervision.preparation(session, dt.date(2026, 3, 10))
    assert merged.strengths == {"Bernie": "made us laugh"}
