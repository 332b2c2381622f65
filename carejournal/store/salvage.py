"""Read what can still be read from a damaged journal file, without ever writing to it.

The file (with its -wal, if any) is copied into a private temporary folder (0700) and the copy
is read (plain SQLite or SQLCipher, through cipher.connect): even a read-only connection to a
WAL-mode file makes -wal and -shm files beside it. The damaged file is only ever read.
Each table the JSON format needs is read in rowid order; when a read fails (a damaged
page), reading skips ahead to the next rowid that can be read, and the rowids skipped are
tried one by one, so one bad page loses only the rows on it. Rowids listed by a readable index
but not read are counted as lost.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import sqlite as sqlite_dialect

from carejournal.core.errors import JournalError
from carejournal.store import cipher
from carejournal.store.engine import open_here
from carejournal.store.models import Base

# The tables the CareJournal JSON format is made from (the text index is rebuilt on import).
TABLES = ("people", "tags", "kindness_acts", "entries", "entry_people", "entry_tags",
          "entry_acts", "entry_sections", "decisions", "action_items", "entry_revisions",
          "entry_dismissals", "entry_links", "goals", "goal_attempts", "settings",
          "supervision_sessions", "supervision_actions", "supervision_preparations")
MAX_PROBES = 4096  # rowids tried one by one across one damaged stretch
_DIALECT = sqlite_dialect.dialect()
Row = dict[str, Any]


class NothingReadable(JournalError):
    """The file cannot be read at all (its first page is gone, or the key is wrong)."""


@dataclass
class TableRead:
    """What was read from one table: its rows, and what could not be read."""

    name: str
    rows: list[Row] = field(default_factory=list)
    failed_rowids: set[int] = field(default_factory=set)  # rowids a lookup failed on
    indexed_rowids: set[int] | None = None  # every rowid an index lists, if one was readable
    damaged: bool = False  # a read failed, or the rows read and the index disagree
    problem: str = ""  # why the table could not be read at all

    @property
    def lost(self) -> int | None:
        """Rows known to exist but not read; None when some were lost but how many is unknown."""
        read = {r["_rowid"] for r in self.rows}
        if self.indexed_rowids is not None:
            return len(self.indexed_rowids - read)
        if self.failed_rowids:
            return len(self.failed_rowids - read)
        return None if self.damaged else 0


def read_damaged(path: Path, key: bytes | None = None) -> dict[str, TableRead]:
    """Every table the JSON format needs, read as far as it can be; the file is not written."""
    if not path.is_file():
        raise NothingReadable(f"There is no journal file at {path}.")
    with _opened(path, key) as conn:
        tables = {name: _read_table(conn, Base.metadata.tables[name]) for name in TABLES}
    if all(t.problem for t in tables.values()):
        raise NothingReadable(f"Nothing can be read from {path.name}: none of the journal's "
                              "tables can be found in it. The file has been left as it was.")
    return tables


@contextmanager
def _opened(path: Path, key: bytes | None) -> Iterator[Any]:
    """A connection to a private copy of the file (and its -wal, if any).

    Even a read-only connection to a journal in WAL mode makes -wal and -shm files beside
    it, and one with a -wal may replay it; reading a copy leaves the damaged file, its
    folder and its WAL exactly as they were.
    """
    with _private_copy(path) as copy:
        conn = _connect(copy, key)
        try:
            yield conn
        finally:
            conn.close()


@contextmanager
def _private_copy(path: Path) -> Iterator[Path]:
    """The file and its -wal copied into a new owner-only temporary folder.

    Refused while this process has the journal open: closing the copy's descriptor on the
    journal would drop the process's SQLite locks on it (and another program would then
    delete its WAL).
    """
    if open_here(path):
        raise JournalError(f"{path} is open in CareJournal. Close it first, then salvage it.")
    folder = Path(tempfile.mkdtemp(prefix="carejournal-salvage-"))
    os.chmod(folder, 0o700)
    try:
        copy = folder / path.name
        shutil.copyfile(path, copy)
        if Path(f"{path}-wal").exists():
            shutil.copyfile(f"{path}-wal", f"{copy}-wal")
        yield copy
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _connect(path: Path, key: bytes | None) -> Any:
    """A connection that has proved it can read the schema, or NothingReadable.

    writable_schema lets SQLite use the parts of the schema it can read when a page of it
    is lost (query_only still forbids every write).
    """
    try:
        conn = cipher.connect(path, key, isolation_level=None)
    except cipher.Error as exc:
        raise NothingReadable(_unreadable(path, exc)) from exc
    try:
        conn.execute("PRAGMA query_only = 1")
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except cipher.Error as exc:
        if "malformed" not in str(exc).lower():  # malformed: part of the schema is readable
            conn.close()
            raise NothingReadable(_unreadable(path, exc)) from exc
    return conn


def _unreadable(path: Path, exc: Exception) -> str:
    return (f"Nothing can be read from {path.name}: its first page, which says where "
            f"everything else is, cannot be read (SQLite says: {exc}). The file has been left "
            "as it was.")


def _exists(conn: Any, name: str) -> bool:
    """Whether the schema SQLite could read names the table."""
    try:
        return bool(conn.execute(f"PRAGMA table_info({_quote(name)})").fetchall())
    except cipher.Error:
        return False


def _read_table(conn: Any, table: Table) -> TableRead:
    """Read one table tolerantly (see the module's docstring)."""
    result = TableRead(table.name)
    if not _exists(conn, table.name):
        result.problem = "the table cannot be found in the file"
        result.damaged = True
        return result
    columns = [c.name for c in table.columns]
    convert = _converters(table)
    sql = (f'SELECT rowid, {", ".join(_quote(c) for c in columns)} FROM {_quote(table.name)}'
           ' WHERE rowid > ? ORDER BY rowid')

    def keep(raw: tuple[Any, ...]) -> None:
        try:
            row = {"_rowid": raw[0]} | {c: f(v) for c, f, v in zip(columns, convert, raw[1:],
                                                                     strict=True)}
        except (ValueError, TypeError, OverflowError):
            result.failed_rowids.add(raw[0])  # a value too damaged to make sense of
            result.damaged = True
            return
        result.rows.append(row)

    after: int | None = 0  # CareJournal's rowids start at 1
    while after is not None:
        after = _scan_from(conn, sql, after, keep)
        if after is not None:
            result.damaged = True
            after = _skip_damage(conn, sql, table.name, after, keep, result)
    result.indexed_rowids = _indexed_rowids(conn, table)
    if result.indexed_rowids is not None:
        # A damaged page can decode into rows that never were: no readable index lists them.
        unique: dict[int, Row] = {}
        for row in result.rows:
            if row["_rowid"] in result.indexed_rowids:
                unique.setdefault(row["_rowid"], row)
        if len(unique) != len(result.rows) or len(unique) != len(result.indexed_rowids):
            result.damaged = True  # the rows read and the index disagree, even if no read failed
        result.rows = list(unique.values())
    return result


def _scan_from(conn: Any, sql: str, after: int, keep: Callable[[tuple[Any, ...]], None]
               ) -> int | None:
    """Read rows after the rowid `after`; None when the end was reached, else the last good."""
    try:
        for raw in conn.execute(sql, (after,)):
            keep(raw)
            after = raw[0]
    except cipher.Error:
        return after
    return None


def _skip_damage(conn: Any, sql: str, name: str, after: int,
                 keep: Callable[[tuple[Any, ...]], None], result: TableRead) -> int | None:
    """Find a rowid past the damage to scan on from; try the skipped rowids one by one."""
    step = 1
    while step < 2 ** 62:
        start = after + step
        try:
            first = conn.execute(f"SELECT rowid FROM {_quote(name)} WHERE rowid > ? "
                                 "ORDER BY rowid LIMIT 1", (start,)).fetchone()
        except cipher.Error:
            step *= 2
            continue
        _probe(conn, sql, after, min(start, after + MAX_PROBES), keep, result)
        return None if first is None else start
    return None


def _probe(conn: Any, sql: str, after: int, until: int,
           keep: Callable[[tuple[Any, ...]], None], result: TableRead) -> None:
    """Read the rowids after..until one at a time; note the ones that fail."""
    single = sql.replace("rowid > ? ORDER BY rowid", "rowid = ?")
    for rowid in range(after + 1, until + 1):
        try:
            raw = conn.execute(single, (rowid,)).fetchone()
        except cipher.Error:
            result.failed_rowids.add(rowid)
            continue
        if raw is not None:
            keep(raw)


def _indexed_rowids(conn: Any, table: Table) -> set[int] | None:
    """Every rowid that one of the table's indexes lists (None if no index can be read)."""
    try:
        indexes = [r[1] for r in conn.execute(f"PRAGMA index_list({_quote(table.name)})")]
    except cipher.Error:
        return None
    for index in indexes:
        try:
            cols = [r[2] for r in conn.execute(f"PRAGMA index_info({_quote(index)})")]
            if not cols or cols[0] is None:
                continue
            return {r[0] for r in conn.execute(
                f"SELECT rowid FROM {_quote(table.name)} INDEXED BY {_quote(index)} "
                f"ORDER BY {_quote(cols[0])}")}
        except cipher.Error:
            continue
    return None


def _converters(table: Table) -> list[Callable[[Any], Any]]:
    """Per column, turn the stored value into what SQLAlchemy would have read."""
    result: list[Callable[[Any], Any]] = []
    for column in table.columns:
        process = column.type.dialect_impl(_DIALECT).result_processor(_DIALECT, None)
        result.append(_nullable(process) if process is not None else _same)
    return result


def _nullable(process: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else process(value)


def _same(value: Any) -> Any:
    return value


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
