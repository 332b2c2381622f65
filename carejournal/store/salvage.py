"""Read what can still be read from a damaged journal file, without ever writing to it.

The file (with its -wal, if any) is copied into a private temporary folder (0700) and the copy
is read (plain SQLite or SQLCipher, through cipher.connect): even a read-only connection to a
WAL-mode file makes -wal and -shm files beside it. The damaged file is only ever read.
Each table the JSON format needs is read in rowid order until a read fails (a damaged
page); the rest of a damaged table is then read from its pages (below), so one bad page loses
only the rows on it. Rowids listed by a readable index but not read are counted as lost.

An encrypted file fails differently: SQLCipher checks each page's HMAC, reports a page that
fails it as SQLITE_NOMEM (which the DB-API module raises as MemoryError, though no memory is
short), and the connection then fails every later read. So every failed read here closes the
connection and opens a new one (about 2 ms), and MemoryError from a read counts as a damaged
page. Memory stays bounded: the first pass keeps only the small columns of the tables whose
rows can be large (LIGHT), and their whole rows are read again one at a time, by rowid, as
they are written out.

When that leaves anything out (a table damaged or not found, or no connection at all: an
encrypted file whose first page fails its HMAC cannot be opened), page-level recovery
(carejournal/store/recovery.py) reads a second private copy page by page, with the key if
there is one, and adds the rows SQLite could not reach; rows read through SQLite win. If
neither way reads anything, NothingReadable says why (a wrong key among the reasons).

A journal last opened by an older CareJournal has an older schema: the file's revision (its
alembic_version row, read through SQLite or else from the pages) says which tables were not
made yet (SINCE). Those are read as empty, not as lost, and columns added since are read at
their defaults; only a table the file should have and does not is reported as not found.
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

from sqlalchemy import Column, Table
from sqlalchemy.dialects import sqlite as sqlite_dialect

from carejournal.core.errors import JournalError
from carejournal.store import cipher, recovery
from carejournal.store.engine import open_here
from carejournal.store.models import Base

# The tables the CareJournal JSON format is made from (the text index is rebuilt on import).
TABLES = ("people", "tags", "kindness_acts", "entries", "entry_people", "entry_tags",
          "entry_acts", "entry_sections", "decisions", "action_items", "entry_revisions",
          "entry_dismissals", "entry_links", "goals", "goal_attempts", "settings",
          "supervision_sessions", "supervision_actions", "supervision_preparations",
          "learning_records", "learning_evidence", "feedback_received", "reflective_accounts")
# Tables whose rows can be large (texts, evidence files of up to 5 MB): the columns kept from
# the first pass. The rest of a row is read again by rowid (Damaged.row) when it is written.
LIGHT = {"entries": ("id",), "entry_sections": ("entry_id", "position"),
         "decisions": ("entry_id", "position"), "action_items": ("entry_id", "position"),
         "entry_revisions": ("id", "entry_id"), "supervision_sessions": ("id",),
         "learning_evidence": ("id", "learning_id")}
# The schema revision (store/migrations) that made each table not made by 0001. A journal
# last opened by an older CareJournal has no such table: it is read as empty, not as lost.
# (Columns added later are read at their defaults: see _Query.)
SINCE = {"kindness_acts": "0003", "entry_acts": "0003", "entry_sections": "0004",
         "decisions": "0004", "action_items": "0004", "entry_links": "0004", "goals": "0004",
         "goal_attempts": "0004", "settings": "0004", "entry_dismissals": "0005",
         "supervision_sessions": "0006", "supervision_actions": "0006",
         "supervision_preparations": "0006", "entry_revisions": "0006",
         "learning_records": "0009", "learning_evidence": "0009", "feedback_received": "0009",
         "reflective_accounts": "0009"}
VERSION_TABLE = "alembic_version"  # one row: the schema revision the file was last brought to
_DIALECT = sqlite_dialect.dialect()
NOT_FOUND = "the table cannot be found in the file"
Row = dict[str, Any]


class NothingReadable(JournalError):
    """The file cannot be read at all (its first page is gone, or the key is wrong)."""


@dataclass
class TableRead:
    """What was read from one table: its rows (for a LIGHT table, only the columns it
    names, with "_rowid"), and what could not be read."""

    name: str
    rows: list[Row] = field(default_factory=list)
    failed_rowids: set[int] = field(default_factory=set)  # rowids a lookup failed on
    indexed_rowids: set[int] | None = None  # every rowid an index lists, if one was readable
    damaged: bool = False  # a read failed, or the rows read and the index disagree
    problem: str = ""  # why the table could not be read at all
    recovered: int = 0  # rows of `rows` read page by page (SQLite could not read them)
    broken: int = 0  # rows found at page level whose overflow pages are lost
    absent: bool = False  # the file's schema is older than the table: nothing was there
    present: frozenset[str] | None = None  # the columns the file's table has, when read

    @property
    def lost(self) -> int | None:
        """Rows known to exist but not read; None when some were lost but how many is unknown."""
        read = {r["_rowid"] for r in self.rows}
        if self.indexed_rowids is not None:
            return len(self.indexed_rowids - read)
        if self.failed_rowids:
            return len(self.failed_rowids - read) + self.broken
        return None if self.damaged else self.broken


class Damaged:
    """An open damaged journal: what the first pass read of each table, and whole rows
    read again by rowid. `notes` counts rows page-level recovery found but could not give
    to one table; `may_include_deleted` (the freelist could not be read) and `unchecked`
    (an encrypted file's pages could not be checked by HMAC) say what its rows may hold.
    `revision` is the file's schema revision, when it could be read."""

    def __init__(self, reader: _Reader | None, tables: dict[str, TableRead],
                 found: recovery.Recovered | None = None, revision: str | None = None
                 ) -> None:
        self._reader = reader
        self._found = found
        self.tables = tables
        self.revision = revision
        self._full = {name: _Query(Base.metadata.tables[name],
                                   present=tables[name].present if name in tables else None)
                      for name in LIGHT}
        self.notes = _notes(found) if found is not None else {}
        read = found is not None and any(t.recovered for t in tables.values())
        self.may_include_deleted = read and found is not None and not found.freelist_known
        self.unchecked = read and found is not None and not found.checked

    def row(self, table: str, rowid: int) -> Row | None:
        """The whole row of a LIGHT table, or None if it cannot be read (again)."""
        if self._found is not None and (table, rowid) in self._found.where:
            return self._found.row(table, rowid)
        if self._reader is None:
            return None
        query = self._full[table]
        try:
            with _cursor(self._reader.conn, query.single, (rowid,)) as cur:
                raw = cur.fetchone()
        except _unreadable_page():
            self._reader.reset()
            return None
        return None if raw is None else query.convert(raw)


@contextmanager
def opened(path: Path, key: bytes | None = None) -> Iterator[Damaged]:
    """The damaged journal (a private copy of it), its tables read as far as they can be.

    Raises NothingReadable when nothing at all can be read; the file is not written.
    """
    if not path.is_file():
        raise NothingReadable(f"There is no journal file at {path}.")
    with _private_copy(path) as copy:
        pages = recovery.private_pages(copy)  # before any connection opens the copy
        reader: _Reader | None = None
        found: recovery.Recovered | None = None
        revision: str | None = None
        try:
            try:
                reader = _Reader(copy, key)
            except NothingReadable as exc:
                failure: NothingReadable = exc
                tables = {name: TableRead(name, damaged=True, problem=NOT_FOUND)
                          for name in TABLES}
            else:
                failure = NothingReadable(
                    f"Nothing can be read from {path.name}: none of the journal's tables can "
                    "be found in it. The file has been left as it was.")
                revision = _revision(reader)
                tables = {name: _read_table(reader, Base.metadata.tables[name], revision)
                          for name in TABLES}
            if any(t.damaged or t.problem for t in tables.values()):
                found = _recover(pages, key, tables)
                if revision is None and found is not None:
                    revision = _found_revision(found)
                    _older_than(revision, tables)
            if all(t.problem for t in tables.values() if not t.absent):
                raise failure
            yield Damaged(reader, tables, found, revision)
        finally:
            if found is not None:
                found.close()
            if reader is not None:
                reader.close()


def read_damaged(path: Path, key: bytes | None = None) -> dict[str, TableRead]:
    """Every table the JSON format needs, read as far as it can be; the file is not written."""
    with opened(path, key) as damaged:
        return damaged.tables


def _revision(reader: _Reader) -> str | None:
    """The schema revision the file was last brought to (None if it cannot be read)."""
    try:
        with _cursor(reader.conn, f"SELECT version_num FROM {VERSION_TABLE}") as cur:
            rows = cur.fetchall()
    except _unreadable_page():
        reader.reset()
        return None
    return _one_revision([row[0] for row in rows])


def _one_revision(values: list[Any]) -> str | None:
    """The revision, if the values are one revision's number (else not known)."""
    if len(set(values)) != 1 or not isinstance(values[0], str) or not values[0].isdigit():
        return None
    return values[0]


def _found_revision(found: recovery.Recovered) -> str | None:
    """The schema revision as page-level recovery read it (None if it could not)."""
    rows = found.rows.get(VERSION_TABLE, {}).values()
    return _one_revision([row["version_num"] for row in rows]) if rows else None


def _version_row(row: Row) -> Row | None:
    """The version table's row as recovery finds it; None for a value no revision has."""
    return row if _one_revision([row.get("version_num")]) is not None else None


def _predates(revision: str | None, table: str) -> bool:
    """Whether a file at this schema revision was made before the table existed."""
    since = SINCE.get(table)
    return (revision is not None and since is not None and revision.isdigit()
            and int(revision) < int(since))


def _older_than(revision: str | None, tables: dict[str, TableRead]) -> None:
    """Tables not found that the file's revision predates: not lost, never there."""
    for name, read in tables.items():
        if read.problem and not read.rows and _predates(revision, name):
            tables[name] = TableRead(name, absent=True)


def _recover(pages: Path, key: bytes | None, tables: dict[str, TableRead]
             ) -> recovery.Recovered | None:
    """Page-level recovery of what the tables' reads left out, merged into them (rows read
    through SQLite win); None if the pages cannot be read at all. Tables the file's schema
    is older than are not looked for; the version table is, when SQLite could not read it."""
    wanted: dict[str, Callable[[Row], Row | None]] = {VERSION_TABLE: _version_row}
    for name in TABLES:
        if tables[name].absent:
            continue
        query = _Query(Base.metadata.tables[name])
        wanted[name] = _by_name(query)
    try:
        found = recovery.recover(pages, key, wanted, LIGHT, _fresh_schema, frozenset(
            name for name, read in tables.items() if not (read.damaged or read.problem)))
    except OSError:
        return None
    for read in tables.values():
        if not read.absent:
            _merge(read, found)
    return found


def _by_name(query: _Query) -> Callable[[Row], Row | None]:
    """Convert a row found on a page (a column the file's table lacks: at its default)."""
    def convert(row: Row) -> Row | None:
        return query.convert((row["_rowid"], *(
            row[c] if c in row else query.defaults[c] for c in query.columns)))
    return convert


def _merge(read: TableRead, found: recovery.Recovered) -> None:
    """Add to one table's read the rows page-level recovery found that it lacks."""
    name = read.name
    if read.problem and (name in found.found or found.rows.get(name)):
        read.problem = ""
        read.damaged = name not in found.whole
    if read.indexed_rowids is None and name in found.indexed:
        read.indexed_rowids = found.indexed[name]
    have = {r["_rowid"] for r in read.rows}
    for rowid, row in found.rows.get(name, {}).items():
        if rowid in have or (read.indexed_rowids is not None
                             and rowid not in read.indexed_rowids):
            continue  # read through SQLite already, or a row no index lists: deleted
        read.rows.append(row)
        read.recovered += 1
    read.broken = found.broken.get(name, 0)
    if read.broken:
        read.damaged = True


def _notes(found: recovery.Recovered) -> dict[str, int]:
    """Rows found on pages but given to no table, by the tables they could belong to."""
    return {f"rows that could belong to {' or '.join(names)} (not saved: not guessed)": n
            for names, n in found.ambiguous.items()}


def _fresh_schema() -> list[recovery.SchemaObject]:
    """A new journal's tables (sqlite_master of one made in memory)."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import StaticPool

    from carejournal.store import fts

    engine = create_engine("sqlite://", creator=lambda: cipher.connect(":memory:", None),
                           poolclass=StaticPool)
    try:
        with engine.begin() as conn:
            Base.metadata.create_all(conn)
            fts.create(conn)
            rows = conn.exec_driver_sql(
                "SELECT type, name, tbl_name, sql FROM sqlite_master").all()
    finally:
        engine.dispose()
    return [recovery.SchemaObject(kind, name, table, 0, sql) for kind, name, table, sql in rows]


class _Reader:
    """A connection to the private copy, opened again after every failed read (SQLCipher
    fails every read on a connection once one page has failed its HMAC)."""

    def __init__(self, path: Path, key: bytes | None) -> None:
        self.path, self.key = path, key
        self.conn = _connect(path, key)

    def reset(self) -> None:
        self.conn.close()
        self.conn = _connect(self.path, self.key)

    def close(self) -> None:
        self.conn.close()


@contextmanager
def _private_copy(path: Path) -> Iterator[Path]:
    """The file and its -wal copied into a new owner-only temporary folder.

    Refused while this process has the journal open: closing the copy's descriptor on the
    journal would drop the process's SQLite locks on it (and another program would then
    delete its WAL). The copy of an encrypted journal stays encrypted.
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
    except cipher.CipherUnavailable as exc:
        raise NothingReadable(str(exc)) from exc
    except _unreadable_page() as exc:
        raise NothingReadable(_unreadable(path, exc, key)) from exc
    try:
        conn.execute("PRAGMA query_only = 1")
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except _unreadable_page() as exc:
        if key is not None or "malformed" not in str(exc).lower():
            conn.close()  # (malformed, in a plain file: part of the schema is readable)
            raise NothingReadable(_unreadable(path, exc, key)) from exc
    return conn


