"""`carejournal salvage --out FILE [--json]`: save what can still be read from a damaged journal.

Like `carejournal restore FILE`, this never opens the journal as a journal (that would refuse a
damaged one): it reads the file read-only and writes CareJournal JSON, which
`carejournal import --format json FILE` brings into a new journal. The report says, table by
table, how many rows were saved, how many of them were read page by page (where SQLite
itself could not read them), and what could not be read.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from carejournal.cli.output import print_json
from carejournal.core.domain import InvalidInput
from carejournal.core.i18n import _
from carejournal.core.paths import journal_path

EXIT_OK = 0


def add_arguments(cmd: argparse.ArgumentParser) -> None:
    """The arguments of `carejournal salvage`."""
    cmd.add_argument("--out", metavar="FILE", type=Path, required=True,
                     help=_("the JSON file to write (it is not encrypted: keep it safe)"))
    cmd.add_argument("--json", action="store_true", help=_("print the report as JSON"))


def run(args: argparse.Namespace, key: bytes | None = None) -> int:
    """Salvage the journal to args.out and say, table by table, what was saved and lost."""
    from carejournal.services.salvage import salvage

    path = journal_path(args.journal)
    out = args.out.expanduser()
    if not out.parent.is_dir():
        raise InvalidInput(_('the folder {parent} does not exist').format(parent=out.parent))
    if key is None:
        key = _key(path, args)
    report = salvage(path, out, key)
    if args.json:
        print_json(report.as_json())
        return EXIT_OK
    print(_("Saved what could be read from {name} to {out}.")
              .format(name=path.name, out=report.out))
    print(_('{name} itself has not been changed.').format(name=path.name))
    for table in report.tables:
        if table.saved or not table.complete:
            found = _(" ({recovered} read page by page)").format(
                recovered=table.recovered) if table.recovered else ""
            print(_("  {what}: {saved} saved{found}{lost}").format(
                what=_label(table.name, table.label), saved=table.saved, found=found,
                lost=_lost_text(table.lost, table.problem)))
    for what, count in report.left_out.items():
        print(_('  note: {what}: {count}').format(what=what, count=count))
    if report.recovered:
        print(_("{recovered} rows in all were read page by page, where SQLite could not read "
                "them.").format(recovered=report.recovered))
    for warning in report.warnings:
        print(_('  warning: {warning}').format(warning=warning))
    print(_("Everything that was there could be read.") if report.complete else
          _("Some of the journal could not be read; what was saved is in the file."))
    print(_("To bring it into a new journal: carejournal --journal NEW.sqlite import --format "
            "json {out}").format(out=report.out))
    print(_("The file is not encrypted: keep it somewhere safe."))
    return EXIT_OK


def _label(name: str, label: str) -> str:
    """A table's name in the worker's words and language (the report's own, else)."""
    words = {"entries": _("entries"), "people": _("people"), "tags": _("tags"),
             "kindness_acts": _("little things (catalogue)"),
             "entry_people": _("people in entries"), "entry_tags": _("tags on entries"),
             "entry_acts": _("little things done"), "entry_sections": _("entry sections"),
             "decisions": _("decisions"), "action_items": _("action items"),
             "entry_revisions": _("earlier versions of entries"),
             "entry_dismissals": _("dismissed language-lens findings"),
             "entry_links": _("links"), "goals": _("goals"),
             "goal_attempts": _("goal attempts"), "settings": _("settings"),
             "supervision_sessions": _("supervision sessions"),
             "supervision_actions": _("supervision actions"),
             "supervision_preparations": _("supervision preparations"),
             "learning_records": _("learning records"),
             "learning_evidence": _("evidence files"), "feedback_received": _("feedback"),
             "reflective_accounts": _("reflective accounts")}
    return words.get(name, label)


def _lost_text(lost: int | None, problem: str) -> str:
    if problem:
        return _(", none could be read ({problem})").format(problem=problem)
    if lost is None:
        return _(", some could not be read (how many is not known)")
    return _(", {lost} could not be read").format(lost=lost) if lost else ""


def _key(path: Path, args: argparse.Namespace) -> bytes | None:
    """The data key of an encrypted journal (asking for its passphrase, or reading it or its
    recovery key from --passphrase-file), or None for a plain one (perhaps one whose first
    page is gone)."""
    from carejournal.cli import keys as cli_keys

    if not path.is_file():
        return None  # (the salvage says there is no journal file)
    return cli_keys.journal_key(path, args)
