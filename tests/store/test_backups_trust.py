"""Backups you can trust: only whole, checked copies are listed; a damaged journal is not
backed up; the order is the order they were made in, whatever the clock said."""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from pathlib import Path

import pytest

from carejournal.services.backups import (
    BackupProblem,
    BackupService,
    backup_if_due,
    journal_backups,
    make_backup,
    newest_good_backup,
    restore_from,
)
from carejournal.services.journal import Journal
from carejournal.store import cipher
from carejournal.store.backup import list_backups
from tests.conftest import draft
from tests.store.test_backups import _bodies, _journal

NOW = dt.datetime(2026, 11, 23, 23, 5, 12, tzinfo=dt.UTC)
WRONG_CLOCK = dt.datetime(2037, 3, 1, 9, 0, tzinfo=dt.UTC)


def integrity(path: Path) -> list[str]:
    """What SQLite's full integrity check says about the file (["ok"] when sound)."""
    conn = cipher.connect(path, None, read_only=True)
    try:
        return [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


def damaged_journal(path: Path) -> Path:
    """A journal with one page in the middle scribbled over (SQLite's checks find it)."""
    opened = Journal.open(path, create=True)
    opened.add_many(draft(f"Entry {n} " + "words " * 200) for n in range(200))
    opened.close()
    data = bytearray(path.read_bytes())
    data[8192:8192 + 4096] = b"\xff" * 4096
    path.write_bytes(bytes(data))
    return path


def test_a_damaged_journal_is_not_backed_up_and_nothing_is_left(journal_path: Path) -> None:
    damaged_journal(journal_path)
    before = journal_path.read_bytes()
    for attempt in (lambda: make_backup(journal_path, NOW, "manual"),
                    lambda: backup_if_due(journal_path, NOW),
                    lambda: BackupService(journal_path, lambda: NOW).back_up_now()):
        with pytest.raises(BackupProblem, match="is damaged, so no backup of it was made"):
            attempt()
    with pytest.raises(BackupProblem, match="damaged"):
        BackupService(journal_path).back_up_to(journal_path.parent / "copy.sqlite")
    assert journal_backups(journal_path) == []
    assert list((journal_path.parent / "backups").iterdir()) == []  # no .part, no -journal
    assert not (journal_path.parent / "copy.sqlite").exists()
    assert journal_path.read_bytes() == before  # checking never writes


def test_a_failed_daily_backup_is_logged(journal_path: Path,
                                         caplog: pytest.LogCaptureFixture) -> None:
    damaged_journal(journal_path)
    with caplog.at_level(logging.WARNING), pytest.raises(BackupProblem):
        BackupService(journal_path, lambda: NOW).back_up_if_due()
    assert any("automatic backup was not made" in r.getMessage() for r in caplog.records)


def test_a_damaged_journal_kept_before_a_restore_is_never_listed_as_a_backup(
        journal_path: Path) -> None:
    _journal(journal_path, "tea")
    good = make_backup(journal_path, NOW, "daily")
    data = bytearray(journal_path.read_bytes())
    data[100:] = b"\xff" * (len(data) - 100)
    journal_path.write_bytes(bytes(data))
    done = restore_from(good, journal_path, NOW + dt.timedelta(hours=1))
    assert done.saved_first is not None and done.saved_first.name.endswith(".damaged")
    assert done.saved_first.read_bytes() == bytes(data)  # kept for rescue, byte for byte
    assert [b.path for b in journal_backups(journal_path)] == [good]
    assert newest_good_backup(journal_path) == good


def test_side_files_hidden_and_partial_files_are_never_listed(journal_path: Path) -> None:
    _journal(journal_path, "tea")
    made = make_backup(journal_path, NOW, "manual")
    folder = made.parent
    for name in (f"{made.name}-journal", f"{made.name}-wal", f"{made.name}-shm",
                 f".{made.name}.x1y2.part", f".{made.name}.x1y2.part-journal",
                 f"{made.name}.damaged"):
        (folder / name).write_bytes(b"SQLite format 3\x00half")
    assert [b.path for b in list_backups(folder)] == [made]


def test_a_stale_part_from_a_killed_backup_is_swept_by_the_next_one(
        journal_path: Path) -> None:
    import os

    _journal(journal_path, "tea")
    folder = journal_path.parent / "backups"
    folder.mkdir()
    stale = folder / ".journal-2026-11-23T230512Z-000001-manual.sqlite.ab12.part"
    stale.write_bytes(b"SQLite format 3\x00half")
    os.utime(stale, (1, 1))  # long ago
    make_backup(journal_path, NOW, "manual")
    assert not stale.exists()


def test_a_backup_stamped_in_the_future_cannot_stop_or_outlive_the_daily_ones(
        journal_path: Path) -> None:
    """The clock read 2037 once: the daily backups go on, and rotation removes it in turn."""
    _journal(journal_path, "tea")
    real = [backup_if_due(journal_path, NOW + dt.timedelta(days=d), keep=3) for d in (0, 1)]
    wrong = backup_if_due(journal_path, WRONG_CLOCK, keep=3)
    assert wrong is not None and None not in real
    _journal(journal_path, "written once the clock was right again")
    later = []
    for day in range(2, 6):
        made = backup_if_due(journal_path, NOW + dt.timedelta(days=day), keep=3)
        assert made is not None, f"day {day}: the 2037 backup stopped the daily backup"
        later.append(made)
        assert newest_good_backup(journal_path) == made, "the 2037 one was offered as newest"
    assert _bodies(later[-1]) == ["tea", "written once the clock was right again"]
    assert [b.path for b in journal_backups(journal_path)] == later[:0:-1]
    assert not wrong.exists() and not any(p.exists() for p in real)


def test_a_manual_backup_stamped_in_the_future_does_not_count_as_today(
        journal_path: Path) -> None:
    _journal(journal_path, "tea")
    BackupService(journal_path, lambda: WRONG_CLOCK).back_up_now()
    assert backup_if_due(journal_path, NOW) is not None


def test_old_unnumbered_backups_are_still_listed_in_order_and_restorable(
        journal_path: Path) -> None:
    _journal(journal_path, "tea")
    made = make_backup(journal_path, NOW, "manual")
    folder = made.parent
    old_daily = folder / "journal-2026-11-20T100000Z-daily.sqlite"
    old_upgrade = folder / "journal-before-upgrade-from-0005-20261119-100000.sqlite"
    old_future = folder / "journal-2037-01-01T100000Z-daily.sqlite"  # a wrong clock, long ago
    for old in (old_daily, old_upgrade, old_future):
        shutil.copy(made, old)
    made.unlink()
    _journal(journal_path, "after")
    newer = make_backup(journal_path, NOW - dt.timedelta(days=30), "manual")  # numbered: newer
    assert [b.path for b in journal_backups(journal_path)] == \
        [newer, old_daily, old_upgrade, old_future]
    assert newer.name == "journal-2026-10-24T230512Z-000001-manual.sqlite"
    newer.unlink()
    assert newest_good_backup(journal_path) == old_daily  # not the one stamped 2037
    restore_from(old_upgrade, journal_path, NOW)
    assert _bodies(journal_path) == ["tea"]


def test_every_backup_passes_the_full_integrity_check(journal_path: Path) -> None:
    _journal(journal_path, "tea", "a walk")
    made = make_backup(journal_path, NOW, "manual")
    assert integrity(made) == ["ok"]
