"""The one way CareJournal saves a file: whole or not at all, and on the disk when it returns.

Every file the app writes (key files, exports, packs, salvage, notes beside the journal,
backups once copied) goes through here:

1. the bytes go to a temporary file in the same folder, made owner-only (0600), and the file
   keeps that mode: every file CareJournal writes is readable by its owner only, even one
   that replaces a file left wider by hand (entries describe vulnerable people);
2. it is flushed and fsynced on the descriptor it was written through (a *writable* one:
   Windows refuses FlushFileBuffers on a read-only handle, so `fsync` on a file opened
   for reading fails there);
3. it is renamed over the target atomically (`os.replace`; on Windows tried again for up to
   a second while another program, an antivirus scanner or the search indexer, holds the
   target open, which Windows refuses as "access is denied");
4. the folder is fsynced so the rename itself survives a power cut (POSIX only: Windows
   cannot open a folder, and NTFS journals the rename).

A failure at any step removes the temporary file and raises the OSError, so the caller can
say "Not saved" and the old file (if any) is untouched.

Never use these on a journal file (or its -wal/-shm) while a connection to it is open in this
process: closing any descriptor on it drops every SQLite lock the process holds on it.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

PRIVATE = 0o600
REPLACE_TRIES = 10  # Windows: ten tries 0.1 s apart while another program holds the target


@contextmanager
def writing(path: Path, mode: int = PRIVATE) -> Iterator[BinaryIO]:
    """Yield a binary handle; on a clean exit its bytes replace path durably, owner-only.

    On an exception (or a failed flush, fsync or rename) nothing replaces path and the
    temporary file is removed.
    """
    path = Path(path)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    done = False
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())  # the writable descriptor: works on Windows too
        os.chmod(temp, mode)
        _rename(temp, path)
        done = True
        fsync_dir(path.parent)
    finally:
        if not done:
            with suppress(OSError):
                os.unlink(temp)


def write_bytes(path: Path, data: bytes | Iterable[bytes], mode: int = PRIVATE) -> None:
    """Replace path with data (bytes, or an iterable of blocks) durably and atomically."""
    with writing(path, mode) as handle:
        if isinstance(data, bytes | bytearray | memoryview):
            handle.write(data)
        else:
            for block in data:
                handle.write(block)


def write_text(path: Path, text: str, mode: int = PRIVATE) -> None:
    """Replace path with text as UTF-8 (newlines as given) durably and atomically."""
    write_bytes(path, text.encode("utf-8"), mode)


def fsync_file(path: Path) -> None:
    """Flush a file another writer made (a finished SQLite copy, say) to the disk.

    Opened for writing, because Windows refuses to flush a read-only handle. Not for a
    journal file while this process has a connection to it (see the module's note).
    """
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    """Make renames and new names in folder durable (POSIX; a no-op on Windows)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:  # some file systems (and FUSE mounts) cannot fsync a folder: not an error
        pass
    finally:
        os.close(fd)


def replace(source: Path, target: Path) -> None:
    """Rename source over target atomically, then make the rename durable."""
    _rename(source, target)
    fsync_dir(Path(target).parent)


def _rename(source: str | Path, target: str | Path) -> None:
    """os.replace; on Windows tried again a moment later while the target is held open."""
    for attempt in range(REPLACE_TRIES):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if os.name != "nt" or attempt == REPLACE_TRIES - 1:
                raise
            time.sleep(0.1)
