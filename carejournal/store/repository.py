"""Reading and writing entries. Lists come back as lightweight rows, never ORM objects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import Any, TypeVar

from sqlalchemy import (
    Connection,
    Engine,
    Select,
    column,
    delete,
    func,
    literal_column,
    select,
    table,
    update,
)
from sqlalchemy.orm import Session, selectinload

from carejournal.domain import (
    ActDone,
    DueAction,
    Entry,
    EntryDraft,
    EntryFilter,
    EntryKind,
    EntryLink,
    EntryRow,
    Feeling,
    InvalidInput,
    LinkKind,
    details_text,
    summarise,
)
from carejournal.errors import EntryNotFound
from carejournal.store import fts, lens_repo, structure
from carejournal.store.bulk import bulk_add
from carejournal.store.engine import writer
from carejournal.store.entry_reads import dismissed_of, links_of, unindexed
from carejournal.store.lens_repo import EntryCounts
from carejournal.store.models import (
    ActionRecord,
    EntryAct,
    EntryRecord,
    GoalRecord,
    KindnessAct,
    Person,
    Tag,
    entry_people,
    entry_tags,
)

_SEP = "\x1f"
_KINDS = {kind.value: kind for kind in EntryKind}
_Named = TypeVar("_Named", Person, Tag)
_ENTRIES = EntryRecord.__table__
_FTS = literal_column(fts.FTS_TABLE)
_FTS_TABLE = table(fts.FTS_TABLE, column("rowid"))
_CHUNK = 500  # ids per IN (...): well under SQLite's limit on bound variables


@cache
def _in_full() -> list[Any]:
    """Load options for whole entries (made on first use: they configure every mapper, 20 ms
    that a command which only lists entries need not pay)."""
    return [selectinload(getattr(EntryRecord, name)) for name in
            ("people", "tags", "acts", "sections", "decisions", "actions")]


class EntryRepository:
    """All entry reads and writes, each in its own transaction."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._writer = writer(engine)

    def dispose(self) -> None:
        """Close all pooled connections to the file."""
        self._engine.dispose()

    # -- writes ---------------------------------------------------------------
    def add(self, draft: EntryDraft, now: dt.datetime,
            links: Sequence[tuple[int, LinkKind]] = (), counts: EntryCounts | None = None
            ) -> int:
        """Store a new entry with its lens counts, linked to the given (target id, kind)
        entries; return its id."""
        with Session(self._writer) as session, session.begin():
            record = EntryRecord(created_at=now)
            _apply(session, record, draft, now, counts)
            session.add(record)
            session.flush()
            lens_repo.write_parts(session.connection(), record.id, counts, draft.dismissed,
                                  replace=False)
            for target_id, kind in links:
                if session.get(EntryRecord, target_id) is None:
                    raise EntryNotFound(target_id)
                structure.add_link(session.connection(), record.id, target_id, kind)
            return record.id

    def add_many(self, drafts: Iterable[EntryDraft], now: dt.datetime,
                 count: Callable[[EntryDraft], EntryCounts | None] | None = None) -> int:
        """Bulk-load entries in one transaction (all or nothing), indexing text once at the end."""
        with self._writer.begin() as conn:
            return bulk_add(conn, drafts, now, count)

    def update(self, entry_id: int, draft: EntryDraft, now: dt.datetime,
               counts: EntryCounts | None = None) -> bool:
        """Replace an entry's content and lens counts; False if there is no such entry."""
        with Session(self._writer) as session, session.begin():
            record = session.get(EntryRecord, entry_id)
            if record is None:
                return False
            _apply(session, record, draft, now, counts)
            lens_repo.write_parts(session.connection(), entry_id, counts, draft.dismissed,
                                  replace=True)
            return True

    def set_trashed(self, entry_ids: Sequence[int], when: dt.datetime | None) -> int:
        """Move entries to the trash (when given) or restore them (when None)."""
        with self._writer.begin() as conn:
            result = conn.execute(
                update(_ENTRIES).where(_ENTRIES.c.id.in_(entry_ids)).values(deleted_at=when))
            return result.rowcount

    def empty_trash(self) -> int:
        """Delete every trashed entry for good; return how many."""
        with self._writer.begin() as conn:
            result = conn.execute(delete(_ENTRIES).where(_ENTRIES.c.deleted_at.is_not(None)))
            conn.execute(delete(Person.__table__).where(
                Person.id.not_in(select(entry_people.c.person_id)),
                Person.id.not_in(select(GoalRecord.person_id))))
            conn.execute(delete(Tag.__table__).where(Tag.id.not_in(select(entry_tags.c.tag_id))))
            return result.rowcount

    # -- reads ----------------------------------------------------------------
    def get(self, entry_id: int) -> Entry | None:
        """One entry in full, or None."""
        with Session(self._engine) as session:
            record = session.get(EntryRecord, entry_id)
            if record is None:
                return None
            conn = session.connection()
            return _to_entry(record, structure.read_links(conn, entry_id),
                             lens_repo.read_dismissed(conn, entry_id))

    def entries(self, entry_ids: Sequence[int]) -> list[Entry | None]:
        """Entries in full (trashed ones too), in the order of entry_ids; None for an id
        with no entry. Each relationship is read in one query per 500 entries."""
        found: dict[int, Entry] = {}
        wanted = list(dict.fromkeys(entry_ids))
        with Session(self._engine) as session:
            conn = session.connection()
            for start in range(0, len(wanted), _CHUNK):
                chunk = wanted[start:start + _CHUNK]
                records = session.scalars(select(EntryRecord).options(*_in_full())
                                          .where(EntryRecord.id.in_(chunk))).all()
                links, dismissed = links_of(conn, chunk), dismissed_of(conn, chunk)
                found.update((r.id, _to_entry(r, links.get(r.id, ()),
                                              dismissed.get(r.id, ()))) for r in records)
        return [found.get(i) for i in entry_ids]

    def rows(self, flt: EntryFilter) -> list[EntryRow]:
        """Timeline rows matching the filter, newest first, without bodies."""
        match = fts.to_match_query(flt.text) if flt.text else ""
        if flt.text and not match:
            return []
        with self._engine.connect() as conn:
            if match and flt.limit:
                return _searched(conn, flt, match)
            return [_to_row(r) for r in conn.execute(_row_query(flt, match))]

    def row(self, entry_id: int) -> EntryRow | None:
        """The timeline row of one entry not in the trash."""
        query = _row_query(EntryFilter(), "").where(_ENTRIES.c.id == entry_id)
        with self._engine.connect() as conn:
            found = conn.execute(query).first()
            return None if found is None else _to_row(found)

    def count(self, trashed: bool = False) -> int:
        """How many entries are in the journal (or in the trash)."""
        column = _ENTRIES.c.deleted_at
        condition = column.is_not(None) if trashed else column.is_(None)
        with self._engine.connect() as conn:
            return conn.execute(select(func.count()).where(condition)).scalar_one()

    def actions_due(self, until: dt.date) -> list[DueAction]:
        """Open action items reviewed on or before until, in entries not in the trash."""
        a = ActionRecord.__table__.c
        query = (select(a.id, a.text, a.review_on, a.entry_id, _ENTRIES.c.summary)
                 .join(_ENTRIES, _ENTRIES.c.id == a.entry_id)
                 .where(a.review_on <= until, a.done_on.is_(None),
                        _ENTRIES.c.deleted_at.is_(None))
                 .order_by(a.review_on, a.id))
        with self._engine.connect() as conn:
            return [DueAction(*r) for r in conn.execute(query)]

    def set_action_done(self, item_id: int, done_on: dt.date | None) -> bool:
        """Mark an action item done or not done; False if there is no such item."""
        table = ActionRecord.__table__
        with self._writer.begin() as conn:
            result = conn.execute(update(table).where(table.c.id == item_id)
                                  .values(done_on=done_on))
            return result.rowcount == 1

    def person_names(self) -> list[str]:
        """Everyone named in the journal, sorted."""
        return self._names(Person)

    def tag_names(self) -> list[str]:
        """Every tag in the journal, sorted."""
        return self._names(Tag)

    def _names(self, kind: type[Person] | type[Tag]) -> list[str]:
        with self._engine.connect() as conn:
            names = conn.execute(select(kind.name)).scalars()
            return sorted(names, key=str.casefold)


