"""The command registry is the one source: --help, the grammar and dispatch all read it."""

from __future__ import annotations

import argparse
import ast
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import carejournal.__main__ as entry_point
from carejournal.cli import main as cli_main
from carejournal.cli import registry
from carejournal.cli.parser import build_parser
from carejournal.cli.registry import Command, Opening, RegistryError, Run, Variant
from tests.cli.test_cli import clean_env

CLI = Path(cli_main.__file__).parent
# Arguments each command parses with (after its name). A new command must be added here, so
# that it is parsed and dispatched below.
SAMPLE: dict[str, tuple[str, ...]] = {
    "add": ("--kind", "reflection", "text"), "list": (), "search": ("tea",), "show": ("1",),
    "delete": ("1",), "restore": ("1",), "trash": (), "kindness": ("acts",),
    "goal": ("list",), "cpd": ("list",), "feedback": ("list",), "actions": (), "models": (),
    "ladder": (), "shifts": (),
    "settings": (), "check": ("-",), "lens": ("rules",), "stats": (),
    "supervision": ("list",), "status": (), "person": (),
    "people": ("list",), "tags": ("list",), "prepare": ("show",),
    "export": ("--out", "pack.pdf"), "backup": (), "import": ("--format", "json", "x.json"),
    "encrypt": (), "decrypt": (), "passphrase": (), "salvage": ("--out", "s.json"),
    "desktop": ("install",), "demo": (), "chart": ("kinds", "--out", "c.png"),
}
# The other way of the two commands that have one, and the arguments that choose it.
VARIANT_SAMPLE: dict[str, tuple[str, ...]] = {
    "restore": ("backup.sqlite",), "export": ("--out", "whole.json"),
    "list": ("--on-this-day",),
}


def test_every_command_is_declared_once_and_sampled_here() -> None:
    names = [c.name for c in registry.COMMANDS]
    assert len(names) == len(set(names)) == len(registry.BY_NAME)
    assert list(SAMPLE) == names, "add the new command to SAMPLE (in --help's order)"
    assert set(VARIANT_SAMPLE) == {c.name for c in registry.COMMANDS if c.variant}


def test_the_openings_are_as_they_always_were() -> None:
    """Only reading commands skip the check of every page; these open their journal (or
    none) themselves; every other command opens it for writing, starting it if missing."""
    openings = {c.name: c.run.opening for c in registry.COMMANDS}
    assert {n for n, o in openings.items() if o is None} == {
        "models", "ladder", "backup", "encrypt", "decrypt", "passphrase", "salvage", "check",
        "desktop"}
    assert {n for n, o in openings.items() if o == registry.READS} == {"list", "search", "show"}
    assert all(o is None or o.create for o in openings.values())
    assert registry.BY_NAME["export"].variant == Variant(
        "commands.prepare:is_json_export", Run("commands.interchange:run_json_export",
                                               registry.READS))
    assert registry.BY_NAME["list"].variant == Variant(
        "commands.entries:asks_on_this_day", Run("commands.entries:run_on_this_day",
                                                 registry.READS))
    assert registry.BY_NAME["restore"].variant == Variant(
        "commands.backup:names_a_backup", Run("commands.backup:run_restore", None))


@pytest.mark.parametrize("command", registry.COMMANDS, ids=lambda c: c.name)
def test_every_declared_function_exists(command: Command) -> None:
    assert callable(registry.resolve(command.arguments))
    assert callable(registry.resolve(command.run.function))
    if command.variant is not None:
        assert callable(registry.resolve(command.variant.when))
        assert callable(registry.resolve(command.variant.run.function))


