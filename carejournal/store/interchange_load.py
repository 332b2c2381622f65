"""Writing an import plan into a journal, all or nothing (InterchangeRepository.load).

Imported only by an import: an export does not load the ORM models.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, func, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from carejournal.core.domain import EntryDraft
from carejournal.core.import_plan import ImportPlan, ImportReport, PlannedEntry
from carejournal.store import fts, lens_repo
from carejournal.store.bulk import BATCH, Names, Parts, entry_values
from carejournal.store.lens_repo import EntryCounts
from carejournal.store.models import (
    AgreedActionRecord,
    AttemptRecord,
    EntryAct,
    EntryLinkRecord,
    EntryRecord,
    EntryRevisionRecord,
    GoalRecord,
    KindnessAct,
    Person,
    PreparationRecord,
    SettingRecord,
    SupervisionSession,
    Tag,
)
from carejournal.store.tables import inserted_id

Counter = Callable[[EntryDraft], EntryCounts | None]
_E = EntryRecord.__table__
_ACTS = KindnessAct.__table__
_P = Person.__table__
_SESSIONS = SupervisionSession.__table__


class Loader:
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
        self._cpd(plan)
        counts = self.stats
        return ImportReport(
            entries_added=counts["entries_added"], duplicates_skipped=counts["duplicates_skipped"],
            people_added=counts["people_added"], acts_added=counts["acts_added"],
            goals_added=counts["goals_added"], sessions_added=counts["sessions_added"],
            settings_added=counts["settings_added"],
            learning_added=counts["learning_added"], feedback_added=counts["feedback_added"])

    def _people(self, plan: ImportPlan) -> None:
        known = {name.casefold(): (id_, nick, alias) for id_, name, nick, alias in
                 self.conn.execute(select(_P.c.id, _P.c.name, _P.c.nicknames, _P.c.alias))}
        for person in plan.people:
            found = known.get(person.name.casefold())
            if found is None:
                result = self.conn.execute(insert(_P).values(
                    name=person.name, nicknames=person.nicknames, alias=person.alias))
                known[person.name.casefold()] = (inserted_id(result),
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
                found = inserted_id(self.conn.execute(insert(_ACTS).values(
                    key=act.key, position=position, **values)))
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
                person_id = inserted_id(self.conn.execute(insert(_P).values(
                    name=goal.person)))
                people[goal.person.casefold()] = person_id
                self.stats["people_added"] += 1
            if (person_id, goal.text, goal.created_at) in seen:
                continue
            goal_id = inserted_id(self.conn.execute(insert(g).values(
                person_id=person_id, text=goal.text, status=goal.status,
                created_at=goal.created_at, status_changed_at=goal.status_changed_at,
                asked_at=goal.asked_at, own_attempts=goal.own_attempts,
                reflection_id=self._entry_ref(goal.reflection))))
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
            session_id = inserted_id(self.conn.execute(insert(_SESSIONS).values(
                held_on=session.held_on, supervisor=session.supervisor, notes=session.notes,
                created_at=session.created_at)))
            for position, a in enumerate(session.actions):
                self.conn.execute(insert(AgreedActionRecord.__table__).values(
                    session_id=session_id, position=position, text=a.text, owner=a.owner,
                    due_on=a.due_on, status=a.status, function=a.function))
            if session.preparation is not None:
                p = session.preparation
                self.conn.execute(insert(PreparationRecord.__table__).values(
                    session_id=session_id, state=p.state, created_at=p.created_at,
                    updated_at=p.updated_at))
            self.stats["sessions_added"] += 1

    def _cpd(self, plan: ImportPlan) -> None:
        """Learning, feedback and accounts not in the journal already (by their words and
        when they were written)."""
        from carejournal.store.cpd_repo import CpdRepository
        from carejournal.store.models import (
            FeedbackRecord,
            LearningRecord,
            ReflectiveAccountRecord,
        )

        lt, ft = LearningRecord.__table__.c, FeedbackRecord.__table__.c
        have = set(self.conn.execute(select(lt.topic, lt.ended_on, lt.created_at)))
        for item in plan.learning:
            d = item.draft
            if (d.topic, d.ended_on, item.created_at) not in have:
                CpdRepository.insert_learning(self.conn, d, item.created_at)
                self.stats["learning_added"] += 1
        heard = set(self.conn.execute(select(ft.said, ft.received_on, ft.created_at)))
        for fb in plan.feedback:
            if (fb.draft.said, fb.draft.received_on, fb.created_at) not in heard:
                f = fb.draft
                self.conn.execute(insert(FeedbackRecord.__table__).values(
                    received_on=f.received_on, from_role=f.from_role, said=f.said,
                    changed=f.changed, created_at=fb.created_at))
                self.stats["feedback_added"] += 1
        at = ReflectiveAccountRecord.__table__
        written = set(self.conn.execute(select(at.c.entry_id, at.c.written_on)))
        for account in plan.accounts:
            entry = None if account.entry is None else self.entry_ids.get(account.entry)
            if (entry, account.written_on) not in written:
                self.conn.execute(insert(at).values(
                    entry_id=entry, written_on=account.written_on,
                    themes=",".join(t.value for t in account.themes)))