def _unreadable_page() -> tuple[type[BaseException], ...]:
    """What a read of a damaged page raises: SQLite's errors and, from SQLCipher, MemoryError
    (see the module's docstring)."""
    return (*cipher.Error, MemoryError)


def _unreadable(path: Path, exc: BaseException, key: bytes | None) -> str:
    said = f" (SQLite says: {exc})" if str(exc) else ""
    if key is not None and "not a database" in str(exc).lower():
        return (f"Nothing can be read from {path.name}: the key given does not open it (not "
                "one of its pages can be read with it), so the passphrase or recovery key is "
                "not this journal's. The file has been left as it was.")
    if key is not None:
        return (f"Nothing can be read from {path.name}: the pages that list its tables "
                f"cannot be decrypted{said}. The file has been left as it was.")
    return (f"Nothing can be read from {path.name}: its first page, which says where "
            f"everything else is, cannot be read{said}. The file has been left as it was."
            + (" If the journal is encrypted and its key file is lost, its recovery key still "
               "opens it." if "not a database" in str(exc).lower() else ""))


def _columns(reader: _Reader, name: str) -> frozenset[str]:
    """The columns of the table as the schema SQLite could read names them (none: no such
    table, or its schema cannot be read)."""
    try:
        with _cursor(reader.conn, f"PRAGMA table_info({_quote(name)})") as cur:
            return frozenset(row[1] for row in cur.fetchall())
    except _unreadable_page():
        reader.reset()
        return frozenset()


