"""`carejournal check --spelling`: misspelt words beside the lens's findings, as lines or
JSON entries {start, end, text, kind: "spelling", suggestions}, for files and entries."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from carejournal.services.journal import Journal
from tests.cli.helpers import cli
from tests.cli.test_cli import clean_env
from tests.conftest import draft

TEXT = "Ünïcode first.\nThe service users recieved tea;\n\twe definately organised it.\n"


@pytest.fixture
def text_file(tmp_path: Path) -> Path:
    file = tmp_path / "notes.txt"
    file.write_text(TEXT, encoding="utf-8")
    return file


def test_a_file_reports_spelling_with_spellings(capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path, text_file: Path) -> None:
    path = tmp_path / "journal.sqlite"
    code, out, err = cli(capsys, path, "check", str(text_file), "--spelling")
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert lines[0].startswith("1:1  Ünïcode  → ") and lines[0].endswith("(spelling)")
    assert lines[1].startswith("2:5  service users  → ")
    assert lines[2] == "2:19  recieved  → received; relieved; retrieved; reprieved  (spelling)"
    assert lines[3].startswith("3:5  definately  → definitely; ")
    assert not path.exists(), "checking a file never creates a journal"
    code, out, _err = cli(capsys, path, "check", str(text_file))
    assert "(spelling)" not in out, "spelling only when asked for"


def test_json_entries_say_spelling_and_point_into_the_text(capsys: pytest.CaptureFixture[str],
                                                           tmp_path: Path,
                                                           text_file: Path) -> None:
    code, out, err = cli(capsys, tmp_path / "j.sqlite", "check", str(text_file),
                         "--spelling", "--json")
    assert (code, err) == (1, "")
    found = json.loads(out)["findings"]
    spelt = [f for f in found if f.get("kind") == "spelling"]
    assert [f["text"] for f in spelt] == ["Ünïcode", "recieved", "definately"]
    for item in spelt:
        assert set(item) == {"start", "end", "text", "kind", "suggestions", "line", "col"}
        assert TEXT[item["start"]:item["end"]] == item["text"]
        assert 1 <= len(item["suggestions"]) <= 5
    assert spelt[1]["suggestions"][0] == "received"
    assert [f["start"] for f in found] == sorted(f["start"] for f in found), "in text order"
    assert found[1]["rule"] == "service-user"


def test_entries_use_the_journals_words_and_names(capsys: pytest.CaptureFixture[str],
                                                  tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    journal = Journal.open(path, create=True)
    first = journal.add(draft("Tea with Xanthea and Zorbly; we recieved a card.",
                              people=("Xanthea Prowse",), title="A quiett day"))
    journal.spelling.add_word("Zorbly")
    journal.close()
    code, out, err = cli(capsys, path, "check", "--entry", str(first), "--spelling")
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert lines[0] == f"Entry {first} (2026-03-02), Title:"
    assert lines[1].startswith("  1:3  quiett  → quiet")
    assert lines[2] == f"Entry {first} (2026-03-02), Entry text:"
    assert lines[3].startswith("  1:33  recieved  → received")
    assert "Xanthea" not in out and "Zorbly" not in out
    code, out, err = cli(capsys, path, "check", "--entry", str(first), "--spelling", "--json")
    found = json.loads(out)["findings"]
    assert [(f["field"], f["text"], f["kind"]) for f in found] == [
        ("title", "quiett", "spelling"), ("body", "recieved", "spelling")]


def test_checking_a_file_for_spelling_stays_light(tmp_path: Path, text_file: Path) -> None:
    script = ("import sys\nfrom carejournal.cli.main import main\n"
              f"code = main(['check', {str(text_file)!r}, '--spelling'])\n"
              "print([m for m in ('sqlalchemy', 'sqlite3', 'PySide6', 'carejournal.store')"
              " if m in sys.modules])\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, env=clean_env(tmp_path), cwd=tmp_path, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]"
