"""The SQL behind patterns of practice: grouped counts by week, day, act, rung and goal.

Every figure is a GROUP BY over the entries of a period (never the long texts): entries
not in the trash, dated since..until (the worker's local dates), and, for one person,
only entries that mention them. A week is named by its Monday, computed in SQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Date, Engine, and_, case, func, or_, select

from carejournal.core.domain import NO_RUNG
from carejournal.core.patterns import GoalRow, Period, WeekCount
from carejournal.store.models import (
    AttemptRecord,
    DecisionRecord,
    EntryAct,
    EntryFindingRecord,
    EntryRecord,
    GoalRecord,
    Person,
    entry_people,
)

_E = EntryRecord.__table__
_A = EntryAct.__table__
_F = EntryFindingRecord.__table__
_D = DecisionRecord.__table__
_G = GoalRecord.__table__
_T = AttemptRecord.__table__
_P = Person.__table__
# The Monday of occurred_on's week: on to the coming Sunday (a Sunday stays), back six days.
WEEK = func.date(_E.c.occurred_on, "weekday 0", "-6 days", type_=Date).label("week")


def chosen(query: Any, period: Period) -> Any:
    """query limited to the period's entries: not trashed, in its dates, its person's."""
    query = query.where(_E.c.deleted_at.is_(None), _E.c.occurred_on >= period.since,
                        _E.c.occurred_on <= period.until)
    if period.person:
        query = query.where(_E.c.id.in_(
            select(entry_people.c.entry_id).join(_P, _P.c.id == entry_people.c.person_id)
            .where(_P.c.name == period.person)))
    return query


class PatternsRepository:
    """Read-only grouped counts for a period; each call reads in its own transaction."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def _all(self, query: Any) -> list[Any]:
        with self._engine.connect() as conn:
            return list(conn.execute(query))

    def kinds(self, period: Period) -> list[WeekCount]:
        """(Monday, kind, entries) for each week and kind with entries."""
        query = chosen(select(WEEK, _E.c.kind, func.count()), period).group_by(WEEK, _E.c.kind)
        return [(week, kind, n) for week, kind, n in self._all(query)]

    def acts(self, period: Period) -> tuple[list[tuple[str, int]], dict[dt.date, int]]:
        """Little things done by the label recorded, and all of them per week."""
        joined = _A.join(_E, _E.c.id == _A.c.entry_id)
        by_act = chosen(select(_A.c.label, func.count()).select_from(joined), period)
        per_week = chosen(select(WEEK, func.count()).select_from(joined), period)
        return ([(label, n) for label, n in self._all(by_act.group_by(_A.c.label))],
                dict(self._week_pairs(per_week.group_by(WEEK))))

    def week_sums(self, period: Period) -> list[tuple[dt.date, int, int, int]]:
        """(Monday, words, strength words, problem words) for each week with entries."""
        query = chosen(select(WEEK, func.sum(_E.c.word_count), func.sum(_E.c.strength_words),
                              func.sum(_E.c.problem_words)), period).group_by(WEEK)
        return [(week, int(w), int(s), int(p)) for week, w, s, p in self._all(query)]

    def findings(self, period: Period, leave_out: Iterable[str] = ()) -> list[WeekCount]:
        """(Monday, category, findings) per week, leaving out some rules."""
        query = chosen(select(WEEK, _F.c.category, func.sum(_F.c.count))
                       .select_from(_F.join(_E, _E.c.id == _F.c.entry_id)), period)
        skip = sorted(set(leave_out))
        if skip:
            query = query.where(_F.c.rule.not_in(skip))
        return [(week, category, int(n)) for week, category, n
                in self._all(query.group_by(WEEK, _F.c.category))]

    def decisions(self, period: Period, shared_rungs: Iterable[str]
                  ) -> tuple[dict[str, int], list[tuple[dt.date, int, int]]]:
        """Decisions by rung key, and per week (Monday, decisions, those on shared rungs)."""
        joined = _D.join(_E, _E.c.id == _D.c.entry_id)
        placed = _D.c.rung != NO_RUNG  # a decision not placed on the ladder counts nowhere
        by_rung = chosen(select(_D.c.rung, func.count()).select_from(joined), period)
        shared = func.sum(case((_D.c.rung.in_(sorted(set(shared_rungs))), 1), else_=0))
        weekly = chosen(select(WEEK, func.count(), shared).select_from(joined), period)
        by_rung, weekly = by_rung.where(placed), weekly.where(placed)
        return (dict(self._all(by_rung.group_by(_D.c.rung))),
                [(week, n, int(k)) for week, n, k in self._all(weekly.group_by(WEEK))])

    def days(self, period: Period) -> dict[dt.date, int]:
        """Entries per day, for days with any."""
        query = chosen(select(_E.c.occurred_on, func.count()), period)
        return dict(self._all(query.group_by(_E.c.occurred_on)))

    def goals(self, period: Period, start: dt.datetime, end: dt.datetime,
              ended: Iterable[str]) -> list[GoalRow]:
        """The period's goals (see PatternsService.plans) with their attempts by outcome."""
        outcome = _T.c.outcome
        tried = (select(_T.c.goal_id,
                        *(func.sum(case((outcome == value, 1), else_=0)).label(name)
                          for name, value in (("managed", "managed"), ("partly", "partly"),
                                              ("not_yet", "not-this-time"))))
                 .where(_T.c.occurred_on >= period.since, _T.c.occurred_on <= period.until)
                 .group_by(_T.c.goal_id).subquery())
        ever = select(_T.c.goal_id, func.count().label("n")).group_by(_T.c.goal_id).subquery()
        query = (select(_G.c.id, _P.c.name, _G.c.text, _G.c.status,
                        func.coalesce(tried.c.managed, 0), func.coalesce(tried.c.partly, 0),
                        func.coalesce(tried.c.not_yet, 0), func.coalesce(ever.c.n, 0))
                 .join(_P, _P.c.id == _G.c.person_id)
                 .outerjoin(tried, tried.c.goal_id == _G.c.id)
                 .outerjoin(ever, ever.c.goal_id == _G.c.id)
                 .where(or_(tried.c.goal_id.is_not(None),
                            and_(_G.c.created_at >= start, _G.c.created_at < end),
                            and_(_G.c.status.in_(sorted(set(ended))),
                                 _G.c.status_changed_at >= start,
                                 _G.c.status_changed_at < end)))
                 .order_by(_P.c.name, _G.c.id))
        if period.person:
            query = query.where(_P.c.name == period.person)
        return [(r[0], r[1], r[2], r[3], int(r[4]), int(r[5]), int(r[6]), int(r[7]))
                for r in self._all(query)]

    def _week_pairs(self, query: Any) -> list[tuple[dt.date, int]]:
        return [(week, int(n)) for week, n in self._all(query)]