def _searched(conn: Connection, flt: EntryFilter, match: str) -> list[EntryRow]:
    """A search with a limit in three steps, so snippets are made for the rows shown only.

    SQLite works out every column of every match before sorting and cutting to the limit:
    a snippet for each of 20,000 entries holding a common word took 300 ms, for 50 8 ms.
    """
    ids = [r[0] for r in conn.execute(_row_query(flt, match, ids_only=True))]
    if not ids:
        return []
    shown = _row_query(EntryFilter(trashed=flt.trashed), "").where(_ENTRIES.c.id.in_(ids))
    snippet = func.snippet(_FTS, -1, "[", "]", "…", 12)
    found = select(_FTS_TABLE.c.rowid, snippet).select_from(_FTS_TABLE).where(
        _FTS.op("MATCH")(match), literal_column(f"+{fts.FTS_TABLE}.rowid").in_(ids))
    snippets = {r[0]: r[1] for r in conn.execute(found)}
    return [_to_row((*r, snippets.get(r[0], ""))) for r in conn.execute(shown)]


def _row_query(flt: EntryFilter, match: str, ids_only: bool = False) -> Select:
    """The SQL for timeline rows; people come from a correlated subquery."""
    e = _ENTRIES.c
    people = (
        select(func.group_concat(Person.name, _SEP))
        .select_from(entry_people.join(Person.__table__))
        .where(entry_people.c.entry_id == e.id)
        .scalar_subquery()
    )
    tags = (
        select(func.group_concat(Tag.name, _SEP))
        .select_from(entry_tags.join(Tag.__table__))
        .where(entry_tags.c.entry_id == e.id)
        .scalar_subquery()
    )
    columns = [e.id, e.kind, e.occurred_on, e.occurred_time, e.shift, e.title, e.summary,
               people, tags]
    joined = bool(match) and not ids_only
    if joined:
        snippet = func.snippet(_FTS, -1, "[", "]", "…", 12)
        query = select(*columns, snippet).select_from(
            _ENTRIES.join(_FTS_TABLE, _FTS_TABLE.c.rowid == e.id))
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
        query = query.where(e.id.in_(
            select(entry_people.c.entry_id).join(Person.__table__)
            .where(Person.name == flt.person)))
    if flt.tag:
        query = query.where(e.id.in_(
            select(entry_tags.c.entry_id).join(Tag.__table__).where(Tag.name == flt.tag)))
    query = query.order_by(
        e.occurred_on.desc(), func.coalesce(e.occurred_time, "").desc(), e.id.desc())
    return query.limit(flt.limit) if flt.limit else query


