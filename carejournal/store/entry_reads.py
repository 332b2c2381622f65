"""Reads for many entries at once: their links and their dismissed findings (see
EntryRepository.entries)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Connection, select

from carejournal.core.domain import EntryKind, EntryLink, LinkKind
from carejournal.store.models import EntryDismissalRecord, EntryLinkRecord, EntryRecord
from carejournal.store.rows import unindexed

_ENTRIES = EntryRecord.__table__


def links_of(conn: Connection, ids: Sequence[int]) -> dict[int, tuple[EntryLink, ...]]:
    """structure.read_links for many entries at once: links either way round to entries
    not in the trash, oldest first."""
    links = EntryLinkRecord.__table__.c
    other = _ENTRIES.alias("other")
    found: dict[int, list[tuple[dt.date, int, EntryLink]]] = {}
    for outgoing, mine, theirs in ((True, links.source_id, links.target_id),
                                   (False, links.target_id, links.source_id)):
        query = (select(mine, links.kind, other.c.id, other.c.kind, other.c.occurred_on,
                        other.c.summary)
                 .join(other, other.c.id == theirs)
                 .where(mine.in_(ids), unindexed(other.c.deleted_at).is_(None)))
        if not outgoing:  # a link to itself is shown once, as outgoing (as read_links does)
            query = query.where(links.source_id != links.target_id)
        for entry_id, kind, other_id, other_kind, occurred_on, summary in conn.execute(query):
            found.setdefault(entry_id, []).append((occurred_on, other_id, EntryLink(
                other_id, LinkKind(kind), outgoing, EntryKind(other_kind), occurred_on,
                summary)))
    return {i: tuple(link for _d, _o, link in sorted(items, key=lambda t: t[:2]))
            for i, items in found.items()}


def dismissed_of(conn: Connection, ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    """lens_repo.read_dismissed for many entries at once: keys sorted, by entry."""
    d = EntryDismissalRecord.__table__.c
    found: dict[int, list[str]] = {}
    query = select(d.entry_id, d.key).where(d.entry_id.in_(ids)).order_by(d.entry_id, d.key)
    for entry_id, key in conn.execute(query):
        found.setdefault(entry_id, []).append(key)
    return {i: tuple(keys) for i, keys in found.items()}
