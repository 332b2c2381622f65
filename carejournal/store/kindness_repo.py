"""The catalogue of little things, and the acts recorded on entries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Engine, func, select, update

from carejournal.core.domain import EntryKind
from carejournal.core.kindness import Act, LoggedAct
from carejournal.store import writes
from carejournal.store.engine import writer
from carejournal.store.models import EntryAct, EntryRecord, KindnessAct, Person, entry_people
from carejournal.store.tables import inserted_id

_ACTS = KindnessAct.__table__


class KindnessRepository:
    """Reads and writes the kindness catalogue; each call is its own transaction."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._writer = writer(engine)

    def sync_builtin(self, builtin: Sequence[tuple[str, str]]) -> int:
        """Add built-in acts (key, label) the journal does not have yet; never relabel."""
        return writes.sync_builtin(self._engine, builtin)

    def acts(self, include_retired: bool = False) -> list[Act]:
        """The catalogue in order, with how often each act was recorded."""
        uses = (select(func.count()).select_from(EntryAct.__table__)
                .where(EntryAct.act_id == _ACTS.c.id).scalar_subquery())
        query = select(_ACTS.c.id, _ACTS.c.key, _ACTS.c.label, _ACTS.c.retired_at, uses)
        if not include_retired:
            query = query.where(_ACTS.c.retired_at.is_(None))
        with self._engine.connect() as conn:
            rows = conn.execute(query.order_by(_ACTS.c.position, _ACTS.c.id)).all()
        return [Act(r[0], r[1], r[2], r[3] is not None, r[4]) for r in rows]

    def add(self, label: str) -> int:
        """Add the worker's own act at the end of the catalogue."""
        with self._writer.begin() as conn:
            last = conn.execute(select(func.coalesce(func.max(_ACTS.c.position), 0))).scalar_one()
            result = conn.execute(_ACTS.insert().values(label=label, position=last + 1))
            return inserted_id(result)

    def rename(self, act_id: int, label: str) -> bool:
        """Reword an act; entries keep the label they were recorded with."""
        return self._update(act_id, label=label)

    def set_retired(self, act_id: int, when: dt.datetime | None) -> bool:
        """Retire an act (hidden from new entries, kept on old ones) or bring it back."""
        return self._update(act_id, retired_at=when)

    def _update(self, act_id: int, **values: object) -> bool:
        with self._writer.begin() as conn:
            result = conn.execute(update(_ACTS).where(_ACTS.c.id == act_id).values(**values))
            return result.rowcount == 1

    def logged(self, since: dt.date | None, until: dt.date | None, person: str = "",
               limit: int | None = None) -> list[LoggedAct]:
        """Little things recorded on entries not in the trash, newest first."""
        e = EntryRecord.__table__.c
        people = (select(func.group_concat(Person.name, ", "))
                  .select_from(entry_people.join(Person.__table__))
                  .where(entry_people.c.entry_id == e.id).scalar_subquery())
        query = (select(EntryAct.entry_id, e.occurred_on, e.kind, EntryAct.act_id,
                        EntryAct.label, EntryAct.note, people)
                 .join_from(EntryAct, EntryRecord.__table__, EntryAct.entry_id == e.id)
                 .where(e.deleted_at.is_(None)))
        if since:
            query = query.where(e.occurred_on >= since)
        if until:
            query = query.where(e.occurred_on <= until)
        if person:
            query = query.where(e.id.in_(select(entry_people.c.entry_id)
                                         .join(Person.__table__).where(Person.name == person)))
        query = query.order_by(e.occurred_on.desc(), EntryAct.id.desc())
        if limit:
            query = query.limit(limit)
        with self._engine.connect() as conn:
            return [LoggedAct(entry_id=r[0], occurred_on=r[1], kind=EntryKind(r[2]),
                              act_id=r[3], label=r[4], note=r[5], people=r[6] or "")
                    for r in conn.execute(query)]
