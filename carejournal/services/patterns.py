"""Patterns of practice for a period, as the Patterns view and `carejournal stats` use them.

`journal.patterns` turns the grouped counts of store/patterns_repo.py into the series of
carejournal/core/patterns.py. Trashed entries never count; a period's person keeps only the
entries that mention them (and, for plans, that person's goals).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Protocol

from carejournal.core.catalogues import ladder
from carejournal.core.goals import ENDED_EARLY, GoalStatus
from carejournal.core.patterns import (
    ActsSeries,
    BalancePerWeek,
    DecisionsSeries,
    GoalRow,
    KindsPerWeek,
    LensPerWeek,
    Period,
    PlansSeries,
    Streaks,
    WeekCount,
    acts_series,
    balance_series,
    decisions_series,
    kinds_series,
    lens_series,
    local_bounds,
    plans_series,
    streaks_from,
)

if TYPE_CHECKING:
    from carejournal.services.lens import LensService
    from carejournal.services.settings import SettingsService

WeekSums = tuple[dt.date, int, int, int]  # (Monday, words, strength words, problem words)
NAMES = ("kinds", "acts", "lens", "balance", "decisions", "streaks", "plans")
# A goal "ends" in a period when it moves to one of these then.
ENDED = frozenset({GoalStatus.ACHIEVED, *ENDED_EARLY})


class _Store(Protocol):
    def kinds(self, period: Period) -> list[WeekCount]: ...
    def acts(self, period: Period) -> tuple[list[tuple[str, int]], dict[dt.date, int]]: ...
    def week_sums(self, period: Period) -> list[WeekSums]: ...
    def findings(self, period: Period, leave_out: Iterable[str] = ()) -> list[WeekCount]: ...
    def decisions(self, period: Period, shared_rungs: Iterable[str]
                  ) -> tuple[dict[str, int], list[tuple[dt.date, int, int]]]: ...
    def days(self, period: Period) -> dict[dt.date, int]: ...
    def goals(self, period: Period, start: dt.datetime, end: dt.datetime,
              ended: Iterable[str]) -> list[GoalRow]: ...


class PatternsService:
    """The seven series of one journal, each computed by SQL grouping over stored counts."""

    def __init__(self, store: _Store, lens: LensService, settings: SettingsService,
                 tz: dt.tzinfo | None = None) -> None:
        self._store = store
        self._lens = lens
        self._settings = settings
        self._tz = tz  # None: this computer's time zone

    def kinds(self, period: Period) -> KindsPerWeek:
        """1. Entries per week, by kind."""
        return kinds_series(period.weeks(), self._store.kinds(period))

    def acts(self, period: Period) -> ActsSeries:
        """2. Little things by the label recorded, most first, and all of them per week."""
        by_act, per_week = self._store.acts(period)
        return acts_series(period.weeks(), by_act, per_week)

    def lens(self, period: Period) -> LensPerWeek:
        """3. Lens findings per 1,000 words per week by category, switched-off rules left
        out (dismissed findings were never stored)."""
        self._lens.recount_stale()
        return self._lens_of(period, self._store.week_sums(period))

    def balance(self, period: Period) -> BalancePerWeek:
        """4. Strength and problem words per week."""
        self._lens.recount_stale()
        return self._balance_of(period, self._store.week_sums(period))

    def decisions(self, period: Period) -> DecisionsSeries:
        """5. Decisions by rung (bottom first, zeros included); per week, the share made
        with the person (None for a week without decisions)."""
        rungs = ladder()
        by_key, weekly = self._store.decisions(
            period, [rung.key for rung in rungs if rung.relation == "with"])
        return decisions_series(period.weeks(), rungs, by_key, weekly)

    def streaks(self, period: Period, today: dt.date) -> Streaks:
        """6. Days with entries in the period, and gentle streaks within it (a run ending
        today, or yesterday while today has none yet; the longest run)."""
        return streaks_from(self._store.days(period), today)

    def plans(self, period: Period) -> PlansSeries:
        """7. Goals with their attempts in the period, by outcome.

        A goal is included when it had an attempt in the period, was set in the period, or
        ended in it (achieved, discontinued or unattainable): so a goal given up on
        without a single try still shows. Set and ended are stored as UTC instants and
        compared with the period's local days. Ended early means discontinued or
        unattainable after fewer attempts, ever, than the threshold.
        """
        start, end = local_bounds(period, self._tz)
        rows = self._store.goals(period, start, end, [s.value for s in ENDED])
        return plans_series(rows, self._settings.attempts_threshold(),
                            [s.value for s in ENDED_EARLY])

    def all(self, period: Period, today: dt.date) -> dict[str, Any]:
        """Every series, keyed by chart name (see NAMES); stale lens counts are brought up
        to date once, and the weekly word sums read once for lens and balance."""
        self._lens.recount_stale()
        sums = self._store.week_sums(period)
        return {"kinds": self.kinds(period), "acts": self.acts(period),
                "lens": self._lens_of(period, sums), "balance": self._balance_of(period, sums),
                "decisions": self.decisions(period), "streaks": self.streaks(period, today),
                "plans": self.plans(period)}

    def _lens_of(self, period: Period, sums: list[WeekSums]) -> LensPerWeek:
        found = self._store.findings(period, self._lens.disabled_rules())
        names = {key: c.name for key, c in self._lens.lexicon().categories.items()}
        return lens_series(period.weeks(), {week: w for week, w, _s, _p in sums}, found, names)

    def _balance_of(self, period: Period, sums: list[WeekSums]) -> BalancePerWeek:
        return balance_series(period.weeks(), {week: s for week, _w, s, _p in sums},
                              {week: p for week, _w, _s, p in sums})
