"""Goals and their attempts. Counts come from SQL, never from loading every attempt."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Engine, case, func, select, update
from sqlalchemy.orm import Session

from carejournal.core.goals import Attempt, Goal, GoalStatus, Outcome
from carejournal.store.engine import writer
from carejournal.store.models import AttemptRecord, EntryRecord, GoalRecord, Person
from carejournal.store.tables import inserted_id

_G = GoalRecord.__table__.c
_A = AttemptRecord.__table__.c
_P = Person.__table__.c
_E = EntryRecord.__table__.c


class GoalRepository:
    """Reads and writes goals; each call is its own transaction."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._writer = writer(engine)

    def add(self, person: str, text: str, now: dt.datetime) -> int:
        """A new active goal; the person is found by name or added."""
        with Session(self._writer) as session, session.begin():
            found = session.scalars(select(Person).where(Person.name == person)).first()
            if found is None:
                found = Person(name=person)
                session.add(found)
                session.flush()
            goal = GoalRecord(person_id=found.id, text=text, status=GoalStatus.ACTIVE.value,
                              created_at=now, status_changed_at=now)
            session.add(goal)
            session.flush()
            return goal.id

    def goals(self, person: str, statuses: Sequence[str], goal_id: int | None = None
              ) -> list[Goal]:
        """Goals with their attempt counts by outcome, by person then oldest first."""
        counts = (select(_A.goal_id,
                         func.sum(case((_A.outcome == Outcome.MANAGED.value, 1), else_=0))
                         .label("managed"),
                         func.sum(case((_A.outcome == Outcome.PARTLY.value, 1), else_=0))
                         .label("partly"),
                         func.sum(case((_A.outcome == Outcome.NOT_THIS_TIME.value, 1), else_=0))
                         .label("not_yet"),
                         func.max(_A.occurred_on).label("last"))
                  .group_by(_A.goal_id).subquery())
        query = (select(_G.id, _P.name, _G.text, _G.status, _G.created_at,
                        func.coalesce(counts.c.managed, 0), func.coalesce(counts.c.partly, 0),
                        func.coalesce(counts.c.not_yet, 0), counts.c.last, _G.asked_at,
                        _G.own_attempts, _G.reflection_id)
                 .join(Person.__table__, _P.id == _G.person_id)
                 .outerjoin(counts, counts.c.goal_id == _G.id)
                 .order_by(_P.name, _G.id))
        if goal_id is not None:
            query = query.where(_G.id == goal_id)
        if person:
            query = query.where(_P.name == person)
        if statuses:
            query = query.where(_G.status.in_(statuses))
        with self._engine.connect() as conn:
            rows = conn.execute(query).all()
        return [Goal(r[0], r[1], r[2], GoalStatus(r[3]), _moment(r[4]), r[5], r[6], r[7],
                     _date(r[8]), _utc(r[9]), r[10], r[11]) for r in rows]

    def attempts(self, goal_id: int) -> list[Attempt]:
        """A goal's attempts, oldest first, with the summary of any linked entry."""
        query = (select(_A.id, _A.goal_id, _A.occurred_on, _A.outcome, _A.note, _A.entry_id,
                        _E.summary)
                 .outerjoin(EntryRecord.__table__, _E.id == _A.entry_id)
                 .where(_A.goal_id == goal_id).order_by(_A.occurred_on, _A.id))
        with self._engine.connect() as conn:
            return [Attempt(r[0], r[1], r[2], Outcome(r[3]), r[4], r[5], r[6] or "")
                    for r in conn.execute(query)]

    def add_attempt(self, goal_id: int, day: dt.date, outcome: str, note: str,
                    entry_id: int | None) -> int:
        """Log one attempt."""
        with self._writer.begin() as conn:
            result = conn.execute(AttemptRecord.__table__.insert().values(
                goal_id=goal_id, occurred_on=day, outcome=outcome, note=note,
                entry_id=entry_id))
            return inserted_id(result)

    def update(self, goal_id: int, **values: object) -> None:
        """Change a goal's columns."""
        with Session(self._writer) as session, session.begin():
            session.execute(update(GoalRecord).where(GoalRecord.id == goal_id).values(**values))


def _utc(value: dt.datetime | str | None) -> dt.datetime | None:
    """A UTC datetime read through a Core select (which skips the ORM type's conversion)."""
    return None if value is None else _moment(value)


def _moment(value: dt.datetime | str) -> dt.datetime:
    """A UTC datetime read from a NOT NULL column through a Core select."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value.replace(tzinfo=dt.UTC)


def _date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)
