"""`carejournal add | list | search | show | delete | restore | trash`: the entries themselves."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from carejournal.cli.output import entry_json, print_entry, print_json, print_rows, row_json
from carejournal.cli.parser import date_type, kind_type, positive, time_type
from carejournal.core.domain import EntryDraft, EntryFilter, Feeling, InvalidInput, parse_date
from carejournal.core.i18n import _, ngettext

if TYPE_CHECKING:
    from carejournal.services.journal import Journal

EXIT_OK = 0


# -- arguments --------------------------------------------------------------------------
def add_add_arguments(add: argparse.ArgumentParser) -> None:
    """`add`: the entry's fields, then the structured reflection options."""
    from carejournal.cli.commands import reflect as cli_reflect

    add.add_argument("--kind", type=kind_type, required=True,
                     help=_("interaction, kindness, fallibility or reflection"))
    add.add_argument("--date", type=date_type,
                     help=_("YYYY-MM-DD, today or yesterday (default today)"))
    add.add_argument("--time", type=time_type, help=_("HH:MM, when it happened"))
    add.add_argument("--shift", default="", help=_("shift label, e.g. early, late, night"))
    add.add_argument("--person", action="append", default=[], help=_("person involved (repeat)"))
    add.add_argument("--tag", action="append", default=[], help=_("tag (repeat)"))
    add.add_argument("--title", default="", help=_("short title"))
    add.add_argument("--feeling", type=int, choices=range(1, 6), metavar="1-5",
                     help=_("how you felt, 1 (low) to 5 (good)"))
    add.add_argument("--feeling-word", default="", help=_("a word for how you felt"))
    add.add_argument("text", metavar="TEXT", nargs="?", default="",
                     help=_("what happened; '-' reads standard input"))
    cli_reflect.add_arguments(add)


def add_list_arguments(lst: argparse.ArgumentParser) -> None:
    add_filters(lst)
    lst.add_argument("-n", type=positive, metavar="N", help=_("keep only the newest N"))
    lst.add_argument("--on-this-day", nargs="?", const="today", type=date_type, default=None,
                     metavar="DATE", help=_("entries from this day and month in earlier years "
                     "(today's, or DATE's); the other filters do not apply"))


def add_search_arguments(search: argparse.ArgumentParser) -> None:
    search.add_argument("query", metavar="QUERY")
    add_filters(search)
    search.add_argument("-n", type=positive, metavar="N", help=_("keep only the newest N"))


def add_show_arguments(show: argparse.ArgumentParser) -> None:
    show.add_argument("id", type=positive, metavar="ID")
    show.add_argument("--json", action="store_true", help=_("print JSON"))


def add_delete_arguments(delete: argparse.ArgumentParser) -> None:
    delete.add_argument("id", type=positive, metavar="ID")


def add_restore_arguments(restore: argparse.ArgumentParser) -> None:
    restore.add_argument("id", metavar="ID|FILE",
                         help=_("an entry id in the trash, or a backup file to restore"))


def add_trash_arguments(trash: argparse.ArgumentParser) -> None:
    trash.add_argument("--empty", action="store_true", help=_("delete trashed entries for good"))
    trash.add_argument("--json", action="store_true", help=_("print JSON"))


def add_filters(cmd: argparse.ArgumentParser) -> None:
    """The filters `list` and `search` share."""
    cmd.add_argument("--kind", type=kind_type, action="append", help=_("only this kind (repeat)"))
    cmd.add_argument("--since", type=date_type, help=_("from this date (YYYY-MM-DD)"))
    cmd.add_argument("--until", type=date_type, help=_("up to this date (YYYY-MM-DD)"))
    cmd.add_argument("--since-last-supervision", action="store_true",
                     help=_("from the day of your last supervision session"))
    cmd.add_argument("--tag", default="", help=_("only entries with this tag"))
    cmd.add_argument("--person", default="", help=_("only entries involving this person"))
    cmd.add_argument("--json", action="store_true", help=_("print JSON"))


