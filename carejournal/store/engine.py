"""The one place where a database engine is made (so an encrypted engine can replace it)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import sqlalchemy.dialects.sqlite  # noqa: F401 - create_engine loads it; here it loads early
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool

from carejournal.store import cipher

BUSY_TIMEOUT_MS = 3000
WRITE_OPTION = "carejournal_write"


def create_owner_only(path: Path) -> None:
    """Create an empty file readable and writable by its owner only (0600), if missing."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def writer(engine: Engine) -> Engine:
    """The same engine, but each transaction takes SQLite's write lock when it begins."""
    return engine.execution_options(**{WRITE_OPTION: True})


def make_engine(path: Path, *, foreign_keys: bool = True, busy_timeout_ms: int = BUSY_TIMEOUT_MS,
                key: bytes | None = None) -> Engine:
    """Return an engine for the SQLite file at path, with CareJournal's pragmas.

    WAL with synchronous=FULL, foreign keys as asked, and explicit BEGIN so that
    DDL and DML share one transaction (pysqlite's own handling would commit DDL early).
    With a key, the file is a SQLCipher database: every connection is keyed before
    anything else is read, and SQLAlchemy wraps SQLCipher's errors like sqlite3's.
    """
    if key is None:
        engine = create_engine(
            f"sqlite:///{path}",
            poolclass=NullPool if not foreign_keys else None,
            connect_args={"timeout": busy_timeout_ms / 1000, "check_same_thread": False},
        )
    else:
        engine = create_engine(
            "sqlite://", module=cipher.dbapi_module(),
            poolclass=NullPool if not foreign_keys else None,
            creator=lambda: cipher.connect(path, key, timeout=busy_timeout_ms / 1000,
                                           check_same_thread=False))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if not foreign_keys:
            conn.exec_driver_sql("BEGIN EXCLUSIVE")  # migrations: nobody else in
        elif conn.get_execution_options().get(WRITE_OPTION):
            conn.exec_driver_sql("BEGIN IMMEDIATE")  # take the write lock up front
        else:
            conn.exec_driver_sql("BEGIN")

    return engine
