"""The one place where a database engine is made (so an encrypted engine can replace it)."""

from __future__ import annotations

import os
import sqlite3
import weakref
from pathlib import Path
from typing import Any

import sqlalchemy.dialects.sqlite  # noqa: F401 - create_engine loads it; here it loads early
from sqlalchemy import Engine as Engine  # re-exported: services name the type, not the library
from sqlalchemy import create_engine, event
from sqlalchemy.pool import NullPool

from carejournal.core.errors import JournalClosed
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


class Gate:
    """Whether an engine may still connect: shut when its journal is closed.

    A disposed SQLAlchemy engine quietly connects again on its next use; a timer or
    controller that outlived its journal would then reopen the file on its own (and, after
    the journal was encrypted, open it without its key). Through a shut gate every new
    connection is refused with JournalClosed instead.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.shut = False
        _GATES.add(self)

    def check(self) -> None:
        if self.shut:
            raise JournalClosed(f"{self.path} has been closed; nothing was read or written.")


def open_here(path: Path) -> bool:
    """Whether this process has the journal at path open (a gate not yet shut).

    Plain file I/O on such a file (a copy, a hash, a header read) would drop this process's
    SQLite locks on it as the descriptor closes; callers refuse or go through SQLite instead.
    """
    for gate in list(_GATES):
        if not gate.shut and _same_file(gate.path, path):
            return True
    return False


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)  # stat only: no descriptor is opened
    except OSError:
        return False


_GATES: weakref.WeakSet[Gate] = weakref.WeakSet()


def make_engine(path: Path, *, foreign_keys: bool = True, busy_timeout_ms: int = BUSY_TIMEOUT_MS,
                key: bytes | None = None, gate: Gate | None = None,
                must_exist: bool = False, read_only: bool = False) -> Engine:
    """Return an engine for the SQLite file at path, with CareJournal's pragmas.

    WAL with synchronous=FULL, foreign keys as asked, and explicit BEGIN so that
    DDL and DML share one transaction (pysqlite's own handling would commit DDL early).
    Every connection is made by cipher.connect, with the process's one SQLite library;
    with a key, the file is a SQLCipher database: every connection is keyed before
    anything else is read. With a gate, no connection is made once the gate is shut.
    With must_exist (an open journal's engine), a journal moved or deleted while open is
    an error, never a new empty file made in its place. read_only is for a journal on
    storage that cannot be written (store/read_only.py): its connections change no pragma
    that writes, and are immutable when no -wal is beside the file.
    """
    timeout = busy_timeout_ms / 1000
    immutable = read_only and not Path(f"{path}-wal").exists()

    def connect() -> Any:
        if gate is not None:
            gate.check()
        return cipher.connect(path, key, timeout=timeout, check_same_thread=False,
                              must_exist=must_exist, read_only=read_only, immutable=immutable)

    engine = create_engine(
        "sqlite://" if key is not None else f"sqlite:///{path}",
        module=cipher.library() if key is None else cipher.dbapi_module(),
        poolclass=NullPool if not foreign_keys else None,
        creator=connect)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        if not read_only:  # switching to WAL writes the file's header
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        # What is deleted (an emptied trash, an old revision) is overwritten with zeros, not
        # left readable in the file's free pages. SQLite's default differs by build
        # (Debian's turns it on, SQLCipher's and python.org's do not).
        cursor.execute("PRAGMA secure_delete=ON")
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
