"""Learning (CPD) records with their evidence files, feedback received and reflective
accounts. Searching is a plain LIKE over the records' words (these lists are short: a
worker writes tens of them a year, not thousands, so they stay out of the entries' FTS5)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Connection, Engine, Select, func, or_, select

from carejournal.core.cpd import (
    Evidence,
    EvidenceInfo,
    Feedback,
    FeedbackDraft,
    Learning,
    LearningDraft,
    Theme,
)
from carejournal.store.engine import writer
from carejournal.store.models import (
    FeedbackRecord,
    LearningEvidenceRecord,
    LearningRecord,
    ReflectiveAccountRecord,
)
from carejournal.store.tables import inserted_id

_L = LearningRecord.__table__
_E = LearningEvidenceRecord.__table__
_F = FeedbackRecord.__table__
_A = ReflectiveAccountRecord.__table__


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _themes(text: str) -> tuple[Theme, ...]:
    known = {t.value for t in Theme}
    return tuple(Theme(t) for t in text.split(",") if t in known)


class CpdRepository:
    """Reads and writes learning, evidence, feedback and accounts; one transaction a call."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._writer = writer(engine)

    # -- learning -----------------------------------------------------------------------
    def add_learning(self, draft: LearningDraft, now: dt.datetime) -> int:
        """Store a learning record and its evidence files together."""
        with self._writer.begin() as conn:
            return self.insert_learning(conn, draft, now)

    @classmethod
    def insert_learning(cls, conn: Connection, draft: LearningDraft,
                        now: dt.datetime) -> int:
        """Insert a record and its evidence inside the caller's transaction (import too)."""
        new_id = inserted_id(conn.execute(_L.insert().values(
            {**cls._learning_values(draft), "created_at": now})))
        cls._add_evidence(conn, new_id, draft.evidence)
        return new_id

    def update_learning(self, learning_id: int, draft: LearningDraft,
                        removed: Sequence[int] = ()) -> bool:
        """Reword a record in one transaction: the evidence files removed (by id, only this
        record's) go, the rest is kept, and the draft's evidence is added."""
        with self._writer.begin() as conn:
            done = conn.execute(_L.update().where(_L.c.id == learning_id)
                                .values(self._learning_values(draft))).rowcount == 1
            if done:
                if removed:
                    conn.execute(_E.delete().where(_E.c.learning_id == learning_id,
                                                   _E.c.id.in_(list(removed))))
                self._add_evidence(conn, learning_id, draft.evidence)
            return done

    @staticmethod
    def _learning_values(draft: LearningDraft) -> dict[str, object]:
        return {"method": draft.method, "topic": draft.topic, "started_on": draft.started_on,
                "ended_on": draft.ended_on, "minutes": draft.minutes,
                "participatory_minutes": draft.participatory_minutes,
                "themes": ",".join(t.value for t in draft.themes), "changed": draft.changed,
                "peer_reflection": draft.peer_reflection}

    @staticmethod
    def _add_evidence(conn: Connection, learning_id: int, evidence: Sequence[Evidence]) -> None:
        for item in evidence:
            conn.execute(_E.insert().values(
                learning_id=learning_id, name=item.name, content=item.data))

    def delete_learning(self, learning_id: int) -> bool:
        """Delete a record and its evidence for good."""
        with self._writer.begin() as conn:
            return conn.execute(_L.delete().where(_L.c.id == learning_id)).rowcount == 1

    def learning(self, text: str = "", since: dt.date | None = None,
                 until: dt.date | None = None) -> list[Learning]:
        """Learning records, newest first, whose words hold text, ending in the dates."""
        query = _filtered(select(_L), text, (_L.c.method, _L.c.topic, _L.c.changed),
                          _L.c.ended_on, since, until)
        with self._engine.connect() as conn:
            rows = conn.execute(query.order_by(_L.c.ended_on.desc(), _L.c.id.desc())).all()
            files: dict[int, list[EvidenceInfo]] = {}
            for e in conn.execute(select(_E.c.id, _E.c.learning_id, _E.c.name,
                                         func.length(_E.c.content)).order_by(_E.c.id)):
                files.setdefault(e[1], []).append(EvidenceInfo(e[0], e[2], e[3]))
        return [Learning(r.id, r.method, r.topic, r.started_on, r.ended_on, r.minutes,
                         r.participatory_minutes, _themes(r.themes), r.changed,
                         bool(r.peer_reflection), tuple(files.get(r.id, ())))
                for r in rows]

    def evidence(self, evidence_id: int) -> Evidence | None:
        """An evidence file's name and bytes."""
        with self._engine.connect() as conn:
            row = conn.execute(select(_E.c.name, _E.c.content)
                               .where(_E.c.id == evidence_id)).first()
        return None if row is None else Evidence(row[0], bytes(row[1]))

    def evidence_of(self, learning_id: int) -> list[Evidence]:
        """Every evidence file of a record, in the order added."""
        with self._engine.connect() as conn:
            rows = conn.execute(select(_E.c.name, _E.c.content)
                                .where(_E.c.learning_id == learning_id).order_by(_E.c.id))
            return [Evidence(r[0], bytes(r[1])) for r in rows]

    def delete_evidence(self, evidence_id: int) -> bool:
        """Remove one evidence file."""
        with self._writer.begin() as conn:
            return conn.execute(_E.delete().where(_E.c.id == evidence_id)).rowcount == 1

    # -- feedback -----------------------------------------------------------------------
    def add_feedback(self, draft: FeedbackDraft, now: dt.datetime) -> int:
        """Store a feedback record."""
        with self._writer.begin() as conn:
            return inserted_id(conn.execute(_F.insert().values(
                received_on=draft.received_on, from_role=draft.from_role, said=draft.said,
                changed=draft.changed, created_at=now)))

    def update_feedback(self, feedback_id: int, draft: FeedbackDraft) -> bool:
        """Reword a feedback record."""
        with self._writer.begin() as conn:
            return conn.execute(_F.update().where(_F.c.id == feedback_id).values(
                received_on=draft.received_on, from_role=draft.from_role, said=draft.said,
                changed=draft.changed)).rowcount == 1

    def delete_feedback(self, feedback_id: int) -> bool:
        """Delete a feedback record for good."""
        with self._writer.begin() as conn:
            return conn.execute(_F.delete().where(_F.c.id == feedback_id)).rowcount == 1

    def feedback(self, text: str = "", since: dt.date | None = None,
                 until: dt.date | None = None) -> list[Feedback]:
        """Feedback records, newest first, whose words hold text, received in the dates."""
        query = _filtered(
            select(_F.c.id, _F.c.received_on, _F.c.from_role, _F.c.said, _F.c.changed),
            text, (_F.c.from_role, _F.c.said, _F.c.changed), _F.c.received_on, since, until)
        with self._engine.connect() as conn:
            rows = conn.execute(query.order_by(_F.c.received_on.desc(), _F.c.id.desc()))
            return [Feedback(r[0], r[1], r[2], r[3], r[4]) for r in rows]

    # -- reflective accounts --------------------------------------------------------------
    def add_account(self, entry_id: int | None, written_on: dt.date,
                    themes: Sequence[Theme]) -> int:
        """Note that a reflective account was written (from an entry: once, the latest)."""
        with self._writer.begin() as conn:
            if entry_id is not None:
                conn.execute(_A.delete().where(_A.c.entry_id == entry_id))
            return inserted_id(conn.execute(_A.insert().values(
                entry_id=entry_id, written_on=written_on,
                themes=",".join(t.value for t in themes))))

    def accounts(self) -> list[tuple[int | None, dt.date]]:
        """(entry id, written on) of every reflective account, oldest first."""
        with self._engine.connect() as conn:
            rows = conn.execute(select(_A.c.entry_id, _A.c.written_on)
                                .order_by(_A.c.written_on, _A.c.id))
            return [(r[0], r[1]) for r in rows]


def _filtered(query: Select[Any], text: str, words_in: tuple[ColumnElement[Any], ...],
              day: ColumnElement[Any], since: dt.date | None, until: dt.date | None
              ) -> Select[Any]:
    """query kept to rows with text in any of the columns words_in, and day in the dates."""
    if text:
        pattern = _like(text)
        query = query.where(or_(*(c.ilike(pattern, escape="\\") for c in words_in)))
    if since:
        query = query.where(day >= since)
    if until:
        query = query.where(day <= until)
    return query
