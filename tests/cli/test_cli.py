"""The carejournal command: real subprocesses for the end-to-end paths, main() for the rest."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from carejournal.cli.main import main
from carejournal.core.domain import EntryDraft, EntryKind
from carejournal.services.journal import Journal
from tests.cli.helpers import cli, cli_json

ROW_KEYS = {"id", "kind", "occurred_at", "shift", "title", "summary", "people", "tags"}
ENTRY_KEYS = {"id", "kind", "occurred_at", "shift", "title", "body", "people", "tags",
              "feeling", "created_at", "updated_at", "in_trash", "little_things",
              "strengths", "model", "model_name", "sections", "decisions", "actions", "links"}


def clean_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment for a subprocess: no journal set, data folder inside tmp_path."""
    env = {k: v for k, v in os.environ.items() if k != "CAREJOURNAL_JOURNAL"}
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg")
    env.update(extra)
    return env


def run(tmp_path: Path, *args: str, journal: Path | None = None, stdin: bytes = b"",
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m carejournal` as a real process and capture its output."""
    prefix = ["--journal", str(journal)] if journal else []
    done = subprocess.run([sys.executable, "-m", "carejournal", *prefix, *args],
                          input=stdin, capture_output=True, timeout=60,
                          env=env or clean_env(tmp_path), cwd=tmp_path)
    return subprocess.CompletedProcess(done.args, done.returncode,
                                       done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))


def assert_refused(result: subprocess.CompletedProcess[str], *words: str) -> None:
    """Exit 2, nothing on stdout, exactly one line on stderr mentioning words."""
    assert result.returncode == 2, result
    assert result.stdout == ""
    assert result.stderr.startswith("carejournal: ")
    assert result.stderr.endswith("\n") and result.stderr.count("\n") == 1, result.stderr
    for word in words:
        assert word in result.stderr


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "journal.sqlite"


@pytest.fixture
def filled(path: Path) -> Path:
    """A journal with five entries across kinds, days, people and tags."""
    def make(body: str, kind: EntryKind, day: tuple[int, int, int], **fields: Any) -> EntryDraft:
        return EntryDraft(kind=kind, occurred_on=dt.date(*day), body=body, **fields)

    journal = Journal.open(path, create=True)
    journal.add_many([
        make("january kindness", EntryKind.KINDNESS, (2026, 1, 10), people=("Ann",)),
        make("february visit", EntryKind.INTERACTION, (2026, 2, 10), tags=("visit",)),
        make("february thought", EntryKind.REFLECTION, (2026, 2, 20), people=("Ann", "Bo"),
             tags=("visit",)),
        make("march visit", EntryKind.INTERACTION, (2026, 3, 1), people=("Bo",),
             occurred_time=dt.time(8, 15)),
        make("april slip", EntryKind.FALLIBILITY, (2026, 4, 1), tags=("team",)),
    ])
    journal.close()
    return path


# -- real subprocesses ---------------------------------------------------------------------
def test_add_from_stdin_round_trips_through_show_json(tmp_path: Path, path: Path) -> None:
    text = "Tea with Ann 🙂\x00 then a walk\nمرحبا\n"
    added = run(tmp_path, "add", "--kind", "interaction", "--date", "2026-02-03",
                "--person", "Ann", "-", journal=path, stdin=text.encode("utf-8"))
    assert (added.returncode, added.stdout, added.stderr) == (0, "Added entry 1.\n", "")
    shown = run(tmp_path, "show", "1", "--json", journal=path)
    assert shown.returncode == 0 and shown.stderr == ""
    [entry] = json.loads(shown.stdout)
    assert set(entry) == ENTRY_KEYS
    assert entry["body"] == text
    assert (entry["id"], entry["kind"], entry["occurred_at"], entry["people"]) == (
        1, "interaction", "2026-02-03", ["Ann"])
    assert entry["in_trash"] is False and entry["feeling"] is None
    assert dt.datetime.fromisoformat(entry["created_at"]).tzinfo is not None
    assert (entry["strengths"], entry["model"], entry["model_name"]) == ("", None, None)
    assert entry["sections"] == entry["decisions"] == entry["actions"] == entry["links"] == []


def test_reflection_sections_from_stdin_end_to_end(tmp_path: Path, path: Path) -> None:
    markdown = ("# After the market\n\n## Description\nWe took the bus.\n\n"
                "## Action plan\nAsk Ann first.\n- Ring Ann's daughter (review 2026-12-01)\n")
    added = run(tmp_path, "add", "--kind", "reflection", "--model", "gibbs", "--date",
                "2026-11-20", "--sections", "-", journal=path, stdin=markdown.encode())
    assert (added.returncode, added.stdout, added.stderr) == (0, "Added entry 1.\n", "")
    shown = run(tmp_path, "show", "1", "--json", journal=path)
    [entry] = json.loads(shown.stdout)
    assert (entry["title"], entry["body"], entry["model"]) == ("After the market", "", "gibbs")
    assert [(s["key"], s["label"], s["text"]) for s in entry["sections"]] == [
        ("description", "Description", "We took the bus."),
        ("action-plan", "Action plan", "Ask Ann first.")]
    assert entry["actions"] == [{"id": 1, "text": "Ring Ann's daughter",
                                 "review_on": "2026-12-01", "done_on": None}]


def test_ending_a_goal_early_without_a_terminal_is_refused(tmp_path: Path, path: Path) -> None:
    assert run(tmp_path, "goal", "add", "Ann", "Walk to the shop", journal=path).returncode == 0
    result = run(tmp_path, "goal", "discontinue", "1", journal=path)
    assert_refused(result, "own hardest change", "--own-attempts N", "--go-on")
    [goal] = json.loads(run(tmp_path, "goal", "list", "--json", journal=path).stdout)
    assert goal["status"] == "active"


def test_add_with_every_option_then_list_and_search_json(tmp_path: Path, path: Path) -> None:
    added = run(tmp_path, "add", "--kind", "Reflection", "--date", "2026-01-05",
                "--time", "14:30", "--shift", "late", "--person", "Bo", "--person", "Ann",
                "--tag", "team", "--title", "Supervision", "--feeling", "4",
                "--feeling-word", "hopeful", "We talked about boundaries.", journal=path)
    assert added.returncode == 0, added.stderr
    listed = run(tmp_path, "list", "--json", journal=path)
    [row] = json.loads(listed.stdout)
    assert set(row) == ROW_KEYS
    assert row == {"id": 1, "kind": "reflection", "occurred_at": "2026-01-05T14:30",
                   "shift": "late", "title": "Supervision", "summary": "Supervision",
                   "people": ["Ann", "Bo"], "tags": ["team"]}
    searched = run(tmp_path, "search", "boundar", "--json", journal=path)
    [hit] = json.loads(searched.stdout)
    assert set(hit) == ROW_KEYS | {"snippet"}
    assert "[boundaries]" in hit["snippet"]


@pytest.mark.parametrize(("args", "words"), [
    (["add", "--kind", "reflection", "--date", "2026-02-30", "text"], ["2026-02-30"]),
    (["add", "--kind", "diary", "text"], ["unknown kind 'diary'"]),
    (["add", "--kind", "reflection", "--time", "14.30", "text"], ["invalid time"]),
    (["list", "--since", "next tuesday"], ["invalid date"]),
])
def test_bad_arguments_exit_2_and_write_nothing(tmp_path: Path, path: Path,
                                               args: list[str], words: list[str]) -> None:
    assert_refused(run(tmp_path, *args, journal=path), *words)
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_exits_2_and_creates_nothing(tmp_path: Path) -> None:
    result = run(tmp_path, "add", "--kind", "kindness", "text",
                 journal=tmp_path / "missing" / "journal.sqlite")
    assert_refused(result, "does not exist")
    assert not (tmp_path / "missing").exists()


def test_not_a_database_exits_2_and_leaves_the_file(tmp_path: Path, path: Path) -> None:
    path.write_bytes(b"Dear diary,\nnot a database.\n")
    assert_refused(run(tmp_path, "add", "--kind", "kindness", "text", journal=path),
                   "not an SQLite database")
    assert path.read_bytes() == b"Dear diary,\nnot a database.\n"
    assert [p.name for p in tmp_path.iterdir()] == ["journal.sqlite"]


def test_delete_restore_and_empty_trash(tmp_path: Path, filled: Path) -> None:
    deleted = run(tmp_path, "delete", "2", journal=filled)
    assert deleted.returncode == 0 and "carejournal restore 2" in deleted.stdout
    trash = json.loads(run(tmp_path, "trash", "--json", journal=filled).stdout)
    assert [r["id"] for r in trash] == [2]
    restored = run(tmp_path, "restore", "2", journal=filled)
    assert (restored.returncode, restored.stdout) == (0, "Restored entry 2.\n")
    run(tmp_path, "delete", "5", journal=filled)
    emptied = run(tmp_path, "trash", "--empty", journal=filled)
    assert (emptied.returncode, emptied.stdout) == (0, "Deleted 1 entry for good.\n")
    assert_refused(run(tmp_path, "show", "5", journal=filled), "no entry 5")


def test_demo_fills_an_empty_journal_once(tmp_path: Path, path: Path) -> None:
    filled = run(tmp_path, "demo", "--entries", "12", journal=path)
    assert filled.returncode == 0 and "Added 12 made-up sample entries" in filled.stdout
    before = path.read_bytes()
    assert_refused(run(tmp_path, "demo", journal=path), "already has entries")
    assert path.read_bytes() == before
    journal = Journal.open(path, create=True)
    assert journal.count() == 12
    assert "sample" in journal.tags()
    journal.close()


def test_demo_register_chooses_whose_year_of_learning(tmp_path: Path) -> None:
    nurse = run(tmp_path, "demo", journal=tmp_path / "nurse.sqlite")
    assert nurse.returncode == 0 and "\nRevalidation by " in nurse.stdout
    social = run(tmp_path, "demo", "--register", "swe", journal=tmp_path / "swe.sqlite")
    assert social.returncode == 0
    assert "\nRegistration year to 30 November: CPD " in social.stdout
    assert "with peer reflection 1 of 1" in social.stdout
    journal = Journal.open(tmp_path / "swe.sqlite")
    try:
        assert journal.cpd.register().value == "swe" and len(journal.cpd.learning()) == 5
    finally:
        journal.close()
    refused = run(tmp_path, "demo", "--register", "scw", journal=tmp_path / "scw.sqlite")
    assert_refused(refused, "--register", "invalid choice: 'scw'")
    assert not (tmp_path / "scw.sqlite").exists()
    assert "--register nmc|swe" in run(tmp_path, "demo", "--help").stdout


def test_environment_variable_chooses_the_journal(tmp_path: Path) -> None:
    chosen = tmp_path / "from-env.sqlite"
    env = clean_env(tmp_path, CAREJOURNAL_JOURNAL=str(chosen))
    result = run(tmp_path, "add", "--kind", "kindness", "held the door", env=env)
    assert result.returncode == 0, result.stderr
    assert chosen.exists() and not (tmp_path / "xdg").exists()
    assert run(tmp_path, "search", "door", env=env).stdout.count("held the door") == 1


def test_default_journal_lives_in_the_data_folder(tmp_path: Path) -> None:
    env = clean_env(tmp_path, XDG_DATA_HOME=str(tmp_path))
    result = run(tmp_path, "list", env=env)
    assert result.returncode == 0, result.stderr
    assert "The journal is empty" in result.stdout
    default = tmp_path / "CareJournal" / "journal.sqlite"
    assert default.is_file()
    assert stat.S_IMODE(default.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(default.stat().st_mode) == 0o600


# -- in-process ----------------------------------------------------------------------------
@pytest.mark.parametrize(("args", "expected"), [
    ([], [5, 4, 3, 2, 1]),
    (["-n", "2"], [5, 4]),
    (["--kind", "interaction"], [4, 2]),
    (["--kind", "kindness", "--kind", "FALLIBILITY"], [5, 1]),
    (["--since", "2026-02-10", "--until", "2026-03-01"], [4, 3, 2]),
    (["--tag", "VISIT"], [3, 2]),
    (["--person", "ann"], [3, 1]),
    (["--person", "Bo", "--kind", "reflection", "-n", "5"], [3]),
])
def test_list_filters(capsys: pytest.CaptureFixture[str], filled: Path, args: list[str],
                      expected: list[int]) -> None:
    assert [r["id"] for r in cli_json(capsys, filled, "list", *args)] == expected


def test_search_filters(capsys: pytest.CaptureFixture[str], filled: Path) -> None:
    assert [r["id"] for r in cli_json(capsys, filled, "search", "febr")] == [3, 2]
    assert [r["id"] for r in cli_json(capsys, filled, "search", "visit",
                                      "--since", "2026-03-01")] == [4]
    assert [r["id"] for r in cli_json(capsys, filled, "search", "visit", "-n", "1")] == [4]
    assert cli_json(capsys, filled, "search", '"NEAR(visit*" OR') == []


def test_list_json_times_are_iso(capsys: pytest.CaptureFixture[str], filled: Path) -> None:
    by_id = {r["id"]: r for r in cli_json(capsys, filled, "list")}
    assert by_id[4]["occurred_at"] == "2026-03-01T08:15"
    assert by_id[1]["occurred_at"] == "2026-01-10"


def test_plain_text_output(capsys: pytest.CaptureFixture[str], filled: Path) -> None:
    code, out, _ = cli(capsys, filled, "list", "-n", "2")
    assert code == 0 and len(out.splitlines()) == 2
    assert "2026-03-01 08:15" in out and "march visit  (Bo)" in out
    code, out, _ = cli(capsys, filled, "show", "3")
    assert "Entry 3 · reflection · 2026-02-20" in out
    assert "People: Ann, Bo" in out and out.rstrip().endswith("february thought")
    assert cli(capsys, filled, "search", "zzz")[1] == "Nothing found.\n"
    assert cli(capsys, filled, "list", "--tag", "nope")[1] == "No entries match.\n"


@pytest.mark.parametrize(("args", "words"), [
    (["show", "99"], "There is no entry 99."),
    (["delete", "99"], "There is no entry 99."),
    (["restore", "99"], "There is no entry 99."),
    (["search", "   "], "the search is empty"),
    (["list", "--since", "2026-03-01", "--until", "2026-01-01"], "--since is after --until"),
    (["add", "--kind", "kindness", "  "], "nothing to add"),
    (["add", "--kind", "kindness", "--date", "1850-01-01", "x"], "not a plausible date"),
])
def test_refusals_in_process(capsys: pytest.CaptureFixture[str], filled: Path,
                             args: list[str], words: str) -> None:
    code, out, err = cli(capsys, filled, *args)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and words in err
    assert len(cli_json(capsys, filled, "list")) == 5


@pytest.mark.parametrize("args", [
    ["list", "-n", "0"], ["show", "abc"], ["add", "--kind", "kindness", "--feeling", "6", "x"],
    ["add", "text-without-kind"], ["frobnicate"],
])
def test_usage_errors_exit_2_with_one_line(capsys: pytest.CaptureFixture[str], path: Path,
                                           args: list[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--journal", str(path), *args])
    out, err = capsys.readouterr()
    assert (caught.value.code, out) == (2, "")
    assert err.count("\n") == 1 and "carejournal --help" in err
    assert not path.exists()


def test_stdin_must_be_utf8(capsys: pytest.CaptureFixture[str], path: Path,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"caf\xe9 latin-1")))
    code, out, err = cli(capsys, path, "add", "--kind", "kindness", "-")
    assert (code, out) == (2, "") and "not UTF-8" in err
    journal = Journal.open(path, create=True)
    assert journal.count() == 0
    journal.close()


def test_explicit_journal_beats_the_environment(capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path, path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREJOURNAL_JOURNAL", str(tmp_path / "env.sqlite"))
    assert cli(capsys, path, "add", "--kind", "kindness", "x")[0] == 0
    assert path.exists() and not (tmp_path / "env.sqlite").exists()


def test_demo_refuses_a_journal_with_only_trash(capsys: pytest.CaptureFixture[str],
                                                filled: Path) -> None:
    for entry_id in range(1, 6):
        assert cli(capsys, filled, "delete", str(entry_id))[0] == 0
    code, _, err = cli(capsys, filled, "demo", "--entries", "3")
    assert code == 2 and "already has entries" in err
    assert len(cli_json(capsys, filled, "trash")) == 5
