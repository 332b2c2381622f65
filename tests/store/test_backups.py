"""Backups on real journal files: rotation, at most daily, integrity checks and restore."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest

from carejournal.core.domain import InvalidInput
from carejournal.services.backups import (
    BackupProblem,
    BackupService,
    BackupSettings,
    backup_if_due,
    journal_backups,
    make_backup,
    newest_good_backup,
    quick_check,
    restore_from,
    rotate,
    verify,
)
from carejournal.services.journal import Journal
from tests.conftest import draft

NOW = dt.datetime(2026, 11, 23, 23, 5, 12, tzinfo=dt.UTC)


def _journal(path: Path, *bodies: str) -> Path:
    opened = Journal.open(path, create=True)
    for body in bodies:
        opened.add(draft(body))
    opened.close()
    return path


def _bodies(path: Path) -> list[str]:
    opened = Journal.open(path, create=True)
    try:
        return sorted(opened.get(r.id).body for r in opened.rows())
    finally:
        opened.close()


def _garble(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[100:] = b"\xff" * (len(data) - 100)
    path.write_bytes(bytes(data))


def test_a_backup_is_owner_only_named_by_time_and_reason(journal_path: Path) -> None:
    made = make_backup(_journal(journal_path, "tea"), NOW, "daily")
    assert made.parent == journal_path.parent / "backups"
    assert made.name == "journal-2026-11-23T230512Z-000001-daily.sqlite"
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    assert stat.S_IMODE(made.parent.stat().st_mode) == 0o700
    assert verify(made) == []
    again = make_backup(journal_path, NOW, "daily")  # same second: a new file, not overwritten
    assert again.name == "journal-2026-11-23T230512Z-000002-daily.sqlite"
    assert [b.path for b in journal_backups(journal_path)] == [again, made]


def test_rotation_keeps_the_newest_automatic_ones_and_never_the_others(
        journal_path: Path) -> None:
    _journal(journal_path, "tea")
    daily = [make_backup(journal_path, NOW + dt.timedelta(days=d), "daily") for d in range(6)]
    kept = [make_backup(journal_path, NOW - dt.timedelta(days=30), reason)
            for reason in ("manual", "before-restore", "before-upgrade-from-0005")]
    other = _journal(journal_path.with_name("other.sqlite"))
    others = [make_backup(other, NOW - dt.timedelta(days=d), "daily") for d in range(2)]
    stranger = journal_path.parent / "backups" / "my-notes.sqlite"
    stranger.write_bytes(b"not ours")
    removed = rotate(journal_path.parent / "backups", keep=3)
    assert sorted(removed) == sorted(daily[:3])  # the three oldest daily ones
    assert all(p.exists() for p in daily[3:] + kept + others) and stranger.exists()
    assert not any(p.exists() for p in daily[:3])


def test_an_automatic_backup_is_made_at_most_once_a_day(journal_path: Path) -> None:
    _journal(journal_path, "tea")
    first = backup_if_due(journal_path, NOW, keep=2)
    assert first is not None
    assert backup_if_due(journal_path, NOW + dt.timedelta(minutes=50), keep=2) is None
    second = backup_if_due(journal_path, NOW + dt.timedelta(hours=2), keep=2)  # next UTC day
    assert second is not None and second != first
    third = backup_if_due(journal_path, NOW + dt.timedelta(days=2), keep=2)
    assert third is not None
    assert [b.path for b in journal_backups(journal_path)] == [third, second]


def test_a_manual_backup_today_makes_the_daily_one_unneeded(journal_path: Path) -> None:
    _journal(journal_path, "tea")
    BackupService(journal_path, lambda: NOW).back_up_now()
    assert backup_if_due(journal_path, NOW + dt.timedelta(minutes=5)) is None


def test_no_backup_of_a_missing_or_empty_journal(journal_path: Path) -> None:
    assert backup_if_due(journal_path, NOW) is None
    journal_path.write_bytes(b"")
    assert backup_if_due(journal_path, NOW) is None


def test_quick_check_finds_a_garbled_or_truncated_journal(journal_path: Path) -> None:
    _journal(journal_path, "tea", "a walk")
    assert quick_check(journal_path) == []
    copy = journal_path.with_name("truncated.sqlite")
    data = journal_path.read_bytes()
    copy.write_bytes(data[: len(data) // 2])
    assert quick_check(copy)
    before = journal_path.read_bytes()
    _garble(journal_path)
    garbled = journal_path.read_bytes()
    assert quick_check(journal_path)
    assert journal_path.read_bytes() == garbled != before  # checking never writes


def test_quick_check_names_empty_and_foreign_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    text = tmp_path / "notes.sqlite"
    text.write_text("shopping list")
    assert "empty" in quick_check(empty)[0]
    assert "not an SQLite database" in quick_check(text)[0]
    assert "does not exist" in quick_check(tmp_path / "missing.sqlite")[0]


def test_restore_round_trip_keeps_entries_and_saves_the_journal_first(
        journal_path: Path) -> None:
    _journal(journal_path, "tea", "a walk")
    backup = make_backup(journal_path, NOW, "manual")
    _journal(journal_path, "written after the backup")
    done = restore_from(backup, journal_path, NOW + dt.timedelta(hours=1))
    assert _bodies(journal_path) == ["a walk", "tea"]
    assert done.saved_first is not None and "before-restore" in done.saved_first.name
    assert _bodies(done.saved_first) == ["a walk", "tea", "written after the backup"]
    assert not list(journal_path.parent.glob(".journal.sqlite.restoring*"))


def test_a_damaged_backup_is_refused_and_the_journal_left_alone(journal_path: Path) -> None:
    _journal(journal_path, "tea")
    backup = make_backup(journal_path, NOW, "manual")
    _garble(backup)
    before = journal_path.read_bytes()
    with pytest.raises(BackupProblem, match="not restored"):
        restore_from(backup, journal_path, NOW)
    assert journal_path.read_bytes() == before
    assert [b.reason for b in journal_backups(journal_path)] == ["manual"]  # nothing saved


def test_a_sqlite_file_that_is_not_a_journal_is_refused(journal_path: Path,
                                                        tmp_path: Path) -> None:
    import sqlite3

    _journal(journal_path, "tea")
    foreign = tmp_path / "foreign.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE shopping (item)")
    assert verify(foreign)
    with pytest.raises(BackupProblem, match="not a journal"):
        restore_from(foreign, journal_path, NOW)
    assert _bodies(journal_path) == ["tea"]


def test_a_damaged_journal_is_restored_and_still_kept_byte_for_byte(
        journal_path: Path) -> None:
    _journal(journal_path, "tea")
    good = make_backup(journal_path, NOW, "daily")
    _garble(journal_path)
    garbled = journal_path.read_bytes()
    assert newest_good_backup(journal_path) == good
    done = restore_from(good, journal_path, NOW + dt.timedelta(hours=1))
    assert done.saved_first is not None and done.saved_first.read_bytes() == garbled
    assert _bodies(journal_path) == ["tea"]
    assert newest_good_backup(journal_path) == good  # the damaged copy is never "good"


def test_restore_is_refused_while_the_journal_is_open(journal_path: Path) -> None:
    _journal(journal_path, "tea")
    backup = make_backup(journal_path, NOW, "manual")
    opened = Journal.open(journal_path, create=True)
    try:
        opened.rows()
        with pytest.raises(BackupProblem, match="open"):
            restore_from(backup, journal_path, NOW)
    finally:
        opened.close()


def test_stale_wal_of_the_old_journal_is_not_replayed(journal_path: Path) -> None:
    _journal(journal_path, "tea")
    backup = make_backup(journal_path, NOW, "manual")
    Path(f"{journal_path}-wal").write_bytes(b"\x37\x7f\x06\x82" + b"\x00" * 60)
    restore_from(backup, journal_path, NOW)
    assert not Path(f"{journal_path}-wal").exists()
    assert _bodies(journal_path) == ["tea"]


class _Store(dict):
    def set(self, key: str, value: object) -> None:
        self[key] = value


def test_backups_to_keep_setting() -> None:
    store = _Store()
    settings = BackupSettings(store)
    assert settings.keep() == 14
    settings.set_keep(30)
    assert settings.keep() == 30 and store["backups_to_keep"] == 30
    store["backups_to_keep"] = "lots"
    assert settings.keep() == 14
    with pytest.raises(InvalidInput):
        settings.set_keep(0)


def test_opening_a_damaged_journal_writes_nothing_and_names_the_backup(tmp_path: Path) -> None:
    from carejournal.core.errors import JournalDamaged
    from carejournal.store.backup import make_backup

    path = tmp_path / "journal.sqlite"
    journal = Journal.open(path, create=True)
    for n in range(200):
        journal.add(draft(f"Entry {n} " + "words " * 200))
    journal.close()
    good = make_backup(path, dt.datetime.now(dt.UTC), "manual")
    data = bytearray(path.read_bytes())
    data[8192:8192 + 4096] = b"\xff" * 4096  # a page in the middle scribbled over
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises(JournalDamaged) as caught:
        Journal.open(path, create=True)
    assert "has not written to it" in str(caught.value)
    assert f"carejournal restore {good}" in str(caught.value)
    assert path.read_bytes() == before
