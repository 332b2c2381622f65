"""Migration 0006 (supervision) on real SQLite files: up from 0005 keeping everything, and
down again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from carejournal.core.supervision import AgreedAction, Session
from carejournal.services.journal import Journal
from tests.conftest import draft
from tests.store.test_lens_store import downgrade
from tests.store.test_schema import describe_schema, migrate, sql


def test_a_0005_journal_upgrades_and_keeps_people_and_entries(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    journal = Journal.open(path, create=True)
    entry = journal.add(draft("Tea with Mary.", people=("Mary Jones",)))
    journal.close()
    downgrade(path, "0005")
    assert "supervision_sessions" not in str(describe_schema(path))
    journal = Journal.open(path, create=True)  # upgrades again, backing up first
    try:
        assert journal.get(entry).people == ("Mary Jones",)
        assert journal.supervision.people()[0].nicknames == ()
        journal.supervision.set_names("Mary Jones", ["Mags", "mags", " "], "Resident A")
        person = journal.supervision.people()[0]
        assert (person.nicknames, person.alias) == (("Mags",), "Resident A")
    finally:
        journal.close()
    assert sql(path, "PRAGMA foreign_key_check") == []


def test_downgrade_to_0005_gives_back_the_0005_schema(tmp_path: Path) -> None:
    path, reference = tmp_path / "journal.sqlite", tmp_path / "ref.sqlite"
    journal = Journal.open(path, create=True)
    journal.supervision.add(Session(dt.date(2026, 11, 1), actions=(AgreedAction("Read"),)))
    journal.add(draft("Kept."))
    journal.close()
    downgrade(path, "0005")
    migrate(reference, "0005")
    assert describe_schema(path) == describe_schema(reference)
    assert sql(path, "SELECT body FROM entries") == [("Kept.",)]


def test_trashing_keeps_history_and_deleting_an_entry_removes_it(journal: Journal,
                                                                 journal_path: Path) -> None:
    entry = journal.add(draft("A case."))
    journal.supervision.keep_revision(entry, {"body": "A case."}, "test")
    journal.trash([entry])
    assert len(journal.supervision.revisions(entry)) == 1
    journal.empty_trash()
    assert sql(journal_path, "SELECT count(*) FROM entry_revisions") == [(0,)]
