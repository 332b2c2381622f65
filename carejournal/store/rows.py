"""Timeline rows and counts in SQL alone: no ORM, so `list` and `search` never load it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, Select, column, func, literal_column, select, table
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.expression import ColumnClause

from carejournal.core.calendar import DayCount, day_and_month
from carejournal.core.domain import DueAction, EntryFilter, EntryKind, EntryRow
from carejournal.core.errors import JournalDamaged
from carejournal.core.snippets import MATCH_CLOSE, MATCH_OPEN
from carejournal.store import cipher, fts
from carejournal.store.integrity import unreadable_column
from carejournal.store.tables import ACTIONS, ENTRIES, ENTRY_PEOPLE, ENTRY_TAGS, PEOPLE, TAGS

_SEP = "\x1f"
_KINDS = {kind.value: kind for kind in EntryKind}

_FTS: ColumnClause[Any] = literal_column(fts.FTS_TABLE)
_FTS_TABLE = table(fts.FTS_TABLE, column("rowid"))


class RowUnreadable(JournalDamaged):
    """A row's bytes are damaged: its text is not UTF-8, or its kind or date is garbled."""


@contextmanager
def damage_reported(garbled: bool = True) -> Iterator[None]:
    """Turn what reading a damaged row raises into RowUnreadable: text SQLite cannot decode,
    and (with garbled, around reads of entries only) a kind, date or time that no longer
    converts.

    SQLite's own message for text it cannot decode quotes the text (an entry's words), so
    neither it nor the value read is repeated: only the column is named.
    """
    try:
        yield
    except (DBAPIError, *cipher.Error) as exc:
        column_name = unreadable_column(exc)
        if column_name is None:
            raise
        problem = f"the text in the column {column_name} is not readable text"
        raise RowUnreadable(problem, [problem]) from None
    except (KeyError, ValueError, LookupError):
        if not garbled:
            raise
        problem = "the kind, date or time of an entry is garbled"
        raise RowUnreadable(problem, [problem]) from None


