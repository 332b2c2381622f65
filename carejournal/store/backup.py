"""Consistent copies of a journal file, made with SQLite's online backup API; their names,
their integrity checks, and putting one back in place of the journal atomically.

Names. A backup is named `<journal stem>-<UTC time>-<number>-<reason>.sqlite`, for example
`journal-2026-11-23T230512Z-000042-daily.sqlite`. The number is one more than the highest
number among the journal's backups in that folder when it is made: it says which backup was
made last, whatever the clock said. Backups named by earlier versions (no number:
`journal-2026-11-23T230512Z-daily.sqlite`, `journal-before-upgrade-from-0005-20261123-
230512.sqlite`) are still listed and restored; they count as older than every numbered one.

Order. "Newest" means the highest number, not the latest time. A backup made while the
clock read 2037 gets the next number like any other, so the backups made after it (with
the clock right again) are newer than it: it is not offered as "the newest good backup"
ahead of them, and rotation deletes it in its turn (carejournal/services/backups.py). Among old
unnumbered backups, one stamped later than now is taken as the oldest of them. The time in
a name is only shown to the worker, and used to tell whether a backup was made today.

Trust. Every backup is written under a hidden temporary name (`.<final name>.<random>.part`)
that is never listed; there it is checked (SQLite's full integrity check, and that it is a
CareJournal journal), fsynced on a writable descriptor, and only then renamed to its final
name (carejournal/durable.py). So a file with a backup's name was whole and sound when it
was made; a killed backup leaves only a hidden `.part` (swept away by a later backup), and
a damaged journal is refused: no copy of it is named as a backup. Backups are single files
(rollback-journal mode): their -journal, -wal or -shm side files are never listed.
A damaged journal about to be replaced by a restore is kept byte for byte as a rescue copy
named `….damaged`, which is never listed as a backup either.
"""

from __future__ import annotations

import datetime as dt
import glob
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from carejournal import durable
from carejournal.core.errors import JournalError
from carejournal.store import cipher
from carejournal.store.engine import open_here

SQLITE_HEADER = b"SQLite format 3\x00"
STAMP_FORMAT = "%Y-%m-%dT%H%M%SZ"
JOURNAL_TABLES = frozenset({"alembic_version", "entries"})
SIDE_FILES = ("-wal", "-shm", "-journal")
RESCUE_SUFFIX = ".damaged"  # a damaged journal kept byte for byte before a restore
NOT_BACKUPS = (*SIDE_FILES, ".part", RESCUE_SUFFIX)  # name endings that are never a backup
STALE_PART_SECONDS = 3600  # a hidden .part this old was left by a killed backup
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{4}-\d\d-\d\dT\d{6}Z)(?P<n>\d*)-"
                   r"(?:(?P<number>\d+)-)?(?P<reason>[a-z][a-z0-9-]*)$")
_LEGACY = re.compile(r"^(?P<stem>.+)-(?P<reason>before-upgrade-from-[0-9a-z_]+)-"
                     r"(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?$")


class BackupProblem(JournalError):
    """A backup cannot be made, or is damaged and will not be restored."""


@dataclass(frozen=True)
class BackupFile:
    """One backup in the backups folder: which one it is, when it was made, why, its size."""

    path: Path
    journal_stem: str
    made_at: dt.datetime  # timezone-aware, UTC; by the clock of the day (it can be wrong)
    reason: str  # "daily", "manual", "before-restore", "before-upgrade-from-0005", ...
    size: int
    sequence: int = 1  # unnumbered backups in the same second: 2, 3, ...
    number: int = 0  # the order backups were made in (0: named before numbering)


def backups_dir(journal: Path) -> Path:
    """The folder beside the journal where its backups go (created owner-only)."""
    folder = journal.parent / "backups"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def backup_copy(journal: Path, destination: Path, key: bytes | None = None) -> Path:
    """Copy the journal to destination, checked and durable, and return it.

    The copy is made under a hidden temporary name, checked there, fsynced, and renamed to
    destination only if it is sound: a damaged journal raises BackupProblem and leaves no
    file. An encrypted journal (key given) is copied encrypted with the same key: the backup
    API copies pages between two connections keyed alike, so no plain page is ever written.
    """
    temp: Path | None = None
    try:
        temp = _temporary(destination)
        _copy_pages(journal, temp, key)
        _refuse_damaged(journal, temp, key)
        os.chmod(temp, durable.PRIVATE)
        durable.fsync_file(temp)
        durable.replace(temp, destination)
    except OSError as exc:
        raise BackupProblem(f"The backup of {journal.name} could not be written in "
                            f"{destination.parent} ({exc.strerror or exc}). No backup was "
                            "made; the earlier ones are untouched.") from exc
    finally:
        if temp is not None:
            with suppress(OSError):  # gone already once renamed; its -journal too
                remove_with_side_files(temp)
    return destination


