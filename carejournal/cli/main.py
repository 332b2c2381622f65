"""The `carejournal` command: every capability from a terminal, sharing the GUI's services.

This is only parse, open the journal as the command's declaration says, run, and turn errors
into exit statuses: every command is declared in carejournal/cli/registry.py and lives in
carejournal/cli/commands/ (or keys.py). A command's module and the journal are imported only
when that command runs, so that `carejournal check FILE` never loads the database layer.
With no command the window opens, through the opener carejournal/__main__.py passes in: the
command line itself never imports the window.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from carejournal import hardening, logs
from carejournal.cli import registry
from carejournal.cli.parser import build_parser, command_of
from carejournal.core.domain import InvalidInput
from carejournal.core.errors import EntryNotFound, JournalError, ResourceError
from carejournal.core.i18n import _
from carejournal.core.paths import journal_path

if TYPE_CHECKING:
    from pathlib import Path

    from carejournal.services.journal import Journal

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C
# Opens the journal window on the journal named (None: the usual one); returns its status.
WindowOpener = Callable[[str | None], int]


def open_journal(args: argparse.Namespace, create: bool = False,
                 read_only: bool = False) -> Journal:
    """Open the journal the arguments name, asking for its passphrase if it has one.

    A missing journal is started (and that is said on stderr) when create is true.
    """
    from carejournal.services.files import may_be_encrypted
    from carejournal.services.journal import Journal

    path = journal_path(args.journal)
    key = None
    from carejournal.cli import keys as cli_keys

    resumed = cli_keys.finish_interrupted(path, args)  # an encrypt or decrypt cut short
    if resumed is not None and resumed.key is not None:
        key = resumed.key  # the passphrase just given finished it: not asked again
    elif may_be_encrypted(path):  # a plain journal (or none yet) needs no passphrase
        key = cli_keys.journal_key(path, args)
    if create and not path.exists() and sys.stderr.isatty():
        sys.stderr.write(_('carejournal: starting a new journal at {path}\n').format(path=path))
    journal = Journal.open(path, key=key, create=create, read_only=read_only)
    journal.lens.count_later = True  # one entry added: counted when counts are next read
    return journal


def os_problem(exc: OSError) -> str:
    """One line for an OSError (services/files.py: the window says the same)."""
    from carejournal.services.files import os_problem as problem

    return problem(exc)


def main(argv: Sequence[str] | None = None, window: WindowOpener | None = None) -> int:
    """Run the command line; with no command, open the window with `window`.

    Ctrl-C stops any command with one line and status 130. An unexpected error gives one
    line naming the log file (which has its traceback, without its message) and status 2.
    Core dumps are disabled and new files made owner-only first (carejournal/hardening.py).
    """
    hardening.harden()
    logs.set_up()
    try:
        return _main(argv, window)
    except KeyboardInterrupt:
        sys.stderr.write(_("carejournal: stopped (Ctrl-C).\n"))
        return EXIT_INTERRUPTED
    except Exception as exc:
        logging.getLogger(__name__).error(_("a command stopped on an unexpected error"),
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


def _main(argv: Sequence[str] | None, window: WindowOpener | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(command_of(argv)).parse_args(argv)
    if args.command is None:
        if window is None:
            sys.stderr.write(NO_WINDOW)
            return EXIT_USAGE
        return window(args.journal)
    try:
        return dispatch(registry.BY_NAME[args.command], args)
    except (InvalidInput, JournalError, EntryNotFound, ResourceError) as exc:
        sys.stderr.write(f"carejournal: {exc}\n")
        return EXIT_USAGE
    except OSError as exc:  # a file could not be read or written: one line, no traceback
        sys.stderr.write(f"carejournal: {os_problem(exc)}\n")
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK


NO_WINDOW = ("carejournal: give a COMMAND (see 'carejournal --help'); the window opens with "
             "'python -m carejournal' or 'carejournal-gui'\n")


def dispatch(command: registry.Command, args: argparse.Namespace) -> int:
    """Run the command as declared: on the journal opened as it says, or on its own."""
    chosen = command.chosen(args)
    run: Callable[..., int] = registry.resolve(chosen.function)
    if chosen.opening is None:  # it opens what it needs itself (or nothing at all)
        return run(args)
    journal = open_journal(args, create=chosen.opening.create,
                           read_only=chosen.opening.read_only)
    try:
        return run(journal, args)
    finally:
        journal.close()


if __name__ == "__main__":
    raise SystemExit(main())
