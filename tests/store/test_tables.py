"""The plain tables and the SQL-only add (store/tables.py, store/writes.py) match the ORM's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from carejournal.core.domain import (
    ActDone,
    ActionItem,
    Decision,
    EntryDraft,
    EntryKind,
    InvalidInput,
    LinkKind,
)
from carejournal.core.errors import EntryNotFound
from carejournal.services.journal import Journal, validate
from carejournal.store import lens_repo, structure, tables, writes
from carejournal.store.engine import writer
from carejournal.store.models import Base, EntryRecord
from carejournal.store.repository import _apply

NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


def test_every_plain_column_is_in_the_schema_with_the_same_type() -> None:
    for light in tables.ALL:
        real = Base.metadata.tables[light.name]
        for col in light.columns:
            assert col.name in real.c, f"{light.name}.{col.name}"
            assert type(col.type) is type(real.c[col.name].type), f"{light.name}.{col.name}"


def _orm_add(engine: Engine, draft: EntryDraft, links: list[tuple[int, LinkKind]],
             counts: lens_repo.EntryCounts | None) -> int:
    """How EntryRepository.add stored an entry through the ORM, before writes.add_entry."""
    with Session(writer(engine)) as session, session.begin():
        record = EntryRecord(created_at=NOW)
        _apply(session, record, draft, NOW, counts)
        session.add(record)
        session.flush()
        lens_repo.write_parts(session.connection(), record.id, counts, draft.dismissed,
                              replace=False)
        for target_id, kind in links:
            structure.add_link(session.connection(), record.id, target_id, kind)
        return record.id


def _drafts() -> list[EntryDraft]:
    return [
        EntryDraft(kind=EntryKind.INTERACTION, occurred_on=dt.date(2026, 2, 1),
                   body="He is non-compliant and refused his meds; we had tea.",
                   people=("Ann", "Zoë"), tags=("calm", "Garden"),
                   decisions=(Decision("Chose the walk", "informing", True),)),
        EntryDraft(kind=EntryKind.FALLIBILITY, occurred_on=dt.date(2026, 2, 2),
                   title="My mistake", people=("ANN", "Bob"), tags=("garden",),
                   sections=(("what", "I forgot the call."), ("blank", "  "),
                             ("next", "Ring first.")),
                   dismissed=("non-compliant:non compliant",)),
        EntryDraft(kind=EntryKind.REFLECTION, occurred_on=dt.date(2026, 2, 3),
                   body="A good week.", acts=(ActDone(1, " a note "), ActDone(2)),
                   strengths="Patient", model="gibbs",
                   actions=(ActionItem("Ask about the allotment", dt.date(2026, 3, 1)),
                            ActionItem("Done already", None, dt.date(2026, 2, 3)))),
    ]


def _dump(engine: Engine) -> dict[str, list[Any]]:
    with engine.connect() as conn:
        out = {t.name: conn.execute(text(f"SELECT * FROM {t.name} ORDER BY rowid")).all()
               for t in Base.metadata.sorted_tables}
        out["fts"] = conn.execute(text(
            "SELECT rowid FROM entries_fts WHERE entries_fts MATCH 'tea OR call OR week' "
            "ORDER BY rowid")).all()
    return out


def _fill(path: Path, add: Any) -> dict[str, list[Any]]:
    journal = Journal.open(path, create=True, clock=lambda: NOW)
    try:
        for number, draft in enumerate(_drafts()):
            clean = validate(draft)
            links = [(1, LinkKind.MIRROR)] if number == 1 else []
            add(journal._engine, clean, links, journal.lens.counts(clean))
        return _dump(journal._engine)
    finally:
        journal.close()


def test_the_sql_only_add_stores_what_the_orm_stored(tmp_path: Path) -> None:
    by_orm = _fill(tmp_path / "orm.sqlite", _orm_add)
    by_sql = _fill(tmp_path / "sql.sqlite", lambda engine, draft, links, counts:
                   writes.add_entry(engine, draft, NOW, links, counts))
    assert by_sql == by_orm
    assert len(by_sql["people"]) == 3 and len(by_sql["tags"]) == 2  # found in any case
    assert [r[1] for r in by_sql["entry_sections"]] == ["what", "next"]  # blanks left out
    assert by_sql["entry_findings"] and by_sql["entry_links"] and len(by_sql["fts"]) == 3


@pytest.mark.parametrize(("fields", "error"), [
    ({"acts": (ActDone(999),)}, InvalidInput), ({}, EntryNotFound)])
def test_a_refused_add_leaves_nothing_behind(journal: Journal, fields: dict[str, Any],
                                            error: type[Exception]) -> None:
    draft = EntryDraft(kind=EntryKind.REFLECTION, occurred_on=dt.date(2026, 2, 1),
                       body="Tea.", people=("Ann",), tags=("calm",), **fields)
    links = [] if fields else [(42, LinkKind.MIRROR)]
    before = _dump(journal._engine)
    with pytest.raises(error):
        writes.add_entry(journal._engine, validate(draft), NOW, links)
    assert _dump(journal._engine) == before


def test_built_in_acts_are_added_once_after_the_last(journal: Journal) -> None:
    with journal._engine.connect() as conn:
        known, last = conn.execute(text("SELECT min(key), max(position) FROM kindness_acts")
                                   ).one()
    assert known is not None
    assert writes.sync_builtin(journal._engine, [(known, "Relabelled"), ("new-one", "New")]) == 1
    assert writes.sync_builtin(journal._engine, [("new-one", "Renamed")]) == 0
    with journal._engine.connect() as conn:
        rows = conn.execute(text("SELECT key, label, position FROM kindness_acts "
                                 "WHERE key IN (:a, 'new-one') ORDER BY position"),
                            {"a": known}).all()
    assert rows[1] == ("new-one", "New", last + 1) and rows[0][1] != "Relabelled"
