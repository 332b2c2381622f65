"""While a process holds a journal open, nothing it runs may let another process delete its WAL.

Every CLI command runs in-process (through carejournal.cli.main.main) beside a held Journal;
after each, another process opens and closes the journal, as `carejournal list` in a
terminal does. Had the operation dropped the holder's POSIX locks (a plain open()/close()
of the journal, or a second SQLite library), that other process would believe it was the
last user and delete the -wal and -shm the holder still writes to. Then the holder is
killed with SIGKILL, and every entry it wrote must still be in the journal.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from carejournal.services.journal import Journal
from tests.invariant.driving import drive
from tests.invariant.holder import CLI_OPERATIONS

pytestmark = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(),
                                reason="reads open descriptors from /proc")


def open_and_close(path: Path) -> None:
    """What another process does when it opens the journal and closes it (last user out)."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("SELECT count(*) FROM entries").fetchone()
    finally:
        conn.close()


def test_no_operation_lets_another_process_delete_the_held_wal(tmp_path: Path) -> None:
    path, work = tmp_path / "journal.sqlite", tmp_path / "work"
    work.mkdir()
    done = drive("tests.invariant.holder", path, work, lambda p, _key: open_and_close(p))
    assert done.unlinked == {}, f"operations after which the held WAL was deleted: {done.unlinked}"
    assert len(done.written) == len(CLI_OPERATIONS), "the holder stopped early"
    assert -1 not in done.written, "the holder could not write after an operation"
    survived = Journal.open(path, read_only=True)
    try:
        missing = [e for e in done.written if survived.row(e) is None]
    finally:
        survived.close()
    assert missing == [], "entries written by the killed holder were lost"
