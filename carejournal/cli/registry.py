"""Every `carejournal` command, declared once: the parser, --help and dispatch all read this.

A Command names the command and its one line of help (what `carejournal --help` lists), the
function that adds its arguments to its parser and the function that runs it, and the opening
of the journal it needs: READS (read-only, no check of every page), WRITES, or None for a
command that opens what it needs itself (or nothing at all). The functions are named
"module:function" under carejournal.cli and imported only when that command is parsed or run,
so that `carejournal list` loads neither the charts nor the supervision pack, `carejournal
check FILE` not even the database layer, and `carejournal --help` no command module at all.

A command that does one of two things by its arguments (`restore ID|FILE`, `export
--format json|pdf|...`) names the other in a Variant: a test of the parsed arguments, and
the function and opening used when it holds.

The order of COMMANDS is the order `carejournal --help` lists them in.
"""

from __future__ import annotations

import argparse
import importlib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from carejournal.core.i18n import _

PACKAGE = "carejournal.cli"
# "module:function", the module under carejournal.cli (e.g. "commands.entries:run_list").
TARGET = re.compile(r"^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*:[a-z_][a-z0-9_]*$")
NAME = re.compile(r"^[a-z][a-z-]*$")


class RegistryError(Exception):
    """A command is declared wrongly (a programming error, found when the registry loads)."""


@dataclass(frozen=True)
class Opening:
    """How a command's journal is opened: read-only or not, and started if it is missing."""

    read_only: bool
    create: bool = True


READS = Opening(read_only=True)  # skips the check of every page; every write is held
WRITES = Opening(read_only=False)


@dataclass(frozen=True)
class Run:
    """What runs a command: run(journal, args) on the opening given, or run(args) for None."""

    function: str
    opening: Opening | None

    def __post_init__(self) -> None:
        _check_target(self.function, "run function")


@dataclass(frozen=True)
class Variant:
    """The other way to run a command, used when `when(args)` is true."""

    when: str
    run: Run

    def __post_init__(self) -> None:
        _check_target(self.when, "variant test")


@dataclass(frozen=True)
class Command:
    """One command: its name and help, what adds its arguments, and what runs it."""

    name: str
    help: str
    arguments: str
    run: Run
    description: str | None = None
    variant: Variant | None = None

    def __post_init__(self) -> None:
        if not NAME.match(self.name):
            raise RegistryError(f"a command needs a lower-case name, not {self.name!r}")
        if not self.help.strip():
            raise RegistryError(f"the command {self.name!r} needs a line of help")
        _check_target(self.arguments, f"argument adder of {self.name!r}")

    def chosen(self, args: argparse.Namespace) -> Run:
        """The Run for these parsed arguments (the variant's, if its test holds)."""
        if self.variant is not None and resolve(self.variant.when)(args):
            return self.variant.run
        return self.run


def _check_target(target: str, what: str) -> None:
    if not isinstance(target, str) or not TARGET.match(target):
        raise RegistryError(f"the {what} must be 'module:function', not {target!r}")


def resolve(target: str) -> Callable[..., Any]:
    """The function a "module:function" target names (importing its module now)."""
    module, function = target.split(":")
    found = getattr(importlib.import_module(f"{PACKAGE}.{module}"), function)
    if not callable(found):
        raise RegistryError(_('{target} is not a function').format(target=target))
    return found


def index(commands: Iterable[Command]) -> Mapping[str, Command]:
    """The commands by name; a name declared twice is an error."""
    by_name: dict[str, Command] = {}
    for command in commands:
        if command.name in by_name:
            raise RegistryError(f"the command {command.name!r} is declared twice")
        by_name[command.name] = command
    return by_name


