"""Page-level recovery for salvage: rows SQLite's b-tree walk cannot reach, read from the
pages themselves (as SQLite's own `.recover` does, https://sqlite.org/recovery.html).

carejournal/store/salvage.py reads each table through SQLite first; when that leaves
something out (a damaged interior page hides intact leaves below it; an encrypted file
whose first page or schema pages fail their HMAC cannot be opened at all), this reads a
private copy of the file page by page (carejournal/store/pages.py: plain, or decrypted in
memory with the key) and:

1. reads the schema by walking sqlite_master from page 1, and, where that walk is cut
   short, from every leaf page holding rows shaped like sqlite_master's;
2. walks every table and index from its root page, noting which table owns each page, and
   keeping the rowids each complete index lists; pages on the freelist are set aside first;
3. reads the rows of the table leaf pages no walk reached (orphans) and gives each to the
   one table whose columns, in their order on disk, its record fits: count (a row written
   before ALTER TABLE ADD COLUMN may lack trailing values), types and NOT NULL, and values
   that make sense. A row two tables could hold is not guessed at: it is counted as lost.
   A row whose rowid a complete index of its table does not list was deleted (or never
   was): it is dropped. Rows already read through the b-tree win over orphan copies.

Memory stays bounded: pages are read one at a time; a table in LIGHT keeps only its small
columns and where its row is (page and cell), and the whole row is parsed again when it
is written out. Nothing decrypted is written anywhere.
"""

from __future__ import annotations

import re
import shutil
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from carejournal.store import cipher
from carejournal.store.pages import (
    INDEX_INTERIOR,
    INDEX_LEAF,
    SQLITE_HEADER,
    TABLE_INTERIOR,
    TABLE_LEAF,
    BtreePage,
    Cell,
    PageSource,
    Value,
    btree_page,
    freelist,
    payload,
    record,
    varint,
)

Row = dict[str, Any]
FREE, OTHER = 0xFFFF, 0xFFFE  # page owners: on the freelist; an overflow page
MASTER = "sqlite_master"
_KINDS = ("table", "index", "view", "trigger")


@dataclass(frozen=True)
class SchemaObject:
    """One row of sqlite_master."""

    kind: str
    name: str
    table: str
    root: int
    sql: str | None


@dataclass(frozen=True)
class Column:
    """One column as its record stores it."""

    name: str
    affinity: str  # INTEGER, REAL, TEXT, NUMERIC or BLOB (SQLite's rules)
    not_null: bool
    default: Value
    has_default: bool
    rowid: bool  # INTEGER PRIMARY KEY: the record holds NULL, the value is the rowid


@dataclass(frozen=True)
class Shape:
    """A table's columns in their order on disk."""

    name: str
    columns: tuple[Column, ...]

    def fits(self, values: list[Value]) -> bool:
        """Whether a record of these values could be a row of this table."""
        if not values or len(values) > len(self.columns):
            return False
        for column in self.columns[len(values):]:
            if column.not_null and not column.has_default:
                return False
        return all(_fits(c, v) for c, v in zip(self.columns, values, strict=False))

    def named(self, rowid: int, values: list[Value]) -> Row:
        """The row by column name (and "_rowid"), missing trailing values at their defaults."""
        row: Row = {"_rowid": rowid}
        for i, column in enumerate(self.columns):
            value = values[i] if i < len(values) else column.default
            row[column.name] = rowid if column.rowid else value
        return row


