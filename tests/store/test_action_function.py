"""Migration 0008: agreed actions say which function of supervision they serve; a journal at
0007 upgrades with every session, action and preparation kept, and downgrades back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from carejournal.core.supervision import ActionStatus, AgreedAction, Function, Session
from carejournal.services.journal import Journal
from carejournal.store.migrations import HEAD_REVISION
from tests.conftest import draft
from tests.store.test_lens_store import downgrade
from tests.store.test_schema import describe_schema, migrate, sql

TODAY = dt.date(2026, 12, 6)


def test_a_0007_journal_upgrades_with_nothing_lost(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    journal = Journal.open(path, create=True)
    entry = journal.add(draft("Before the upgrade.", day=dt.date(2026, 11, 20)))
    journal.supervision.add(Session(dt.date(2026, 11, 1), "Sam", "Went well.", actions=(
        AgreedAction("Read the policy", "me", dt.date(2026, 11, 30), ActionStatus.DONE),
        AgreedAction("Book the course"))))
    planned = journal.supervision.add(Session(dt.date(2026, 12, 10), "Sam"))
    prep = journal.supervision.preparation(planned, TODAY)
    journal.preparing.bring_question(prep, "How do I ask for a debrief?")
    journal.supervision.save(prep)
    before = [s.as_json() for s in journal.supervision.sessions()]
    journal.close()
    downgrade(path, "0007")
    assert "function" not in str(describe_schema(path))
    journal = Journal.open(path, create=True)  # upgrades again, backing up first
    try:
        assert journal.get(entry).body == "Before the upgrade."
        after = [s.as_json() for s in journal.supervision.sessions()]
        assert after == before
        assert all(a["function"] is None for s in after for a in s["actions"])
        again = journal.supervision.preparation(planned, TODAY)
        assert [a.text for a in again.agenda] == ["How do I ask for a debrief?"]
        first = journal.supervision.sessions()[0]
        tagged = (first.actions[0], AgreedAction(first.actions[1].text, id=first.actions[1].id,
                                                 function=Function.DEVELOPMENT))
        journal.supervision.update(Session(first.held_on, first.supervisor, first.notes,
                                           tagged, first.id))
        stored = journal.supervision.sessions()[0].actions
        assert [a.function for a in stored] == [None, Function.DEVELOPMENT]
    finally:
        journal.close()
    assert sql(path, "SELECT version_num FROM alembic_version") == [(HEAD_REVISION,)]
    assert sql(path, "SELECT function FROM supervision_actions ORDER BY position") == [
        (None,), ("development",)]


def test_downgrade_to_0007_gives_back_the_0007_schema(tmp_path: Path) -> None:
    path, reference = tmp_path / "journal.sqlite", tmp_path / "ref.sqlite"
    journal = Journal.open(path, create=True)
    journal.supervision.add(Session(dt.date(2026, 11, 1), actions=(
        AgreedAction("Ask for a debrief", function=Function.SUPPORT),)))
    journal.close()
    downgrade(path, "0007")
    migrate(reference, "0007")
    assert describe_schema(path) == describe_schema(reference)
    assert sql(path, "SELECT text FROM supervision_actions") == [("Ask for a debrief",)]
