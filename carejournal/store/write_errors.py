"""Why a write did not reach the disk, in words a worker can act on (schema.translate_errors).

SQLite says little: a full disk is "database or disk is full" only when a write came up
short; a write refused outright (EFBIG at a file-size limit, ENOSPC creating the -shm file)
is "disk I/O error", as a failing disk is. So an I/O error on a disk with almost no room
left, or under a file-size limit, is reported as a full disk.
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

from carejournal.core.errors import (
    DiskFull,
    JournalReadOnly,
    JournalVanished,
    NotSaved,
    StorageFailed,
)

NEARLY_FULL_BYTES = 16 * 1024 * 1024
FULL_ERRNOS = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


def from_sqlite(path: Path, message: str) -> NotSaved | None:
    """The NotSaved for SQLite's (lower-cased) message about the journal, or None."""
    if not path.exists() and ("readonly" in message or "disk i/o" in message
                              or "unable to open" in message):
        return vanished(path)
    if "database or disk is full" in message:
        return disk_full(path)
    if "disk i/o error" in message:
        return disk_full(path) if _nearly_full(path) else storage_failed(path)
    if "readonly database" in message:
        return read_only(path)
    if "unable to open database file" in message and not _writable(path):
        return read_only(path)
    return None


def from_os(exc: OSError) -> NotSaved | None:
    """The NotSaved for an OSError writing a file (an export, a draft, settings), or None."""
    where = Path(exc.filename) if exc.filename else None
    if exc.errno in FULL_ERRNOS:
        return disk_full(where, file=True)
    if exc.errno == errno.EIO:
        return storage_failed(where, file=True)
    if exc.errno == errno.EROFS:
        return read_only(where, file=True)
    return None


def disk_full(path: Path | None, file: bool = False) -> DiskFull:
    return DiskFull(
        f"There is no room left on the disk{_holding(path, file)} (or a file-size "
        f"limit was reached), so {_what(file)} not saved and nothing was changed. "
        "Free some space on that disk, then try again.")


def storage_failed(path: Path | None, file: bool = False) -> StorageFailed:
    return StorageFailed(
        f"The disk{_holding(path, file)} reported an error while writing, so "
        f"{_what(file)} not saved and nothing was changed. The disk may be full, failing or "
        "disconnected: check it, then try again.")


def read_only(path: Path | None, file: bool = False) -> JournalReadOnly:
    return JournalReadOnly(
        f"{_sentence(_name(path, file))} is read-only (the file, its folder or its disk "
        f"cannot be written), so {_what(file)} not saved and nothing was changed. Copy the "
        "journal somewhere you can write to, or ask for it to be made writable.")


def vanished(path: Path) -> JournalVanished:
    return JournalVanished(
        f"The journal {path} is no longer there (it was moved or deleted, or its drive was "
        "removed), so this was not saved. Put it back or reconnect the drive, then try again.")


def _holding(path: Path | None, file: bool) -> str:
    return "" if path is None else f" that holds {_name(path, file)}"


def _name(path: Path | None, file: bool) -> str:
    if path is None:
        return "the file"
    return f"{path}" if file else f"the journal {path}"


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _what(file: bool) -> str:
    return "the file was" if file else "this was"


def _writable(path: Path) -> bool:
    """Whether this process may write the journal and its folder (for -wal and -shm)."""
    return os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def _nearly_full(path: Path) -> bool:
    """Whether the journal's disk has almost no room left, or a file-size limit is set."""
    try:
        import resource

        soft, _hard = resource.getrlimit(resource.RLIMIT_FSIZE)
        if soft != resource.RLIM_INFINITY:
            return True
    except (ImportError, OSError, ValueError):  # Windows has no resource module
        pass
    try:
        return shutil.disk_usage(path.parent).free < NEARLY_FULL_BYTES
    except OSError:
        return False