def _split(joined: str | None) -> tuple[str, ...]:
    return tuple(sorted(joined.split(_SEP), key=str.casefold)) if joined else ()


def _to_row(r: Sequence) -> EntryRow:
    # Positional arguments and a dict for the kind cut the Python
    # time of building the timeline's rows (92 -> 53 ms of CPU at 20,000 rows).
    snippet = r[9] if len(r) > 9 else ""
    return EntryRow(r[0], _KINDS[r[1]], r[2], r[3], r[4], r[5], r[6], _split(r[7]),
                    _split(r[8]), snippet or "")


def _to_entry(record: EntryRecord, links: tuple[EntryLink, ...] = (),
              dismissed: tuple[str, ...] = ()) -> Entry:
    feeling = (Feeling(record.feeling_score, record.feeling_word)
               if record.feeling_score is not None else None)
    return Entry(
        id=record.id, kind=EntryKind(record.kind), occurred_on=record.occurred_on,
        occurred_time=record.occurred_time, shift=record.shift, title=record.title,
        body=record.body, people=tuple(p.name for p in record.people),
        tags=tuple(t.name for t in record.tags), feeling=feeling,
        created_at=record.created_at, updated_at=record.updated_at,
        deleted_at=record.deleted_at,
        acts=tuple(ActDone(a.act_id, a.note, a.label) for a in record.acts),
        strengths=record.strengths, model=record.model,
        sections=tuple((x.key, x.text) for x in record.sections),
        decisions=structure.read_decisions(record), actions=structure.read_actions(record),
        links=links, dismissed=dismissed,
    )


def _apply(session: Session, record: EntryRecord, draft: EntryDraft, now: dt.datetime,
           counts: EntryCounts | None = None) -> None:
    """Copy a draft and its lens counts onto a record, finding or creating people and tags."""
    from carejournal.templates import written_sections  # (writes only)

    record.kind = draft.kind.value
    record.occurred_on = draft.occurred_on
    record.occurred_time = draft.occurred_time
    record.shift = draft.shift
    record.title = draft.title
    record.body = draft.body
    record.summary = summarise(draft.title, draft.body,
                               *written_sections(draft.kind.value, draft.model, draft.sections))
    record.feeling_score = draft.feeling.score if draft.feeling else None
    record.feeling_word = draft.feeling.word if draft.feeling else ""
    record.updated_at = now
    record.people = [_named(session, Person, n) for n in draft.people]
    record.tags = [_named(session, Tag, n) for n in draft.tags]
    record.acts = _acts(session, record, draft.acts)
    record.strengths = draft.strengths
    record.model = draft.model
    record.sections = structure.sections(record, draft.sections)
    record.decisions = structure.decisions(draft.decisions)
    record.actions = structure.actions(draft.actions)
    record.details = details_text(draft)
    for name, value in lens_repo.entry_values(counts).items():
        setattr(record, name, value)


def _acts(session: Session, record: EntryRecord, done: tuple[ActDone, ...]) -> list[EntryAct]:
    """The entry's recorded acts; ones already recorded keep the label they had then."""
    existing = {a.act_id: a for a in record.acts} if record.id else {}
    result: list[EntryAct] = []
    for item in done:
        recorded = existing.get(item.act_id)
        if recorded is None:
            act = session.get(KindnessAct, item.act_id)
            if act is None:
                raise InvalidInput(f"there is no little thing with id {item.act_id}")
            recorded = EntryAct(act_id=act.id, label=act.label)
        recorded.note = item.note.strip()
        result.append(recorded)
    return result


def _named(session: Session, model: type[_Named], name: str) -> _Named:
    """Find a person or tag by name (any case, by the column's collation), or create it."""
    found = session.scalars(select(model).where(model.name == name)).first()
    if found is None:
        found = model(name=name)
        session.add(found)
    return found
