"""The structured parts of an entry: sections, decisions, action items and links."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, or_, select

from carejournal.core.domain import ActionItem, Decision, EntryKind, EntryLink, LinkKind
from carejournal.store.models import (
    ActionRecord,
    DecisionRecord,
    EntryLinkRecord,
    EntryRecord,
    EntrySection,
)

_E = EntryRecord.__table__.c
_L = EntryLinkRecord.__table__.c


def sections(record: EntryRecord, items: Sequence[tuple[str, str]]) -> list[EntrySection]:
    """Section rows for a draft's (key, text) pairs, blanks left out; existing rows reused."""
    existing = {s.key: s for s in record.sections} if record.id else {}
    result: list[EntrySection] = []
    for position, (key, text) in enumerate(items):
        if not text.strip():
            continue
        row = existing.get(key) or EntrySection(key=key)
        row.position, row.text = position, text
        result.append(row)
    return result


def decisions(items: Sequence[Decision]) -> list[DecisionRecord]:
    """Decision rows for a draft, in order."""
    return [DecisionRecord(position=n, text=d.text, rung=d.rung,
                           choices_offered=d.choices_offered)
            for n, d in enumerate(items)]


def actions(items: Sequence[ActionItem]) -> list[ActionRecord]:
    """Action item rows for a draft, in order."""
    return [ActionRecord(position=n, text=a.text, review_on=a.review_on, done_on=a.done_on)
            for n, a in enumerate(items)]


def read_decisions(record: EntryRecord) -> tuple[Decision, ...]:
    """A stored entry's decisions."""
    return tuple(Decision(d.text, d.rung, d.choices_offered) for d in record.decisions)


def read_actions(record: EntryRecord) -> tuple[ActionItem, ...]:
    """A stored entry's action items."""
    return tuple(ActionItem(a.text, a.review_on, a.done_on, a.id) for a in record.actions)


def read_links(conn: Connection, entry_id: int) -> tuple[EntryLink, ...]:
    """Entries linked to this one, either way round, oldest first."""
    other = EntryRecord.__table__.alias("other")
    query = (select(_L.kind, _L.source_id, _L.target_id, other.c.kind, other.c.occurred_on,
                    other.c.summary)
             .join(other, or_(
                 (_L.source_id == entry_id) & (other.c.id == _L.target_id),
                 (_L.target_id == entry_id) & (other.c.id == _L.source_id)))
             .where(or_(_L.source_id == entry_id, _L.target_id == entry_id))
             .where(other.c.deleted_at.is_(None))
             .order_by(other.c.occurred_on, other.c.id))
    links = []
    for kind, source, target, other_kind, occurred_on, summary in conn.execute(query):
        outgoing = source == entry_id
        links.append(EntryLink(target if outgoing else source, LinkKind(kind), outgoing,
                               EntryKind(other_kind), occurred_on, summary))
    return tuple(links)


def add_link(conn: Connection, source_id: int, target_id: int, kind: LinkKind) -> None:
    """Link two entries (once; a repeat is ignored)."""
    conn.execute(EntryLinkRecord.__table__.insert().prefix_with("OR IGNORE").values(
        source_id=source_id, target_id=target_id, kind=kind.value))
