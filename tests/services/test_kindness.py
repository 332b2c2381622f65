"""The little things: catalogue, logging, renaming and retiring, through the services."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from carejournal.core.catalogues import kindness_acts
from carejournal.core.domain import ActDone, EntryFilter, EntryKind, InvalidInput
from carejournal.core.errors import ResourceError
from carejournal.services.journal import Journal
from tests.conftest import draft

STEP1 = Path(__file__).parent.parent / "data" / "step1-journal.sqlite"


def test_a_new_journal_has_the_seed_acts_in_order(journal: Journal) -> None:
    acts = journal.kindness.acts()
    assert [a.key for a in acts] == [a.key for a in kindness_acts()]
    assert acts[0].label.startswith("Introduced myself by name")
    assert {"A cup of tea", "A hug", "A smile"} <= {a.label for a in acts}


def test_logging_a_little_thing_makes_a_kindness_entry(journal: Journal) -> None:
    tea = journal.kindness.find("cup-of-tea")
    entry_id = journal.kindness.log(tea, person="Sam", note="Two sugars, as Sam likes",
                                    day=dt.date(2026, 3, 5))
    entry = journal.get(entry_id)
    assert entry.kind is EntryKind.KINDNESS and entry.people == ("Sam",)
    assert entry.acts == (ActDone(tea.id, "Two sugars, as Sam likes", "A cup of tea"),)
    logged = journal.kindness.logged()
    assert [(x.label, x.people, x.occurred_on) for x in logged] == \
        [("A cup of tea", "Sam", dt.date(2026, 3, 5))]
    assert journal.kindness.find("cup-of-tea").uses == 1


def test_acts_on_an_interaction_are_kept_and_replaced(journal: Journal) -> None:
    listen, smile = journal.kindness.find("listened"), journal.kindness.find("smile")
    entry_id = journal.add(draft(acts=(ActDone(listen.id), ActDone(smile.id, "big one"))))
    assert [a.label for a in journal.get(entry_id).acts] == [listen.label, "A smile"]
    journal.update(entry_id, draft(acts=(ActDone(smile.id, "bigger"),)))
    assert journal.get(entry_id).acts == (ActDone(smile.id, "bigger", "A smile"),)
    journal.trash([entry_id])
    assert journal.kindness.logged() == [], "trashed entries do not count"


def test_renaming_or_retiring_never_changes_old_entries(journal: Journal) -> None:
    hug = journal.kindness.find("hug")
    old = journal.kindness.log(hug)
    journal.kindness.rename_act(hug, "A hug (when they asked for one)")
    journal.kindness.retire_act(journal.kindness.find("hug", include_retired=True))
    assert journal.get(old).acts[0].label == "A hug"
    assert "hug" not in {a.key for a in journal.kindness.acts()}
    retired = journal.kindness.find("hug", include_retired=True)
    assert retired.retired and retired.label == "A hug (when they asked for one)"
    with pytest.raises(InvalidInput, match="retired"):
        journal.kindness.log(retired)
    journal.update(old, journal.get(old).draft())  # re-saving keeps the old wording
    assert journal.get(old).acts[0].label == "A hug"
    journal.kindness.retire_act(retired, retired=False)
    assert journal.kindness.find("hug").label.startswith("A hug (when")


def test_own_acts_can_be_added_but_not_twice(journal: Journal) -> None:
    act = journal.kindness.add_act("  Remembered   their dog's name ")
    assert act.label == "Remembered their dog's name" and act.key is None
    assert journal.kindness.acts()[-1] == act
    with pytest.raises(InvalidInput, match="already"):
        journal.kindness.add_act("remembered their dog's name")
    with pytest.raises(InvalidInput):
        journal.kindness.add_act("   ")


def test_unknown_acts_list_the_valid_ones(journal: Journal) -> None:
    with pytest.raises(InvalidInput) as error:
        journal.kindness.find("juggling")
    assert "cup-of-tea (A cup of tea)" in str(error.value)
    assert journal.kindness.find("a cup").key == "cup-of-tea", "a unique prefix is enough"
    with pytest.raises(InvalidInput):
        journal.add(draft(acts=(ActDone(9999),)))
    assert journal.count() == 0


def test_reopening_adds_new_builtin_acts_without_relabelling(journal_path: Path) -> None:
    with_words = Journal.open(journal_path, create=True)
    tea = with_words.kindness.find("cup-of-tea")
    with_words.kindness.rename_act(tea, "A brew")
    with_words.close()
    again = Journal.open(journal_path, create=True)
    assert again.kindness.find("cup-of-tea").label == "A brew"
    assert len(again.kindness.acts()) == len(kindness_acts())
    again.close()


def test_a_step_one_journal_upgrades_with_everything_kept(tmp_path: Path) -> None:
    copy = tmp_path / "journal.sqlite"
    shutil.copy(STEP1, copy)
    with sqlite3.connect(copy) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchall() == [("0002",)]
        before = raw.execute("SELECT count(*) FROM entry_people").fetchone()[0]
    journal = Journal.open(copy, create=True)
    assert journal.count() == 41
    assert [r.summary for r in journal.rows(EntryFilter(text="Écrit"))] == \
        ["Écrit avant la mise à jour 😀"]
    assert len(journal.kindness.acts()) == len(kindness_acts())
    journal.close()
    with sqlite3.connect(copy) as raw:
        assert raw.execute("SELECT count(*) FROM entry_people").fetchone()[0] == before
    assert list((tmp_path / "backups").iterdir()), "a backup was made before upgrading"


def test_malformed_catalogue_names_file_and_line(tmp_path: Path) -> None:
    broken = tmp_path / "kindness_acts.toml"
    broken.write_text('[[act]]\nkey = "tea"\nlabel = "Tea\n')
    with pytest.raises(ResourceError, match=r"kindness_acts.toml.*line 3"):
        kindness_acts(broken)
    broken.write_text('[[act]]\nkey = "tea"\nlabel = "Tea"\n[[act]]\nkey = "tea"\nlabel = "T"\n')
    with pytest.raises(ResourceError, match="used twice"):
        kindness_acts(broken)
    with pytest.raises(ResourceError, match="missing"):
        kindness_acts(tmp_path / "nope.toml")