@dataclass
class Recovered:
    """What page-level recovery found, table by table (see the module's docstring)."""

    source: PageSource
    rows: dict[str, dict[int, Row]] = field(default_factory=lambda: defaultdict(dict))
    where: dict[tuple[str, int], tuple[int, int]] = field(default_factory=dict)
    indexed: dict[str, set[int]] = field(default_factory=dict)  # from complete indexes
    # each complete index of the table: its columns, and a hash of each entry (values, rowid)
    keyed: dict[str, list[tuple[tuple[str, ...], set[int]]]] = field(
        default_factory=lambda: defaultdict(list))
    found: set[str] = field(default_factory=set)  # tables whose root page is known
    whole: set[str] = field(default_factory=set)  # tables walked with no damaged page
    ambiguous: Counter[tuple[str, ...]] = field(default_factory=Counter)
    broken: Counter[str] = field(default_factory=Counter)  # overflow chains lost, by table
    dropped: Counter[str] = field(default_factory=Counter)  # unlisted by an index: deleted
    freelist_known: bool = True
    shapes: dict[str, Shape] = field(default_factory=dict)
    _convert: dict[str, Callable[[Row], Row | None]] = field(default_factory=dict)

    @property
    def checked(self) -> bool:
        """Whether damaged pages could be told by their HMAC (always, for a plain file:
        there, only parsing can tell)."""
        return self.source.checked

    def any(self) -> bool:
        return bool(self.found or any(self.rows.values()))

    def row(self, table: str, rowid: int) -> Row | None:
        """The whole row, read again from its page (for LIGHT tables)."""
        place = self.where.get((table, rowid))
        if place is None:
            return None
        page = btree_page(place[0], self.source.page(place[0]), self.source.usable)
        if page is None or place[1] >= len(page.cells):
            return None
        data = payload(self.source, page.cells[place[1]])
        values = None if data is None else record(data)
        if values is None:
            return None
        return self._convert[table](self.shapes[table].named(rowid, values))

    def close(self) -> None:
        self.source.close()


def private_pages(copy: Path) -> Path:
    """A second private copy (with its -wal) for the page reader, beside the first: no
    SQLite connection ever opens it, so reading and closing it cannot touch their locks."""
    target = copy.with_name(f"pages-{copy.name}")
    shutil.copyfile(copy, target)
    if Path(f"{copy}-wal").exists():
        shutil.copyfile(f"{copy}-wal", f"{target}-wal")
    return target


def recover(path: Path, key: bytes | None, wanted: dict[str, Callable[[Row], Row | None]],
            light: dict[str, tuple[str, ...]], fresh: Callable[[], list[SchemaObject]],
            done: frozenset[str] = frozenset()) -> Recovered:
    """Read the file's pages; keep rows of the `wanted` tables (each with its converter,
    which returns None for values that make no sense); `light` tables keep only the columns
    named and where the row is. `fresh` gives a new journal's schema, for tables the file's
    own schema no longer shows. The rows of tables SQLite read whole (`done`) are not read
    again from their b-trees (their pages are still walked, so they are no orphans)."""
    source = PageSource(path, key)
    found = Recovered(source)
    try:
        _Recovery(found, wanted, light, fresh, done).run()
    except BaseException:
        source.close()
        raise
    return found