class _Query:
    """The SELECTs of one table's columns (all of them, or only the light ones). Columns the
    file's table lacks (`present`: it was made before a migration added them) are not
    selected; its rows have them at their defaults, as the migration would have set them."""

    def __init__(self, table: Table, columns: tuple[str, ...] | None = None,
                 present: frozenset[str] | None = None) -> None:
        chosen = [c for c in table.columns if columns is None or c.name in columns]
        self.defaults = {c.name: _default(c) for c in chosen}
        read = [c for c in chosen if present is None or c.name in present]
        self.columns = [c.name for c in read]
        self.missing = {c: v for c, v in self.defaults.items() if c not in self.columns}
        self.converters = _converters(read)
        select = (f'SELECT rowid, {", ".join(_quote(c) for c in self.columns)} '
                  f'FROM {_quote(table.name)}')
        self.scan = f"{select} WHERE rowid > ? ORDER BY rowid"
        self.single = f"{select} WHERE rowid = ?"

    def convert(self, raw: tuple[Any, ...]) -> Row | None:
        """The row as SQLAlchemy would have read it; None if a value makes no sense."""
        try:
            return {"_rowid": raw[0]} | {c: f(v) for c, f, v in zip(
                self.columns, self.converters, raw[1:], strict=True)} | self.missing
        except (ValueError, TypeError, OverflowError):
            return None


