"""The language lens's stored counts: per-entry words, strengths, problems and findings.

Counts are written with each entry (add, update, bulk load) in the entry's own
transaction; period figures are SQL sums over them. An entry whose lens_version differs
from the current one (or is NULL) is stale and is counted again in batches.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    bindparam,
    delete,
    func,
    insert,
    select,
    text,
    update,
)

from carejournal.core.domain import ActionItem, Decision, EntryDraft, EntryKind
from carejournal.store.engine import writer
from carejournal.store.tables import ACTIONS, DECISIONS, DISMISSALS, ENTRIES, FINDINGS, SECTIONS

_E = ENTRIES  # plain tables, not the ORM's: adding an entry never loads the ORM
_F = FINDINGS
_D = DISMISSALS
# Which entries are stale, from the small index alone: never the long rows of the others.
_STALE_IDS = text(
    "SELECT id FROM entries INDEXED BY ix_entries_lens WHERE id > :after "
    "AND (lens_version IS NULL OR lens_version != :version) ORDER BY id LIMIT :limit")


@dataclass(frozen=True, slots=True)
class EntryCounts:
    """What the lens counted in one entry, and which lexicon and word lists it used."""

    words: int
    strengths: int
    problems: int
    findings: tuple[tuple[str, str, int], ...]  # (rule, category, how many)
    version: str


@dataclass(frozen=True, slots=True)
class StaleEntry:
    """An entry whose counts are out of date, as read for counting again."""

    id: int
    updated_at: dt.datetime
    version: str | None
    draft: EntryDraft


def entry_values(counts: EntryCounts | None) -> dict[str, Any]:
    """The entries-table columns for these counts (None: not counted, so stale)."""
    if counts is None:
        return {"word_count": 0, "strength_words": 0, "problem_words": 0, "lens_version": None}
    return {"word_count": counts.words, "strength_words": counts.strengths,
            "problem_words": counts.problems, "lens_version": counts.version}


def finding_rows(entry_id: int, counts: EntryCounts | None) -> list[dict[str, Any]]:
    """Rows of entry_findings for one entry."""
    if counts is None:
        return []
    return [{"entry_id": entry_id, "rule": rule, "category": category, "count": count}
            for rule, category, count in counts.findings]


def dismissal_rows(entry_id: int, keys: Iterable[str]) -> list[dict[str, Any]]:
    """Rows of entry_dismissals for one entry."""
    return [{"entry_id": entry_id, "key": key} for key in keys]


def write_parts(conn: Connection, entry_id: int, counts: EntryCounts | None,
                dismissed: Sequence[str], replace: bool) -> None:
    """Store an entry's findings and dismissals (replacing any it had, when replace)."""
    if replace:
        conn.execute(delete(_F).where(_F.c.entry_id == entry_id))
        conn.execute(delete(_D).where(_D.c.entry_id == entry_id))
    for table, rows in ((_F, finding_rows(entry_id, counts)),
                        (_D, dismissal_rows(entry_id, dismissed))):
        if rows:
            conn.execute(insert(table), rows)


def read_dismissed(conn: Connection, entry_id: int) -> tuple[str, ...]:
    """The finding keys dismissed in one entry, sorted."""
    query = select(_D.c.key).where(_D.c.entry_id == entry_id).order_by(_D.c.key)
    return tuple(conn.execute(query).scalars())


def _period(query: Any, since: dt.date | None, until: dt.date | None) -> Any:
    query = query.where(_E.c.deleted_at.is_(None))
    if since is not None:
        query = query.where(_E.c.occurred_on >= since)
    if until is not None:
        query = query.where(_E.c.occurred_on <= until)
    return query