class _Recovery:
    def __init__(self, found: Recovered, wanted: dict[str, Callable[[Row], Row | None]],
                 light: dict[str, tuple[str, ...]],
                 fresh: Callable[[], list[SchemaObject]], done: frozenset[str]) -> None:
        self.found, self.source = found, found.source
        self.wanted, self.light, self.fresh, self.done = wanted, light, fresh, done
        found._convert = wanted
        self.owner = array("H", bytes(2 * (self.source.count + 1)))
        self.names: list[str] = []
        self.index_columns: dict[str, tuple[str, ...]] = {}

    def run(self) -> None:
        first = self.source.page(1)
        header_ok = (self.source.checked and first is not None
                     and first.startswith(SQLITE_HEADER)
                     and btree_page(1, first, self.source.usable) is not None)
        free = freelist(self.source, first if header_ok else None)
        self.found.freelist_known = free is not None
        for page in free or ():
            self.owner[page] = FREE
        schema = self._schema()
        self.found.shapes, self.index_columns = _shapes(schema, self.fresh())
        for obj in schema:
            if obj.kind == "table" and obj.root > 0:
                self._walk_table(obj)
        for obj in schema:
            if obj.kind == "index" or (obj.kind == "table" and _without_rowid(obj)):
                self._walk_index(obj)
        self._orphans()

    # --- the schema ---

    def _own(self, name: str) -> int:
        if name not in self.names:
            self.names.append(name)
        return self.names.index(name) + 1

    def _schema(self) -> list[SchemaObject]:
        """sqlite_master, walked from page 1, and from orphan pages if the walk broke."""
        objects: dict[str, SchemaObject] = {}
        conflicting: set[str] = set()

        def add(values: list[Value]) -> None:
            obj = _master_row(values)
            if obj is None:
                return
            if obj.name in objects and objects[obj.name] != obj:
                conflicting.add(obj.name)
            objects[obj.name] = obj

        whole = True
        for _page, _cell, values in self._walk_rows(1, MASTER):
            if values is None:
                whole = False
            else:
                add(values)
        if not whole or not objects:
            for number, page in self._orphan_pages():
                rows = [record(data) for data in (payload(self.source, c) for c in page.cells)
                        if data is not None]
                if rows and all(v is not None and _master_row(v) for v in rows):
                    self.owner[number] = self._own(MASTER)
                    for values in rows:
                        assert values is not None
                        add(values)
        return [o for name, o in objects.items() if name not in conflicting]

    # --- walking b-trees ---

    def _walk(self, root: int, name: str, kinds: tuple[int, int]
              ) -> Iterator[tuple[int, BtreePage | None]]:
        """Every page of the b-tree from root (None for one that cannot be read), marking
        each as owned by `name`."""
        mark = self._own(name)
        stack, seen = [root], set()
        while stack:
            number = stack.pop()
            if number in seen or not 1 <= number <= self.source.count or \
                    self.owner[number] not in (0, mark):
                yield number, None
                continue
            seen.add(number)
            page = btree_page(number, self.source.page(number), self.source.usable)
            if page is None or page.kind not in kinds:
                yield number, None
                continue
            self.owner[number] = mark
            if page.kind in (TABLE_INTERIOR, INDEX_INTERIOR):
                stack.append(page.right)
                stack.extend(c.child for c in reversed(page.cells))
            yield number, page

    def _walk_rows(self, root: int, name: str
                   ) -> Iterator[tuple[int, Cell | None, list[Value] | None]]:
        """(page, cell, values) of every row; values None where something was lost."""
        for number, page in self._walk(root, name, (TABLE_INTERIOR, TABLE_LEAF)):
            if page is None:
                yield number, None, None
            elif page.kind == TABLE_LEAF:
                for cell in page.cells:
                    data = self._payload(cell)
                    yield number, cell, None if data is None else record(data)

    def _payload(self, cell: Cell) -> bytes | None:
        seen: set[int] = set()
        data = payload(self.source, cell, seen)
        for page in seen:
            if self.owner[page] == 0:
                self.owner[page] = OTHER
        return data

    def _walk_table(self, obj: SchemaObject) -> None:
        name, want = obj.name, obj.name in self.wanted
        shape = self.found.shapes.get(name)
        if want:
            self.found.found.add(name)
        whole = True
        for number, page in self._walk(obj.root, name, (TABLE_INTERIOR, TABLE_LEAF)):
            if page is None:
                whole = False
            elif page.kind == TABLE_LEAF and want and shape is not None \
                    and name not in self.done:
                for i, cell in enumerate(page.cells):
                    if not self._keep(name, shape, number, i, cell):
                        whole = False
            # (the overflow pages of rows not read are left unmarked: an overflow page begins
            # with the next one's number, never with a leaf's 0x0D in a file this size)
        if whole and want:
            self.found.whole.add(name)

    def _walk_index(self, obj: SchemaObject) -> None:
        rowids: set[int] = set()
        keys: set[int] = set()
        whole = True
        for _number, page in self._walk(obj.root, obj.name, (INDEX_INTERIOR, INDEX_LEAF)):
            if page is None:
                whole = False
                continue
            for cell in page.cells:
                data = self._payload(cell)
                values = None if data is None else record(data)
                if values is None or not isinstance(values[-1], int):
                    whole = False
                    continue
                rowids.add(values[-1])
                keys.add(hash(tuple(values)))
        if not whole or obj.table not in self.wanted or obj.kind != "index":
            return
        self.found.indexed.setdefault(obj.table, rowids)
        columns = self.index_columns.get(obj.name)
        if columns is not None:
            self.found.keyed[obj.table].append((columns, keys))

    # --- orphans ---

    def _orphan_pages(self) -> Iterator[tuple[int, BtreePage]]:
        for number in range(1, self.source.count + 1):
            if self.owner[number] == 0:
                page = btree_page(number, self.source.page(number), self.source.usable)
                if page is not None and page.kind == TABLE_LEAF:
                    yield number, page

    def _orphans(self) -> None:
        shapes = [s for s in self.found.shapes.values() if s.name != MASTER]
        for number, page in self._orphan_pages():
            for i, cell in enumerate(page.cells):
                self._orphan(shapes, number, i, cell)

    def _orphan(self, shapes: list[Shape], number: int, index: int, cell: Cell) -> None:
        assert cell.rowid is not None
        data = self._payload(cell)
        values = record(data) if data is not None else _types_only(cell.local)
        if values is None:
            return
        fits = [s for s in shapes if s.fits(values) and self._listed(
            s.name, cell.rowid, None if data is None else s.named(cell.rowid, values))]
        if data is not None and len(fits) > 1:  # values that make no sense rule a table out
            fits = [s for s in fits if s.name not in self.wanted
                    or self.wanted[s.name](s.named(cell.rowid, values)) is not None]
        if len(fits) > 1 and any(s.name in self.wanted for s in fits):
            self.found.ambiguous[tuple(sorted(s.name for s in fits))] += 1
        elif fits and fits[0].name in self.wanted:
            if data is None:
                self.found.broken[fits[0].name] += 1
            else:
                self._keep(fits[0].name, fits[0], number, index, cell, values)
        elif not fits:
            for shape in shapes:  # fits but for the index: a deleted row, left out
                if shape.name in self.wanted and shape.fits(values):
                    self.found.dropped[shape.name] += 1
                    break

    def _listed(self, table: str, rowid: int, row: Row | None) -> bool:
        """Whether the table's complete indexes (if any) list the row: its rowid, and (when
        the row is known) its values with it."""
        indexed = self.found.indexed.get(table)
        if indexed is not None and rowid not in indexed:
            return False
        if row is None:
            return True
        return all(hash((*(row.get(c) for c in columns), rowid)) in keys
                   for columns, keys in self.found.keyed.get(table, ()))

    def _keep(self, name: str, shape: Shape, number: int, index: int, cell: Cell,
              values: list[Value] | None = None) -> bool:
        """Keep the row (light, with its place, for LIGHT tables); False if it is lost."""
        assert cell.rowid is not None
        if cell.rowid in self.found.rows[name]:
            return True
        if values is None:
            data = self._payload(cell)
            if data is None:
                self.found.broken[name] += 1
                return False
            values = record(data)
        if values is None or not shape.fits(values):
            return False
        if not self._listed(name, cell.rowid, shape.named(cell.rowid, values)):
            self.found.dropped[name] += 1
            return True
        row = self.wanted[name](shape.named(cell.rowid, values))
        if row is None:
            return False
        if name in self.light:
            row = {k: row[k] for k in ("_rowid", *self.light[name])}
            self.found.where[(name, cell.rowid)] = (number, index)
        self.found.rows[name][cell.rowid] = row
        return True