def test_help_lists_every_command_with_its_help_in_the_registry_order(
        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        cli_main.main(["--help"])
    out = capsys.readouterr().out
    assert exc.value.code == 0
    listed = [line.split()[0] for line in out.splitlines() if line.startswith("    ")
              and not line.startswith("     ")]
    assert listed == [c.name for c in registry.COMMANDS]
    flat = " ".join(out.split())
    for command in registry.COMMANDS:
        assert f" {command.name} {' '.join(command.help.split())}" in flat


@pytest.mark.parametrize("command", [c for c in registry.COMMANDS if c.description],
                         ids=lambda c: c.name)
def test_a_commands_own_help_shows_its_description(
        capsys: pytest.CaptureFixture[str], command: Command) -> None:
    with pytest.raises(SystemExit):
        cli_main.main([command.name, "--help"])
    flat = " ".join(capsys.readouterr().out.split())
    assert f"usage: carejournal {command.name}" in flat
    assert " ".join((command.description or "").split()) in flat


class Recorder:
    """Stands in for every run function: notes which ran, and on what."""

    def __init__(self, real: Callable[[str], Callable[..., Any]]) -> None:
        self.real, self.ran = real, []  # type: list[tuple[str, bool]]
        self.opened: list[tuple[bool, bool]] = []
        self.closed = 0

    def resolve(self, target: str) -> Callable[..., Any]:
        runs = {c.run.function for c in registry.COMMANDS} | {
            c.variant.run.function for c in registry.COMMANDS if c.variant}
        if target not in runs:
            return self.real(target)  # argument adders and variant tests are the real ones

        def run(*args: Any) -> int:
            self.ran.append((target, len(args) == 2))  # (journal, args) or (args)
            return 0
        return run

    def open_journal(self, args: argparse.Namespace, create: bool = False,
                     read_only: bool = False) -> Any:
        self.opened.append((create, read_only))
        recorder = self

        class Held:
            def close(self) -> None:
                recorder.closed += 1
        return Held()


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    recording = Recorder(registry.resolve)
    monkeypatch.setattr(registry, "resolve", recording.resolve)
    monkeypatch.setattr(cli_main, "open_journal", recording.open_journal)
    return recording


def _expect(run: Run, recorder: Recorder) -> None:
    assert recorder.ran == [(run.function, run.opening is not None)]
    if run.opening is None:
        assert (recorder.opened, recorder.closed) == ([], 0)
    else:
        assert recorder.opened == [(run.opening.create, run.opening.read_only)]
        assert recorder.closed == 1


@pytest.mark.parametrize("command", registry.COMMANDS, ids=lambda c: c.name)
def test_every_command_parses_and_runs_as_declared(
        recorder: Recorder, command: Command, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code = cli_main.main(["--journal", str(tmp_path / "j.sqlite"), command.name,
                          *SAMPLE[command.name]])
    assert code == 0
    _expect(command.run, recorder)


@pytest.mark.parametrize("name", list(VARIANT_SAMPLE))
def test_a_variant_runs_when_its_arguments_say(
        recorder: Recorder, name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "backup.sqlite").write_bytes(b"")
    code = cli_main.main(["--journal", str(tmp_path / "j.sqlite"), name, *VARIANT_SAMPLE[name]])
    assert code == 0
    variant = registry.BY_NAME[name].variant
    assert variant is not None
    _expect(variant.run, recorder)


def test_the_grammar_of_them_all_still_parses_a_command_it_is_given(tmp_path: Path) -> None:
    # `--jour` (an abbreviation) hides the command word, so every command is listed and the
    # one chosen gets its arguments only as it is parsed.
    parser = build_parser(None)
    args = parser.parse_args(["--jour", str(tmp_path), "list", "-n", "3", "--tag", "calm"])
    assert (args.command, args.n, args.tag) == ("list", 3, "calm")


def test_help_and_an_unknown_word_import_no_command_module(tmp_path: Path) -> None:
    script = (
        "import contextlib, io, json, sys\n"
        "from carejournal.cli.main import main\n"
        "codes = []\n"
        "for argv in (['--help'], ['lisst']):\n"
        "    with contextlib.redirect_stdout(io.StringIO()), "
        "contextlib.redirect_stderr(io.StringIO()):\n"
        "        try:\n"
        "            main(argv)\n"
        "        except SystemExit as exc:\n"
        "            codes.append(exc.code)\n"
        "print(json.dumps([codes, sorted(m for m in sys.modules if m.startswith("
        "('carejournal.cli.commands', 'carejournal.cli.keys', 'carejournal.services', "
        "'carejournal.store', 'carejournal.app', 'PySide6')))]))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, env=clean_env(tmp_path), cwd=tmp_path, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [[0, 2], []]


# -- declaring commands wrongly fails at once ------------------------------------------
def test_a_command_without_a_run_function_or_argument_adder_is_refused() -> None:
    with pytest.raises(TypeError):
        Command("new", "a new command", "commands.new:add_arguments")  # type: ignore[call-arg]
    with pytest.raises(RegistryError, match="run function"):
        Command("new", "a new command", "commands.new:add_arguments", Run("", None))
    with pytest.raises(RegistryError, match="argument adder"):
        Command("new", "a new command", "", Run("commands.new:run", None))
    with pytest.raises(RegistryError, match="variant test"):
        Variant("is_it", Run("commands.new:run", None))


def test_a_command_needs_a_name_and_a_line_of_help() -> None:
    with pytest.raises(RegistryError, match="name"):
        Command("New", "help", "commands.new:add_arguments", Run("commands.new:run", None))
    with pytest.raises(RegistryError, match="help"):
        Command("new", " ", "commands.new:add_arguments", Run("commands.new:run", None))


def test_a_name_declared_twice_is_refused() -> None:
    run = Run("commands.new:run", Opening(read_only=False))
    twice = [Command("new", "one", "commands.new:add_arguments", run),
             Command("new", "two", "commands.new:add_arguments", run)]
    with pytest.raises(RegistryError, match="'new' is declared twice"):
        registry.index(twice)


def test_no_module_but_the_registry_adds_a_command_or_lists_them() -> None:
    """Command modules add arguments to the parser they are given, never a command."""
    names = set(registry.BY_NAME)
    for path in sorted(CLI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "add_subparsers"
                    and any(k.arg == "dest" and isinstance(k.value, ast.Constant)
                            and k.value.value == "command" for k in node.keywords)):
                assert path.name == "parser.py", f"{path.name} builds its own COMMAND list"
            if isinstance(node, ast.Dict) and path.name != "registry.py":
                keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
                assert not (len(keys & names) > 3 and any(
                    isinstance(v, ast.Constant) and ":" in str(v.value) for v in node.values)), \
                    f"{path.name} has a table of commands; declare them in registry.py"


# -- the window ---------------------------------------------------------------------------
def test_no_command_opens_the_window_through_the_opener_given(
        capsys: pytest.CaptureFixture[str]) -> None:
    asked: list[str | None] = []

    def window(journal: str | None) -> int:
        asked.append(journal)
        return 7
    assert cli_main.main(["--journal", "j.sqlite"], window=window) == 7
    assert cli_main.main([], window=window) == 7
    assert asked == ["j.sqlite", None]
    assert cli_main.main([]) == 2  # the command line alone never imports the window
    assert capsys.readouterr().err == cli_main.NO_WINDOW


def test_carejournal_with_no_command_opens_the_window(monkeypatch: pytest.MonkeyPatch) -> None:
    import carejournal.app

    opened: list[str | None] = []
    monkeypatch.setattr(carejournal.app, "main",
                        lambda journal=None: opened.append(journal) or 0)
    assert entry_point.main(["--journal", "j.sqlite"]) == 0
    assert opened == ["j.sqlite"]


def test_the_console_script_is_the_entry_point_that_can_open_the_window() -> None:
    config = (CLI.parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    assert 'carejournal = "carejournal.__main__:main"' in config