class LensRepository:
    """Period sums and the recounting of stale entries; each call its own transaction."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._writer = writer(engine)

    def period_sums(self, since: dt.date | None, until: dt.date | None
                    ) -> tuple[int, int, int]:
        """(strength words, problem words, words) of entries not in the trash, by date."""
        query = _period(select(func.coalesce(func.sum(_E.c.strength_words), 0),
                               func.coalesce(func.sum(_E.c.problem_words), 0),
                               func.coalesce(func.sum(_E.c.word_count), 0)), since, until)
        with self._engine.connect() as conn:
            strengths, problems, words = conn.execute(query).one()
        return int(strengths), int(problems), int(words)

    def period_findings(self, since: dt.date | None, until: dt.date | None,
                        leave_out: Iterable[str] = ()) -> dict[str, int]:
        """Findings per category in entries not in the trash, leaving out some rules."""
        # The entries come from an index (never their long rows), then their findings.
        ids = _period(select(_E.c.id), since, until)
        query = (select(_F.c.category, func.sum(_F.c.count))
                 .where(_F.c.entry_id.in_(ids.scalar_subquery()))
                 .group_by(_F.c.category).order_by(_F.c.category))
        skip = sorted(set(leave_out))
        if skip:
            query = query.where(_F.c.rule.not_in(skip))
        with self._engine.connect() as conn:
            return {category: int(total) for category, total in conn.execute(query)}

    def stale(self, version: str, after_id: int, limit: int) -> list[StaleEntry]:
        """Up to limit entries (trashed too) after after_id whose counts are not version's."""
        query = (select(_E.c.id, _E.c.updated_at, _E.c.lens_version, _E.c.kind,
                        _E.c.occurred_on, _E.c.title, _E.c.body, _E.c.strengths, _E.c.model)
                 .order_by(_E.c.id))
        with self._engine.connect() as conn:
            ids = list(conn.execute(_STALE_IDS, {"after": after_id, "version": version,
                                                 "limit": limit}).scalars())
            rows = conn.execute(query.where(_E.c.id.in_(ids))).all() if ids else []
            parts = _Parts.read(conn, [r.id for r in rows])
        return [StaleEntry(r.id, r.updated_at, r.lens_version, EntryDraft(
            kind=EntryKind(r.kind), occurred_on=r.occurred_on, title=r.title, body=r.body,
            strengths=r.strengths, model=r.model, sections=parts.sections.get(r.id, ()),
            decisions=parts.decisions.get(r.id, ()), actions=parts.actions.get(r.id, ()),
            dismissed=parts.dismissed.get(r.id, ()))) for r in rows]

    def store_counts(self, counted: Sequence[tuple[StaleEntry, EntryCounts]]) -> int:
        """Store new counts in one transaction, skipping entries changed since they were read."""
        if not counted:
            return 0
        with self._writer.begin() as conn:
            current = {r.id: (r.updated_at, r.lens_version) for r in conn.execute(
                select(_E.c.id, _E.c.updated_at, _E.c.lens_version)
                .where(_E.c.id.in_([entry.id for entry, _c in counted])))}
            keep = [(entry, counts) for entry, counts in counted
                    if current.get(entry.id) == (entry.updated_at, entry.version)]
            if not keep:
                return 0
            ids = [entry.id for entry, _c in keep]
            conn.execute(update(_E).where(_E.c.id == bindparam("entry_id")),
                         [{"entry_id": e.id} | entry_values(c) for e, c in keep])
            conn.execute(delete(_F).where(_F.c.entry_id.in_(ids)))
            rows = [row for entry, counts in keep for row in finding_rows(entry.id, counts)]
            if rows:
                conn.execute(insert(_F), rows)
        return len(keep)


@dataclass
class _Parts:
    """The texts that hang off a batch of entries, by entry id."""

    sections: dict[int, tuple[tuple[str, str], ...]]
    decisions: dict[int, tuple[Decision, ...]]
    actions: dict[int, tuple[ActionItem, ...]]
    dismissed: dict[int, tuple[str, ...]]

    @classmethod
    def read(cls, conn: Connection, ids: list[int]) -> _Parts:
        s, d, a = SECTIONS.c, DECISIONS.c, ACTIONS.c
        sections = _grouped(conn.execute(select(s.entry_id, s.key, s.text).where(
            s.entry_id.in_(ids)).order_by(s.entry_id, s.position)),
            lambda r: (r.key, r.text))
        decisions = _grouped(conn.execute(select(d.entry_id, d.text, d.rung).where(
            d.entry_id.in_(ids)).order_by(d.entry_id, d.position)),
            lambda r: Decision(r.text, r.rung))
        actions = _grouped(conn.execute(select(a.entry_id, a.text).where(
            a.entry_id.in_(ids)).order_by(a.entry_id, a.position)),
            lambda r: ActionItem(r.text))
        dismissed = _grouped(conn.execute(select(_D.c.entry_id, _D.c.key).where(
            _D.c.entry_id.in_(ids)).order_by(_D.c.entry_id, _D.c.key)),
            lambda r: r.key)
        return cls(sections, decisions, actions, dismissed)


def _grouped(rows: Iterable[Any], make: Any) -> dict[int, tuple[Any, ...]]:
    out: dict[int, list[Any]] = {}
    for row in rows:
        out.setdefault(row.entry_id, []).append(make(row))
    return {key: tuple(values) for key, values in out.items()}