# -- running ----------------------------------------------------------------------------
def run_add(journal: Journal, args: argparse.Namespace) -> int:
    from carejournal.cli.commands import reflect as cli_reflect

    extras = cli_reflect.extras(journal, args)
    text = _read_stdin() if args.text == "-" else args.text
    if text.strip() and extras.body.strip():
        raise InvalidInput(_("the text is given twice, as TEXT and in the --sections file; "
                           "give it once"))
    body, title = text if text.strip() else extras.body, args.title or extras.title
    acts = extras.fields["acts"]
    if acts and not (body.strip() or title.strip()):
        title = acts[0].label  # as 'kindness log' does: the little thing names the entry
    if not body.strip() and not title.strip() and not extras.has_content():
        raise InvalidInput(_("nothing to add: give the entry's TEXT (or '-' to read it)"))
    feeling = Feeling(args.feeling, args.feeling_word.strip()) if args.feeling else None
    draft = EntryDraft(
        kind=args.kind, occurred_on=args.date or parse_date("today"), body=body,
        title=title, occurred_time=args.time, shift=args.shift,
        people=tuple(args.person), tags=tuple(args.tag), feeling=feeling, **extras.fields)
    entry_id = journal.add(draft, mirror_of=extras.mirror_of)
    mirror = f", mirroring entry {extras.mirror_of}" if extras.mirror_of else ""
    print(_('Added entry {entry_id}{mirror}.').format(entry_id=entry_id, mirror=mirror))
    return EXIT_OK


def _read_stdin() -> str:
    data = sys.stdin.buffer.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput(_("standard input is not UTF-8 text; nothing was added")) from None


def run_list(journal: Journal, args: argparse.Namespace) -> int:
    rows = journal.rows(_filter(args, journal))
    if args.json:
        print_json([row_json(r) for r in rows])
    else:
        print_rows(rows, empty=_("No entries match.") if journal.count() else
                   _("The journal is empty. Add one with: carejournal add --kind reflection TEXT"))
    return EXIT_OK


def asks_on_this_day(args: argparse.Namespace) -> bool:
    """`list --on-this-day`: the same day and month in earlier years."""
    return args.on_this_day is not None


def run_on_this_day(journal: Journal, args: argparse.Namespace) -> int:
    day = args.on_this_day
    rows = journal.on_this_day(day, limit=args.n)
    if args.json:
        print_json([row_json(r) for r in rows])
    else:
        print_rows(rows, empty=f"Nothing from {day.day} {day:%B} in earlier years.")
    return EXIT_OK


def run_search(journal: Journal, args: argparse.Namespace) -> int:
    if not args.query.strip():
        raise InvalidInput(_("the search is empty: give a word or two to look for"))
    rows = journal.rows(_filter(args, journal, text=args.query))
    if args.json:
        print_json([row_json(r) for r in rows])
    else:
        print_rows(rows, empty=_("Nothing found."), snippets=True)
    return EXIT_OK


def _filter(args: argparse.Namespace, journal: Journal, text: str = "") -> EntryFilter:
    if args.since_last_supervision:
        if args.since:
            raise InvalidInput(_("give --since or --since-last-supervision, not both"))
        args.since = journal.supervision.since_last(args.until or parse_date("today")).since
    if args.since and args.until and args.since > args.until:
        raise InvalidInput(_("--since is after --until: no dates can match"))
    return EntryFilter(kinds=frozenset(args.kind or ()), tag=args.tag, person=args.person,
                       since=args.since, until=args.until, text=text, limit=args.n)


def run_show(journal: Journal, args: argparse.Namespace) -> int:
    entry = journal.get(args.id)
    if args.json:
        print_json([entry_json(entry)])
    else:
        print_entry(entry)
    return EXIT_OK


def run_delete(journal: Journal, args: argparse.Namespace) -> int:
    journal.get(args.id)
    journal.trash([args.id])
    print(_("Moved entry {id} to the trash. Undo with: carejournal restore {id2}")
              .format(id=args.id, id2=args.id))
    return EXIT_OK


def run_restore(journal: Journal, args: argparse.Namespace) -> int:
    """`restore ID`: an entry back from the trash (a backup FILE is commands/backup.py's)."""
    entry_id = int(args.id)
    journal.get(entry_id)
    journal.restore([entry_id])
    print(_('Restored entry {entry_id}.').format(entry_id=entry_id))
    return EXIT_OK


def run_trash(journal: Journal, args: argparse.Namespace) -> int:
    if args.empty:
        deleted = journal.empty_trash()
        print(ngettext("Deleted {deleted} entry for good.", "Deleted {deleted} entries for good.",
                       deleted).format(deleted=deleted))
        return EXIT_OK
    rows = journal.rows(EntryFilter(trashed=True))
    if args.json:
        print_json([row_json(r) for r in rows])
    else:
        print_rows(rows, empty=_("The trash is empty."))
    return EXIT_OK
