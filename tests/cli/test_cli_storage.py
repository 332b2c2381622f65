"""A full disk and a read-only disk, for real: one line, exit 2, nothing changed or left."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from carejournal.core.domain import EntryFilter, EntryKind
from carejournal.services.journal import Journal
from tests.conftest import draft
from tests.storage import read_only_copy, run_limited

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX file-size limits and mounts")

LIMIT = 64 * 1024  # room for the -shm (32 KiB) and a small write, not for a big one
LONG = "Sat with Sam while the rain came down, and talked about the garden. " * 40


def _journal(path: Path, entries: int, words: str = LONG) -> None:
    """A journal whose whole export is well past LIMIT, closed (WAL folded in)."""
    journal = Journal.open(path, create=True)
    for day in range(entries):
        journal.add(draft(f"{day}: {words}", EntryKind.INTERACTION,
                          dt.date(2026, 1, 1) + dt.timedelta(days=day), people=("Sam",)))
    journal.close()


def _one_line(result) -> str:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("carejournal: "), result.stderr
    assert "nothing was changed" in lines[0]
    return lines[0]


@pytest.fixture
def full(tmp_path: Path) -> Path:
    path = tmp_path / "journal.sqlite"
    _journal(path, 40)
    return path


def _count(path: Path) -> int:
    journal = Journal.open(path)
    try:
        return journal.count()
    finally:
        journal.close()


def test_add_on_a_full_disk_is_one_line_and_adds_nothing(full: Path) -> None:
    result = run_limited(LIMIT, "--journal", str(full), "add", "--kind", "reflection", LONG * 40)
    assert "no room left on the disk" in _one_line(result)
    assert _count(full) == 40


def test_import_on_a_full_disk_is_one_line_and_imports_nothing(full: Path,
                                                               tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    _journal(other, 30, "A different shift: Jo rang her sister and we planned Sunday. " * 40)
    source = Journal.open(other)
    try:
        from carejournal.services.json_export import export_json

        export_json(source, tmp_path / "other.json")
    finally:
        source.close()
    result = run_limited(LIMIT, "--journal", str(full), "import", "--format", "json",
                         str(tmp_path / "other.json"))
    assert "no room left on the disk" in _one_line(result)
    assert _count(full) == 40


def test_json_export_on_a_full_disk_leaves_no_file(full: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    result = run_limited(LIMIT, "--journal", str(full), "export", "--out",
                         str(out / "all.json"))
    assert "no room left on the disk" in _one_line(result)
    assert list(out.iterdir()) == []


def test_reading_under_the_limit_still_works(full: Path) -> None:
    result = run_limited(LIMIT, "--journal", str(full), "list", "-n", "2")
    assert (result.returncode, result.stderr) == (0, "")
    assert "Sam" in result.stdout


@pytest.fixture
def read_only(tmp_path: Path):
    path = tmp_path / "journal.sqlite"
    _journal(path, 3)
    with read_only_copy(path, tmp_path) as copy:
        yield copy


@pytest.mark.parametrize("command", [["list"], ["search", "garden"], ["show", "2"],
                                     ["stats"], ["settings"]])
def test_read_commands_work_on_a_read_only_disk(read_only: Path, command: list[str]) -> None:
    result = run_limited(2**40, "--journal", str(read_only), *command)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr


def test_export_from_a_read_only_disk_to_a_writable_place(read_only: Path,
                                                         tmp_path: Path) -> None:
    out = tmp_path / "all.json"
    result = run_limited(2**40, "--journal", str(read_only), "export", "--out", str(out))
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    assert out.stat().st_size > 0


@pytest.mark.parametrize("command", [["add", "--kind", "reflection", "A thought."],
                                     ["delete", "2"], ["kindness", "log", "a cup of tea"]])
def test_write_commands_on_a_read_only_disk_say_so(read_only: Path,
                                                  command: list[str]) -> None:
    result = run_limited(2**40, "--journal", str(read_only), *command)
    assert "is read-only" in _one_line(result)
    journal = Journal.open(read_only)
    try:
        assert not journal.writable
        assert len(journal.rows(EntryFilter())) == 3
    finally:
        journal.close()
