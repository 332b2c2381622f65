"""Bulk loading: many entries in one transaction with Core inserts, not one ORM flush each.

The text index's insert trigger is paused and the index rebuilt once at the end,
which is much faster than updating it row by row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from sqlalchemy import Connection, Table, insert, select

from carejournal.core.domain import EntryDraft, InvalidInput
from carejournal.store import fts, lens_repo
from carejournal.store.lens_repo import EntryCounts
from carejournal.store.models import (
    ActionRecord,
    DecisionRecord,
    EntryAct,
    EntryDismissalRecord,
    EntryFindingRecord,
    EntryRecord,
    EntrySection,
    KindnessAct,
    Person,
    Tag,
    entry_people,
    entry_tags,
)
from carejournal.store.tables import inserted_id
from carejournal.store.writes import entry_values

BATCH = 2_000


def bulk_add(conn: Connection, drafts: Iterable[EntryDraft], now: dt.datetime,
             count: Callable[[EntryDraft], EntryCounts | None] | None = None) -> int:
    """Insert every draft (already validated), its parts and lens counts; return how many."""
    names = Names(conn)
    act_labels = dict(conn.execute(select(KindnessAct.id, KindnessAct.label)).all())
    fts.pause_insert_trigger(conn)
    added = 0
    for batch in _batches(drafts):
        counted = [count(d) if count else None for d in batch]
        ids = _insert_entries(conn, batch, counted, now)
        rows = Parts()
        for entry_id, draft, counts in zip(ids, batch, counted, strict=True):
            rows.collect(entry_id, draft, names, act_labels)
            rows.collect_lens(entry_id, draft, counts)
        rows.write(conn)
        added += len(batch)
    fts.resume_insert_trigger(conn)
    return added


def _batches(drafts: Iterable[EntryDraft]) -> Iterator[list[EntryDraft]]:
    it = iter(drafts)
    while batch := list(islice(it, BATCH)):
        yield batch


def _insert_entries(conn: Connection, batch: list[EntryDraft],
                    counted: list[EntryCounts | None], now: dt.datetime) -> list[int]:
    """Insert the entries of a batch; their ids come back in the same order."""
    values = [entry_values(d, now) | lens_repo.entry_values(c)
              for d, c in zip(batch, counted, strict=True)]
    table = EntryRecord.__table__
    stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(conn.execute(stmt, values).scalars())


class Names:
    """People and tags by name (any case), created on first use."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._ids: dict[Table, dict[str, int]] = {}
        for model in (Person, Tag):
            table = model.__table__
            rows = conn.execute(select(table.c.id, table.c.name)).all()
            self._ids[table] = {name.casefold(): id_ for id_, name in rows}

    def id_of(self, model: type[Person] | type[Tag], name: str) -> int:
        table = model.__table__
        known = self._ids[table]
        key = name.casefold()
        if key not in known:
            known[key] = inserted_id(self._conn.execute(insert(table).values(name=name)))
        return known[key]


class Parts:
    """The rows that hang off a batch of entries, inserted table by table."""

    def __init__(self) -> None:
        self.rows: dict[Table, list[dict[str, Any]]] = {}

    def add(self, table: Table, row: dict[str, Any]) -> None:
        self.rows.setdefault(table, []).append(row)

    def collect(self, entry_id: int, draft: EntryDraft, names: Names,
                act_labels: dict[int, str]) -> None:
        for name in draft.people:
            self.add(entry_people, {"entry_id": entry_id, "person_id": names.id_of(Person, name)})
        for name in draft.tags:
            self.add(entry_tags, {"entry_id": entry_id, "tag_id": names.id_of(Tag, name)})
        for act in draft.acts:
            if act.act_id not in act_labels:
                raise InvalidInput(f"there is no little thing with id {act.act_id}")
            self.add(EntryAct.__table__, {"entry_id": entry_id, "act_id": act.act_id,
                                          "label": act_labels[act.act_id],
                                          "note": act.note.strip()})
        for position, (key, text) in enumerate(draft.sections):
            self.add(EntrySection.__table__, {"entry_id": entry_id, "key": key,
                                              "position": position, "text": text})
        for position, d in enumerate(draft.decisions):
            self.add(DecisionRecord.__table__, {
                "entry_id": entry_id, "position": position, "text": d.text, "rung": d.rung,
                "choices_offered": d.choices_offered})
        for position, a in enumerate(draft.actions):
            self.add(ActionRecord.__table__, {
                "entry_id": entry_id, "position": position, "text": a.text,
                "review_on": a.review_on, "done_on": a.done_on})

    def collect_lens(self, entry_id: int, draft: EntryDraft, counts: EntryCounts | None) -> None:
        for row in lens_repo.finding_rows(entry_id, counts):
            self.add(EntryFindingRecord.__table__, row)
        for row in lens_repo.dismissal_rows(entry_id, draft.dismissed):
            self.add(EntryDismissalRecord.__table__, row)

    def write(self, conn: Connection) -> None:
        for table, rows in self.rows.items():
            conn.execute(insert(table), rows)
