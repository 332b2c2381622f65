"""Whole-journal reads and writes for export and import (carejournal/interchange/).

A snapshot reads every table as plain values with the stored ids (file-local references);
load writes an ImportPlan in ONE transaction, mapping the file's references to new ids.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from carejournal.domain import EntryDraft
from carejournal.interchange.plan import ImportPlan, ImportReport, PlannedEntry
from carejournal.store import fts, lens_repo
from carejournal.store.bulk import BATCH, Names, Parts, entry_values
from carejournal.store.engine import writer
from carejournal.store.lens_repo import EntryCounts
from carejournal.store.models import (
    ActionRecord,
    AgreedActionRecord,
    AttemptRecord,
    DecisionRecord,
    EntryAct,
    EntryDismissalRecord,
    EntryLinkRecord,
    EntryRecord,
    EntryRevisionRecord,
    EntrySection,
    GoalRecord,
    KindnessAct,
    Person,
    PreparationRecord,
    SettingRecord,
    SupervisionSession,
    Tag,
    entry_people,
    entry_tags,
)

Counter = Callable[[EntryDraft], EntryCounts | None]
_E = EntryRecord.__table__
_ACTS = KindnessAct.__table__
_P = Person.__table__
_SESSIONS = SupervisionSession.__table__
_UTC_COLUMNS = {"created_at", "updated_at", "deleted_at", "retired_at", "status_changed_at",
                "asked_at", "saved_at"}


def _rows(conn: Connection, query: Any) -> list[dict[str, Any]]:
    result = conn.execute(query)
    keys = list(result.keys())  # once, not per row (Row._asdict: 0.5 s at 20,000 entries)
    rows = [dict(zip(keys, r, strict=True)) for r in result]
    utc = _UTC_COLUMNS.intersection(keys)
    return [_utc(row, utc) for row in rows] if utc else rows


def _utc(row: dict[str, Any], keys: set[str]) -> dict[str, Any]:
    """Raw Core reads of UTC columns come back naive; make them aware."""
    for key in keys:
        if isinstance(row[key], dt.datetime) and row[key].tzinfo is None:
            row[key] = row[key].replace(tzinfo=dt.UTC)
    return row


def _by_owner(conn: Connection, query: Any, owner: str) -> dict[int, list[dict[str, Any]]]:
    grouped: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in _rows(conn, query):
        grouped[row.pop(owner)].append(row)
    return grouped


class InterchangeRepository:
    """Reads the whole journal, and writes an import plan all or nothing."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._writer = writer(engine)

    # -- export ------------------------------------------------------------------
    def snapshot(self) -> dict[str, Any]:
        """Every table as plain values, in id order (one consistent read)."""
        with self._engine.connect() as conn, conn.begin():
            return {
                "people": _rows(conn, select(_P.c.name, _P.c.nicknames, _P.c.alias)
                                .order_by(_P.c.id)),
                "tags": list(conn.execute(select(Tag.name).order_by(Tag.id)).scalars()),
                "kindness_acts": _rows(conn, select(_ACTS).order_by(_ACTS.c.id)),
                "entries": _entries(conn),
                "links": _rows(conn, select(EntryLinkRecord.source_id.label("source"),
                                            EntryLinkRecord.target_id.label("target"),
                                            EntryLinkRecord.kind)
                               .order_by(EntryLinkRecord.id)),
                "goals": _goals(conn),
                "settings": dict(conn.execute(select(SettingRecord.key, SettingRecord.value)
                                              .order_by(SettingRecord.key)).all()),
                "supervision_sessions": _sessions(conn),
            }

    # -- import ------------------------------------------------------------------
    def load(self, plan: ImportPlan, now: dt.datetime, count: Counter,
             dry_run: bool = False) -> ImportReport:
        """Write the plan in one transaction (rolled back whole on error, or if dry_run)."""
        with self._writer.connect() as conn:
            trans = conn.begin()
            try:
                report = _Loader(conn, now, count).run(plan)
            except BaseException:
                trans.rollback()
                raise
            if dry_run:
                trans.rollback()
                return replace(report, dry_run=True)
            trans.commit()
            return report