def _refuse_damaged(journal: Path, copy: Path, key: bytes | None) -> None:
    """Raise BackupProblem unless the fresh copy passes the full check and is a journal."""
    problems = integrity_problems(copy, key) or journal_problems(copy, key)
    if problems:
        raise BackupProblem(
            f"{journal.name} is damaged, so no backup of it was made: a copy would not "
            f"restore (SQLite reports: {_one_line(problems[0])}). The earlier backups are "
            "untouched; save what can still be read with: carejournal salvage --out "
            "salvaged.json")


def _temporary(destination: Path) -> Path:
    """A new, empty, owner-only hidden file beside destination, that is never listed."""
    fd, name = tempfile.mkstemp(dir=destination.parent, prefix=f".{destination.name}.",
                                suffix=".part")
    os.close(fd)
    return Path(name)


def _copy_pages(journal: Path, target_path: Path, key: bytes | None) -> None:
    """Copy the journal's pages into target_path (a new file) as one self-contained file."""
    try:
        source = cipher.connect(journal, key, read_only=True)
        try:
            target = cipher.connect(target_path, key, isolation_level=None)
            try:
                source.backup(target)
                target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            finally:
                target.close()
        finally:
            source.close()
    except cipher.Error as exc:
        raise BackupProblem(f"{journal} could not be copied ({exc}).") from exc


def integrity_problems(path: Path, key: bytes | None = None) -> list[str]:
    """Problems SQLite's full integrity check finds in the file (none: an empty list).

    Slower than quick_check (it also matches every index against its table, which is where
    damage inside records shows), so it is run on new backups, not at every open.
    """
    try:
        with _reading(path, key) as conn:
            rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check(20)")]
    except cipher.Error as exc:
        return [f"SQLite cannot read {path.name}: {exc}."]
    return [] if rows == ["ok"] else rows


def _one_line(text: str) -> str:
    return " ".join(text.split())


def backup_name(stem: str, made_at: dt.datetime, reason: str, suffix: str = ".sqlite",
                sequence: int = 1, number: int = 0) -> str:
    """The file name of a backup of the journal `stem`, made at `made_at` for `reason`.

    number is the backup's place in the order they were made (0: an unnumbered name, as
    earlier versions wrote them, with sequence telling apart those made in one second).
    """
    stamp = made_at.astimezone(dt.UTC).strftime(STAMP_FORMAT)
    if number:
        return f"{stem}-{stamp}-{number:06d}-{reason}{suffix}"
    return f"{stem}-{stamp}{sequence if sequence > 1 else ''}-{reason}{suffix}"


def free_path(journal: Path, now: dt.datetime, reason: str) -> Path:
    """The path of the journal's next backup: numbered after every backup there already."""
    if not re.fullmatch(r"[a-z][a-z0-9-]*", reason):
        raise ValueError(f"a backup reason is lowercase words and hyphens, not {reason!r}")
    return next_path(backups_dir(journal), journal, now, reason)


def next_path(folder: Path, journal: Path, now: dt.datetime, reason: str) -> Path:
    """A new backup name in folder, numbered after every backup of the journal there."""
    stem, suffix = journal.stem, journal.suffix or ".sqlite"
    _sweep_parts(folder, stem)
    number = 1 + max((b.number for b in list_backups(folder, stem)), default=0)
    while (target := folder / backup_name(stem, now, reason, suffix, number=number)).exists():
        number += 1
    return target


def _sweep_parts(folder: Path, stem: str) -> None:
    """Delete hidden temporary files that killed backups left (older than an hour)."""
    cutoff = time.time() - STALE_PART_SECONDS
    for part in folder.glob(f".{glob.escape(stem)}-*.part*"):
        with suppress(OSError):
            if part.stat().st_mtime < cutoff:
                part.unlink()


def make_backup(journal: Path, now: dt.datetime, reason: str, key: bytes | None = None) -> Path:
    """Back the journal up into its backups folder; return the new file."""
    try:
        target = free_path(journal, now, reason)
    except OSError as exc:  # the folder cannot be made or read (read-only, gone)
        raise BackupProblem(f"No backup of {journal.name} was made: its backups folder "
                            f"cannot be used ({exc.strerror or exc}).") from exc
    return backup_copy(journal, target, key)


