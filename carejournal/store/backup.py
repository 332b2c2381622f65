"""Consistent copies of a journal file, made with SQLite's online backup API; their names,
their integrity checks, and putting one back in place of the journal atomically.

A backup is named `<journal stem>-<UTC time>-<reason>.sqlite`, for example
`journal-2026-11-23T230512Z-daily.sqlite`, so that names sort by time (a second backup in
the same second gets a number after the Z: `...T230512Z2-manual`). Backups are single
files (rollback-journal mode), so reading one never needs or leaves -wal/-shm files.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from carejournal.errors import JournalError
from carejournal.store import cipher
from carejournal.store.engine import create_owner_only

SQLITE_HEADER = b"SQLite format 3\x00"
STAMP_FORMAT = "%Y-%m-%dT%H%M%SZ"
JOURNAL_TABLES = frozenset({"alembic_version", "entries"})
SIDE_FILES = ("-wal", "-shm", "-journal")
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{4}-\d\d-\d\dT\d{6}Z)(?P<n>\d*)-"
                   r"(?P<reason>[a-z][a-z0-9-]*)$")
_LEGACY = re.compile(r"^(?P<stem>.+)-(?P<reason>before-upgrade-from-[0-9a-z_]+)-"
                     r"(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?$")


class BackupProblem(JournalError):
    """A backup cannot be made, or is damaged and will not be restored."""


@dataclass(frozen=True)
class BackupFile:
    """One backup in the backups folder: when it was made, why, and its size."""

    path: Path
    journal_stem: str
    made_at: dt.datetime  # timezone-aware, UTC
    reason: str  # "daily", "manual", "before-restore", "before-upgrade-from-0005", ...
    size: int
    sequence: int = 1  # more than one backup in the same second: 2, 3, ...


def backups_dir(journal: Path) -> Path:
    """The folder beside the journal where its backups go (created owner-only)."""
    folder = journal.parent / "backups"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def backup_copy(journal: Path, destination: Path, key: bytes | None = None) -> Path:
    """Copy the journal to destination (a new owner-only file) and return it.

    An encrypted journal (key given) is copied encrypted with the same key: the backup API
    copies pages between two connections keyed alike, so no plain page is ever written.
    """
    create_owner_only(destination)
    try:
        source = cipher.connect(journal, key, read_only=True)
        try:
            target = cipher.connect(destination, key, isolation_level=None)
            try:
                source.backup(target)
                target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            finally:
                target.close()
        finally:
            source.close()
    except cipher.Error as exc:
        _remove(destination)
        raise BackupProblem(f"{journal} could not be copied ({exc}).") from exc
    os.chmod(destination, 0o600)
    _fsync(destination)
    return destination


def backup_name(stem: str, made_at: dt.datetime, reason: str, suffix: str = ".sqlite",
                sequence: int = 1) -> str:
    """The file name of a backup of the journal `stem`, made at `made_at` for `reason`."""
    stamp = made_at.astimezone(dt.UTC).strftime(STAMP_FORMAT)
    return f"{stem}-{stamp}{sequence if sequence > 1 else ''}-{reason}{suffix}"


def free_path(journal: Path, now: dt.datetime, reason: str) -> Path:
    """A new backup path for the journal that no earlier backup has (never overwrite one)."""
    if not re.fullmatch(r"[a-z][a-z0-9-]*", reason):
        raise ValueError(f"a backup reason is lowercase words and hyphens, not {reason!r}")
    folder, suffix, n = backups_dir(journal), journal.suffix or ".sqlite", 1
    while (target := folder / backup_name(journal.stem, now, reason, suffix, n)).exists():
        n += 1
    return target


def make_backup(journal: Path, now: dt.datetime, reason: str, key: bytes | None = None) -> Path:
    """Back the journal up into its backups folder; return the new file."""
    return backup_copy(journal, free_path(journal, now, reason), key)


def backup_before_upgrade(journal: Path, revision: str, key: bytes | None = None) -> Path:
    """Back up the journal before a schema upgrade; return the backup's path."""
    return make_backup(journal, dt.datetime.now(dt.UTC), f"before-upgrade-from-{revision}",
                       key)


def raw_copy(journal: Path, now: dt.datetime, reason: str) -> Path:
    """Copy a journal the backup API cannot read (a damaged one) byte for byte, with its WAL."""
    target = free_path(journal, now, reason)
    create_owner_only(target)
    shutil.copyfile(journal, target)
    wal = Path(f"{journal}-wal")
    if wal.exists():
        create_owner_only(Path(f"{target}-wal"))
        shutil.copyfile(wal, f"{target}-wal")
    _fsync(target)
    return target


