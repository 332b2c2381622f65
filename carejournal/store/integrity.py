"""The full check of a journal, and the gate that holds its writes until the check passes.

The quick check at open reads every page but compares no index with its table, and the
full-text index with no entry: random bytes written into an entry's record passed it in 31
of 60 trials (an index out of step with its row, a garbled kind, or text that no longer
matches the text index), and reads then failed on the bytes. The full check found all 60
(integrity_check 41, FTS5's check the other 19). The full check is SQLite's integrity_check
plus FTS5's own check of the text index against the entries (about half the time each):
at 3,000 entries (12 MB) 0.10 s, 0.38 s encrypted; at 20,000 (81 MB) 0.70 s, 3.1 s
encrypted (the quick check: 13 ms and 75 ms plain). FTS5's check needs the write lock (it
changes nothing, and is rolled back), so it runs on its own connection, never inside the
journal's.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

from carejournal.core.errors import JournalLocked, JournalVanished, WritesHeld
from carejournal.store import cipher
from carejournal.store.engine import WRITE_OPTION
from carejournal.store.fts import FTS_TABLE

TEXT_INDEX_CHECK = (f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) "
                    "VALUES ('integrity-check', 1)")
MAX_PROBLEMS = 20


class Cancelled(Exception):
    """The check was stopped because the journal is being closed."""


class FullCheck:
    """One run of the full check on its own connection; another thread may cancel it."""

    def __init__(self, path: Path, key: bytes | None) -> None:
        self.path = path
        self._key = key
        self._lock = threading.Lock()
        self._conn: Any = None
        self._cancelled = False
        self.finished = threading.Event()  # set once its connection is closed (or never made)

    def run(self) -> list[str]:
        """What the check finds wrong (an empty list: the journal is sound).

        Raises Cancelled if cancel() was called, JournalLocked if another program held the
        write lock throughout the busy timeout, JournalVanished if the file is gone.
        """
        try:
            with self._lock:
                if self._cancelled:
                    raise Cancelled
                self.finished.clear()  # run again after the journal was busy
                if not self.path.is_file():  # a connection would make an empty one there
                    raise JournalVanished(f"{self.path} is no longer there, so it could not "
                                          "be checked.")
                self._conn = cipher.connect(self.path, self._key, isolation_level=None,
                                            check_same_thread=False, must_exist=True)
            return self._problems(self._conn)
        except cipher.Error as exc:
            return self._failed(exc)
        finally:
            with self._lock:
                if self._conn is not None:
                    self._conn.close()
                    self._conn = None
            self.finished.set()

    def cancel(self) -> None:
        """Stop the check (from any thread) and wait until its connection is closed."""
        with self._lock:
            self._cancelled = True
            if self._conn is not None:
                self._conn.interrupt()
        if self._started():
            self.finished.wait()

    def _started(self) -> bool:
        with self._lock:
            return self._conn is not None or self.finished.is_set()

    def _problems(self, conn: Any) -> list[str]:
        rows = [str(r[0]) for r in conn.execute(f"PRAGMA integrity_check({MAX_PROBLEMS})")]
        if rows != ["ok"]:
            return rows
        if self._cancelled:
            raise Cancelled
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?",
                            (FTS_TABLE,)).fetchone():
            return []
        conn.execute("BEGIN IMMEDIATE")  # FTS5's check asks for the write lock...
        try:
            conn.execute(TEXT_INDEX_CHECK)
        except cipher.Error as exc:
            if _busy(exc) or self._cancelled:
                raise
            return [f"The text of the entries does not match the search index ({exc})."]
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")  # ...and writes nothing
        return []

    def _failed(self, exc: BaseException) -> list[str]:
        if self._cancelled:
            raise Cancelled from exc
        if _busy(exc):
            raise JournalLocked(f"{self.path} is busy: another program is using it, so it "
                                "could not be checked. Close that program and try "
                                "again.") from exc
        return [f"SQLite cannot read {self.path.name}: {exc}."]


def _busy(exc: BaseException) -> bool:
    message = str(exc).lower()
    return "locked" in message or "busy" in message


def run_full_check(path: Path, key: bytes | None) -> list[str]:
    """The full check, run here and now (see FullCheck.run)."""
    return FullCheck(path, key).run()


def damage_found(path: Path, problems: list[str]) -> str:
    """The first line of what to say about a journal the full check found damaged."""
    return (f"{path} is damaged, and CareJournal has not written to it. "
            f"SQLite reports: {problems[0]}")


class WriteGate:
    """Refuses every write transaction on an engine (WritesHeld) while a reason is set.

    Every write in the store begins through engine.writer(), so a held gate means no byte
    is written to the file: the refusal comes before SQLite is asked for the write lock.
    """

    def __init__(self, engine: Engine) -> None:
        self.reason: str | None = None
        event.listen(engine, "begin", self._on_begin, insert=True)  # before BEGIN IMMEDIATE

    def hold(self, reason: str) -> None:
        self.reason = reason

    def release(self) -> None:
        self.reason = None

    def check(self) -> None:
        """Raise WritesHeld if writes are held."""
        if self.reason is not None:
            raise WritesHeld(self.reason)

    def _on_begin(self, conn: Any) -> None:
        if conn.get_execution_options().get(WRITE_OPTION):
            self.check()


_DECODE = re.compile(r"could not decode to utf-8 column '([^']*)'", re.IGNORECASE)


def unreadable_column(exc: BaseException) -> str | None:
    """The column SQLite's text could not be decoded from, if that is the error (its text,
    which holds the damaged bytes of an entry, is never repeated)."""
    found = _DECODE.search(str(getattr(exc, "orig", exc)))
    return found.group(1) if found else None
