"""Backups made before upgrades never overwrite each other."""

from __future__ import annotations

from pathlib import Path

from carejournal.services.journal import Journal
from carejournal.store.backup import backup_before_upgrade
from tests.conftest import draft


def test_two_backups_in_the_same_second_are_both_kept(tmp_path: Path) -> None:
    journal = tmp_path / "journal.sqlite"
    opened = Journal.open(journal, create=True)
    opened.add(draft("tea"))
    opened.close()
    first = backup_before_upgrade(journal, "0001")
    second = backup_before_upgrade(journal, "0001")
    assert first != second
    assert first.exists() and second.exists()
    copy = Journal.open(second)
    try:
        assert [copy.get(r.id).body for r in copy.rows()] == ["tea"]
    finally:
        copy.close()