def _entries(conn: Connection) -> list[dict[str, Any]]:
    e = _E.c
    query = select(e.id, e.kind, e.occurred_on, e.occurred_time, e.shift, e.title, e.body,
                   e.feeling_score, e.feeling_word, e.strengths, e.model, e.created_at,
                   e.updated_at, e.deleted_at).order_by(e.id)
    people = _by_owner(conn, select(entry_people.c.entry_id, Person.name)
                       .join(_P, _P.c.id == entry_people.c.person_id)
                       .order_by(Person.name), "entry_id")
    tags = _by_owner(conn, select(entry_tags.c.entry_id, Tag.name)
                     .join(Tag.__table__, Tag.id == entry_tags.c.tag_id)
                     .order_by(Tag.name), "entry_id")
    parts = {
        "acts": _by_owner(conn, select(EntryAct.entry_id, EntryAct.act_id.label("act"),
                                       EntryAct.label, EntryAct.note).order_by(EntryAct.id),
                          "entry_id"),
        "sections": _by_owner(conn, select(EntrySection.entry_id, EntrySection.key,
                                           EntrySection.text)
                              .order_by(EntrySection.entry_id, EntrySection.position),
                              "entry_id"),
        "decisions": _by_owner(conn, select(DecisionRecord.entry_id, DecisionRecord.text,
                                            DecisionRecord.rung, DecisionRecord.choices_offered)
                               .order_by(DecisionRecord.entry_id, DecisionRecord.position),
                               "entry_id"),
        "actions": _by_owner(conn, select(ActionRecord.entry_id, ActionRecord.text,
                                          ActionRecord.review_on, ActionRecord.done_on)
                             .order_by(ActionRecord.entry_id, ActionRecord.position),
                             "entry_id"),
        "revisions": _by_owner(conn, select(EntryRevisionRecord.entry_id,
                                            EntryRevisionRecord.saved_at,
                                            EntryRevisionRecord.reason,
                                            EntryRevisionRecord.texts)
                               .order_by(EntryRevisionRecord.id), "entry_id"),
    }
    dismissed = _by_owner(conn, select(EntryDismissalRecord.entry_id, EntryDismissalRecord.key)
                          .order_by(EntryDismissalRecord.key), "entry_id")
    result = []
    for row in _rows(conn, query):
        entry_id = row["id"]
        row["people"] = [p["name"] for p in people.get(entry_id, [])]
        row["tags"] = [t["name"] for t in tags.get(entry_id, [])]
        row["dismissed"] = [d["key"] for d in dismissed.get(entry_id, [])]
        for name, grouped in parts.items():
            row[name] = grouped.get(entry_id, [])
        result.append(row)
    return result


def _goals(conn: Connection) -> list[dict[str, Any]]:
    g = GoalRecord.__table__.c
    attempts = _by_owner(conn, select(AttemptRecord.goal_id, AttemptRecord.occurred_on,
                                      AttemptRecord.outcome, AttemptRecord.note,
                                      AttemptRecord.entry_id.label("entry"))
                         .order_by(AttemptRecord.id), "goal_id")
    query = (select(g.id, Person.name.label("person"), g.text, g.status, g.created_at,
                    g.status_changed_at, g.asked_at, g.own_attempts,
                    g.reflection_id.label("reflection"))
             .join(_P, _P.c.id == g.person_id).order_by(g.id))
    goals = _rows(conn, query)
    for goal in goals:
        goal["attempts"] = attempts.get(goal.pop("id"), [])
    return goals


def _sessions(conn: Connection) -> list[dict[str, Any]]:
    actions = _by_owner(conn, select(AgreedActionRecord.session_id, AgreedActionRecord.text,
                                     AgreedActionRecord.owner, AgreedActionRecord.due_on,
                                     AgreedActionRecord.status)
                        .order_by(AgreedActionRecord.session_id, AgreedActionRecord.position),
                        "session_id")
    preps = _by_owner(conn, select(PreparationRecord.session_id, PreparationRecord.state,
                                   PreparationRecord.created_at, PreparationRecord.updated_at),
                      "session_id")
    s = _SESSIONS.c
    sessions = _rows(conn, select(s.id, s.held_on, s.supervisor, s.notes, s.created_at)
                     .order_by(s.id))
    for session in sessions:
        session_id = session.pop("id")
        session["actions"] = actions.get(session_id, [])
        found = preps.get(session_id)
        session["preparation"] = found[0] if found else None
    return sessions


