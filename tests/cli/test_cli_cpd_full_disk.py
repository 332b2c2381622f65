"""An evidence file added on a full disk, for real (a file-size limit in a subprocess): a
clear "not saved", no traceback, and nothing already saved is lost."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from carejournal.core.cpd import Evidence
from carejournal.services.journal import Journal
from carejournal.store.backup import quick_check
from tests.storage import ROOT, run_limited
from tests.store.test_salvage_cpd import course

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX file-size limits")

ROOM = 128 * 1024  # past the journal's size: its -shm and a small write fit, a new file not
FIRST = Evidence("certificate.pdf", random.Random(4).randbytes(120_000))
NEW = random.Random(5).randbytes(900_000)  # (bytes a disk cannot compress away)

# The window's way: a record reworded with an evidence file added (CpdService.update_learning).
UPDATE = """
import resource, signal, sys
from pathlib import Path
limit = int(sys.argv[1])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from carejournal.core.cpd import LearningDraft
from carejournal.core.errors import NotSaved
from carejournal.services.cpd import evidence_from
from carejournal.services.journal import Journal
journal = Journal.open(Path(sys.argv[2]))
try:
    [r] = journal.cpd.learning()
    journal.cpd.update_learning(r.id, LearningDraft(
        r.method, r.topic, r.started_on, r.ended_on, r.minutes, r.participatory_minutes,
        r.themes, r.changed, r.peer_reflection, (evidence_from(Path(sys.argv[3])),)))
except NotSaved as exc:
    print(type(exc).__name__, exc, sep=": ")
    sys.exit(2)
finally:
    journal.close()
print("saved")
"""


@pytest.fixture
def journal_with_evidence(tmp_path: Path) -> Path:
    """A closed journal holding one learning record with one evidence file."""
    path = tmp_path / "journal.sqlite"
    journal = Journal.open(path, create=True)
    try:
        journal.cpd.add_learning(course("Falls prevention", FIRST))
    finally:
        journal.close()
    assert path.stat().st_size + ROOM < len(NEW)
    return path


def _limit(path: Path) -> int:
    """No file may grow past the journal's size and ROOM: a disk that is all but full."""
    return path.stat().st_size + ROOM


def _nothing_lost(path: Path) -> None:
    """The journal opens, passes SQLite's check, and holds the record and its first file."""
    assert quick_check(path) == []
    journal = Journal.open(path)
    try:
        [record] = journal.cpd.learning()
        assert record.topic == "Falls prevention"
        assert [journal.cpd.evidence(e.id) for e in record.evidence] == [FIRST]
    finally:
        journal.close()


def test_adding_evidence_to_a_record_on_a_full_disk_is_not_saved_and_loses_nothing(
        journal_with_evidence: Path, tmp_path: Path) -> None:
    new = tmp_path / "photo.jpg"
    new.write_bytes(NEW)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", UPDATE, str(_limit(journal_with_evidence)),
                             str(journal_with_evidence), str(new)],
                            capture_output=True, text=True, timeout=120, env=env, check=False)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stdout.startswith("DiskFull: There is no room left on the disk")
    assert "nothing was changed" in result.stdout
    _nothing_lost(journal_with_evidence)


def test_cpd_add_with_evidence_on_a_full_disk_is_one_line_and_loses_nothing(
        journal_with_evidence: Path, tmp_path: Path) -> None:
    new = tmp_path / "photo.jpg"
    new.write_bytes(NEW)
    result = run_limited(_limit(journal_with_evidence), "--journal",
                         str(journal_with_evidence), "cpd", "add", "Reading", "Medicines",
                         "--start", "2026-05-01", "--hours", "1", "--evidence", str(new))
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("carejournal: "), result.stderr
    assert "no room left on the disk" in lines[0] and "nothing was changed" in lines[0]
    _nothing_lost(journal_with_evidence)
