"""`carejournal export --format json` and `carejournal import` (JSON, jrnl, CSV, Markdown)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from carejournal.exchange.errors import ImportProblem

if TYPE_CHECKING:
    from carejournal.core.import_plan import ImportPlan, ImportReport
    from carejournal.services.journal import Journal

IMPORT_FORMATS = ("json", "jrnl", "csv", "markdown")


def add_import_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of `carejournal import`."""
    parser.add_argument("--format", choices=IMPORT_FORMATS, required=True)
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    parser.add_argument("--dry-run", action="store_true",
                        help="check the files and count what would be imported; change nothing")
    parser.add_argument("--map", default="", metavar="date=COL,text=COL,...",
                        help="CSV columns for date, text, title, tags, kind")


def run_json_export(journal: Journal, args: argparse.Namespace) -> int:
    """Write the whole journal as CareJournal JSON to args.out."""
    from carejournal.services.json_export import export_json

    count = export_json(journal, args.out)
    print(f"Exported the whole journal ({count} entries) to {args.out}. "
          "It is not encrypted: keep it somewhere safe.")
    return 0


def read_plan(fmt: str, files: list[Path], mapping: str = "") -> ImportPlan:
    """The import plan of the files in one format."""
    from carejournal.core.import_plan import ImportPlan
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
    return ImportPlan()


def import_files(journal: Journal, fmt: str, files: list[Path], mapping: str = "",
                 dry_run: bool = False) -> ImportReport:
    """Read and import the files in one transaction; ImportProblem if anything is wrong."""
    from carejournal.services.importing import run_plan

    where = ", ".join(f.name for f in files[:3])
    return run_plan(journal, read_plan(fmt, files, mapping), where, dry_run)


def run_import(journal: Journal, args: argparse.Namespace) -> int:
    """`carejournal import`: report what was (or, with --dry-run, would be) imported."""
    report = import_files(journal, args.format, args.files, args.map, args.dry_run)
    verb = "Would import" if report.dry_run else "Imported"
    print(f"{verb} {report.entries_added} entries; {report.duplicates_skipped} already in the "
          "journal were skipped.")
    extras = [(report.people_added, "people"), (report.goals_added, "goals"),
              (report.sessions_added, "supervision sessions"),
              (report.acts_added, "little things"), (report.settings_added, "settings")]
    more = ", ".join(f"{n} {label}" for n, label in extras if n)
    if more:
        print(f"Also new: {more}.")
    if report.nuls_removed:
        removed = "Would remove" if report.dry_run else "Removed"
        print(f"{removed} {report.nuls_removed} NUL characters (U+0000) from the file's text: "
              "they mean nothing in writing and cannot be stored safely.")
    if report.dry_run:
        print("Nothing was changed (dry run).")
    return 0