class RowReader:
    """Timeline rows and entry counts, each read on its own connection."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def rows(self, flt: EntryFilter) -> list[EntryRow]:
        """Timeline rows matching the filter, newest first, without bodies."""
        match = fts.to_match_query(flt.text) if flt.text else ""
        if flt.text and not match:
            return []
        with self._engine.connect() as conn:
            if match and flt.limit:
                return searched(conn, flt, match)
            return [to_row(r) for r in conn.execute(row_query(flt, match))]

    def row(self, entry_id: int) -> EntryRow | None:
        """The timeline row of one entry not in the trash."""
        query = row_query(EntryFilter(), "").where(ENTRIES.c.id == entry_id)
        with self._engine.connect() as conn:
            found = conn.execute(query).first()
            return None if found is None else to_row(found)

    def count(self, trashed: bool = False) -> int:
        """How many entries are in the journal (or in the trash)."""
        deleted = ENTRIES.c.deleted_at
        condition = deleted.is_not(None) if trashed else deleted.is_(None)
        with self._engine.connect() as conn:
            return conn.execute(
                select(func.count()).select_from(ENTRIES).where(condition)).scalar_one()

    def stamp(self) -> tuple[int, int, int]:
        """Entries in all, in the trash, and the newest id: a change to the listing made by
        another program changes it (4 ms at 20,000 entries; the newest edit time would need
        every row read, 30 ms)."""
        e = ENTRIES.c
        query = select(func.count(), func.count(e.deleted_at), func.coalesce(func.max(e.id), 0))
        with self._engine.connect() as conn:
            total, trashed, newest = conn.execute(query.select_from(ENTRIES)).one()
            return int(total), int(trashed), int(newest)

    def day_counts(self, first: dt.date, last: dt.date) -> list[DayCount]:
        """One row per day from first to last that has entries not in the trash, with their
        count: read from the timeline index alone (deleted_at, occurred_on), never a row."""
        e = ENTRIES.c
        query = (select(e.occurred_on, func.count())
                 .where(e.deleted_at.is_(None), e.occurred_on.between(first, last))
                 .group_by(e.occurred_on).order_by(e.occurred_on))
        with self._engine.connect() as conn:
            return [DayCount(day, count) for day, count in conn.execute(query)]

    def on_this_day(self, day: dt.date, limit: int | None = None) -> list[EntryRow]:
        """Timeline rows of entries on the same day and month in years before day's, newest
        first (none from the trash)."""
        e = ENTRIES.c
        flt = EntryFilter(until=dt.date(day.year - 1, 12, 31), limit=limit)
        query = row_query(flt, "").where(func.substr(e.occurred_on, 6, 5) == day_and_month(day))
        with self._engine.connect() as conn:
            return [to_row(r) for r in conn.execute(query)]

    def actions_due(self, until: dt.date) -> list[DueAction]:
        """Open action items reviewed on or before until, in entries not in the trash."""
        a, e = ACTIONS.c, ENTRIES.c
        query = (select(a.id, a.text, a.review_on, a.entry_id, e.summary)
                 .select_from(ACTIONS.join(ENTRIES, e.id == a.entry_id))
                 .where(a.review_on <= until, a.done_on.is_(None), e.deleted_at.is_(None))
                 .order_by(a.review_on, a.id))
        with self._engine.connect() as conn:
            return [DueAction(*r) for r in conn.execute(query)]

    def names(self, named: Any) -> list[str]:
        """Every name in PEOPLE or TAGS, sorted as a person reads them."""
        with self._engine.connect() as conn:
            return sorted(conn.execute(select(named.c.name)).scalars(), key=str.casefold)


def searched(conn: Connection, flt: EntryFilter, match: str) -> list[EntryRow]:
    """A search with a limit in three steps, so snippets are made for the rows shown only.

    SQLite works out every column of every match before sorting and cutting to the limit:
    a snippet for each of 20,000 entries holding a common word took 300 ms, for 50 8 ms.
    """
    ids = [r[0] for r in conn.execute(row_query(flt, match, ids_only=True))]
    if not ids:
        return []
    shown = row_query(EntryFilter(trashed=flt.trashed), "").where(ENTRIES.c.id.in_(ids))
    snippet = func.snippet(_FTS, -1, MATCH_OPEN, MATCH_CLOSE, "…", 12)
    found = select(_FTS_TABLE.c.rowid, snippet).select_from(_FTS_TABLE).where(
        _FTS.op("MATCH")(match), literal_column(f"+{fts.FTS_TABLE}.rowid").in_(ids))
    snippets = {r[0]: r[1] for r in conn.execute(found)}
    return [to_row((*r, snippets.get(r[0], ""))) for r in conn.execute(shown)]


def _names_of(link: Any, named: Any, key: str) -> Any:
    """A correlated subquery: the names linked to the entry, joined by _SEP."""
    return (select(func.group_concat(named.c.name, _SEP))
            .select_from(link.join(named, named.c.id == link.c[key]))
            .where(link.c.entry_id == ENTRIES.c.id)
            .scalar_subquery())


def _having(link: Any, named: Any, key: str, name: str) -> Any:
    """The ids of entries linked to the person or tag with this name."""
    return (select(link.c.entry_id).join(named, named.c.id == link.c[key])
            .where(named.c.name == name))


def row_query(flt: EntryFilter, match: str, ids_only: bool = False) -> Select:
    """The SQL for timeline rows; people and tags come from correlated subqueries."""
    e = ENTRIES.c
    columns = [e.id, e.kind, e.occurred_on, e.occurred_time, e.shift, e.title, e.summary,
               _names_of(ENTRY_PEOPLE, PEOPLE, "person_id"),
               _names_of(ENTRY_TAGS, TAGS, "tag_id")]
    joined = bool(match) and not ids_only
    if joined:
        snippet = func.snippet(_FTS, -1, MATCH_OPEN, MATCH_CLOSE, "…", 12)
        query = select(*columns, snippet).select_from(
            ENTRIES.join(_FTS_TABLE, e.id == _FTS_TABLE.c.rowid))
        query = query.where(_FTS.op("MATCH")(match))
    elif match:  # the matches read once, then the timeline index walked newest first
        query = select(e.id).where(e.id.in_(
            select(_FTS_TABLE.c.rowid).where(_FTS.op("MATCH")(match))))
    else:
        query = select(*columns)
    # Joined with the text index, the index must be read first. "+column" keeps SQLite from
    # walking every entry by its index instead and matching each one (newer SQLite, as in
    # SQLCipher, chose that: 5.9 s instead of 40 ms at 20,000 entries).
    deleted, kind = (unindexed(e.deleted_at), unindexed(e.kind)) if joined \
        else (e.deleted_at, e.kind)
    query = query.where(deleted.is_not(None) if flt.trashed else deleted.is_(None))
    if flt.kinds:
        query = query.where(kind.in_(sorted(k.value for k in flt.kinds)))
    if flt.since:
        query = query.where(e.occurred_on >= flt.since)
    if flt.until:
        query = query.where(e.occurred_on <= flt.until)
    if flt.person:
        query = query.where(e.id.in_(_having(ENTRY_PEOPLE, PEOPLE, "person_id", flt.person)))
    if flt.tag:
        query = query.where(e.id.in_(_having(ENTRY_TAGS, TAGS, "tag_id", flt.tag)))
    query = query.order_by(
        e.occurred_on.desc(), func.coalesce(e.occurred_time, "").desc(), e.id.desc())
    return query.limit(flt.limit) if flt.limit else query


def unindexed(col: Any) -> Any:
    """The column written "+table.name", which SQLite will not look up through an index."""
    return literal_column(f"+{col.table.name}.{col.name}", type_=col.type)


def _split(joined: str | None) -> tuple[str, ...]:
    return tuple(sorted(joined.split(_SEP), key=str.casefold)) if joined else ()


def to_row(r: Sequence) -> EntryRow:
    """An EntryRow from a row of row_query (with a snippet as its tenth column, if any)."""
    # Positional arguments and a dict for the kind cut the Python
    # time of building the timeline's rows (92 -> 53 ms of CPU at 20,000 rows).
    snippet = r[9] if len(r) > 9 else ""
    return EntryRow(r[0], _KINDS[r[1]], r[2], r[3], r[4], r[5], r[6], _split(r[7]),
                    _split(r[8]), snippet or "")
