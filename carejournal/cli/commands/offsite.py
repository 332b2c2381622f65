"""`carejournal backup offsite [--folder PATH] [--every DAYS] [--now] [--json]`: copies of the
journal off this laptop: where they go, how often to be reminded, copy now, and the status."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from carejournal.cli.output import print_json
from carejournal.core.i18n import _, ngettext
from carejournal.services.offsite import (
    MAX_EVERY_DAYS,
    OffsiteService,
    OffsiteStatus,
    reminder_text,
)

EXIT_OK = 0


def _days(text: str) -> int:
    """--every: a whole number of days from 1 to 90."""
    try:
        days = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("give a number of days, not {text!r}")
                                             .format(text=text)) from None
    if not 1 <= days <= MAX_EVERY_DAYS:
        raise argparse.ArgumentTypeError(_("the number of days must be from 1 to "
                                           "{MAX_EVERY_DAYS}, not {days}")
                                             .format(MAX_EVERY_DAYS=MAX_EVERY_DAYS, days=days))
    return days


def register(actions: Any) -> None:
    """Add `offsite` to the actions of `carejournal backup`."""
    off = actions.add_parser(
        "offsite", help=_("copies off this laptop: where they go, the reminder, copy now"),
        description=_("Keep a copy of the journal off this laptop (a USB stick, another "
                    "drive, a network folder), with a gentle reminder when it gets old."))
    off.add_argument("--folder", metavar="PATH",
                     help=_("the folder for copies (it must be there now)"))
    off.add_argument("--every", type=_days, metavar="DAYS",
                     help=f"remind when the last copy is this many days old "
                          f"(1 to {MAX_EVERY_DAYS}; 7 unless changed)")
    off.add_argument("--now", action="store_true", help=_("copy the journal there now"))
    off.add_argument("--json", action="store_true", help=_("print JSON"))


def run_opening(args: argparse.Namespace) -> int:
    """Open the journal (its settings hold the folder), run, and close it again."""
    from carejournal.cli import keys as cli_keys
    from carejournal.core.paths import journal_path
    from carejournal.services.journal import Journal

    path = journal_path(args.journal)
    journal = Journal.open(path, key=cli_keys.journal_key(path, args))
    try:
        return run(journal, args)
    finally:
        journal.close()


def run(journal: Any, args: argparse.Namespace) -> int:
    """Set what was given, copy if asked, then show where things stand."""
    offsite = OffsiteService.for_journal(journal)
    if args.folder is not None:
        offsite.set_folder(Path(args.folder))
    if args.every is not None:
        offsite.set_every_days(args.every)
    copied = offsite.copy_now() if args.now else None
    status = offsite.status()
    if args.json:
        print_json(_as_json(status, copied))
        return EXIT_OK
    if copied is not None:
        print(_('Copied the journal to {copied}').format(copied=copied))
    _print_status(status)
    return EXIT_OK


def _as_json(status: OffsiteStatus, copied: Path | None) -> dict[str, Any]:
    due = status.due
    return {
        "folder": str(status.folder) if status.folder else None,
        "present": status.present,
        "every_days": status.every_days,
        "last_copy": status.last_copy.isoformat() if status.last_copy else None,
        "copies": status.copies,
        "due": due.nudge.value if due else None,
        "reminder": reminder_text(due) if due else None,
        "copied": str(copied) if copied else None,
    }


def _print_status(status: OffsiteStatus) -> None:
    if status.folder is None:
        print(_("Copies off this laptop: no folder chosen yet."))
        print(_("Choose one with: carejournal backup offsite --folder PATH"))
    else:
        there = "" if status.present else "  (not there just now: plug the drive in)"
        print(_("Copies off this laptop go to {folder}{there}")
                  .format(folder=status.folder, there=there))
        print(ngettext("  Remind after: {count} day", "  Remind after: {count} days",
                       status.every_days).format(count=status.every_days))
        print(_('  Last copy:    {when}').format(when=_when(status.last_copy)))
        if status.present:
            print(_('  Copies there: {copies}').format(copies=status.copies))
    if status.due is not None:
        print(reminder_text(status.due))
        if status.folder is not None and status.present:
            print(_("Copy now with: carejournal backup offsite --now"))


def _when(moment: dt.datetime | None) -> str:
    return "none yet" if moment is None else moment.astimezone().strftime("%Y-%m-%d %H:%M")
