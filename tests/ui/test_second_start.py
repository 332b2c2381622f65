"""End to end, in real processes: `carejournal-gui --journal PATH` opens that journal, and
starting it again on the same journal brings the first window forward and ends quietly
(status 0, no message box: offscreen, a box would wait for a click until the timeout)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from carejournal.ui.single_instance import SingleInstance

ROOT = Path(__file__).resolve().parent.parent.parent
GUI = "import sys; from carejournal.app import gui_main; raise SystemExit(gui_main())"

pytestmark = pytest.mark.skipif(os.name == "nt", reason="stops the first window with SIGINT")


def _env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    (tmp_path / "tmp").mkdir()
    return {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
            "HOME": str(home), "XDG_DATA_HOME": str(home / "share"),
            "XDG_CONFIG_HOME": str(home / "config"), "XDG_STATE_HOME": str(home / "state"),
            "XDG_CACHE_HOME": str(home / "cache"), "TMPDIR": str(tmp_path / "tmp"),
            "CAREJOURNAL_JOURNAL": ""}


def _gui(env: dict[str, str], journal: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", GUI, "--journal", str(journal)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_a_second_start_raises_the_first_window_and_ends_quietly(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env = _env(tmp_path)
    journal = tmp_path / "work" / "journal.sqlite"
    journal.parent.mkdir()
    monkeypatch.setenv("TMPDIR", env["TMPDIR"])  # where the window will listen
    name = SingleInstance(journal).server_name
    socket = Path(name) if os.path.isabs(name) else tmp_path / "tmp" / name
    first = _gui(env, journal)
    try:
        deadline = time.monotonic() + 60
        while not socket.exists():  # listening once the window has painted
            assert first.poll() is None, first.communicate()
            assert time.monotonic() < deadline, "the first window never listened"
            time.sleep(0.1)
        assert journal.is_file(), "--journal was honoured: the window opened that file"
        assert not (tmp_path / "home" / "share" / "CareJournal").exists()
        second = _gui(env, journal)
        out, err = second.communicate(timeout=60)
        assert second.returncode == 0, err
        assert first.poll() is None, "the first window is still open"
    finally:
        first.send_signal(signal.SIGINT)  # closes the window as the worker would
        try:
            first.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            first.kill()
            first.communicate()
    assert first.returncode == 0
