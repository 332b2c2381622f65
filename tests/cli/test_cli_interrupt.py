"""Ctrl-C in a real `carejournal` process: status 130, one line, no traceback."""

from __future__ import annotations

import platform
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from carejournal.services.journal import Journal
from tests.cli.test_cli import clean_env

pytestmark = pytest.mark.skipif(not Path("/proc/self/wchan").exists(),
                                reason="needs /proc to see the process wait for input")


def waiting_for_input(pid: int) -> bool:
    """Whether the process sleeps in a read of a pipe (its standard input here)."""
    try:
        wchan = Path(f"/proc/{pid}/wchan").read_text()
        syscall = Path(f"/proc/{pid}/syscall").read_text().split()
    except OSError:
        return False
    x86_read_of_stdin = platform.machine() == "x86_64" and syscall[:2] == ["0", "0x0"]
    return "pipe_read" in wchan or x86_read_of_stdin


def interrupt_while_reading(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the command with standard input open; press Ctrl-C once it waits for it."""
    process = subprocess.Popen(
        [sys.executable, "-m", "carejournal", *args], stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=clean_env(tmp_path),
        cwd=tmp_path)
    try:
        assert process.stdin is not None
        process.stdin.write("Half a sentence about the lighthouse")
        process.stdin.flush()
        while process.poll() is None and not waiting_for_input(process.pid):
            time.sleep(0.01)  # a real process starting: it reads its input within a second
        assert process.poll() is None, process.communicate()
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def test_ctrl_c_while_add_waits_for_the_text_leaves_the_journal_as_it_was(
        tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    Journal.open(path, create=True).close()
    done = interrupt_while_reading(tmp_path, "--journal", str(path), "add",
                                   "--kind", "reflection", "-")
    assert (done.returncode, done.stdout, done.stderr) == (
        130, "", "carejournal: stopped (Ctrl-C).\n")
    journal = Journal.open(path)
    try:
        assert journal.count() == 0
    finally:
        journal.close()


def test_ctrl_c_while_check_reads_standard_input(tmp_path: Path) -> None:
    done = interrupt_while_reading(tmp_path, "check", "-")
    assert (done.returncode, done.stdout, done.stderr) == (
        130, "", "carejournal: stopped (Ctrl-C).\n")
    assert "Traceback" not in done.stderr
