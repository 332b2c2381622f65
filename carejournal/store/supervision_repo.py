"""Supervision sessions, agreed actions, preparations, entry revisions and people's aliases."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session as OrmSession

from carejournal.core.supervision import ActionStatus, AgreedAction, Function, Session
from carejournal.store.engine import writer
from carejournal.store.models import (
    AgreedActionRecord,
    EntryRecord,
    EntryRevisionRecord,
    Person,
    PreparationRecord,
    SupervisionSession,
    entry_people,
)

_E = EntryRecord.__table__.c
_P = Person.__table__.c
_EP = entry_people.c
PersonRow = tuple[str, str, str]  # (name, nicknames one per line, alias)
PersonBalance = tuple[str, int, int, int]  # (name, entries, strength words, problem words)


class SupervisionRepository:
    """Reads and writes supervision records; each call is its own transaction."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._writer = writer(engine)

    # -- sessions -------------------------------------------------------------
    def sessions(self) -> list[Session]:
        """Every session with its actions, oldest first."""
        with OrmSession(self._engine) as orm:
            found = orm.scalars(select(SupervisionSession)
                                .order_by(SupervisionSession.held_on, SupervisionSession.id))
            return [_session(r) for r in found]

    def session(self, session_id: int) -> Session | None:
        """One session, or None."""
        with OrmSession(self._engine) as orm:
            record = orm.get(SupervisionSession, session_id)
            return None if record is None else _session(record)

    def add_session(self, session: Session, now: dt.datetime) -> int:
        """Store a new session with its actions; return its id."""
        with OrmSession(self._writer) as orm, orm.begin():
            record = SupervisionSession(held_on=session.held_on, supervisor=session.supervisor,
                                        notes=session.notes, created_at=now)
            record.actions = [_action_record(a, n) for n, a in enumerate(session.actions)]
            orm.add(record)
            orm.flush()
            return record.id

    def update_session(self, session: Session) -> bool:
        """Replace a session's date, supervisor, notes and actions (ids kept where given)."""
        with OrmSession(self._writer) as orm, orm.begin():
            record = orm.get(SupervisionSession, session.id)
            if record is None:
                return False
            record.held_on, record.supervisor = session.held_on, session.supervisor
            record.notes = session.notes
            old = {a.id: a for a in record.actions}
            kept = []
            for n, action in enumerate(session.actions):
                item = old.get(action.id) if action.id is not None else None
                if item is None:
                    item = _action_record(action, n)
                else:
                    item.text, item.owner, item.due_on = action.text, action.owner, action.due_on
                    item.status, item.position = action.status.value, n
                    item.function = _function_value(action)
                kept.append(item)
            record.actions = kept
            return True

    def delete_session(self, session_id: int) -> bool:
        """Delete a session, its actions and its preparation."""
        with OrmSession(self._writer) as orm, orm.begin():
            record = orm.get(SupervisionSession, session_id)
            if record is None:
                return False
            orm.delete(record)
            return True

    def set_action_status(self, action_id: int, status: ActionStatus) -> bool:
        """Mark one agreed action done, in progress, dropped or open again."""
        with self._writer.begin() as conn:
            done = conn.execute(update(AgreedActionRecord).where(
                AgreedActionRecord.id == action_id).values(status=status.value))
            return bool(done.rowcount)

    # -- preparations -----------------------------------------------------------
    def preparation(self, session_id: int) -> str | None:
        """The stored state (JSON) of the preparation for a session, or None."""
        with self._engine.connect() as conn:
            return conn.scalar(select(PreparationRecord.state)
                               .where(PreparationRecord.session_id == session_id))

    def save_preparation(self, session_id: int, state: str, now: dt.datetime) -> None:
        """Create or replace the preparation for a session."""
        with OrmSession(self._writer) as orm, orm.begin():
            record = orm.scalars(select(PreparationRecord)
                                 .where(PreparationRecord.session_id == session_id)).first()
            if record is None:
                orm.add(PreparationRecord(session_id=session_id, state=state, created_at=now,
                                          updated_at=now))
            else:
                record.state, record.updated_at = state, now

    # -- entry history -----------------------------------------------------------
    def add_revision(self, entry_id: int, texts: str, reason: str, now: dt.datetime) -> None:
        """Keep an entry's earlier texts (JSON)."""
        with self._writer.begin() as conn:
            conn.execute(EntryRevisionRecord.__table__.insert().values(
                entry_id=entry_id, texts=texts, reason=reason, saved_at=now))

    def revisions(self, entry_id: int) -> list[tuple[dt.datetime, str, str]]:
        """An entry's earlier texts as (saved at, reason, texts JSON), oldest first."""
        table = EntryRevisionRecord.__table__.c
        with self._engine.connect() as conn:
            rows = conn.execute(select(table.saved_at, table.reason, table.texts)
                                .where(table.entry_id == entry_id).order_by(table.id)).all()
        return [(r[0].replace(tzinfo=dt.UTC), r[1], r[2]) for r in rows]

    # -- people ------------------------------------------------------------------
    def people(self) -> list[PersonRow]:
        """Everyone in the journal with their nicknames and alias, by name."""
        with self._engine.connect() as conn:
            rows = conn.execute(select(_P.name, _P.nicknames, _P.alias).order_by(_P.name))
            return [(r[0], r[1], r[2]) for r in rows]

    def set_person_names(self, name: str, nicknames: str, alias: str) -> bool:
        """Store a person's nicknames and alias; False if there is nobody of that name."""
        with self._writer.begin() as conn:
            done = conn.execute(update(Person).where(Person.name == name)
                                .values(nicknames=nicknames, alias=alias))
            return bool(done.rowcount)

    def person_balance(self, since: dt.date, until: dt.date,
                       entry_ids: Sequence[int] | None) -> list[PersonBalance]:
        """Per person mentioned: entries, strength and problem words (trash left out)."""
        query = (select(_P.name, func.count(_E.id), func.sum(_E.strength_words),
                        func.sum(_E.problem_words))
                 .select_from(EntryRecord.__table__)
                 .join(entry_people, _EP.entry_id == _E.id)
                 .join(Person.__table__, _P.id == _EP.person_id)
                 .where(_E.deleted_at.is_(None), _E.occurred_on >= since,
                        _E.occurred_on <= until)
                 .group_by(_P.name).order_by(_P.name))
        if entry_ids is not None:
            query = query.where(_E.id.in_(list(entry_ids)))
        with self._engine.connect() as conn:
            return [(r[0], r[1], r[2] or 0, r[3] or 0) for r in conn.execute(query)]


def _session(record: SupervisionSession) -> Session:
    actions = tuple(AgreedAction(a.text, a.owner, a.due_on, ActionStatus(a.status), a.id,
                                 _function(a.function))
                    for a in record.actions)
    return Session(record.held_on, record.supervisor, record.notes, actions, record.id)


def _action_record(action: AgreedAction, position: int) -> AgreedActionRecord:
    return AgreedActionRecord(position=position, text=action.text, owner=action.owner,
                              due_on=action.due_on, status=action.status.value,
                              function=_function_value(action))


def _function_value(action: AgreedAction) -> str | None:
    return action.function.value if action.function is not None else None


def _function(value: str | None) -> Function | None:
    """A stored function (one this version does not know reads as none)."""
    return Function(value) if value in {f.value for f in Function} else None
