"""The CLI loads only what a command uses, and reading commands skip the check of every page."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from carejournal.cli.parser import build_parser, command_of
from carejournal.core.errors import JournalError
from carejournal.services.journal import Journal
from tests.cli.helpers import cli
from tests.cli.test_cli import clean_env
from tests.conftest import draft
from tests.store.salvage_helpers import damage_middle_leaf, make_journal, sha256

HEAVY = ("PySide6", "shiboken6", "matplotlib", "fpdf", "docx", "alembic", "argon2",
         "carejournal.pack", "carejournal.charts", "carejournal.cli.commands.prepare",
         "carejournal.cli.commands.supervision", "carejournal.services.patterns",
         "carejournal.services.supervision", "carejournal.exchange",
         "carejournal.core.goals", "carejournal.services.preparation",
         # The ORM: declaring the models and configuring their mappers cost these commands
         # about 0.1 s; they read and write through store/rows.py and store/writes.py.
         "sqlalchemy.orm", "carejournal.store.models", "carejournal.store.repository")


def _in_a_fresh_interpreter(tmp_path: Path, script: str) -> list:
    """Run a script in a fresh interpreter; the JSON list its last line prints."""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, env=clean_env(tmp_path), cwd=tmp_path, check=False)
    assert done.returncode == 0, done.stderr
    printed: list = json.loads(done.stdout.splitlines()[-1])
    return printed


def _loaded_after(tmp_path: Path, journal: Path, *args: str) -> list[str]:
    """Run the command in a fresh interpreter; the heavy modules it left loaded."""
    script = (
        "import json, sys\n"
        "from carejournal.cli.main import main\n"
        f"code = main(['--journal', {str(journal)!r}, *{list(args)!r}])\n"
        f"heavy = {HEAVY!r}\n"
        "print(json.dumps([code, sorted(h for h in heavy if h in sys.modules)]))\n")
    code, loaded = _in_a_fresh_interpreter(tmp_path, script)
    assert code == 0
    return list(loaded)


@pytest.mark.parametrize("args", [("list", "-n", "10"), ("search", "tea"),
                                  ("list", "--tag", "calm"), ("add", "--kind", "reflection",
                                                              "A quiet shift.")])
def test_everyday_commands_import_nothing_they_do_not_use(tmp_path: Path,
                                                          args: tuple[str, ...]) -> None:
    path = tmp_path / "j.sqlite"
    journal = Journal.open(path, create=True)
    journal.add(draft("We had a cup of tea.", tags=("calm",)))
    journal.close()
    assert _loaded_after(tmp_path, path, *args) == []


def test_the_grammar_is_built_only_for_the_command_given() -> None:
    assert command_of(["--journal", "j.sqlite", "--passphrase-file=p", "list", "-n", "3"]) \
        == "list"
    assert command_of(["--journal=j.sqlite"]) is None
    commands = build_parser("list")._subparsers._group_actions[0].choices  # type: ignore
    assert list(commands) == ["list"]
    everything = build_parser(None).format_help()
    for name in ("add", "search", "prepare", "export", "salvage", "chart", "demo"):
        assert name in everything


def test_an_unknown_command_lists_them_all(capsys: pytest.CaptureFixture[str],
                                           tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        cli(capsys, tmp_path / "j.sqlite", "lisst")
    err = capsys.readouterr().err
    assert exc.value.code == 2 and "invalid choice: 'lisst'" in err and "'prepare'" in err


def test_reading_a_damaged_journal_reports_it_and_writes_nothing(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = make_journal(tmp_path / "j.sqlite", 80)
    damage_middle_leaf(path)
    before, beside = sha256(path), sorted(p.name for p in tmp_path.iterdir())
    code, out, err = cli(capsys, path, "list")  # reads every entry: meets the damaged page
    assert code == 2 and "damaged" in err and out == ""
    code, _, err = cli(capsys, path, "add", "--kind", "reflection", "Lost?")
    assert code == 2 and "is damaged, and CareJournal has not written to it" in err
    assert sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == beside


def test_read_only_opening_skips_the_full_check_but_not_the_damage(tmp_path: Path) -> None:
    path = make_journal(tmp_path / "j.sqlite", 80)
    damage_middle_leaf(path)
    with pytest.raises(JournalError, match="damaged"):
        Journal.open(path)
    journal = Journal.open(path, read_only=True)  # no quick check of every page...
    try:
        assert journal.get(1).title == "Day 0"  # a page away from the damage reads
        with pytest.raises(JournalError, match="damaged"):  # ...but reading the bad page fails
            journal.rows()
    finally:
        journal.close()


def test_adding_an_entry_does_not_build_the_lens_and_it_is_counted_when_read(
        tmp_path: Path) -> None:
    """Building the lens takes a second or two: `carejournal add` saves the entry without
    its lens counts, and whatever next reads the counts (Patterns, the supervision pack,
    `stats`) counts it first."""
    path = tmp_path / "j.sqlite"
    Journal.open(path, create=True).close()
    script = (
        "import json, sys\n"
        "from carejournal.cli.main import main\n"
        f"code = main(['--journal', {str(path)!r}, 'add', '--kind', 'reflection', "
        "'Dot refused her tea and was non-compliant all day.'])\n"
        "from carejournal.lens import matcher\n"
        "print(json.dumps([code, 'lemminflect' in sys.modules, "
        "matcher.shipped_lens.cache_info().currsize]))\n")
    assert _in_a_fresh_interpreter(tmp_path, script) == [0, False, 0]
    journal = Journal.open(path)
    try:
        version = journal.lens.version()
        assert [e.id for e in journal.lens._store.stale(version, 0, 10)] == [1]
        findings = journal.lens.period_findings(None, None)
        assert findings.get("blame", 0) >= 2, findings  # "refused", "non-compliant"
        assert journal.lens._store.stale(version, 0, 10) == []
    finally:
        journal.close()
