"""`carejournal kindness ...`, in-process and as one real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from carejournal.cli.main import main


def run(journal: Path, *args: str) -> int:
    return main(["--journal", str(journal), *args])


def test_log_list_and_show(journal_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(journal_path, "kindness", "log", "tea", "--person", "Sam", "--note",
               "two sugars", "--date", "2026-03-04") == 0
    assert "A cup of tea" in capsys.readouterr().out
    assert run(journal_path, "kindness", "list", "--json") == 0
    [logged] = json.loads(capsys.readouterr().out)
    assert logged == {"entry_id": 1, "date": "2026-03-04", "kind": "kindness",
                      "act_id": logged["act_id"], "act": "A cup of tea", "note": "two sugars",
                      "people": ["Sam"]}
    assert run(journal_path, "show", "1", "--json") == 0
    [entry] = json.loads(capsys.readouterr().out)
    assert entry["little_things"] == [
        {"act_id": logged["act_id"], "act": "A cup of tea", "note": "two sugars"}]


def test_catalogue_changes(journal_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(journal_path, "kindness", "add-act", "Remembered the dog's name") == 0
    assert run(journal_path, "kindness", "log", "hug") == 0
    assert run(journal_path, "kindness", "rename-act", "hug", "A hug, when asked") == 0
    assert run(journal_path, "kindness", "retire-act", "hug") == 0
    capsys.readouterr()
    assert run(journal_path, "kindness", "acts", "--json") == 0
    labels = [a["label"] for a in json.loads(capsys.readouterr().out)]
    assert "Remembered the dog's name" in labels and "A hug, when asked" not in labels
    assert run(journal_path, "kindness", "acts", "--all", "--json") == 0
    hug = next(a for a in json.loads(capsys.readouterr().out) if a["key"] == "hug")
    assert (hug["label"], hug["retired"], hug["uses"]) == ("A hug, when asked", True, 1)
    assert run(journal_path, "show", "1") == 0
    assert "Little thing: A hug\n" in capsys.readouterr().out


def test_unknown_act_lists_the_valid_ones(journal_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert run(journal_path, "kindness", "log", "juggling") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cup-of-tea (A cup of tea)" in err


def test_kindness_as_a_subprocess(journal_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "carejournal", "--journal", str(journal_path),
         "kindness", "log", "smile", "--person", "Jo"],
        capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "A smile" in done.stdout
