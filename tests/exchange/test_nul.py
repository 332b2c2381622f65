"""NUL characters in a CareJournal JSON file are removed on import, and counted.

A NUL means nothing in writing, cannot be kept safely (SQLite's C functions and many readers
stop at it) and cannot be seen to be taken out by hand, so the import removes every one and
says how many, rather than refusing the whole file. The import stays all or nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from carejournal.core.domain import EntryDraft, EntryKind
from carejournal.exchange.reading import strip_nuls
from carejournal.services.importing import import_files
from carejournal.services.journal import Journal
from carejournal.services.json_export import export_json
from tests.cli.helpers import cli, ok

DAY = dt.date(2026, 3, 4)


def exported(tmp_path: Path) -> dict[str, Any]:
    """A small journal's CareJournal JSON, as parsed JSON."""
    source = Journal.open(tmp_path / "source.sqlite", create=True)
    try:
        source.add(EntryDraft(kind=EntryKind.INTERACTION, occurred_on=DAY, title="Tea",
                              body="Made tea with Sam.", people=("Sam",), tags=("calm",)))
        export_json(source, tmp_path / "clean.json")
    finally:
        source.close()
    return json.loads((tmp_path / "clean.json").read_text(encoding="utf-8"))


def with_nuls(tmp_path: Path, bad_date: bool = False) -> Path:
    """The export with five NULs in an entry's title, body and tag and a person's name."""
    doc = exported(tmp_path)
    [entry] = doc["entries"]
    entry["title"] = "T\x00ea"
    entry["body"] = "Made\x00 tea\x00 with Sam."
    entry["tags"] = ["ca\x00lm"]
    doc["people"][0]["name"] = "Sa\x00m"
    if bad_date:
        doc["entries"].append(dict(entry, id=entry["id"] + 1, occurred_on="2026-02-31"))
    path = tmp_path / "with-nuls.json"
    path.write_text(json.dumps(doc), encoding="utf-8")  # NUL written as \u0000
    assert "\\u0000" in path.read_text(encoding="utf-8")
    return path


def all_text(journal: Journal) -> str:
    """Every entry's title, body, people and tags."""
    entries = [journal.get(row.id) for row in journal.rows()]
    return repr([(e.title, e.body, e.people, e.tags) for e in entries])


def test_strip_nuls_walks_every_text_and_counts() -> None:
    assert strip_nuls({"a": ["x\x00y", {"b": "\x00\x00"}], "c": 3, "d": None}) == (
        {"a": ["xy", {"b": ""}], "c": 3, "d": None}, 3)


def test_nuls_are_removed_and_counted(journal: Journal, tmp_path: Path) -> None:
    report = import_files(journal, "json", [with_nuls(tmp_path)])
    assert (report.entries_added, report.nuls_removed) == (1, 5)
    text = all_text(journal)
    assert "\x00" not in text
    assert "'Tea'" in text and "Made tea with Sam." in text and "calm" in text


def test_the_command_line_says_how_many_were_removed(capsys: pytest.CaptureFixture[str],
                                                     journal_path: Path,
                                                     tmp_path: Path) -> None:
    path = with_nuls(tmp_path)
    out = ok(capsys, journal_path, "import", "--format", "json", "--dry-run", str(path))
    assert "Would remove 5 NUL characters (U+0000)" in out and "Nothing was changed" in out
    out = ok(capsys, journal_path, "import", "--format", "json", str(path))
    assert "Imported 1 entries" in out and "Removed 5 NUL characters (U+0000)" in out


def test_a_clean_file_says_nothing_about_nuls(capsys: pytest.CaptureFixture[str],
                                              journal_path: Path, tmp_path: Path) -> None:
    exported(tmp_path)
    out = ok(capsys, journal_path, "import", "--format", "json", str(tmp_path / "clean.json"))
    assert "NUL" not in out


def test_a_file_with_nuls_and_a_bad_record_imports_nothing(capsys: pytest.CaptureFixture[str],
                                                           journal_path: Path,
                                                           tmp_path: Path) -> None:
    path = with_nuls(tmp_path, bad_date=True)
    code, out, err = cli(capsys, journal_path, "import", "--format", "json", str(path))
    assert code == 2 and out == "" and "Nothing was imported" in err
    journal = Journal.open(journal_path, create=True)
    try:
        assert journal.count() == 0
    finally:
        journal.close()


def test_a_nul_in_a_file_of_another_format_is_removed_too(journal: Journal,
                                                          tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("date,text\n2026-03-04,Made\x00 tea\n", encoding="utf-8")
    import_files(journal, "csv", [path])
    assert "\x00" not in all_text(journal) and "Made tea" in all_text(journal)
