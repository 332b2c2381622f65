"""Drafts of unsaved typing, kept inside the journal (migration 0007), on real SQLite files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from carejournal.core.domain import ActDone, ActionItem, Decision, EntryKind, Feeling
from carejournal.services.drafts import DraftService, draft_from_json, draft_to_json
from carejournal.services.journal import Journal
from carejournal.store.migrations import HEAD_REVISION
from tests.conftest import draft
from tests.store.test_lens_store import downgrade
from tests.store.test_schema import describe_schema, migrate, sql

NOW = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)


def later(minutes: int) -> dt.datetime:
    return NOW + dt.timedelta(minutes=minutes)


@pytest.fixture
def drafts(journal: Journal) -> DraftService:
    return journal.drafts


def test_a_new_entry_keeps_one_draft_the_latest(drafts: DraftService) -> None:
    drafts.save_draft(None, draft_to_json(draft("Half a sen")), NOW)
    drafts.save_draft(None, draft_to_json(draft("Half a sentence, then")), later(1))
    [pending] = drafts.pending()
    assert (pending.entry_id, pending.draft.body, pending.saved_at) == (
        None, "Half a sentence, then", later(1))


def test_each_entry_being_edited_has_its_own_draft(journal: Journal,
                                                   drafts: DraftService) -> None:
    first, second = journal.add(draft("One.")), journal.add(draft("Two."))
    drafts.save_draft(second, draft_to_json(draft("Two, changed.")), NOW)
    drafts.save_draft(first, draft_to_json(draft("One, changed.")), later(1))
    drafts.save_draft(second, draft_to_json(draft("Two, changed again.")), later(2))
    assert [(p.entry_id, p.draft.body) for p in drafts.pending()] == [
        (first, "One, changed."), (second, "Two, changed again.")]
    drafts.discard(first)
    assert [p.entry_id for p in drafts.pending()] == [second]
    assert journal.get(first).body == "One.", "a draft never touches the entry itself"


def test_discarding_the_new_draft_leaves_the_others(journal: Journal,
                                                    drafts: DraftService) -> None:
    entry = journal.add(draft("Kept."))
    drafts.save_draft(None, draft_to_json(draft("New.")), NOW)
    drafts.save_draft(entry, draft_to_json(draft("Kept, edited.")), NOW)
    drafts.discard(None)
    assert [p.entry_id for p in drafts.pending()] == [entry]


def test_deleting_an_entry_for_good_deletes_its_draft(journal: Journal, journal_path: Path,
                                                      drafts: DraftService) -> None:
    entry = journal.add(draft("Going."))
    drafts.save_draft(entry, draft_to_json(draft("Going, edited.")), NOW)
    journal.trash([entry])
    assert len(drafts.pending()) == 1, "the trash can still be undone"
    journal.empty_trash()
    assert drafts.pending() == []
    assert sql(journal_path, "PRAGMA foreign_key_check") == []


def test_drafts_survive_closing_and_leave_no_file_beside_the_journal(
        journal_path: Path) -> None:
    journal = Journal.open(journal_path, create=True)
    journal.drafts.save_draft(None, draft_to_json(draft("Private words")), NOW)
    journal.close()
    names = {p.name for p in journal_path.parent.iterdir()}
    assert names <= {"journal.sqlite", "journal.sqlite-wal", "journal.sqlite-shm",
                     "journal.sqlite.checked"}  # (the note of a clean close: no text in it)
    reopened = Journal.open(journal_path, create=True)
    try:
        assert [p.text() for p in reopened.drafts.pending()] == ["Private words"]
    finally:
        reopened.close()


def test_an_unreadable_draft_is_skipped_not_a_crash(journal_path: Path,
                                                    drafts: DraftService) -> None:
    drafts.save_draft(None, "{not json", NOW)
    assert drafts.pending() == []
    assert sql(journal_path, "SELECT content FROM drafts") == [("{not json",)]


def test_every_part_of_a_draft_comes_back_from_json() -> None:
    full = draft("Body ✓ \u2028", EntryKind.REFLECTION, dt.date(2026, 2, 28), title="T",
                 occurred_time=dt.time(7, 5), shift="early", people=("Ann", "Bo"),
                 tags=("x",), feeling=Feeling(4, "calm"),
                 acts=(ActDone(3, "note", "Made tea"),), strengths="Sings", model="gibbs",
                 sections=(("feelings", "Unsure"),),
                 decisions=(Decision("Chose", "inform", True),),
                 actions=(ActionItem("Ring", dt.date(2026, 3, 1), None, 7),),
                 dismissed=("a:b",))
    assert draft_from_json(draft_to_json(full, mirror_of=12)) == (full, 12)
    assert draft_from_json(draft_to_json(draft(""))) == (draft(""), None)


@pytest.mark.parametrize("bad", ['{"format": 2}', "[]", "null", '{"format": 1}'])
def test_json_that_is_not_a_draft_is_refused(bad: str) -> None:
    with pytest.raises((ValueError, KeyError)):
        draft_from_json(bad)


# -- migration 0007 -------------------------------------------------------------------------
def test_a_0006_journal_upgrades_and_can_keep_drafts(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    journal = Journal.open(path, create=True)
    entry = journal.add(draft("Before the upgrade."))
    journal.close()
    downgrade(path, "0006")
    assert "drafts" not in str(describe_schema(path))
    journal = Journal.open(path, create=True)  # upgrades again, backing up first
    try:
        assert journal.get(entry).body == "Before the upgrade."
        journal.drafts.save_draft(entry, draft_to_json(draft("After.")), NOW)
        assert [p.draft.body for p in journal.drafts.pending()] == ["After."]
    finally:
        journal.close()
    assert sql(path, "SELECT version_num FROM alembic_version") == [(HEAD_REVISION,)]


def test_downgrade_to_0006_gives_back_the_0006_schema(tmp_path: Path) -> None:
    path, reference = tmp_path / "journal.sqlite", tmp_path / "ref.sqlite"
    journal = Journal.open(path, create=True)
    journal.drafts.save_draft(None, draft_to_json(draft("Gone with the table.")), NOW)
    journal.add(draft("Kept."))
    journal.close()
    downgrade(path, "0006")
    migrate(reference, "0006")
    assert describe_schema(path) == describe_schema(reference)
    assert sql(path, "SELECT body FROM entries") == [("Kept.",)]
