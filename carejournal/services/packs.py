"""Exporting a supervision pack: gather, protect identities, build, write (all or nothing)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from carejournal.core.patterns import Period
from carejournal.core.preparation import Preparation, Stage
from carejournal.pack.build import build_document
from carejournal.pack.content import PackContent, PackSituation, pack_entry
from carejournal.pack.write import PackFormat, write_pack
from carejournal.privacy.protect import Detected, Protection, statement

if TYPE_CHECKING:
    from carejournal.services.journal import Journal


@dataclass(frozen=True, slots=True)
class PackPlan:
    """A pack ready to write: its content, its aliases, and the identifiers found."""

    content: PackContent
    protection: Protection
    detected: tuple[Detected, ...]


@dataclass(frozen=True, slots=True)
class Written:
    """What an export wrote, and what it replaced or kept."""

    path: Path
    replaced: tuple[Detected, ...]
    kept: tuple[Detected, ...]


def gather(journal: Journal, prep: Preparation) -> PackContent:
    """Read what the preparation brings from the journal."""
    steps = journal.preparing
    session = steps.session_of(prep)
    period = Period(prep.since, prep.until)
    chosen = steps.chosen(prep)
    entries = journal.entries([r.id for r in chosen])  # read once, for both uses below
    language = tuple(steps.language_of(prep, chosen, entries))
    kept = tuple((item, item.kept) for item in language if item.kept is not None)
    before = prep.language_before
    return PackContent(
        session=session, period=period, worker=prep.worker_name,
        last_actions=steps.last_actions(prep),
        entries=tuple(pack_entry(e, e.id in prep.to_discuss) for e in entries),
        entries_in_period=len(steps.period_rows(prep)),
        language_before=before if before is not None else sum(i.occurrences
                                                              for i in language),
        language=language, rewordings=tuple(prep.rewordings), kept=kept,
        strengths=tuple(steps.strengths(prep)), power=steps.power(prep),
        agenda=tuple(prep.agenda), decisions=journal.patterns.decisions(period),
        plans=journal.patterns.plans(period), situation=situation(journal, prep),
        how_i_am=prep.how_i_am.text if prep.how_i_am.include else "")


def situation(journal: Journal, prep: Preparation) -> PackSituation | None:
    """The situation brought, with the stages the worker wrote in (None if none)."""
    brought = prep.situation
    if brought is None:
        return None
    row = journal.row(brought.entry_id)
    if row is None:  # the entry was deleted since
        return None
    stages = tuple((stage, brought.words(stage)) for stage in Stage
                   if brought.words(stage).strip())
    return PackSituation(row.occurred_on, row.title or row.summary, stages)


def plan_pack(journal: Journal, prep: Preparation) -> PackPlan:
    """Gather the pack and find the identifiers the worker should look at."""
    content = gather(journal, prep)
    protection = Protection(journal.supervision.people(),
                            allowed=(content.worker, content.session.supervisor))
    return PackPlan(content, protection, tuple(protection.scan(content.texts())))


def write_plan(plan: PackPlan, path: Path, fmt: PackFormat,
               keep: Collection[str] = ()) -> Written:
    """Write the pack; detected identifiers are replaced except the texts in keep."""
    replaced = tuple(d for d in plan.detected if d.text not in keep)
    kept = tuple(d for d in plan.detected if d.text in keep)
    closing = statement(len(plan.protection.aliases()), replaced, kept)
    scrub = plan.protection.scrubber(keep, everywhere=plan.detected)
    document = build_document(plan.content, scrub, closing)
    write_pack(document, path, fmt)
    return Written(path, replaced, kept)
