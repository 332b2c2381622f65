"""The `carejournal` command: every capability from a terminal, sharing the GUI's services.

The journal and the other commands' modules are imported only when needed, so that
`carejournal check FILE` never loads the database layer.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from carejournal import logs
from carejournal.cli.output import entry_json, print_entry, print_json, print_rows, row_json
from carejournal.cli.parser import build_parser, command_of
from carejournal.core.domain import EntryDraft, EntryFilter, Feeling, InvalidInput, parse_date
from carejournal.core.errors import EntryNotFound, JournalError, ResourceError
from carejournal.core.paths import journal_path

if TYPE_CHECKING:
    from pathlib import Path

    from carejournal.services.journal import Journal

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C


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
    from carejournal.cli.commands import reflect as cli_reflect

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
    from carejournal.services.demo import fill_demo

    if journal.count() or journal.count(trashed=True):
        raise InvalidInput(
            f"{journal.path} already has entries; sample entries only go into an empty "
            "journal. Choose a new file with --journal PATH.")
    added = fill_demo(journal, count=args.entries, seed=args.seed)
    print(f"Added {added} made-up sample entries to {journal.path}.")
    return EXIT_OK


# The commands that work on an open journal: by name, "module:function" (imported when run).
COMMANDS = {
    "kindness": "commands.kindness:run", "goal": "commands.goals:run",
    "actions": "commands.actions:run",
    "shifts": "commands.settings:run_shifts", "settings": "commands.settings:run_settings",
    "lens": "commands.check:run_lens", "stats": "commands.stats:run", "chart": "commands.chart:run",
    "supervision": "commands.supervision:run", "status": "commands.supervision:run_status",
    "person": "commands.supervision:run_person", "prepare": "commands.prepare:run",
    "import": "commands.interchange:run_import",
}


def command(name: str) -> Callable[[Journal, argparse.Namespace], int]:
    """The function that runs a command on an open journal."""
    local = {"add": cmd_add, "list": cmd_list, "search": cmd_search, "show": cmd_show,
             "delete": cmd_delete, "restore": cmd_restore, "trash": cmd_trash,
             "demo": cmd_demo, "export": _run_export}
    if name in local:
        return local[name]
    return _function(COMMANDS[name])


def _run_export(journal: Journal, args: argparse.Namespace) -> int:
    """`carejournal export`: the whole journal as JSON, or a supervision pack."""
    from carejournal.cli.commands import interchange as cli_interchange
    from carejournal.cli.commands import prepare as cli_prepare

    if _is_json_export(args):
        return cli_interchange.run_json_export(journal, args)
    return cli_prepare.run_export(journal, args)


# Commands that do not work on an open journal (they open their own, or read only
# CareJournal's own data files): by name, "module:function".
NO_JOURNAL = {
    "models": "commands.reflect:run_models", "ladder": "commands.reflect:run_ladder",
    "backup": "commands.backup:run", "encrypt": "keys:run_encrypt",
    "decrypt": "keys:run_decrypt", "passphrase": "keys:run_passphrase",
    "salvage": "commands.salvage:run", "check": "commands.check:run_check",
}


def _reads_only(args: argparse.Namespace) -> bool:
    """Whether the command only reads the journal (so it skips the check of every page)."""
    return args.command in ("list", "search", "show") or (
        args.command == "export" and _is_json_export(args))


def _is_json_export(args: argparse.Namespace) -> bool:
    return args.format == "json" or (args.format is None and args.out.suffix.lower() == ".json")


def _function(where: str) -> Callable[..., int]:
    module, function = where.split(":")
    return getattr(importlib.import_module(f"carejournal.cli.{module}"), function)


def open_journal(args: argparse.Namespace, create: bool = False,
                 read_only: bool = False) -> Journal:
    """Open the journal the arguments name, asking for its passphrase if it has one.

    A missing journal is started (and that is said on stderr) when create is true.
    """
    from carejournal.cli import keys as cli_keys
    from carejournal.services.journal import Journal

    path = journal_path(args.journal)
    key = cli_keys.journal_key(path, args)
    if create and not path.exists() and sys.stderr.isatty():
        sys.stderr.write(f"carejournal: starting a new journal at {path}\n")
    return Journal.open(path, key=key, create=create, read_only=read_only)


def os_problem(exc: OSError) -> str:
    """One line for an OSError: why a write failed (disk full, read-only...), else the
    system's own words and the file's name."""
    from carejournal.store.write_errors import from_os

    not_saved = from_os(exc)
    if not_saved is not None:
        return str(not_saved)
    where = f" ({exc.filename})" if exc.filename else ""
    return f"{exc.strerror or exc}{where}. Nothing was changed."


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; with no command, open the window.

    Ctrl-C stops any command with one line and status 130. An unexpected error gives one
    line naming the log file (which has its traceback, without its message) and status 2.
    """
    logs.set_up()
    try:
        return _main(argv)
    except KeyboardInterrupt:
        sys.stderr.write("carejournal: stopped (Ctrl-C).\n")
        return EXIT_INTERRUPTED
    except Exception as exc:
        logging.getLogger(__name__).error("a command stopped on an unexpected error",
                                          exc_info=True)
        sys.stderr.write(_unexpected(exc, logs.current_file()))
        return EXIT_USAGE


def _unexpected(exc: Exception, log: Path | None) -> str:
    """The one line for an unexpected error (its message is not shown: it can quote text)."""
    kind = type(exc).__name__
    if log is None:
        return f"carejournal: an unexpected error ({kind}) stopped the command; " \
               "the log file could not be written.\n"
    return f"carejournal: an unexpected error ({kind}) stopped the command; " \
           f"the details are in {log}\n"


def _main(argv: Sequence[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(command_of(argv)).parse_args(argv)
    if args.command is None:
        from carejournal.app import main as gui_main

        return gui_main(journal=args.journal)
    try:
        if args.command == "restore":
            from carejournal.cli.commands import backup as cli_backup

            if not cli_backup.is_entry_id(args.id):  # a backup file, not an entry id
                return cli_backup.run_restore(args)
        if args.command in NO_JOURNAL:  # `check` opens a journal only to check entries
            return _function(NO_JOURNAL[args.command])(args)
        journal = open_journal(args, create=True, read_only=_reads_only(args))
        try:
            return command(args.command)(journal, args)
        finally:
            journal.close()
    except (InvalidInput, JournalError, EntryNotFound, ResourceError) as exc:
        sys.stderr.write(f"carejournal: {exc}\n")
        return EXIT_USAGE
    except OSError as exc:  # a file could not be read or written: one line, no traceback
        sys.stderr.write(f"carejournal: {os_problem(exc)}\n")
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
