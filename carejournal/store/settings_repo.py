"""Journal settings: small JSON values by key, shared by the window and the CLI."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.dialects.sqlite import insert

from carejournal.store.engine import writer
from carejournal.store.tables import SETTINGS

_T = SETTINGS  # a plain table, not the ORM's: `add` reads settings without loading the ORM


class SettingsRepository:
    """Reads and writes settings; each call is its own transaction."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._writer = writer(engine)

    def get(self, key: str) -> Any:
        """The stored value, or None if unset or unreadable."""
        with self._engine.connect() as conn:
            raw = conn.execute(select(_T.c.value).where(_T.c.key == key)).scalar()
        if raw is None:
            return None
        try:
            return json.loads(raw)
        except ValueError:
            return None

    def set(self, key: str, value: Any) -> None:
        """Store a value (None removes the setting)."""
        with self._writer.begin() as conn:
            if value is None:
                conn.execute(_T.delete().where(_T.c.key == key))
                return
            stmt = insert(_T).values(key=key, value=json.dumps(value))
            conn.execute(stmt.on_conflict_do_update(index_elements=[_T.c.key],
                                                    set_={"value": stmt.excluded.value}))
