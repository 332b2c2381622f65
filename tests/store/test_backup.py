"""Backups made before upgrades never overwrite each other."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from carejournal.store.backup import backup_before_upgrade


def test_two_backups_in_the_same_second_are_both_kept(tmp_path: Path) -> None:
    journal = tmp_path / "journal.sqlite"
    with sqlite3.connect(journal) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.execute("INSERT INTO t VALUES (1)")
    first = backup_before_upgrade(journal, "0001")
    second = backup_before_upgrade(journal, "0001")
    assert first != second
    assert first.exists() and second.exists()
    with sqlite3.connect(second) as conn:
        assert conn.execute("SELECT x FROM t").fetchall() == [(1,)]
