"""Run an import plan against a journal: check every entry first, then write all or nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from carejournal.core.changes import Changes
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
        report = repo.load(clean, now or utc_now(), journal.lens.counts_now, dry_run)
    return replace(report, nuls_removed=plan.nuls_removed)



FORMATS = ("json", "jrnl", "csv", "markdown")  # what `carejournal import --format` takes


def read_plan(fmt: str, files: list[Path], mapping: str = "") -> ImportPlan:
    """The import plan of the files in one format (a CSV mapping as 'date=Day,text=Note')."""
    from carejournal.exchange import csv_import, jrnl, json_import, markdown_import

    if fmt == "markdown":
        return markdown_import.read_markdown(files)
    if len(files) != 1:
        raise ImportProblem("import", f"give one {fmt} file at a time")
    if fmt == "json":
        return json_import.read_json(files[0])
    if fmt == "jrnl":
        return jrnl.read_jrnl(files[0])
    if fmt == "csv":
        return csv_import.read_csv(files[0], csv_import.parse_mapping(mapping))
    raise ImportProblem("import", f"'{fmt}' is not a format CareJournal imports "
                                  f"({', '.join(FORMATS)})")


def import_files(journal: Journal, fmt: str, files: list[Path], mapping: str = "",
                 dry_run: bool = False) -> ImportReport:
    """Read and import the files in one transaction; ImportProblem if anything is wrong
    (and then nothing was imported)."""
    where = ", ".join(f.name for f in files[:3])
    return run_plan(journal, read_plan(fmt, files, mapping), where, dry_run)


def changes_of(report: ImportReport) -> Changes:
    """What an import changed in the journal, for the window's views."""
    if report.dry_run:
        return Changes()
    return Changes(listing=bool(report.entries_added), goals=bool(report.goals_added),
                   little_things=bool(report.acts_added),
                   supervision=bool(report.sessions_added),
                   settings=bool(report.settings_added), names=bool(report.people_added))


def report_lines(report: ImportReport) -> list[str]:
    """What an import did (or, in a dry run, would do), in the words the CLI and the
    window both use."""
    verb = "Would import" if report.dry_run else "Imported"
    lines = [f"{verb} {report.entries_added} entries; {report.duplicates_skipped} already in "
             "the journal were skipped."]
    extras = [(report.people_added, "people"), (report.goals_added, "goals"),
              (report.sessions_added, "supervision sessions"),
              (report.acts_added, "little things"), (report.settings_added, "settings"),
              (report.learning_added, "learning records"),
              (report.feedback_added, "feedback records")]
    more = ", ".join(f"{n} {label}" for n, label in extras if n)
    if more:
        lines.append(f"Also new: {more}.")
    if report.nuls_removed:
        removed = "Would remove" if report.dry_run else "Removed"
        lines.append(f"{removed} {report.nuls_removed} NUL characters (U+0000) from the "
                     "file's text: they mean nothing in writing and cannot be stored safely.")
    if report.dry_run:
        lines.append("Nothing was changed (dry run).")
    return lines
