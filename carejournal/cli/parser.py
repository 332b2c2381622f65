"""The `carejournal` command-line grammar, read from the registry and built only as far as needed.

Every command is listed (with its help) from carejournal/cli/registry.py, but a command's own
arguments are added only when that command is named: its module is imported then, so that
`carejournal list` loads neither the supervision pack nor the charts, `carejournal check FILE`
not even the database layer, and `carejournal --help` no command module at all.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn, TypeVar, cast

from carejournal import __version__
from carejournal.cli import registry
from carejournal.core.domain import EntryKind, InvalidInput, parse_date, parse_kind, parse_time
from carejournal.core.i18n import _
from carejournal.core.supervision import Function, parse_function

EXIT_USAGE = 2
GLOBAL_OPTIONS = ("--journal", "--passphrase-file")
T = TypeVar("T")


class Parser(argparse.ArgumentParser):
    """argparse with a one-line error message and exit status 2."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(_("carejournal: {message} (see 'carejournal --help')\n")
                             .format(message=message))
        raise SystemExit(EXIT_USAGE)


def kind_type(text: str) -> EntryKind:
    return _arg(parse_kind, text)


def date_type(text: str) -> dt.date:
    return _arg(parse_date, text)


def function_type(text: str) -> Function | None:
    """A function of supervision (support, development, management, mediation) or none."""
    return _arg(parse_function, text)


def time_type(text: str) -> dt.time:
    return _arg(parse_time, text)


def _arg(parse: Callable[[str], T], text: str) -> T:
    try:
        return parse(text)
    except InvalidInput as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(_("'{text}' is not a positive whole number")
                                             .format(text=text))
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
                    description=_("A private reflective-practice journal for care work. "
                                "With no command, opens the journal window."))
    parser.add_argument("--journal", metavar="PATH",
                        help=_("journal file to use (default: $CAREJOURNAL_JOURNAL, "
                             "or journal.sqlite in your data folder)"))
    parser.add_argument("--passphrase-file", metavar="FILE",
                        help=_("read an encrypted journal's passphrase (or recovery key) from "
                             "the first line of FILE instead of asking"))
    parser.add_argument("--version", action="version", version=f"carejournal {__version__}")
    sub = cast(Commands, parser.add_subparsers(dest="command", metavar="COMMAND",
                                               parser_class=Parser, action=Commands))
    named = registry.find(command)
    for declared in registry.COMMANDS:
        if named is None or declared is named:
            sub.declare(declared)
    if named is not None:
        sub.complete(named.name)
    return parser


class Commands(argparse._SubParsersAction):
    """The COMMAND choice: every command from the registry, its arguments added when needed.

    Listing a command costs nothing; its arguments (and so its module) are added the first
    time it is chosen, so the grammar of them all (for --help and an unknown word) imports
    no command module, yet still parses any command it is given.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.completed: set[str] = set()

    def declare(self, command: registry.Command) -> None:
        """Add the command's parser, with its help, but not yet its arguments."""
        self.add_parser(command.name, help=command.help, description=command.description)

    def complete(self, name: str) -> None:
        """Add the named command's arguments, once."""
        if name in self.completed or name not in self.choices:
            return
        self.completed.add(name)
        declared = registry.BY_NAME[name]
        registry.resolve(declared.arguments)(self.choices[name])

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        self.complete(values[0])
        super().__call__(parser, namespace, values, option_string)
