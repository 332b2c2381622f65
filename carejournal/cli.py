"""The `carejournal` command: every capability from a terminal, sharing the GUI's services.

The journal and the other commands' modules are imported only when needed, so that
`carejournal check FILE` never loads the database layer.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NoReturn

from carejournal import __version__, cli_check
from carejournal.cli_output import entry_json, print_entry, print_json, print_rows, row_json
from carejournal.domain import (
    EntryDraft,
    EntryFilter,
    EntryKind,
    Feeling,
    InvalidInput,
    parse_date,
    parse_kind,
    parse_time,
)
from carejournal.errors import EntryNotFound, JournalError, ResourceError
from carejournal.paths import journal_path

if TYPE_CHECKING:
    from carejournal.journal import Journal

EXIT_OK = 0
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line error message and exit status 2."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"carejournal: {message} (see 'carejournal --help')\n")
        raise SystemExit(EXIT_USAGE)


def _kind(text: str) -> EntryKind:
    return _arg(parse_kind, text)


def _date(text: str):  # noqa: ANN202 - argparse type
    return _arg(parse_date, text)


def _time(text: str):  # noqa: ANN202 - argparse type
    return _arg(parse_time, text)


def _arg(parse: Callable, text: str):  # noqa: ANN202
    try:
        return parse(text)
    except InvalidInput as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a positive whole number")
    return int(text)


def build_parser(only_check: bool = False) -> argparse.ArgumentParser:
    """The full command-line grammar (or, quicker to build, just `check`'s)."""
    parser = _Parser(prog="carejournal",
                     description="A private reflective-practice journal for care work. "
                                 "With no command, opens the journal window.")
    parser.add_argument("--journal", metavar="PATH",
                        help="journal file to use (default: $CAREJOURNAL_JOURNAL, "
                             "or journal.sqlite in your data folder)")
    from carejournal import cli_keys

    cli_keys.add_global(parser)
    parser.add_argument("--version", action="version", version=f"carejournal {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    if only_check:
        cli_check.register(sub, _date, _positive)
        return parser
    from carejournal import (
        cli_actions,
        cli_goals,
        cli_kindness,
        cli_reflect,
        cli_settings,
        cli_stats,
    )

    add = sub.add_parser("add", help="write a new entry")
    add.add_argument("--kind", type=_kind, required=True,
                     help="interaction, kindness, fallibility or reflection")
    add.add_argument("--date", type=_date, help="YYYY-MM-DD, today or yesterday (default today)")
    add.add_argument("--time", type=_time, help="HH:MM, when it happened")
    add.add_argument("--shift", default="", help="shift label, e.g. early, late, night")
    add.add_argument("--person", action="append", default=[], help="person involved (repeat)")
    add.add_argument("--tag", action="append", default=[], help="tag (repeat)")
    add.add_argument("--title", default="", help="short title")
    add.add_argument("--feeling", type=int, choices=range(1, 6), metavar="1-5",
                     help="how you felt, 1 (low) to 5 (good)")
    add.add_argument("--feeling-word", default="", help="a word for how you felt")
    add.add_argument("text", metavar="TEXT", nargs="?", default="",
                     help="what happened; '-' reads standard input")
    cli_reflect.add_arguments(add, _positive)

    lst = sub.add_parser("list", help="list entries, newest first")
    _add_filters(lst)
    lst.add_argument("-n", type=_positive, metavar="N", help="keep only the newest N")

    search = sub.add_parser("search", help="full-text search of titles and text")
    search.add_argument("query", metavar="QUERY")
    _add_filters(search)
    search.add_argument("-n", type=_positive, metavar="N", help="keep only the newest N")

    show = sub.add_parser("show", help="show one entry in full")
    show.add_argument("id", type=_positive, metavar="ID")
    show.add_argument("--json", action="store_true", help="print JSON")

    delete = sub.add_parser("delete", help="move an entry to the trash")
    delete.add_argument("id", type=_positive, metavar="ID")
    restore = sub.add_parser("restore", help="bring an entry back from the trash, or "
                                             "restore a backup file")
    restore.add_argument("id", metavar="ID|FILE",
                         help="an entry id in the trash, or a backup file to restore")
    trash = sub.add_parser("trash", help="list the trash, or empty it")
    trash.add_argument("--empty", action="store_true", help="delete trashed entries for good")
    trash.add_argument("--json", action="store_true", help="print JSON")

    cli_kindness.register(sub, _date)
    cli_goals.register(sub, _date, _positive)
    cli_actions.register(sub, _date, _positive)
    cli_reflect.register(sub)
    cli_settings.register(sub)
    cli_check.register(sub, _date, _positive)
    cli_stats.register(sub, _date)
    from carejournal import cli_prepare, cli_supervision

    cli_supervision.register(sub, _date, _positive)
    cli_prepare.register(sub, _date, _positive)
    from carejournal import cli_backup, cli_interchange

    cli_backup.register(sub)
    cli_interchange.register_import(sub)
    cli_keys.register(sub)
    from carejournal import cli_salvage

    cli_salvage.register(sub)

    demo = sub.add_parser("demo", help="fill an empty journal with made-up sample entries")
    demo.add_argument("--entries", type=_positive, default=None,
                      help="how many entries (default: about three months' worth)")
    demo.add_argument("--seed", type=int, default=7, help=argparse.SUPPRESS)

    from carejournal import cli_chart  # charts: matplotlib is loaded only to draw one

    cli_chart.register(sub, _date)
    return parser


def _add_filters(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--kind", type=_kind, action="append", help="only this kind (repeat)")
    cmd.add_argument("--since", type=_date, help="from this date (YYYY-MM-DD)")
    cmd.add_argument("--until", type=_date, help="up to this date (YYYY-MM-DD)")
    cmd.add_argument("--since-last-supervision", action="store_true",
                     help="from the day of your last supervision session")
    cmd.add_argument("--tag", default="", help="only entries with this tag")
    cmd.add_argument("--person", default="", help="only entries involving this person")
    cmd.add_argument("--json", action="store_true", help="print JSON")


def _filter(args: argparse.Namespace, journal: Journal, text: str = "") -> EntryFilter:
    if args.since_last_supervision:
        if args.since:
            raise InvalidInput("give --since or --since-last-supervision, not both")
        args.since = journal.supervision.since_last(args.until or parse_date("today")).since
    if args.since and args.until and args.since > args.until:
        raise InvalidInput("--since is after --until: no dates can match")
    return EntryFilter(kinds=frozenset(args.kind or ()), tag=args.tag, person=args.person,
                       since=args.since, until=args.until, text=text, limit=args.n)


def cmd_add(journal: Journal, args: argparse.Namespace) -> int:
    from carejournal import cli_reflect

    extras = cli_reflect.extras(journal, args)
    text = _read_stdin() if args.text == "-" else args.text
    if text.strip() and extras.body.strip():
        raise InvalidInput("the text is given twice, as TEXT and in the --sections file; "
                           "give it once")
    body, title = text if text.strip() else extras.body, args.title or extras.title
    acts = extras.fields["acts"]
    if acts and not (body.strip() or title.strip()):
        title = acts[0].label  # as 'kindness log' does: the little thing names the entry
    if not body.strip() and not title.strip() and not extras.has_content():
        raise InvalidInput("nothing to add: give the entry's TEXT (or '-' to read it)")
    feeling = Feeling(args.feeling, args.feeling_word.strip()) if args.feeling else None
    draft = EntryDraft(
        kind=args.kind, occurred_on=args.date or parse_date("today"), body=body,
        title=title, occurred_time=args.time, shift=args.shift,
        people=tuple(args.person), tags=tuple(args.tag), feeling=feeling, **extras.fields)
    entry_id = journal.add(draft, mirror_of=extras.mirror_of)
    mirror = f", mirroring entry {extras.mirror_of}" if extras.mirror_of else ""
    print(f"Added entry {entry_id}{mirror}.")
    return EXIT_OK


def _read_stdin() -> str:
    data = sys.stdin.buffer.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput("standard input is not UTF-8 text; nothing was added") from None


def cmd_list(journal: Journal, args: argparse.Namespace) -> int:
    rows = journal.rows(_filter(args, journal))
    if args.json:
        print_json([row_json(r) for r in rows])
    else:
        print_rows(rows, empty="No entries match." if journal.count() else
                   "The journal is empty. Add one with: carejournal add --kind reflection TEXT")
    return EXIT_OK


def cmd_search(journal: Journal, args: argparse.Namespace) -> int:
    if not args.query.strip():
        raise InvalidInput("the search is empty: give a word or two to look for")
    rows = journal.rows(_filter(args, journal, text=args.query))
    if args.json:
        print_json([row_json(r) for r in rows])
    else:
        print_rows(rows, empty="Nothing found.", snippets=True)
    return EXIT_OK


def cmd_show(journal: Journal, args: argparse.Namespace) -> int:
    entry = journal.get(args.id)
    if args.json:
        print_json([entry_json(entry)])
    else:
        print_entry(entry)
    return EXIT_OK


def cmd_delete(journal: Journal, args: argparse.Namespace) -> int:
    journal.get(args.id)
    journal.trash([args.id])
    print(f"Moved entry {args.id} to the trash. Undo with: carejournal restore {args.id}")
    return EXIT_OK


def cmd_restore(journal: Journal, args: argparse.Namespace) -> int:
    entry_id = int(args.id)
    journal.get(entry_id)
    journal.restore([entry_id])
    print(f"Restored entry {entry_id}.")
    return EXIT_OK


def cmd_trash(journal: Journal, args: argparse.Namespace) -> int:
    if args.empty:
        deleted = journal.empty_trash()
        print("Deleted 1 entry for good." if deleted == 1 else
              f"Deleted {deleted} entries for good.")
        return EXIT_OK
    rows = journal.rows(EntryFilter(trashed=True))
    if args.json:
        print_json([row_json(r) for r in rows])
    else:
        print_rows(rows, empty="The trash is empty.")
    return EXIT_OK


def cmd_demo(journal: Journal, args: argparse.Namespace) -> int:
    from carejournal.demo import fill_demo

    if journal.count() or journal.count(trashed=True):
        raise InvalidInput(
            f"{journal.path} already has entries; sample entries only go into an empty "
            "journal. Choose a new file with --journal PATH.")
    added = fill_demo(journal, count=args.entries, seed=args.seed)
    print(f"Added {added} made-up sample entries to {journal.path}.")
    return EXIT_OK


def commands() -> dict[str, Callable[[Journal, argparse.Namespace], int]]:
    """The commands that work on an open journal, by name."""
    from carejournal import (
        cli_actions,
        cli_goals,
        cli_interchange,
        cli_kindness,
        cli_prepare,
        cli_settings,
        cli_stats,
        cli_supervision,
    )

    return {
        "add": cmd_add, "list": cmd_list, "search": cmd_search, "show": cmd_show,
        "delete": cmd_delete, "restore": cmd_restore, "trash": cmd_trash, "demo": cmd_demo,
        "kindness": cli_kindness.run, "goal": cli_goals.run, "actions": cli_actions.run,
        "shifts": cli_settings.run_shifts, "settings": cli_settings.run_settings,
        "lens": cli_check.run_lens,
        "stats": cli_stats.run,
        "chart": _run_chart,
        "supervision": cli_supervision.run, "status": cli_supervision.run_status,
        "person": cli_supervision.run_person,
        "prepare": cli_prepare.run, "export": _run_export,
        "import": cli_interchange.run_import,
    }


def _run_export(journal: Journal, args: argparse.Namespace) -> int:
    """`carejournal export`: the whole journal as JSON, or a supervision pack."""
    from carejournal import cli_interchange, cli_prepare

    if args.format == "json" or (args.format is None and args.out.suffix.lower() == ".json"):
        return cli_interchange.run_json_export(journal, args)
    return cli_prepare.run_export(journal, args)


def _run_chart(journal: Journal, args: argparse.Namespace) -> int:
    """`carejournal chart`, imported only when run."""
    from carejournal import cli_chart

    return cli_chart.run(journal, args)


def no_journal() -> dict[str, Callable[[argparse.Namespace], int]]:
    """Commands that only read CareJournal's own data files, not a journal."""
    from carejournal import cli_backup, cli_keys, cli_reflect, cli_salvage

    return {"models": cli_reflect.run_models, "ladder": cli_reflect.run_ladder,
            "backup": cli_backup.run, "encrypt": cli_keys.run_encrypt,
            "decrypt": cli_keys.run_decrypt, "passphrase": cli_keys.run_passphrase,
            "salvage": cli_salvage.run}


def _is_check(argv: Sequence[str]) -> bool:
    """Whether the command is `check` (only then is the quick, check-only grammar used)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in ("--journal", "--passphrase-file"):
            skip = True
        elif not arg.startswith(("--journal=", "--passphrase-file=")):
            return arg == "check"
    return False


def open_journal(args: argparse.Namespace, create: bool = False) -> Journal:
    """Open the journal the arguments name, asking for its passphrase if it has one.

    A missing journal is started (and that is said on stderr) when create is true.
    """
    from carejournal import cli_keys
    from carejournal.journal import Journal

    path = journal_path(args.journal)
    key = cli_keys.journal_key(path, args)
    if create and not path.exists() and sys.stderr.isatty():
        sys.stderr.write(f"carejournal: starting a new journal at {path}\n")
    return Journal.open(path, key=key, create=create)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; with no command, open the window."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(only_check=_is_check(argv)).parse_args(argv)
    if args.command is None:
        from carejournal.app import main as gui_main

        return gui_main(journal=args.journal)
    try:
        if args.command == "check":  # opens a journal only to check its entries
            return cli_check.run_check(args)
        if args.command == "restore":
            from carejournal import cli_backup

            if not cli_backup.is_entry_id(args.id):  # a backup file, not an entry id
                return cli_backup.run_restore(args)
        journal_free = no_journal()
        if args.command in journal_free:
            return journal_free[args.command](args)
        journal = open_journal(args, create=True)
        try:
            return commands()[args.command](journal, args)
        finally:
            journal.close()
    except (InvalidInput, JournalError, EntryNotFound, ResourceError) as exc:
        sys.stderr.write(f"carejournal: {exc}\n")
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