# --- shapes of records and tables ---


def _master_row(values: list[Value]) -> SchemaObject | None:
    """The record as a row of sqlite_master, if it is shaped like one."""
    if len(values) != 5:
        return None
    kind, name, table, root, sql = values
    if (kind not in _KINDS or not isinstance(name, str) or not isinstance(table, str)
            or not isinstance(root, int) or root < 0 or not (sql is None or
                                                             isinstance(sql, str))):
        return None
    return SchemaObject(str(kind), name, table, root, sql)


def _without_rowid(obj: SchemaObject) -> bool:
    return bool(obj.sql and re.search(r"WITHOUT\s+ROWID\s*$", obj.sql.strip(), re.I))


def _types_only(local: bytes) -> list[Value] | None:
    """Placeholder values of the right types, from a record's header alone (for a cell whose
    overflow chain is broken: its table can still be told)."""
    try:
        header, at = varint(local, 0)
        if header > len(local):
            return None
        values: list[Value] = []
        while at < header:
            serial, at = varint(local, at)
            if serial in (10, 11):
                return None
            values.append(None if serial == 0 else 0 if serial <= 9 else
                          b"" if serial % 2 == 0 else "")
        return values
    except IndexError:
        return None


def _fits(column: Column, value: Value) -> bool:
    if column.rowid:
        return value is None
    if value is None:
        return not column.not_null
    kind = column.affinity
    if isinstance(value, bool) or kind == "BLOB":
        return True
    if isinstance(value, int):
        return kind in ("INTEGER", "REAL", "NUMERIC")
    if isinstance(value, float):
        return kind in ("REAL", "NUMERIC", "INTEGER")
    if isinstance(value, str):
        return kind in ("TEXT", "NUMERIC")
    return False  # a blob in a typed column


