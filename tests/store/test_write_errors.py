"""Writes that cannot reach the disk are NotSaved, with a message a worker can act on."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import pytest

from carejournal.core.errors import (
    DiskFull,
    JournalReadOnly,
    JournalVanished,
    NotSaved,
    StorageFailed,
)
from carejournal.services.journal import Journal
from carejournal.store.schema import translate_errors
from tests.conftest import draft
from tests.storage import read_only_copy


def test_a_journal_deleted_while_open_is_reported_as_vanished(journal: Journal,
                                                              journal_path: Path) -> None:
    journal.add(draft("Before."))
    for name in (journal_path.name, f"{journal_path.name}-wal", f"{journal_path.name}-shm"):
        (journal_path.parent / name).unlink(missing_ok=True)
    with pytest.raises(JournalVanished, match="no longer there"):
        journal.ensure_present()


@pytest.mark.parametrize(("message", "kind"), [
    ("database or disk is full", DiskFull),
    ("attempt to write a readonly database", JournalReadOnly),
])
def test_sqlite_write_errors_become_not_saved(journal_path: Path, message: str,
                                              kind: type) -> None:
    Journal.open(journal_path, create=True).close()
    with pytest.raises(kind, match="nothing was changed"), translate_errors(journal_path):
        raise sqlite3.OperationalError(message)


def test_an_io_error_on_a_disk_with_room_is_a_storage_failure(journal_path: Path) -> None:
    Journal.open(journal_path, create=True).close()
    with pytest.raises(StorageFailed, match="reported an error"), \
            translate_errors(journal_path):
        raise sqlite3.OperationalError("disk I/O error")


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EFBIG, errno.EDQUOT])
def test_a_full_disk_writing_a_file_names_the_file(tmp_path: Path, code: int) -> None:
    with pytest.raises(DiskFull, match="out.json"), translate_errors(tmp_path / "j.sqlite"):
        raise OSError(code, os.strerror(code), str(tmp_path / "out.json"))


def test_other_os_errors_pass_through(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError), translate_errors(tmp_path / "j.sqlite"):
        raise FileNotFoundError(errno.ENOENT, "No such file", "in.json")


def test_a_journal_on_a_read_only_disk_opens_for_reading(journal: Journal, journal_path: Path,
                                                         tmp_path: Path) -> None:
    journal.add(draft("Kept safe."))
    journal.close()
    with read_only_copy(journal_path, tmp_path) as copy:
        opened = Journal.open(copy)
        try:
            assert not opened.writable
            assert [r.summary for r in opened.rows()] == ["Kept safe."]
            with pytest.raises(JournalReadOnly, match="is read-only"):
                opened.add(draft("Not now."))
            with pytest.raises(JournalReadOnly):
                opened.drafts.save_draft(None, "{}", opened._clock())
        finally:
            opened.close()
        assert sorted(p.name for p in copy.parent.iterdir()) == [copy.name]


def test_a_journal_moved_away_while_open_is_never_made_again_empty(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    journal = Journal.open(path, create=True)
    try:
        journal.add(draft("Before the move."))
        moved = tmp_path / "moved.sqlite"
        path.rename(moved)
        journal._engine.dispose()  # the next write needs a new connection, as after idling
        with pytest.raises(NotSaved):
            journal.add(draft("After the move."))
        assert not path.exists(), "an empty journal was made where the old one was"
    finally:
        journal.close()
