"""`carejournal export --format json` and `carejournal import` (JSON, jrnl, CSV, Markdown)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from carejournal.core.i18n import _

if TYPE_CHECKING:
    from carejournal.services.journal import Journal

IMPORT_FORMATS = ("json", "jrnl", "csv", "markdown")  # services.importing.FORMATS, kept light


def add_import_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of `carejournal import`."""
    parser.add_argument("--format", choices=IMPORT_FORMATS, required=True)
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    parser.add_argument("--dry-run", action="store_true",
                        help=_("check the files and count what would be imported; change nothing"))
    parser.add_argument("--map", default="", metavar="date=COL,text=COL,...",
                        help=_("CSV columns for date, text, title, tags, kind"))


def run_json_export(journal: Journal, args: argparse.Namespace) -> int:
    """Write the whole journal as CareJournal JSON to args.out."""
    from carejournal.services.json_export import export_json, exported_message

    print(exported_message(export_json(journal, args.out), args.out))
    return 0


def run_import(journal: Journal, args: argparse.Namespace) -> int:
    """`carejournal import`: report what was (or, with --dry-run, would be) imported."""
    from carejournal.services.importing import import_files, report_lines

    report = import_files(journal, args.format, args.files, args.map, args.dry_run)
    for line in report_lines(report):
        print(line)
    return 0