def _default(column: Column[Any]) -> Any:
    """The value a column's model gives a new row (None when it gives none)."""
    default = column.default
    return getattr(default, "arg", None) if default is not None and default.is_scalar \
        else None


def _read_table(reader: _Reader, table: Table, revision: str | None = None) -> TableRead:
    """Read one table tolerantly (see the module's docstring). A table the file's schema
    revision predates is absent, not lost."""
    result = TableRead(table.name)
    present = _columns(reader, table.name)
    if not present:
        if _predates(revision, table.name):
            result.absent = True
            return result
        result.problem = NOT_FOUND
        result.damaged = True
        return result
    result.present = present
    query = _Query(table, LIGHT.get(table.name), present)

    def keep(raw: tuple[Any, ...]) -> None:
        row = query.convert(raw)
        if row is None:
            result.failed_rowids.add(raw[0])  # a value too damaged to make sense of
            result.damaged = True
            return
        result.rows.append(row)

    if _scan_from(reader, query, 0, keep) is not None:  # (CareJournal's rowids start at 1)
        result.damaged = True  # the rest is read from the pages (store/recovery.py)
    result.indexed_rowids = _indexed_rowids(reader, table)
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


def _scan_from(reader: _Reader, query: _Query, after: int,
               keep: Callable[[tuple[Any, ...]], None]) -> int | None:
    """Read rows after the rowid `after`; None when the end was reached, else the last good."""
    try:
        with _cursor(reader.conn, query.scan, (after,)) as cur:
            for raw in cur:
                keep(raw)
                after = raw[0]
    except _unreadable_page():
        reader.reset()
        return after
    return None


