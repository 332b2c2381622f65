"""The full check at open is skipped only for a file exactly as CareJournal left it."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from carejournal.core.errors import JournalError
from carejournal.services.journal import Journal
from carejournal.store import backup, check_stamp, integrity, schema
from tests.conftest import draft
from tests.store.salvage_helpers import damage_middle_leaf, make_journal


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Path]]:
    """Every check run at open, quick and full (the real checks still run)."""
    seen: list[tuple[str, Path]] = []
    full_run = integrity.FullCheck.run

    def quick(path: Path, key: bytes | None = None) -> list[str]:
        seen.append(("quick", path))
        return backup.quick_check(path, key)

    def full(check: integrity.FullCheck) -> list[str]:
        seen.append(("full", check.path))
        return full_run(check)

    monkeypatch.setattr(schema, "quick_check", quick)
    monkeypatch.setattr(integrity.FullCheck, "run", full)
    return seen


def _reopen(path: Path) -> None:
    Journal.open(path).close()


def test_a_cleanly_closed_journal_is_not_checked_again(tmp_path: Path,
                                                       checks: list[tuple[str, Path]]) -> None:
    path = tmp_path / "j.sqlite"
    journal = Journal.open(path, create=True)
    journal.add(draft("Tea"))
    journal.close()
    checks.clear()
    _reopen(path)
    _reopen(path)
    assert checks == []
    note = json.loads(check_stamp.stamp_path(path).read_text(encoding="utf-8"))
    assert set(note) == {"size", "mtime_ns", "inode", "check", "at"}  # nothing about entries
    assert os.stat(check_stamp.stamp_path(path)).st_mode & 0o777 == 0o600


def test_a_file_changed_by_anything_else_is_checked_and_damage_found(
        tmp_path: Path, checks: list[tuple[str, Path]]) -> None:
    path = make_journal(tmp_path / "j.sqlite", 80)
    checks.clear()
    time.sleep(0.02)  # another program, later: its write moves the modification time
    damage_middle_leaf(path)
    with pytest.raises(JournalError, match="damaged"):
        Journal.open(path)
    assert checks == [("quick", path)]  # a broken page: found before the full check


def test_a_crash_leaves_a_log_and_the_next_open_checks(tmp_path: Path,
                                                       checks: list[tuple[str, Path]]) -> None:
    path = tmp_path / "j.sqlite"
    Journal.open(path, create=True).close()
    journal = Journal.open(path)
    journal.add(draft("Not yet folded into the file"))  # no close: as after a crash
    checks.clear()
    other = Journal.open(path)
    other.close()
    journal.close()
    assert checks == [("quick", path), ("full", path)]


def test_the_note_lasts_a_week_and_a_garbled_note_means_a_check(
        tmp_path: Path, checks: list[tuple[str, Path]]) -> None:
    path = tmp_path / "j.sqlite"
    Journal.open(path, create=True).close()
    stamp = check_stamp.stamp_path(path)
    note = json.loads(stamp.read_text(encoding="utf-8"))
    stamp.write_text(json.dumps(note | {"at": time.time() - 8 * 24 * 3600}), encoding="utf-8")
    checks.clear()
    _reopen(path)
    assert checks == [("quick", path), ("full", path)]  # the new note dates from it
    assert json.loads(stamp.read_text(encoding="utf-8"))["at"] > time.time() - 60
    stamp.write_text("{not json", encoding="utf-8")
    _reopen(path)
    assert checks == [("quick", path), ("full", path)] * 2


def test_a_skipped_check_keeps_the_date_of_the_last_real_one(
        tmp_path: Path, checks: list[tuple[str, Path]]) -> None:
    path = tmp_path / "j.sqlite"
    Journal.open(path, create=True).close()
    stamp = check_stamp.stamp_path(path)
    first = json.loads(stamp.read_text(encoding="utf-8"))["at"]
    _reopen(path)
    assert json.loads(stamp.read_text(encoding="utf-8"))["at"] == first


def test_reading_only_leaves_no_note(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite"
    Journal.open(path, create=True).close()
    check_stamp.forget(path)
    Journal.open(path, read_only=True).close()
    assert not check_stamp.stamp_path(path).exists()