COMMANDS: tuple[Command, ...] = (
    Command("add", "write a new entry", "commands.entries:add_add_arguments",
            Run("commands.entries:run_add", WRITES)),
    Command("list", "list entries, newest first", "commands.entries:add_list_arguments",
            Run("commands.entries:run_list", READS),
            variant=Variant("commands.entries:asks_on_this_day",
                            Run("commands.entries:run_on_this_day", READS))),
    Command("search", "full-text search of titles and text",
            "commands.entries:add_search_arguments",
            Run("commands.entries:run_search", READS)),
    Command("show", "show one entry in full", "commands.entries:add_show_arguments",
            Run("commands.entries:run_show", READS)),
    Command("delete", "move an entry to the trash", "commands.entries:add_delete_arguments",
            Run("commands.entries:run_delete", WRITES)),
    Command("restore", "bring an entry back from the trash, or restore a backup file",
            "commands.entries:add_restore_arguments",
            Run("commands.entries:run_restore", WRITES),
            variant=Variant("commands.backup:names_a_backup",
                            Run("commands.backup:run_restore", None))),
    Command("trash", "list the trash, or empty it", "commands.entries:add_trash_arguments",
            Run("commands.entries:run_trash", WRITES)),
    Command("kindness", "the little things: log them, list them",
            "commands.kindness:add_arguments", Run("commands.kindness:run", WRITES)),
    Command("goal", "a person's goals, in their own words, and each try",
            "commands.goals:add_arguments", Run("commands.goals:run", WRITES)),
    Command("cpd", "learning (CPD) records, your register and how far you are towards it",
            "commands.cpd:add_arguments", Run("commands.cpd:run", WRITES),
            description=_("Learning records (method, topic, dates, hours, the NMC Code's "
                          "themes, what changed, evidence files kept inside the journal), "
                          "your register (Social Work England, NMC, Social Care Wales) and "
                          "its dates, and the tracker's figures ('cpd status').")),
    Command("feedback", "feedback you received about your practice (by role, in your words)",
            "commands.cpd:add_feedback_arguments", Run("commands.cpd:run_feedback", WRITES)),
    Command("actions", "open action items with a review date",
            "commands.actions:add_arguments", Run("commands.actions:run", WRITES)),
    Command("models", "the reflective models and their sections",
            "commands.reflect:add_models_arguments", Run("commands.reflect:run_models", None)),
    Command("ladder", "the ladder of co-production, for --decision",
            "commands.reflect:add_ladder_arguments", Run("commands.reflect:run_ladder", None)),
    Command("shifts", "your usual shifts, for the after-shift reminder",
            "commands.settings:add_shifts_arguments",
            Run("commands.settings:run_shifts", WRITES)),
    Command("settings", "show the journal's settings, or change one",
            "commands.settings:add_settings_arguments",
            Run("commands.settings:run_settings", WRITES)),
    Command("check", "look again at the wording of a text file or of journal entries",
            "commands.check:add_check_arguments", Run("commands.check:run_check", None),
            description=_("Point out wording that labels, blames or 'others' people, with "
                        "kinder alternatives, and say how strengths- or problem-focused the "
                        "text is. Exit status: 0 nothing found, 1 something found, 2 an "
                        "error. A FILE is checked with every rule on; entries leave out the "
                        "rules switched off and the findings dismissed in the journal.")),
    Command("lens", "the language lens's rules: list, switch off or on",
            "commands.check:add_lens_arguments", Run("commands.check:run_lens", WRITES)),
    Command("stats", "patterns of your practice over a period, week by week",
            "commands.stats:add_arguments", Run("commands.stats:run", WRITES),
            description=_("Entries, little things, language, strengths and problems, "
                        "decisions, days written and plans over a period (weeks named by "
                        "their Monday). The default is the last 4 weeks; --since (and "
                        "--until) choose the dates yourself.")),
    Command("supervision", "record supervision sessions and agreed actions",
            "commands.supervision:add_supervision_arguments",
            Run("commands.supervision:run", WRITES)),
    Command("status", "one line about your next supervision (for a login script)",
            "commands.supervision:add_status_arguments",
            Run("commands.supervision:run_status", WRITES)),
    Command("person", "set the nicknames and alias of someone you support (used to protect "
                      "them in exports)",
            "commands.supervision:add_person_arguments",
            Run("commands.supervision:run_person", WRITES)),
    Command("people", "the people in your entries: list, rename, merge, set nicknames and "
                      "alias (every entry follows)",
            "commands.names:add_people_arguments", Run("commands.names:run_people", WRITES)),
    Command("tags", "your tags: list, rename, merge (every entry follows)",
            "commands.names:add_tags_arguments", Run("commands.names:run_tags", WRITES)),
    Command("prepare", "prepare for your next supervision, step by step",
            "commands.prepare:add_prepare_arguments", Run("commands.prepare:run", WRITES),
            description=_("The no us and them check before supervision: 1 choose entries, "
                        "2 look at the language, 3 strengths, 4 power and fallibility, "
                        "5 bring a situation, 6 how I am, 7 agenda, 8 export. Start with "
                        "'prepare show'.")),
    Command("export", "write a supervision pack (PDF, DOCX or Markdown), identities "
                      "protected",
            "commands.prepare:add_export_arguments",
            Run("commands.prepare:run_export", WRITES),
            description=_("Writes the pack of your preparation for the next session (or of "
                        "the period given). People are called by aliases; other identifiers "
                        "found (NHS and NI numbers, postcodes, phone numbers, e-mail "
                        "addresses, dates of birth, unknown names) are replaced, and each "
                        "replacement is listed on standard error."),
            variant=Variant("commands.prepare:is_json_export",
                            Run("commands.interchange:run_json_export", READS))),
    Command("backup", "back the journal up now, or list its backups",
            "commands.backup:add_arguments", Run("commands.backup:run", None)),
    Command("import", "import a CareJournal JSON export, jrnl JSON, CSV or Markdown files "
                      "(all or nothing)",
            "commands.interchange:add_import_arguments",
            Run("commands.interchange:run_import", WRITES)),
    Command("encrypt", "protect the journal with a passphrase (encrypts it and its backups)",
            "keys:add_encrypt_arguments", Run("keys:run_encrypt", None)),
    Command("decrypt", "remove the passphrase (stores the journal and its backups "
                       "unencrypted)",
            "keys:add_decrypt_arguments", Run("keys:run_decrypt", None)),
    Command("passphrase", "change the journal's passphrase",
            "keys:add_passphrase_arguments", Run("keys:run_passphrase", None)),
    Command("salvage", "save what can still be read from a damaged journal as CareJournal "
                       "JSON (the journal is not changed)",
            "commands.salvage:add_arguments", Run("commands.salvage:run", None)),
    Command("desktop", "add CareJournal to the Linux applications menu, or take it away",
            "commands.desktop:add_arguments", Run("commands.desktop:run", None),
            description="install writes the launcher, the icon in every size and the "
                        "AppStream metadata into your own data folder ($XDG_DATA_HOME, else "
                        "~/.local/share); uninstall removes exactly those files. Linux only."),
    Command("demo", "fill an empty journal with made-up sample entries",
            "commands.demo:add_arguments", Run("commands.demo:run", WRITES)),
    Command("chart", "save one chart of your practice as a PNG or SVG picture",
            "commands.chart:add_arguments", Run("commands.chart:run", WRITES),
            description=_("Draw one of the Patterns charts for a period (default the last 4 "
                        "weeks) and save it, with its caption, without opening a window.")),
)
BY_NAME: Mapping[str, Command] = index(COMMANDS)


def find(name: str | None) -> Command | None:
    """The command of this name, or None."""
    return BY_NAME.get(name) if name is not None else None