def _indexed_rowids(reader: _Reader, table: Table) -> set[int] | None:
    """Every rowid that one of the table's indexes lists (None if no index can be read)."""
    try:
        with _cursor(reader.conn, f"PRAGMA index_list({_quote(table.name)})") as cur:
            indexes = [r[1] for r in cur]
    except _unreadable_page():
        reader.reset()
        return None
    for index in indexes:
        try:
            with _cursor(reader.conn, f"PRAGMA index_info({_quote(index)})") as cur:
                cols = [r[2] for r in cur]
            if not cols or cols[0] is None:
                continue
            with _cursor(reader.conn, f"SELECT rowid FROM {_quote(table.name)} INDEXED BY "
                                      f"{_quote(index)} ORDER BY {_quote(cols[0])}") as cur:
                return {r[0] for r in cur}
        except _unreadable_page():
            reader.reset()
            continue
    return None


@contextmanager
def _cursor(conn: Any, sql: str, params: tuple[Any, ...] = ()) -> Iterator[Any]:
    """A cursor on the query, closed however reading it ends (an open one keeps its
    statement, and SQLite's read of a damaged page, alive)."""
    cur = conn.cursor()
    try:
        cur.execute(sql, params)
        yield cur
    finally:
        cur.close()


def _converters(columns: list[Column[Any]]) -> list[Callable[[Any], Any]]:
    """Per column, turn the stored value into what SQLAlchemy would have read."""
    result: list[Callable[[Any], Any]] = []
    for column in columns:
        process = column.type.dialect_impl(_DIALECT).result_processor(_DIALECT, None)
        result.append(_nullable(process) if process is not None else _same)
    return result


def _nullable(process: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else process(value)


def _same(value: Any) -> Any:
    return value


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
