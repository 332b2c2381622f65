"""The `carejournal` command-line grammar, built only as far as the command needs.

Each command's module is imported only to build that command's parser (or for `--help`,
which lists them all), so that `carejournal list` loads neither the supervision pack nor
the charts, and `carejournal check FILE` not even the database layer.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from carejournal import __version__
from carejournal.cli import keys as cli_keys
from carejournal.core.domain import EntryKind, InvalidInput, parse_date, parse_kind, parse_time

EXIT_USAGE = 2
CORE = ("add", "list", "search", "show", "delete", "restore", "trash")
# Every other command, by the module that registers it (in the order --help lists them).
MODULE_OF = {
    "kindness": "commands.kindness", "goal": "commands.goals", "actions": "commands.actions",
    "models": "commands.reflect", "ladder": "commands.reflect",
    "shifts": "commands.settings", "settings": "commands.settings",
    "check": "commands.check", "lens": "commands.check", "stats": "commands.stats",
    "supervision": "commands.supervision", "status": "commands.supervision",
    "person": "commands.supervision",
    "prepare": "commands.prepare", "export": "commands.prepare",
    "backup": "commands.backup", "import": "commands.interchange",
    "encrypt": "keys", "decrypt": "keys", "passphrase": "keys",
    "salvage": "commands.salvage", "demo": "", "chart": "commands.chart",
}
GLOBAL_OPTIONS = ("--journal", "--passphrase-file")


class Parser(argparse.ArgumentParser):
    """argparse with a one-line error message and exit status 2."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"carejournal: {message} (see 'carejournal --help')\n")
        raise SystemExit(EXIT_USAGE)


def kind_type(text: str) -> EntryKind:
    return _arg(parse_kind, text)


def date_type(text: str):  # argparse type
    return _arg(parse_date, text)


def time_type(text: str):  # argparse type
    return _arg(parse_time, text)


def _arg(parse: Callable[[str], Any], text: str) -> Any:
    try:
        return parse(text)
    except InvalidInput as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a positive whole number")
    return int(text)


def command_of(argv: Sequence[str]) -> str | None:
    """The command word in argv (the first argument that is not a global option)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in GLOBAL_OPTIONS:
            skip = True
        elif not arg.startswith(tuple(f"{o}=" for o in GLOBAL_OPTIONS)):
            return arg
    return None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The grammar of one command, or of them all (for --help and unknown words)."""
    parser = Parser(prog="carejournal",
                    description="A private reflective-practice journal for care work. "
                                "With no command, opens the journal window.")
    parser.add_argument("--journal", metavar="PATH",
                        help="journal file to use (default: $CAREJOURNAL_JOURNAL, "
                             "or journal.sqlite in your data folder)")
    cli_keys.add_global(parser)
    parser.add_argument("--version", action="version", version=f"carejournal {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    known = command in CORE or command in MODULE_OF
    for name in CORE:
        if not known or name == command:
            _CORE_BUILDERS[name](sub)
    registered: set[str] = set()
    for name, module in MODULE_OF.items():
        if (not known or name == command) and module not in registered:
            registered.add(module)
            _register(module, sub) if module else _add_demo(sub)
    return parser


def _register(module: str, sub: Any) -> None:
    """Import one command module and let it add its commands."""
    mod = importlib.import_module(f"carejournal.cli.{module}")
    if module == "commands.interchange":
        mod.register_import(sub)
    elif module in ("commands.kindness", "commands.stats", "commands.chart"):
        mod.register(sub, date_type)
    elif module in ("commands.goals", "commands.actions", "commands.check",
                    "commands.supervision", "commands.prepare"):
        mod.register(sub, date_type, positive)
    else:
        mod.register(sub)


def _add_add(sub: Any) -> None:
    from carejournal.cli.commands import reflect as cli_reflect

    add = sub.add_parser("add", help="write a new entry")
    add.add_argument("--kind", type=kind_type, required=True,
                     help="interaction, kindness, fallibility or reflection")
    add.add_argument("--date", type=date_type,
                     help="YYYY-MM-DD, today or yesterday (default today)")
    add.add_argument("--time", type=time_type, help="HH:MM, when it happened")
    add.add_argument("--shift", default="", help="shift label, e.g. early, late, night")
    add.add_argument("--person", action="append", default=[], help="person involved (repeat)")
    add.add_argument("--tag", action="append", default=[], help="tag (repeat)")
    add.add_argument("--title", default="", help="short title")
    add.add_argument("--feeling", type=int, choices=range(1, 6), metavar="1-5",
                     help="how you felt, 1 (low) to 5 (good)")
    add.add_argument("--feeling-word", default="", help="a word for how you felt")
    add.add_argument("text", metavar="TEXT", nargs="?", default="",
                     help="what happened; '-' reads standard input")
    cli_reflect.add_arguments(add, positive)


def _add_list(sub: Any) -> None:
    lst = sub.add_parser("list", help="list entries, newest first")
    add_filters(lst)
    lst.add_argument("-n", type=positive, metavar="N", help="keep only the newest N")


def _add_search(sub: Any) -> None:
    search = sub.add_parser("search", help="full-text search of titles and text")
    search.add_argument("query", metavar="QUERY")
    add_filters(search)
    search.add_argument("-n", type=positive, metavar="N", help="keep only the newest N")


def _add_show(sub: Any) -> None:
    show = sub.add_parser("show", help="show one entry in full")
    show.add_argument("id", type=positive, metavar="ID")
    show.add_argument("--json", action="store_true", help="print JSON")


def _add_delete(sub: Any) -> None:
    delete = sub.add_parser("delete", help="move an entry to the trash")
    delete.add_argument("id", type=positive, metavar="ID")


def _add_restore(sub: Any) -> None:
    restore = sub.add_parser("restore", help="bring an entry back from the trash, or "
                                             "restore a backup file")
    restore.add_argument("id", metavar="ID|FILE",
                         help="an entry id in the trash, or a backup file to restore")


def _add_trash(sub: Any) -> None:
    trash = sub.add_parser("trash", help="list the trash, or empty it")
    trash.add_argument("--empty", action="store_true", help="delete trashed entries for good")
    trash.add_argument("--json", action="store_true", help="print JSON")


def _add_demo(sub: Any) -> None:
    demo = sub.add_parser("demo", help="fill an empty journal with made-up sample entries")
    demo.add_argument("--entries", type=positive, default=None,
                      help="how many entries (default: about three months' worth)")
    demo.add_argument("--seed", type=int, default=7, help=argparse.SUPPRESS)


def add_filters(cmd: argparse.ArgumentParser) -> None:
    """The filters `list` and `search` share."""
    cmd.add_argument("--kind", type=kind_type, action="append", help="only this kind (repeat)")
    cmd.add_argument("--since", type=date_type, help="from this date (YYYY-MM-DD)")
    cmd.add_argument("--until", type=date_type, help="up to this date (YYYY-MM-DD)")
    cmd.add_argument("--since-last-supervision", action="store_true",
                     help="from the day of your last supervision session")
    cmd.add_argument("--tag", default="", help="only entries with this tag")
    cmd.add_argument("--person", default="", help="only entries involving this person")
    cmd.add_argument("--json", action="store_true", help="print JSON")


_CORE_BUILDERS: dict[str, Callable[[Any], None]] = {
    "add": _add_add, "list": _add_list, "search": _add_search, "show": _add_show,
    "delete": _add_delete, "restore": _add_restore, "trash": _add_trash,
}
