"""`carejournal backup` killed half-way, and run on a damaged journal: `backup list` shows
only whole, checked backups, and a damaged journal is refused in one line."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from carejournal.services.backups import verify
from carejournal.services.journal import Journal
from carejournal.store import cipher
from carejournal.store.backup import SIDE_FILES
from tests.cli.helpers import cli, ok, refused
from tests.conftest import draft
from tests.store.test_backups_trust import damaged_journal, integrity

ROOT = Path(__file__).resolve().parents[2]
LAUNCH = "import sys; from carejournal.cli.main import main; raise SystemExit(main(sys.argv[1:]))"
ENTRIES = 3000
# How long after the first file appears in the backups folder each kill comes (seconds):
# while the pages are copied, while the copy is checked, around the rename.
KILL_AFTER = (0.0, 0.0, 0.002, 0.005, 0.01, 0.02, 0.04, 0.08, 0.16, 0.32)

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def _big_journal(path: Path) -> Path:
    journal = Journal.open(path, create=True)
    journal.add_many(draft(f"Entry {n}. " + "Walked to the shop and talked about the "
                           "weather. " * 40) for n in range(ENTRIES))
    journal.close()
    return path


def _kill_a_backup(journal: Path, after: float) -> int | None:
    """Start a real `carejournal backup`; SIGKILL it `after` seconds once a file shows up in
    the backups folder. Returns its exit status (-SIGKILL when killed)."""
    folder = journal.parent / "backups"
    before = set(os.listdir(folder)) if folder.is_dir() else set()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, "-c", LAUNCH, "--journal", str(journal),
                                "backup"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, env=env)
    try:
        while process.poll() is None:
            if folder.is_dir() and set(os.listdir(folder)) - before:
                time.sleep(after)
                process.send_signal(signal.SIGKILL)
                break
            time.sleep(0.0005)
    finally:
        process.wait(timeout=60)
    return process.returncode


def _entries_in(path: Path) -> int:
    conn = cipher.connect(path, None, read_only=True)
    try:
        return int(conn.execute("SELECT count(*) FROM entries").fetchone()[0])
    finally:
        conn.close()


def _listed(capsys: pytest.CaptureFixture[str], journal: Path) -> list[dict[str, object]]:
    return json.loads(ok(capsys, journal, "backup", "list", "--json"))


def test_killed_backups_never_show_as_backups(capsys: pytest.CaptureFixture[str],
                                              tmp_path: Path) -> None:
    journal = _big_journal(tmp_path / "journal.sqlite")
    codes = [_kill_a_backup(journal, after) for after in KILL_AFTER]
    killed, finished = codes.count(-signal.SIGKILL), codes.count(0)
    assert killed >= 3 and killed + finished == len(codes), codes
    listed = _listed(capsys, journal)
    for backup in listed:
        path = Path(str(backup["path"]))
        assert not path.name.startswith(".") and not path.name.endswith(SIDE_FILES), path
        assert verify(path) == [] and integrity(path) == ["ok"], path
        assert _entries_in(path) == ENTRIES, f"{path.name} is not a whole backup"
    assert finished <= len(listed) <= len(codes)  # one for each that got to its rename
    made = Path(ok(capsys, journal, "backup").strip())  # and backing up still works
    assert _listed(capsys, journal)[0]["path"] == str(made)
    assert _entries_in(made) == ENTRIES


def test_backup_refuses_a_damaged_journal_in_one_line(capsys: pytest.CaptureFixture[str],
                                                      journal_path: Path,
                                                      tmp_path: Path) -> None:
    damaged_journal(journal_path)
    message = refused(capsys, journal_path, "backup")
    assert "is damaged, so no backup of it was made" in message
    assert "carejournal salvage" in message
    out = tmp_path / "copy.sqlite"
    assert "damaged" in refused(capsys, journal_path, "backup", "--out", str(out))
    assert not out.exists()
    code, listing, err = cli(capsys, journal_path, "backup", "list", "--json")
    assert (code, json.loads(listing), err) == (0, [], "")


def test_a_backups_folder_that_cannot_be_used_is_one_line(
        capsys: pytest.CaptureFixture[str], journal_path: Path) -> None:
    ok(capsys, journal_path, "add", "--kind", "reflection", "A calm shift.")
    (journal_path.parent / "backups").write_text("not a folder", encoding="utf-8")
    assert "backups folder cannot be used" in refused(capsys, journal_path, "backup")
