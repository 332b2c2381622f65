"""The window's flows beside its open journal: no other process may delete its WAL.

A real MainWindow (offscreen) holds the journal in a subprocess while it writes a pack,
backs up, draws Patterns, ticks the shift reminder, locks and unlocks, and protects the
journal with a passphrase, changes it and removes it (reopening as app.run does). After
each, another process opens and closes the journal (with the key, when it has one). Then
the window is killed with SIGKILL, and every entry it wrote must be in the journal.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from carejournal.services.journal import Journal
from carejournal.store import cipher
from tests.invariant.driving import drive
from tests.invariant.window_holder import OPERATIONS


def open_and_close(path: Path, key_hex: str) -> None:
    """Another CareJournal process: connects (keyed when encrypted), reads, disconnects."""
    conn = cipher.connect(path, bytes.fromhex(key_hex) if key_hex != "-" else None)
    try:
        conn.execute("SELECT count(*) FROM entries").fetchone()
    finally:
        conn.close()


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads /proc/self/fd")
def test_the_windows_flows_never_let_another_process_delete_its_wal(tmp_path: Path) -> None:
    path, work = tmp_path / "journal.sqlite", tmp_path / "work"
    work.mkdir()
    done = drive("tests.invariant.window_holder", path, work, open_and_close)
    assert done.unlinked == {}, f"flows after which the window's WAL was deleted: {done.unlinked}"
    assert len(done.written) == len(OPERATIONS), "the window stopped early"
    assert -1 not in done.written, "the window could not write after a flow"
    key = bytes.fromhex(done.key_hex) if done.key_hex != "-" else None
    survived = Journal.open(path, key=key, read_only=True)
    try:
        missing = [e for e in done.written if survived.row(e) is None]
    finally:
        survived.close()
    assert missing == [], "entries written by the killed window were lost"
