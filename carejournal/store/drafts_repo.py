"""Drafts of unsaved typing, stored inside the journal: one row per entry being edited."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, select

from carejournal.store.engine import writer
from carejournal.store.models import DraftRecord

_T = DraftRecord.__table__
StoredDraft = tuple[int | None, str, dt.datetime]  # (entry id or None, content, saved at)


def _for(entry_id: int | None):  # a SQLAlchemy clause
    return _T.c.entry_id.is_(None) if entry_id is None else _T.c.entry_id == entry_id


class DraftRepository:
    """Reads and writes drafts; each call is its own short transaction."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._writer = writer(engine)

    def save(self, entry_id: int | None, content: str, now: dt.datetime) -> None:
        """Keep this draft for the entry (None: the new entry), replacing the one before."""
        with self._writer.begin() as conn:
            conn.execute(_T.delete().where(_for(entry_id)))
            conn.execute(_T.insert().values(entry_id=entry_id, content=content,
                                            saved_at=now))

    def discard(self, entry_id: int | None) -> None:
        """Forget the entry's draft (None: the new entry's)."""
        with self._writer.begin() as conn:
            conn.execute(_T.delete().where(_for(entry_id)))

    def pending(self) -> list[StoredDraft]:
        """Every draft kept, oldest first."""
        with self._engine.connect() as conn:
            found = conn.execute(select(_T.c.entry_id, _T.c.content, _T.c.saved_at)
                                 .order_by(_T.c.saved_at, _T.c.id))
            return [(r.entry_id, r.content, r.saved_at) for r in found]
