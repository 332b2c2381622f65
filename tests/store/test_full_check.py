"""Damage inside an entry's record: found by the full check before anything is written, and
reported on reading, never as a traceback (issue 16, case 5)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from carejournal.core.domain import EntryFilter
from carejournal.core.errors import JournalDamaged, NotSaved, WritesHeld
from carejournal.services.journal import Journal
from carejournal.store import backup, check_stamp, integrity
from tests.conftest import draft
from tests.invariant.driving import open_descriptors
from tests.store.damage_helpers import (
    MARKER,
    make_journal,
    scribble_in_date,
    scribble_in_kind,
    scribble_in_text,
)
from tests.store.salvage_helpers import sha256


@pytest.fixture(scope="module")
def sound(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed journal, made once; each test damages its own copy."""
    return make_journal(tmp_path_factory.mktemp("sound") / "journal.sqlite")


@pytest.fixture
def copy(sound: Path, tmp_path: Path) -> Path:
    path = tmp_path / "journal.sqlite"
    path.write_bytes(sound.read_bytes())
    return path


def _logged(path: Path) -> int:
    """Bytes in the journal's write-ahead log (stat only: no descriptor on it is opened)."""
    wal = Path(f"{path}-wal")
    return wal.stat().st_size if wal.exists() else 0


@pytest.mark.parametrize("seed", range(7))
def test_random_bytes_in_an_entry_pass_the_quick_check_but_not_the_full_one(
        copy: Path, seed: int) -> None:
    scribble_in_text(copy, seed)
    assert backup.quick_check(copy) == []  # what opened the journal for writing until now
    before = sha256(copy)
    with pytest.raises(JournalDamaged) as refused:
        Journal.open(copy)
    assert "does not match the search index" in refused.value.problems[0]
    assert "carejournal salvage" in str(refused.value)  # the way back (no backups here)
    assert sha256(copy) == before
    assert open_descriptors(copy) == []


@pytest.mark.parametrize("scribble", [scribble_in_date, scribble_in_kind])
def test_a_garbled_date_or_kind_is_found_by_sqlites_integrity_check(copy: Path,
                                                                     scribble: object) -> None:
    if scribble is scribble_in_date:
        scribble_in_date(copy, 0)
    else:
        scribble_in_kind(copy)
    assert backup.quick_check(copy) == []
    problems = integrity.run_full_check(copy, None)
    assert problems and ("missing from index" in problems[0] or "CHECK" in problems[0])


def test_the_window_holds_writes_until_the_check_passes(copy: Path) -> None:
    check_stamp.forget(copy)
    journal = Journal.open(copy, check_later=True)
    try:
        with pytest.raises(WritesHeld, match="checking"):
            journal.add(draft("Typed while the check runs"))
        with pytest.raises(NotSaved):  # crash drafts and settings wait too
            journal.drafts.save_draft(None, "{}", journal._clock())
        assert _logged(copy) == 0 and journal.writes_held  # not a page written
        assert journal.run_check() == []
        journal.check_done([])
        assert journal.writes_held is None
        new = journal.add(draft("Saved once the check passed"))
        assert journal.get(new).body == "Saved once the check passed"
    finally:
        journal.close()
    assert check_stamp.checked_at(copy) is not None  # the note now vouches for the check


def test_a_damaged_journal_in_the_window_keeps_every_write_held(copy: Path) -> None:
    scribble_in_text(copy, 3)
    check_stamp.forget(copy)
    before = sha256(copy)  # read before any connection is open, and after the last closes
    journal = Journal.open(copy, check_later=True)  # the quick check at open passes it
    try:
        problems = journal.run_check()
        assert problems
        journal.check_done(problems)
        for _attempt in range(2):
            with pytest.raises(WritesHeld) as held:
                journal.add(draft("Not into a damaged file"))
        assert "damaged" in str(held.value) and "carejournal salvage" in str(held.value)
        with pytest.raises(NotSaved):
            journal.trash([1])
    finally:
        journal.close()
    assert sha256(copy) == before
    assert check_stamp.checked_at(copy) is None  # the next open checks again


def test_close_stops_a_running_check_and_leaves_no_connection(copy: Path) -> None:
    check_stamp.forget(copy)
    journal = Journal.open(copy, check_later=True)
    answers: list[list[str] | None] = []
    worker = threading.Thread(target=lambda: answers.append(journal.run_check()))
    worker.start()
    journal.close()  # while the check runs, or after it: either way it is over now
    assert open_descriptors(copy) == []
    worker.join()
    assert answers in ([None], [[]])
    journal.check_done([])  # an answer arriving after close changes nothing
    assert journal.writes_held is not None


def test_a_check_cancelled_before_it_starts_never_connects(copy: Path) -> None:
    check = integrity.FullCheck(copy, None)
    check.cancel()
    with pytest.raises(integrity.Cancelled):
        check.run()


def test_reads_of_damaged_rows_say_so_with_the_way_back(copy: Path) -> None:
    scribble_in_kind(copy)
    scribble_in_text(copy, 2)
    journal = Journal.open(copy, read_only=True)  # what list, search and show open
    try:
        for read in (lambda: journal.rows(EntryFilter()),
                     lambda: journal.rows(EntryFilter(text="marigold", limit=20)),
                     lambda: journal.get(31)):
            with pytest.raises(JournalDamaged) as damaged:
                read()
            message = str(damaged.value)
            assert "cannot be read: it is damaged" in message
            assert "carejournal salvage" in message
            assert MARKER not in message and "garden" not in message  # no entry text
        with pytest.raises(WritesHeld, match="reading only"):
            journal.add(draft("Never from a read-only opening"))
    finally:
        journal.close()