def parse_backup(path: Path) -> BackupFile | None:
    """What a file in the backups folder is, from its name; None if it is not a backup."""
    if path.suffix in SIDE_FILES or not path.is_file():
        return None
    match = _NAME.match(path.stem)
    if match:
        made_at = dt.datetime.strptime(match["stamp"], STAMP_FORMAT).replace(tzinfo=dt.UTC)
    else:
        match = _LEGACY.match(path.stem)  # before-upgrade backups of earlier versions
        if not match:
            return None
        made_at = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S").astimezone(dt.UTC)
    return BackupFile(path, match["stem"], made_at, match["reason"], path.stat().st_size,
                      int(match["n"] or 1))


def list_backups(folder: Path, stem: str | None = None) -> list[BackupFile]:
    """Backups in folder (of the journal named stem, if given), newest first."""
    if not folder.is_dir():
        return []
    found = [b for b in map(parse_backup, folder.iterdir()) if b is not None
             and (stem is None or b.journal_stem == stem)]
    return sorted(found, key=lambda b: (b.made_at, b.sequence), reverse=True)


def quick_check(path: Path, key: bytes | None = None) -> list[str]:
    """Problems SQLite's quick integrity check finds in the file (none: an empty list).

    The file is opened read-only, so checking a damaged journal never writes to it. An
    encrypted file is checked with its key (SQLCipher checks each page's HMAC too).
    """
    if not path.is_file():
        return [f"{path} does not exist."]
    if not path.stat().st_size:
        return [f"{path} is empty (0 bytes)."]
    if key is None and cipher.looks_encrypted(path):
        return [f"{path} is encrypted, or is not an SQLite database, or its first page is "
                "damaged."]
    try:
        with _reading(path, key, immutable=not Path(f"{path}-wal").exists()) as conn:
            rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check(20)")]
    except cipher.Error as exc:
        return [f"SQLite cannot read {path}: {exc}."]
    return [] if rows == ["ok"] else rows


def journal_problems(path: Path, key: bytes | None = None) -> list[str]:
    """Why the file is not a CareJournal journal (an empty list if it is one)."""
    try:
        with _reading(path, key) as conn:
            tables = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            missing = JOURNAL_TABLES - tables
            if missing:
                return [f"{path.name} is an SQLite database but not a CareJournal journal."]
            if conn.execute("SELECT version_num FROM alembic_version").fetchone() is None:
                return [f"{path.name} has no schema version, so it is not a usable journal."]
    except cipher.Error as exc:
        return [f"SQLite cannot read {path}: {exc}."]
    return []


def in_use(journal: Path) -> bool:
    """Whether another connection (another program or window) has the journal open."""
    if not journal.is_file():
        return False
    try:
        conn = cipher.connect(journal, None, timeout=0.1, isolation_level=None)
    except cipher.Error:
        return False
    try:
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")
        return False
    except cipher.Error as exc:
        return "locked" in str(exc).lower() or "busy" in str(exc).lower()
    finally:
        conn.close()


def staged_copy(backup: Path, journal: Path, key: bytes | None = None) -> Path:
    """Copy a backup (with the backup API) to a hidden temporary file beside the journal."""
    temp = journal.with_name(f".{journal.name}.restoring")
    remove_with_side_files(temp)
    return backup_copy(backup, temp, key)


def put_in_place(staged: Path, journal: Path) -> None:
    """Replace the (closed) journal with staged atomically; stale -wal/-shm go first.

    The old -wal must not survive: SQLite would replay its pages onto the new file.
    """
    for side in SIDE_FILES:
        _remove(Path(f"{journal}{side}"))
    os.replace(staged, journal)
    _fsync_dir(journal.parent)


def remove_with_side_files(path: Path) -> None:
    """Delete a database file and any -wal, -shm or -journal beside it."""
    for name in (str(path), *(f"{path}{side}" for side in SIDE_FILES)):
        _remove(Path(name))


@contextmanager
def _reading(path: Path, key: bytes | None = None, immutable: bool = False) -> Iterator[Any]:
    conn = cipher.connect(path, key, read_only=True, immutable=immutable)
    try:
        yield conn
    finally:
        conn.close()


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a folder to fsync it
        return
    _fsync(folder)
