"""SIGKILL the real app while typing goes on: at most 2 s of typing may be lost.

The small, offscreen form of scripts/kill_while_typing.py (which types into the real X11
window with xdotool, 50 times). Here tests/typing_driver.py runs the real app and types
through Qt's key events at a steady pace, with one pause in which the autosave stores the
entry; the test kills it mid-sentence. The budget is counted in keys at the driver's own
pace, not against a clock, so a slow machine does not make it fail: its keys come late too.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from carejournal.services.journal import Journal
from tests import typing_driver
from tests.typing_driver import PAUSE_AFTER, TEXT, TICK_MS

BUDGET_KEYS = 2000 // TICK_MS  # the keys typed in 2 s
KILL_AFTER = PAUSE_AFTER + BUDGET_KEYS + 10  # past 2 s of typing after the pause

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def type_and_kill(journal: Path, home: Path) -> int:
    """Run the driver on the journal, SIGKILL it mid-sentence; how many keys it had typed."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home),
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
           "XDG_STATE_HOME": str(home / "state"), "XDG_CACHE_HOME": str(home / "cache")}
    env.pop("CAREJOURNAL_TEST_HOOK", None)
    process = subprocess.Popen(
        [sys.executable, typing_driver.__file__, "--journal", str(journal)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    typed = 0
    try:
        assert process.stdout is not None
        for line in process.stdout:  # blocks until the app types (or exits)
            if line.startswith("TYPED "):
                typed = int(line.split()[1])
            if typed >= KILL_AFTER:
                process.send_signal(signal.SIGKILL)
                break
        rest = process.stdout.read()  # keys typed between that line and the kill
    finally:
        if process.poll() is None and typed < KILL_AFTER:
            process.kill()
        process.wait(timeout=30)
    typed = max([typed] + [int(w.split()[1]) for w in rest.splitlines() if w.startswith("TYPED")])
    assert typed >= KILL_AFTER, process.stderr.read() if process.stderr else typed
    assert process.returncode == -signal.SIGKILL
    return typed


def test_a_kill_while_typing_loses_at_most_two_seconds_of_it(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    Journal.open(path, create=True).close()  # an existing journal: no first-run questions
    typed = TEXT[:type_and_kill(path, tmp_path)]
    journal = Journal.open(path, read_only=True)
    try:
        saved = [(row.id, journal.get(row.id).body) for row in journal.rows()]
        drafts = [(left.entry_id, left.draft.body) for left in journal.drafts.pending()]
    finally:
        journal.close()
    kept = max(len(os.path.commonprefix([typed, text])) for _id, text in saved + drafts)
    lost = len(typed) - kept
    assert lost <= BUDGET_KEYS, f"{lost} of {len(typed)} keys lost: more than 2 s of typing"
    [(entry_id, body)] = saved
    assert body == TEXT[:PAUSE_AFTER], "the autosave stored the entry in the pause"
    assert [entry_id for entry_id, _text in drafts] == [entry_id], "the rest is its draft"
