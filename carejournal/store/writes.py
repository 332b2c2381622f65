"""Adding an entry in SQL alone (no ORM), as `carejournal add` does, and the built-in acts.

It stores what EntryRepository's ORM path stored: the entry, its people and tags (found by
name in any case, by the columns' NOCASE collation, or created), little things done,
non-blank sections, decisions, action items, lens counts and findings, dismissals, links.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select
from sqlalchemy.sql.expression import TableClause

from carejournal.core.domain import EntryDraft, InvalidInput, LinkKind, details_text, summarise
from carejournal.core.errors import EntryNotFound
from carejournal.store import lens_repo
from carejournal.store.engine import writer
from carejournal.store.lens_repo import EntryCounts
from carejournal.store.tables import (
    ACTIONS,
    DECISIONS,
    ENTRIES,
    ENTRY_ACTS,
    ENTRY_PEOPLE,
    ENTRY_TAGS,
    KINDNESS_ACTS,
    LINKS,
    PEOPLE,
    SECTIONS,
    TAGS,
)


def add_entry(engine: Engine, draft: EntryDraft, now: dt.datetime,
              links: Sequence[tuple[int, LinkKind]] = (), counts: EntryCounts | None = None
              ) -> int:
    """Store a new (validated) entry with its parts and lens counts in one transaction,
    linked to the given (target id, kind) entries; return its id."""
    with writer(engine).begin() as conn:
        values = entry_values(draft, now) | lens_repo.entry_values(counts)
        entry_id = conn.execute(insert(ENTRIES).values(values)
                                .returning(ENTRIES.c.id)).scalar_one()
        _insert(conn, ENTRY_PEOPLE, [{"entry_id": entry_id, "person_id": _named(conn, PEOPLE, n)}
                                     for n in draft.people])
        _insert(conn, ENTRY_TAGS, [{"entry_id": entry_id, "tag_id": _named(conn, TAGS, n)}
                                   for n in draft.tags])
        _insert_parts(conn, entry_id, draft)
        lens_repo.write_parts(conn, entry_id, counts, draft.dismissed, replace=False)
        for target_id, kind in links:
            if conn.execute(select(ENTRIES.c.id).where(ENTRIES.c.id == target_id)).first() \
                    is None:
                raise EntryNotFound(target_id)
            conn.execute(insert(LINKS).prefix_with("OR IGNORE").values(
                source_id=entry_id, target_id=target_id, kind=kind.value))
        return int(entry_id)


def entry_values(draft: EntryDraft, now: dt.datetime) -> dict[str, Any]:
    """The entries-table columns of a new entry (its lens counts apart)."""
    from carejournal.core.templates import written_sections  # only writes need the templates

    summary = summarise(draft.title, draft.body,
                        *written_sections(draft.kind.value, draft.model, draft.sections))
    return {
        "kind": draft.kind.value, "occurred_on": draft.occurred_on,
        "occurred_time": draft.occurred_time, "shift": draft.shift, "title": draft.title,
        "body": draft.body, "summary": summary,
        "feeling_score": draft.feeling.score if draft.feeling else None,
        "feeling_word": draft.feeling.word if draft.feeling else "",
        "strengths": draft.strengths, "model": draft.model, "details": details_text(draft),
        "created_at": now, "updated_at": now, "deleted_at": None,
    }


def _insert_parts(conn: Connection, entry_id: int, draft: EntryDraft) -> None:
    """The little things done, sections, decisions and action items of a new entry."""
    acts = []
    for item in draft.acts:
        label = conn.execute(select(KINDNESS_ACTS.c.label)
                             .where(KINDNESS_ACTS.c.id == item.act_id)).scalar()
        if label is None:
            raise InvalidInput(f"there is no little thing with id {item.act_id}")
        acts.append({"entry_id": entry_id, "act_id": item.act_id, "label": label,
                     "note": item.note.strip()})
    _insert(conn, ENTRY_ACTS, acts)
    _insert(conn, SECTIONS, [{"entry_id": entry_id, "key": key, "position": n, "text": text}
                             for n, (key, text) in enumerate(draft.sections) if text.strip()])
    _insert(conn, DECISIONS, [{"entry_id": entry_id, "position": n, "text": d.text,
                               "rung": d.rung, "choices_offered": d.choices_offered}
                              for n, d in enumerate(draft.decisions)])
    _insert(conn, ACTIONS, [{"entry_id": entry_id, "position": n, "text": a.text,
                             "review_on": a.review_on, "done_on": a.done_on}
                            for n, a in enumerate(draft.actions)])


def _insert(conn: Connection, table: TableClause, rows: list[dict[str, object]]) -> None:
    for row in rows:  # one by one, in order, so ids come in the order the ORM gave them
        conn.execute(insert(table).values(row))


def _named(conn: Connection, table: TableClause, name: str) -> int:
    """The id of the person or tag with this name (any case, by the column's collation),
    created if missing."""
    found = conn.execute(select(table.c.id).where(table.c.name == name)).scalar()
    if found is None:
        found = conn.execute(insert(table).values(name=name).returning(table.c.id)).scalar_one()
    return int(found)


def sync_builtin(engine: Engine, builtin: Sequence[tuple[str, str]]) -> int:
    """Add built-in acts (key, label) the journal does not have yet; never relabel."""
    acts = KINDNESS_ACTS
    with writer(engine).begin() as conn:
        known = set(conn.execute(select(acts.c.key)).scalars())
        missing = [(k, label) for k, label in builtin if k not in known]
        if not missing:
            return 0
        last = conn.execute(select(func.coalesce(func.max(acts.c.position), 0))).scalar_one()
        for offset, (key, label) in enumerate(missing, start=1):
            conn.execute(insert(acts).values(key=key, label=label, position=last + offset))
        return len(missing)
