"""Open a journal that cannot be written (a read-only file, folder or disk) for reading.

SQLite opens a WAL-mode file on read-only storage only if its -wal and -shm files already
exist, or as immutable (https://sqlite.org/wal.html, "Read-Only Databases"). Immutable
ignores any -wal, so it is used only when there is none: then no other program has the
journal open in WAL mode, and nothing can change the file while it cannot be written.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

from carejournal.errors import JournalReadOnly
from carejournal.store import cipher
from carejournal.store.engine import BUSY_TIMEOUT_MS, Gate
from carejournal.store.migrations import HEAD_REVISION


def open_engine(path: Path, key: bytes | None = None, gate: Gate | None = None) -> Engine:
    """An engine that reads the journal at path without writing anything beside it.

    Raises JournalReadOnly when the journal would need upgrading (which writes).
    """
    immutable = not Path(f"{path}-wal").exists()

    def connect() -> Any:
        if gate is not None:
            gate.check()  # closed: never reconnected
        return cipher.connect(path, key, read_only=True, immutable=immutable,
                              timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)

    module = cipher.dbapi_module() if key is not None else cipher.library()  # one library
    engine = create_engine("sqlite://", creator=connect, module=module)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # BEGIN is issued below, as make_engine does
        dbapi_conn.execute("PRAGMA foreign_keys=ON")

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    with engine.connect() as conn:
        revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    if revision != HEAD_REVISION:
        engine.dispose()
        raise JournalReadOnly(
            f"{path} is read-only, and it was written by another version of CareJournal: it "
            "must be upgraded (which writes to it) before it can be opened. Copy it somewhere "
            "you can write to and open the copy.")
    return engine