def _affinity(declared: str) -> str:
    """SQLite's column affinity rules (datatype3.html, 3.1)."""
    upper = declared.upper()
    if "INT" in upper:
        return "INTEGER"
    if any(word in upper for word in ("CHAR", "CLOB", "TEXT")):
        return "TEXT"
    if not upper or "BLOB" in upper:
        return "BLOB"
    if any(word in upper for word in ("REAL", "FLOA", "DOUB")):
        return "REAL"
    return "NUMERIC"


def _shapes(schema: list[SchemaObject], fresh: list[SchemaObject]
            ) -> tuple[dict[str, Shape], dict[str, tuple[str, ...]]]:
    """Every rowid table's columns, and every index's: from the file's schema, else a new
    journal's."""
    tables = {o.name: o for o in fresh if o.kind == "table"}
    tables.update({o.name: o for o in schema if o.kind == "table"})
    indexes = {o.name: o for o in fresh if o.kind == "index" and o.sql}
    indexes.update({o.name: o for o in schema if o.kind == "index" and o.sql})
    shapes = {MASTER: Shape(MASTER, tuple(
        Column(n, a, False, None, False, False) for n, a in
        (("type", "TEXT"), ("name", "TEXT"), ("tbl_name", "TEXT"), ("rootpage", "INTEGER"),
         ("sql", "TEXT"))))}
    conn = cipher.connect(":memory:", None)
    try:
        for obj in tables.values():
            if obj.sql is None or obj.name.startswith("sqlite_") or _without_rowid(obj) \
                    or obj.sql.lstrip().upper().startswith("CREATE VIRTUAL"):
                continue
            try:
                conn.execute(obj.sql)
                shapes[obj.name] = _shape(conn, obj.name)
            except (*cipher.Error, ValueError):
                continue  # a damaged CREATE: its rows cannot be told
        for obj in indexes.values():
            try:
                conn.execute(obj.sql)
            except (*cipher.Error, ValueError):
                continue
        return shapes, _index_columns(conn)
    finally:
        conn.close()


def _index_columns(conn: Any) -> dict[str, tuple[str, ...]]:
    """The columns of every index made (none for an index on an expression)."""
    found = {}
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'"):
        quoted = '"' + name.replace('"', '""') + '"'
        columns = [r[2] for r in conn.execute(f"PRAGMA index_info({quoted})")]
        if columns and None not in columns:
            found[name] = tuple(columns)
    return found


def _shape(conn: Any, name: str) -> Shape:
    quoted = '"' + name.replace('"', '""') + '"'
    info = conn.execute(f"PRAGMA table_xinfo({quoted})").fetchall()
    keys = [r for r in info if r[5]]
    columns = []
    for _cid, column, declared, not_null, default, pk, _hidden in info:
        alias = pk and len(keys) == 1 and str(declared).upper() == "INTEGER"
        value = conn.execute(f"SELECT {default}").fetchone()[0] if default is not None \
            else None
        columns.append(Column(column, _affinity(str(declared or "")), bool(not_null), value,
                              default is not None, bool(alias)))
    return Shape(name, tuple(columns))