class _Loader:
    """One import, inside an open transaction."""

    def __init__(self, conn: Connection, now: dt.datetime, count: Counter) -> None:
        self.conn = conn
        self.now = now
        self.count = count
        self.fresh = not any(conn.execute(select(func.count()).select_from(t)).scalar()
                             for t in (_E, GoalRecord.__table__, _SESSIONS))
        self.entry_ids: dict[int, int] = {}
        self.stats: dict[str, int] = defaultdict(int)

    def run(self, plan: ImportPlan) -> ImportReport:
        self._people(plan)
        act_ids = self._acts(plan)
        self._entries(plan.entries, act_ids)
        self._links(plan.links)
        self._goals(plan)
        self._settings(plan.settings)
        self._sessions(plan)
        return ImportReport(**self.stats)

    def _people(self, plan: ImportPlan) -> None:
        known = {name.casefold(): (id_, nick, alias) for id_, name, nick, alias in
                 self.conn.execute(select(_P.c.id, _P.c.name, _P.c.nicknames, _P.c.alias))}
        for person in plan.people:
            found = known.get(person.name.casefold())
            if found is None:
                result = self.conn.execute(insert(_P).values(
                    name=person.name, nicknames=person.nicknames, alias=person.alias))
                known[person.name.casefold()] = (result.inserted_primary_key[0],
                                                 person.nicknames, person.alias)
                self.stats["people_added"] += 1
            elif not found[1] and not found[2]:
                self.conn.execute(update(_P).where(_P.c.id == found[0]).values(
                    nicknames=person.nicknames, alias=person.alias))
        tags = {t.casefold() for t in self.conn.execute(select(Tag.name)).scalars()}
        for tag in plan.tags:
            if tag.casefold() not in tags:
                tags.add(tag.casefold())
                self.conn.execute(insert(Tag.__table__).values(name=tag))

    def _acts(self, plan: ImportPlan) -> dict[int, int]:
        rows = self.conn.execute(select(_ACTS.c.id, _ACTS.c.key, _ACTS.c.label)).all()
        by_key = {key: id_ for id_, key, _l in rows if key}
        by_label = {label.casefold(): id_ for id_, key, label in rows if not key}
        last = max((p for p in self.conn.execute(select(_ACTS.c.position)).scalars()), default=0)
        mapped: dict[int, int] = {}
        for act in plan.acts:
            found = by_key.get(act.key) if act.key else by_label.get(act.label.casefold())
            values = {"label": act.label, "retired_at": act.retired_at}
            if found is None:
                position = act.position if self.fresh else last + 1
                last = max(last, position)
                found = self.conn.execute(insert(_ACTS).values(
                    key=act.key, position=position, **values)).inserted_primary_key[0]
                self.stats["acts_added"] += 1
            elif self.fresh:
                self.conn.execute(update(_ACTS).where(_ACTS.c.id == found)
                                  .values(position=act.position, **values))
            mapped[act.ref] = found
        return mapped

    def _entries(self, planned: tuple[PlannedEntry, ...], act_ids: dict[int, int]) -> None:
        e = _E.c
        existing: dict[tuple[Any, ...], list[int]] = defaultdict(list)
        for r in self.conn.execute(select(e.occurred_on, e.kind, e.title, e.body, e.id)
                                   .order_by(e.id)):
            existing[(r[0], r[1], r[2], r[3])].append(r[4])
        names = Names(self.conn)
        fts.pause_insert_trigger(self.conn)
        fresh: list[PlannedEntry] = []
        for item in planned:
            d = item.draft
            key = (d.occurred_on, d.kind.value, d.title, d.body)
            if key in existing:  # identical entries pair up in order
                same = existing[key]
                self.entry_ids[item.ref] = same.pop(0) if len(same) > 1 else same[0]
                self.stats["duplicates_skipped"] += 1
                continue
            fresh.append(item)
        for start in range(0, len(fresh), BATCH):
            self._batch(fresh[start:start + BATCH], act_ids, names)
        self.stats["entries_added"] += len(fresh)
        fts.resume_insert_trigger(self.conn)

    def _batch(self, items: list[PlannedEntry], act_ids: dict[int, int], names: Names) -> None:
        """Insert a batch of entries in one statement, then every row hanging off them."""
        counted = [self.count(item.draft) for item in items]
        values = [entry_values(item.draft, self.now) | lens_repo.entry_values(counts)
                  | {"created_at": item.created_at, "updated_at": item.updated_at,
                     "deleted_at": item.deleted_at}
                  for item, counts in zip(items, counted, strict=True)]
        stmt = insert(_E).returning(_E.c.id, sort_by_parameter_order=True)
        ids = [int(i) for i in self.conn.execute(stmt, values).scalars()]
        parts = Parts()
        for entry_id, item, counts in zip(ids, items, counted, strict=True):
            self.entry_ids[item.ref] = entry_id
            parts.collect(entry_id, replace(item.draft, acts=()), names, {})
            parts.collect_lens(entry_id, item.draft, counts)
            for act in item.draft.acts:
                parts.add(EntryAct.__table__, {"entry_id": entry_id,
                                               "act_id": act_ids[act.act_id],
                                               "label": act.label, "note": act.note})
            for rev in item.revisions:
                parts.add(EntryRevisionRecord.__table__, {
                    "entry_id": entry_id, "saved_at": rev.saved_at, "reason": rev.reason,
                    "texts": rev.texts})
        parts.write(self.conn)

    def _links(self, links: tuple[tuple[int, int, str], ...]) -> None:
        table = EntryLinkRecord.__table__
        for source, target, kind in links:
            self.conn.execute(sqlite_insert(table).values(
                source_id=self.entry_ids[source], target_id=self.entry_ids[target], kind=kind)
                .on_conflict_do_nothing())

    def _goals(self, plan: ImportPlan) -> None:
        g = GoalRecord.__table__
        people = {n.casefold(): i for i, n in self.conn.execute(select(_P.c.id, _P.c.name))}
        seen = set(self.conn.execute(select(g.c.person_id, g.c.text, g.c.created_at)).all())
        for goal in plan.goals:
            person_id = people.get(goal.person.casefold())
            if person_id is None:
                person_id = self.conn.execute(insert(_P).values(
                    name=goal.person)).inserted_primary_key[0]
                people[goal.person.casefold()] = person_id
                self.stats["people_added"] += 1
            if (person_id, goal.text, goal.created_at) in seen:
                continue
            goal_id = self.conn.execute(insert(g).values(
                person_id=person_id, text=goal.text, status=goal.status,
                created_at=goal.created_at, status_changed_at=goal.status_changed_at,
                asked_at=goal.asked_at, own_attempts=goal.own_attempts,
                reflection_id=self._entry_ref(goal.reflection))).inserted_primary_key[0]
            for a in goal.attempts:
                self.conn.execute(insert(AttemptRecord.__table__).values(
                    goal_id=goal_id, occurred_on=a.occurred_on, outcome=a.outcome,
                    note=a.note, entry_id=self._entry_ref(a.entry)))
            self.stats["goals_added"] += 1

    def _entry_ref(self, ref: int | None) -> int | None:
        return None if ref is None else self.entry_ids[ref]

    def _settings(self, settings: dict[str, str]) -> None:
        table = SettingRecord.__table__
        have = set(self.conn.execute(select(table.c.key)).scalars())
        for key, value in settings.items():
            if key not in have:
                self.conn.execute(insert(table).values(key=key, value=value))
                self.stats["settings_added"] += 1

    def _sessions(self, plan: ImportPlan) -> None:
        s = _SESSIONS.c
        seen = set(self.conn.execute(select(s.held_on, s.supervisor, s.notes, s.created_at)))
        for session in plan.sessions:
            if (session.held_on, session.supervisor, session.notes, session.created_at) in seen:
                continue
            session_id = self.conn.execute(insert(_SESSIONS).values(
                held_on=session.held_on, supervisor=session.supervisor, notes=session.notes,
                created_at=session.created_at)).inserted_primary_key[0]
            for position, a in enumerate(session.actions):
                self.conn.execute(insert(AgreedActionRecord.__table__).values(
                    session_id=session_id, position=position, text=a.text, owner=a.owner,
                    due_on=a.due_on, status=a.status))
            if session.preparation is not None:
                p = session.preparation
                self.conn.execute(insert(PreparationRecord.__table__).values(
                    session_id=session_id, state=p.state, created_at=p.created_at,
                    updated_at=p.updated_at))
            self.stats["sessions_added"] += 1
