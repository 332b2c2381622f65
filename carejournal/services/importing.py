"""Run an import plan against a journal: check every entry first, then write all or nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from carejournal.core.domain import InvalidInput, utc_now
from carejournal.core.import_plan import ImportPlan, ImportReport
from carejournal.exchange.errors import ImportProblem
from carejournal.services.journal import Journal, validate
from carejournal.store.interchange_repo import InterchangeRepository
from carejournal.store.schema import translate_errors


@contextmanager
def repository(journal: Journal) -> Iterator[InterchangeRepository]:
    """The journal's interchange repository."""
    yield journal.interchange


def checked(plan: ImportPlan, where: str) -> ImportPlan:
    """The plan with every entry validated as the journal would; ImportProblem names the
    first entry that cannot be stored."""
    entries = []
    for index, item in enumerate(plan.entries):
        try:
            entries.append(replace(item, draft=validate(item.draft)))
        except InvalidInput as exc:
            raise ImportProblem(f"{where}, entry {index + 1} ({item.draft.occurred_on})",
                                str(exc).rstrip(".")) from None
    refs = {e.ref for e in plan.entries}
    acts = {a.ref for a in plan.acts}
    for index, item in enumerate(plan.entries):
        for act in item.draft.acts:
            if act.act_id not in acts:
                raise ImportProblem(f"{where}, entry {index + 1}",
                                    f"it records little thing {act.act_id}, which the file "
                                    "does not list")
    for source, target, _kind in plan.links:
        if source not in refs or target not in refs:
            raise ImportProblem(where, f"a link joins entries {source} and {target}, "
                                       "which the file does not both hold")
    for goal in plan.goals:
        for ref in (goal.reflection, *(a.entry for a in goal.attempts)):
            if ref is not None and ref not in refs:
                raise ImportProblem(where, f"a goal of {goal.person} refers to entry {ref}, "
                                           "which the file does not hold")
    return replace(plan, entries=tuple(entries))


def run_plan(journal: Journal, plan: ImportPlan, where: str, dry_run: bool = False,
             now: dt.datetime | None = None) -> ImportReport:
    """Check the plan, then write it in one transaction (or only count, if dry_run)."""
    clean = checked(plan, where)
    with repository(journal) as repo, translate_errors(journal.path):
        report = repo.load(clean, now or utc_now(), journal.lens.counts, dry_run)
    return replace(report, nuls_removed=plan.nuls_removed)