def export_backup(journal: Path, now: dt.datetime, reason: str, target_key: bytes) -> Path:
    """Back the plain journal up encrypted with target_key, straight into the backups folder.

    sqlcipher_export writes the encrypted copy from the plain journal's connection, so no
    plain copy is ever made; checked, fsynced and renamed like any backup.
    """
    target = free_path(journal, now, reason)
    temp = _temporary(target)
    try:
        cipher.export_copy(journal, None, temp, target_key)
        problems = integrity_problems(temp, target_key) or journal_problems(temp, target_key)
        if problems:
            raise BackupProblem(f"The encrypted backup of {journal.name} failed its check "
                                f"({_one_line(problems[0])}); nothing was changed.")
        durable.fsync_file(temp)
        durable.replace(temp, target)
    finally:
        with suppress(OSError):
            remove_with_side_files(temp)
    return target


def backup_before_upgrade(journal: Path, revision: str, key: bytes | None = None) -> Path:
    """Back up the journal before a schema upgrade; return the backup's path."""
    return make_backup(journal, dt.datetime.now(dt.UTC), f"before-upgrade-from-{revision}",
                       key)


def raw_copy(journal: Path, now: dt.datetime, reason: str) -> Path:
    """Copy a journal the backup API cannot read (a damaged one) byte for byte, with its WAL.

    For rescue only: the copy is named `….damaged`, so it is never listed or offered as a
    backup. The journal must be closed (this is plain file I/O on it): refused while this
    process has it open, since closing the copy's descriptor would drop its SQLite locks.
    """
    if open_here(journal):
        raise BackupProblem(f"{journal} is open in CareJournal; close it before copying it.")
    plain = free_path(journal, now, reason)  # rescue copies are not numbered among backups:
    target, n = plain.with_name(f"{plain.name}{RESCUE_SUFFIX}"), 1
    while target.exists():  # so two in one second must not share a name
        n += 1
        target = plain.with_name(f"{plain.stem}-{n}{plain.suffix}{RESCUE_SUFFIX}")
    wal = Path(f"{journal}-wal")
    if wal.exists():
        _copy_bytes(wal, Path(f"{target}-wal"))
    _copy_bytes(journal, target)
    return target


def rescue_copies(journal: Path) -> list[Path]:
    """The journal's rescue copies (`….damaged`, made by raw_copy) in its backups folder."""
    folder = journal.parent / "backups"
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.glob(f"{glob.escape(journal.stem)}-*{RESCUE_SUFFIX}")
                  if path.is_file())


def _copy_bytes(source: Path, target: Path) -> None:
    with source.open("rb") as data, durable.writing(target, durable.PRIVATE) as out:
        shutil.copyfileobj(data, out, 1 << 20)


def parse_backup(path: Path) -> BackupFile | None:
    """What a file in the backups folder is, from its name; None if it is not a backup.

    Hidden files (backups being written), side files and rescue copies are not backups.
    """
    if path.name.startswith(".") or path.name.endswith(NOT_BACKUPS) or not path.is_file():
        return None
    match = _NAME.match(path.stem)
    if match:
        made_at = dt.datetime.strptime(match["stamp"], STAMP_FORMAT).replace(tzinfo=dt.UTC)
        number = int(match["number"] or 0)
    else:
        match = _LEGACY.match(path.stem)  # before-upgrade backups of earlier versions
        if not match:
            return None
        made_at = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S").astimezone(dt.UTC)
        number = 0
    return BackupFile(path, match["stem"], made_at, match["reason"], path.stat().st_size,
                      int(match["n"] or 1), number)


def list_backups(folder: Path, stem: str | None = None) -> list[BackupFile]:
    """Backups in folder (of the journal named stem, if given), newest first.

    Newest is the highest number; unnumbered backups (from earlier versions) come after the
    numbered ones, by time, with any stamped in the future (a wrong clock) last.
    """
    if not folder.is_dir():
        return []
    found = [b for b in map(parse_backup, folder.iterdir()) if b is not None
             and (stem is None or b.journal_stem == stem)]
    now = dt.datetime.now(dt.UTC)
    return sorted(found, key=lambda b: (b.number, b.made_at <= now, b.made_at, b.sequence),
                  reverse=True)


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

    The old -wal must not survive: SQLite would replay its pages onto the new file. staged
    is flushed to the disk first (on a writable descriptor), and the rename made durable.
    """
    durable.fsync_file(staged)
    for side in SIDE_FILES:
        _remove(Path(f"{journal}{side}"))
    durable.replace(staged, journal)


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
