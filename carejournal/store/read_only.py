"""Open a journal that cannot be written (a read-only file, folder or disk) for reading.

SQLite opens a WAL-mode file on read-only storage only if its -wal and -shm files already
exist, or as immutable (https://sqlite.org/wal.html, "Read-Only Databases"). Immutable
ignores any -wal, so it is used only when there is none: then no other program has the
journal open in WAL mode, and nothing can change the file while it cannot be written.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from carejournal.core.errors import JournalReadOnly
from carejournal.store.engine import Gate, make_engine
from carejournal.store.migrations import HEAD_REVISION


def open_engine(path: Path, key: bytes | None = None, gate: Gate | None = None) -> Engine:
    """An engine that reads the journal at path without writing anything beside it.

    Raises JournalReadOnly when the journal would need upgrading (which writes).
    """
    engine = make_engine(path, key=key, gate=gate, read_only=True)
    with engine.connect() as conn:
        revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    if revision != HEAD_REVISION:
        engine.dispose()
        raise JournalReadOnly(
            f"{path} is read-only, and it was written by another version of CareJournal: it "
            "must be upgraded (which writes to it) before it can be opened. Copy it somewhere "
            "you can write to and open the copy.")
    return engine
