"""The benchmark suite runs end to end on tiny data (one run of each), so it never rots.

Nothing here is timed: the suite's figures come from `make bench`, never from tests.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.core import ROOT, Measure
from benchmarks.peer import Jrnl

# The smoke run is one subprocess with its own 10-minute limit; on a busy machine it takes
# longer than the suite's 2 minutes per test, which would cut it short in the fixture.
pytestmark = [pytest.mark.slow,  # the whole benchmark once, about a minute: make test-all
              pytest.mark.timeout(660)]

SECTIONS = ("GUI cold start and memory", "In-process", "Patterns view", "Supervision and import",
            "Encrypted journal (SQLCipher) beside the plain one",
            "Command line: CareJournal against jrnl on the same entries",
            "Command line at smaller journals: where CareJournal overtakes jrnl")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("smoke") / "smoke.md"
    done = subprocess.run([sys.executable, "-m", "benchmarks", "--smoke", "--out", str(out)],
                          capture_output=True, text=True, cwd=ROOT, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip() == out.read_text(encoding="utf-8").strip()  # printed and written
    return done.stdout


def test_every_section_is_in_the_table(report: str) -> None:
    for title in SECTIONS if Jrnl.available() else SECTIONS[:-1]:  # the sweep needs jrnl
        assert f"## {title}" in report
    assert re.search(r"^Targets met: \d+ of \d+\.", report, re.MULTILINE)
    assert "| measurement | median | min | max | runs |" in report


def test_the_header_names_the_machine_and_versions(report: str) -> None:
    for needle in ("- Date: ", "- Machine: ", "cores", "- Python 3.", "SQLite 3.",
                   "SQLAlchemy ", "PySide6-Essentials ", "jrnl ", "- Data: 60 entries"):
        assert needle in report


def test_every_row_has_figures(report: str) -> None:
    rows = [line for line in report.splitlines()
            if line.startswith("| ") and not line.startswith(("| measurement", "|---"))]
    assert len(rows) > 40
    for row in rows:
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert re.fullmatch(r"[\d,.]+ (ms|MB)", cells[1]), row


@pytest.mark.skipif(not Jrnl.available(), reason="jrnl is not installed (the bench extra)")
def test_the_cli_rows_carry_ratios_against_jrnl(report: str) -> None:
    for what in ("last 10 entries", "full-text search", "add one entry",
                 "export everything as JSON", "tag filter"):
        line = next(x for x in report.splitlines() if x.startswith(f"| carejournal: {what}"))
        assert "faster than jrnl" in line and "floor" in line
        assert any(x.startswith(f"| jrnl: {what}") for x in report.splitlines())


def test_a_target_is_judged_on_the_median() -> None:
    row = Measure("k", "label", [0.010, 0.030, 0.012], target=15)
    assert row.median == pytest.approx(12) and row.met is True
    row.target = 11
    assert row.met is False
    faster = Measure("k", "l", [1.0], ratio=3.9, ratio_of="jrnl", ratio_target=4)
    assert faster.met is False
    slower = Measure("k", "l", [1.0], ratio=1.2, ratio_of="floor", ratio_target=1.3)
    assert slower.met is True
    assert Measure("k", "l", [1.0]).met is None


def test_the_committed_results_are_a_full_run() -> None:
    results = (Path(ROOT) / "benchmarks" / "RESULTS.md").read_text(encoding="utf-8")
    assert "- Data: 20,000 entries" in results
    for title in SECTIONS:
        assert f"## {title}" in results


def test_the_crossover_is_interpolated_between_measured_sizes() -> None:
    from benchmarks.cli_bench import crossover_note

    note = crossover_note("list10", [(0, 0.40, 0.10), (1000, 0.40, 0.20), (5000, 0.40, 0.60)])
    assert "about 3,000 entries" in note and "1,000 and 5,000" in note
    assert "from 0 entries on" in crossover_note("search", [(0, 0.1, 0.2), (10, 0.1, 0.3)])
    assert "not faster" in crossover_note("add", [(0, 0.5, 0.2), (100, 0.5, 0.3)])


def test_the_export_is_shown_beside_its_data_floor(report: str) -> None:
    line = next(x for x in report.splitlines() if "export's data floor" in x)
    assert "MB written; no SQLAlchemy, no JSON" in line
    assert "reading every row with sqlite3 and writing as many bytes takes" in report


def test_the_data_floor_reads_every_exported_row(tmp_path: Path) -> None:
    from benchmarks.export_floor import read_everything, write_bytes
    from carejournal.services.journal import Journal
    from tests.conftest import draft

    path = tmp_path / "j.sqlite"
    journal = Journal.open(path, create=True)
    try:
        journal.add(draft("Tea with Sam.", people=("Sam",), tags=("tea",)))
    finally:
        journal.close()
    before = read_everything(str(path))
    journal = Journal.open(path)
    try:
        journal.add(draft("A walk with Jo.", people=("Jo",)))
    finally:
        journal.close()
    assert read_everything(str(path)) - before >= 3, "the entry, its person, the link"
    write_bytes(str(tmp_path / "out"), 5_000_000)
    assert (tmp_path / "out").stat().st_size == 5_000_000
