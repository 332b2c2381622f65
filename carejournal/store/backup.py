"""Consistent copies of a journal file, made with SQLite's online backup API."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from carejournal.store.engine import create_owner_only


def backups_dir(journal: Path) -> Path:
    """The folder beside the journal where its backups go (created owner-only)."""
    folder = journal.parent / "backups"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def backup_copy(journal: Path, destination: Path) -> Path:
    """Copy the journal to destination (a new owner-only file) and return it."""
    create_owner_only(destination)
    source = sqlite3.connect(journal)
    try:
        target = sqlite3.connect(destination)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
    os.chmod(destination, 0o600)
    return destination


def backup_before_upgrade(journal: Path, revision: str) -> Path:
    """Back up the journal before a schema upgrade; return the backup's path."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = backups_dir(journal)
    suffix = journal.suffix or ".sqlite"
    name = f"{journal.stem}-before-upgrade-from-{revision}-{stamp}"
    target, n = folder / f"{name}{suffix}", 1
    while target.exists():  # never overwrite an earlier backup
        n += 1
        target = folder / f"{name}-{n}{suffix}"
    return backup_copy(journal, target)
