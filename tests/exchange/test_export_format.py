"""The fast JSON export writes byte for byte what the earlier ORM-based export wrote.

data/every_row.json holds every kind of row (all entry kinds and parts, links, goals with
attempts, settings, supervision sessions with actions and a preparation, retired acts, odd
characters). Imported into an empty journal and exported again, the file must equal
data/every_row.expected.json, which the export wrote before it read rows as JSON text in SQL.
(If the built-in kindness catalogue changes, its lines in the expectation change with it.)
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from carejournal.core.errors import JournalError
from carejournal.exchange.json_format import dumps
from carejournal.exchange.json_import import read_json
from carejournal.services import encryption
from carejournal.services.importing import run_plan
from carejournal.services.journal import Journal
from carejournal.services.json_export import document, export_json
from carejournal.store import cipher
from carejournal.store.keyfile import KdfCost
from tests.cli.test_cli_lean import _loaded_after
from tests.conftest import draft

DATA = Path(__file__).parent / "data"
NOW = dt.datetime(2025, 5, 6, 7, 8, 9, 123456, tzinfo=dt.UTC)  # the expectation's exported_at


def _filled(path: Path) -> None:
    journal = Journal.open(path, create=True)
    try:
        report = run_plan(journal, read_json(DATA / "every_row.json"), "every_row.json")
        assert report.entries_added == 4
    finally:
        journal.close()


def _exported(journal: Journal, out: Path) -> bytes:
    assert export_json(journal, out, now=NOW) == 4
    return out.read_bytes()


def test_every_kind_of_row_is_written_exactly_as_before(tmp_path: Path) -> None:
    _filled(tmp_path / "j.sqlite")
    journal = Journal.open(tmp_path / "j.sqlite", read_only=True)
    try:
        written = _exported(journal, tmp_path / "out.json")
        again = document(journal, NOW)
    finally:
        journal.close()
    assert written == (DATA / "every_row.expected.json").read_bytes()
    assert dumps(again).encode("utf-8") == written  # the parsed document lays out the same


@pytest.mark.skipif(not cipher.available(), reason="SQLCipher is not installed")
def test_an_encrypted_journal_exports_the_same_bytes(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite"
    _filled(path)
    done = encryption.encrypt(path, "correct horse battery",
                              cost=KdfCost(time_cost=1, memory_kib=64, parallelism=1))
    journal = Journal.open(path, key=done.key, read_only=True)
    try:
        written = _exported(journal, tmp_path / "out.json")
    finally:
        journal.close()
    assert written == (DATA / "every_row.expected.json").read_bytes()


ODD = [  # (table, column, stored text, what the ORM read of it writes)
    ("entries", "created_at", "2024-01-02 03:04:05", "2024-01-02T03:04:05+00:00"),
    ("entries", "updated_at", "2024-01-02T03:04:05.250000", "2024-01-02T03:04:05.250000+00:00"),
    ("entries", "occurred_time", "07:30", "07:30:00"),
    ("goals", "asked_at", "2024-01-02 03:04:05.000000+02:00", "2024-01-02T03:04:05+00:00"),
]


def test_dates_not_in_the_storage_layout_are_read_as_the_orm_reads_them(tmp_path: Path
                                                                         ) -> None:
    path = tmp_path / "j.sqlite"
    _filled(path)
    with sqlite3.connect(path) as raw:
        for table, column, stored, _ in ODD:
            raw.execute(f"UPDATE {table} SET {column} = ? WHERE id = 1", (stored,))
    raw.close()
    journal = Journal.open(path, read_only=True)
    try:
        doc = json.loads(_exported(journal, tmp_path / "out.json"))
    finally:
        journal.close()
    first = {"entries": doc["entries"][0], "goals": doc["goals"][0]}
    assert [first[table][column] for table, column, _, _ in ODD] == [w for *_, w in ODD]


def test_the_export_command_does_not_load_the_orm(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite"
    _filled(path)
    out = tmp_path / "out.json"
    loaded = _loaded_after(tmp_path, path, "export", "--format", "json", "--out", str(out))
    assert not {"sqlalchemy.orm", "carejournal.store.models"} & set(loaded)
    assert json.loads(out.read_text(encoding="utf-8"))["entries"]


def test_an_empty_journal_has_empty_lists_and_reads_as_text_afterwards(tmp_path: Path
                                                                       ) -> None:
    journal = Journal.open(tmp_path / "j.sqlite", create=True)
    try:
        assert export_json(journal, tmp_path / "out.json", now=NOW) == 0
        text = (tmp_path / "out.json").read_text(encoding="utf-8")
        entry_id = journal.add(draft("Written after the export, read back as text"))
        assert journal.get(entry_id).body == "Written after the export, read back as text"
        assert journal.people() == []
    finally:
        journal.close()
    assert '\n "entries": [],\n "links": [],\n "goals": [],\n' in text
    assert text.endswith('\n "supervision_sessions": [],\n "learning": [],\n "feedback": [],\n'
                         ' "reflective_accounts": []\n}\n')
    assert json.loads(text)["kindness_acts"]  # the built-in catalogue, one a line


def test_text_that_is_not_utf8_is_refused_with_a_message_and_no_file(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite"
    _filled(path)
    with sqlite3.connect(path) as raw:  # damage from outside: bytes that are not UTF-8
        raw.execute("UPDATE entries SET title = CAST(X'4361C3' AS TEXT) WHERE id = 1")
    raw.close()
    out = tmp_path / "out.json"
    journal = Journal.open(path, read_only=True)
    try:
        with pytest.raises(JournalError, match="not valid UTF-8"):
            export_json(journal, out)
    finally:
        journal.close()
    assert sorted(p.name for p in tmp_path.iterdir() if "out" in p.name) == []
