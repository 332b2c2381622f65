"""Salvage: journals damaged on purpose give up what can be read; the file is never written."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from carejournal.core.goals import Outcome
from carejournal.services.journal import Journal
from carejournal.services.json_export import document
from carejournal.services.salvage import NothingReadable, salvage
from carejournal.store import cipher
from carejournal.store.backup import quick_check
from carejournal.store.salvage import read_damaged
from tests.conftest import draft
from tests.store.salvage_helpers import (
    KEY,
    damage_middle_leaf,
    damage_page,
    make_encrypted,
    make_journal,
    page_map,
    sha256,
)

COUNT = 80


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    path = make_journal(tmp_path / "j.sqlite", COUNT)
    damage_middle_leaf(path)
    assert quick_check(path)  # really damaged
    return path


def _import(out: Path, into: Path) -> Journal:
    from carejournal.services.importing import import_files

    fresh = Journal.open(into, create=True)
    import_files(fresh, "json", [out])
    return fresh


def test_a_damaged_page_loses_only_its_rows_and_the_file_is_untouched(
        damaged: Path, tmp_path: Path) -> None:
    before = sha256(damaged)
    beside = sorted(p.name for p in damaged.parent.iterdir())
    report = salvage(damaged, tmp_path / "saved.json")
    entries = next(t for t in report.tables if t.name == "entries")
    assert entries.saved >= COUNT * 0.8 and entries.lost
    assert entries.saved + entries.lost == COUNT
    assert not report.complete
    sections = next(t for t in report.tables if t.name == "entry_sections")
    assert sections.saved == entries.saved  # the sections of lost entries are not saved
    assert sha256(damaged) == before
    after = sorted(p.name for p in damaged.parent.iterdir())
    assert after == sorted([*beside, "saved.json"])  # no -wal, -shm or -journal made beside it


def test_the_salvage_is_owner_only_says_what_it_is_and_imports(
        damaged: Path, tmp_path: Path) -> None:
    out = tmp_path / "saved.json"
    report = salvage(damaged, out)
    assert os.stat(out).st_mode & 0o777 == 0o600
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["format"] == "carejournal" and "salvage" in doc["salvage"]["note"]
    assert doc["salvage"]["tables"]["entries"]["lost"] == COUNT - report.entries_saved
    fresh = _import(out, tmp_path / "new.sqlite")
    try:
        assert fresh.count() == report.entries_saved
        row = fresh.rows()[0]
        entry = fresh.get(row.id)
        assert "Sam" in entry.people and entry.sections[0][1].startswith("What happened")
    finally:
        fresh.close()


def test_a_healthy_journal_salvages_to_the_same_as_an_export(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite"
    journal = Journal.open(path, create=True)
    try:
        first = journal.add(draft("Tea", people=("Ann",), tags=("calm",)))
        journal.add(draft("Sorry", kind=draft().kind.FALLIBILITY, title="Mine"),
                    mirror_of=first)
        goal = journal.goals.add("Ann", "Walk to the shop")
        assert goal is not None
        journal.goals.attempt(goal.id, Outcome.PARTLY, entry_id=first)  # (names an entry)
        exported = document(journal)
    finally:
        journal.close()
    report = salvage(path, tmp_path / "s.json")
    saved = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert report.complete and report.entries_saved == 2
    for key in ("people", "tags", "kindness_acts", "entries", "links", "goals", "settings",
                "supervision_sessions"):
        assert saved[key] == exported[key], key


def test_a_file_truncated_to_half_gives_up_its_first_half(tmp_path: Path) -> None:
    # Enough entries that their pages reach well into the first half: every table's first
    # page comes before any row (about 70 pages of an empty journal).
    path = make_journal(tmp_path / "j.sqlite", 600)
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size // 2)
    before = sha256(path)
    report = salvage(path, tmp_path / "half.json")
    assert 0 < report.entries_saved < 600 and not report.complete
    assert sha256(path) == before
    _import(tmp_path / "half.json", tmp_path / "new.sqlite").close()


def test_a_zeroed_first_page_still_gives_up_the_rows_on_the_others(tmp_path: Path) -> None:
    """SQLite cannot open the file (its header and schema root are gone); the pages can."""
    path = make_journal(tmp_path / "j.sqlite", 5)
    with path.open("r+b") as handle:
        handle.write(b"\x00" * 4096)
    before = sha256(path)
    report = salvage(path, tmp_path / "some.json")
    assert report.entries_saved == 5 and report.recovered >= 5
    assert sha256(path) == before
    _import(tmp_path / "some.json", tmp_path / "new.sqlite").close()


def test_a_file_of_nothing_is_a_clear_message_and_writes_nothing(tmp_path: Path) -> None:
    path = make_journal(tmp_path / "j.sqlite", 5)
    path.write_bytes(b"\x00" * path.stat().st_size)
    before = sha256(path)
    with pytest.raises(NothingReadable, match="Nothing can be read from j.sqlite"):
        salvage(path, tmp_path / "none.json")
    assert not (tmp_path / "none.json").exists()
    assert sha256(path) == before


def test_a_missing_file_is_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(NothingReadable, match="There is no journal file"):
        salvage(tmp_path / "gone.sqlite", tmp_path / "out.json")


def test_the_journal_itself_is_never_the_output(damaged: Path) -> None:
    from carejournal.core.domain import InvalidInput

    before = sha256(damaged)
    with pytest.raises(InvalidInput, match="damaged journal itself"):
        salvage(damaged, damaged)
    assert sha256(damaged) == before


def test_a_journal_with_a_wal_is_read_from_a_private_copy(tmp_path: Path) -> None:
    live = tmp_path / "live.sqlite"
    journal = Journal.open(live, create=True)
    try:
        journal.add(draft("Only in the WAL so far"))
        folder = tmp_path / "copy"
        folder.mkdir()
        shutil.copyfile(live, folder / "j.sqlite")
        shutil.copyfile(f"{live}-wal", folder / "j.sqlite-wal")
    finally:
        journal.close()
    path = folder / "j.sqlite"
    before = (sha256(path), sha256(Path(f"{path}-wal")))
    report = salvage(path, tmp_path / "w.json")
    assert report.entries_saved == 1
    assert (sha256(path), sha256(Path(f"{path}-wal"))) == before
    assert not Path(f"{path}-shm").exists()


def test_values_too_damaged_to_import_are_left_out_not_the_whole_file(tmp_path: Path) -> None:
    path = make_journal(tmp_path / "j.sqlite", 3)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE entries SET occurred_on = '2026-02-31' WHERE id = 2")  # impossible
    conn.commit()
    conn.close()
    report = salvage(path, tmp_path / "v.json")
    entries = next(t for t in report.tables if t.name == "entries")
    assert (entries.saved, entries.lost) == (2, 1)
    _import(tmp_path / "v.json", tmp_path / "new.sqlite").close()


def test_each_table_reports_what_it_read(damaged: Path) -> None:
    tables = read_damaged(damaged)
    assert tables["entries"].damaged and tables["entries"].lost
    assert not tables["people"].damaged and tables["people"].lost == 0


@pytest.mark.skipif(not cipher.available(), reason="SQLCipher is not installed")
def test_an_encrypted_journal_is_salvaged_with_its_key(tmp_path: Path) -> None:
    plain = make_journal(tmp_path / "plain.sqlite", 4)
    key = bytes(range(32))
    secret = tmp_path / "secret.sqlite"
    cipher.export_copy(plain, None, secret, key)
    with pytest.raises(NothingReadable):
        salvage(secret, tmp_path / "nokey.json")
    report = salvage(secret, tmp_path / "e.json", key=key)
    assert report.complete and report.entries_saved == 4


@pytest.mark.skipif(not cipher.available(), reason="SQLCipher is not installed")
def test_a_page_of_an_encrypted_journal_that_fails_its_hmac_loses_only_its_rows(
        tmp_path: Path) -> None:
    """SQLCipher reports such a page as malformed and then fails every read on the
    connection (sqlcipher3-binary 0.6.0 said out of memory, MemoryError; sqlcipher3 0.6.4
    says malformed again): salvage reads on past it, on a new connection."""
    pytest.importorskip("cryptography")
    path = make_encrypted(tmp_path / "secret.sqlite", COUNT)
    pages = page_map(path, KEY)
    leaves = [n for name, kind, n, _ in pages if (name, kind) == ("entries", "leaf")]
    damage_page(path, leaves[len(leaves) // 2])
    conn = cipher.connect(path, KEY)
    try:  # what plain reads do: the page fails, then every read on the connection
        with pytest.raises(cipher.Error, match="malformed"):
            conn.execute("SELECT body FROM entries").fetchall()
        with pytest.raises((MemoryError, *cipher.Error)):
            conn.execute("SELECT count(*) FROM people").fetchall()
    finally:
        conn.close()
    before = sha256(path)
    report = salvage(path, tmp_path / "e.json", key=KEY)
    entries = next(t for t in report.tables if t.name == "entries")
    assert entries.lost and entries.saved + entries.lost == COUNT
    assert entries.saved >= COUNT - 10  # one page of entries lost, no more
    assert sha256(path) == before
    _import(tmp_path / "e.json", tmp_path / "new.sqlite").close()


def test_running_out_of_memory_part_way_writes_nothing(damaged: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from carejournal.services import salvage as service

    real, written = service._encode, []

    def encode(value: object) -> bytes:
        if len(written) == 10:
            raise MemoryError
        written.append(value)
        return real(value)

    monkeypatch.setattr(service, "_encode", encode)
    before = sha256(damaged)
    with pytest.raises(service.SalvageFailed, match="not enough memory.*Nothing was written"):
        salvage(damaged, tmp_path / "half.json")
    assert not (tmp_path / "half.json").exists() and not list(tmp_path.glob(".half.json*"))
    assert sha256(damaged) == before
