"""Whole-journal reads and writes for export and import (services/json_export.py and
services/importing.py, with the formats in carejournal/exchange/).

An export reads every table as JSON text of the CareJournal format (store/snapshot_read.py),
with the stored ids as file-local references; load writes an ImportPlan in ONE transaction,
mapping the file's references to new ids (store/interchange_load.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine

from carejournal.store.engine import writer
from carejournal.store.snapshot_read import json_parts

if TYPE_CHECKING:
    from carejournal.core.domain import EntryDraft
    from carejournal.core.import_plan import ImportPlan, ImportReport
    from carejournal.store.lens_repo import EntryCounts

Counter = Callable[["EntryDraft"], "EntryCounts | None"]


class InterchangeRepository:
    """Reads the whole journal, and writes an import plan all or nothing."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._writer = writer(engine)

    # -- export ------------------------------------------------------------------
    @contextmanager
    def json_parts(self) -> Iterator[dict[str, Any]]:
        """Every table in one consistent read, in id order: {key: [record as UTF-8 JSON text]}
        (the entries as an iterator, to consume inside the with block), and the settings as
        {key: value} (see store/snapshot_read.py)."""
        with self._engine.connect() as conn, conn.begin(), json_parts(conn) as parts:
            yield parts

    # -- import ------------------------------------------------------------------
    def load(self, plan: ImportPlan, now: dt.datetime, count: Counter,
             dry_run: bool = False) -> ImportReport:
        """Write the plan in one transaction (rolled back whole on error, or if dry_run)."""
        from carejournal.store.interchange_load import Loader

        with self._writer.connect() as conn:
            trans = conn.begin()
            try:
                report = Loader(conn, now, count).run(plan)
            except BaseException:
                trans.rollback()
                raise
            if dry_run:
                trans.rollback()
                return replace(report, dry_run=True)
            trans.commit()
            return report
