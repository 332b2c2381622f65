"""Reading and writing entries. Lists come back as lightweight rows, never ORM objects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import Any, TypeVar

from sqlalchemy import Engine, delete, select, update
from sqlalchemy.orm import Session, selectinload

from carejournal.core.domain import (
    ActDone,
    Entry,
    EntryDraft,
    EntryKind,
    EntryLink,
    Feeling,
    InvalidInput,
    details_text,
    summarise,
)
from carejournal.store import fts, lens_repo, structure
from carejournal.store.bulk import bulk_add
from carejournal.store.engine import writer
from carejournal.store.entry_reads import dismissed_of, links_of
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

_Named = TypeVar("_Named", Person, Tag)
_ENTRIES = EntryRecord.__table__
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
            if result.rowcount:
                # The text index keeps a deleted entry's words until its pages are merged:
                # merge them now (the freed pages are zeroed: PRAGMA secure_delete).
                fts.optimize(conn)
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

    def set_action_done(self, item_id: int, done_on: dt.date | None) -> bool:
        """Mark an action item done or not done; False if there is no such item."""
        table = ActionRecord.__table__
        with self._writer.begin() as conn:
            result = conn.execute(update(table).where(table.c.id == item_id)
                                  .values(done_on=done_on))
            return result.rowcount == 1


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
    from carejournal.core.templates import written_sections  # (writes only)

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
