"""The parent's side of the invariant tests: drive a holder process, open and close the journal
from this (another) process after each of its operations, then kill the holder with SIGKILL."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def open_descriptors(path: Path) -> list[str]:
    """What this process has open on the file at path or its -wal/-shm (from /proc)."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):
            target = os.readlink(f"/proc/self/fd/{fd}")
            if target.startswith(str(path)):
                found.append(target)
    return found


@dataclass
class Outcome:
    """What the holder wrote, what was unlinked under it, and its last key (hex or '-')."""

    written: list[int] = field(default_factory=list)
    unlinked: dict[str, str] = field(default_factory=dict)
    key_hex: str = "-"


def drive(module: str, path: Path, work: Path,
          open_and_close: Callable[[Path, str], None]) -> Outcome:
    """Run `python -m module path work` to its END, then SIGKILL it."""
    env = os.environ | {"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    holder = subprocess.Popen([sys.executable, "-m", module, str(path), str(work)], cwd=ROOT,
                              env=env, text=True, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert holder.stdin is not None and holder.stdout is not None
    outcome = Outcome()
    try:
        for line in holder.stdout:
            if line.startswith("OP "):
                outcome.key_hex = line.split()[-1]
                open_and_close(path, outcome.key_hex)
                holder.stdin.write("go\n")
                holder.stdin.flush()
            elif line.startswith("OK "):
                name, entry, deleted = line[3:].rstrip("\n").split("\t")
                outcome.written.append(int(entry))
                if deleted != "[]":
                    outcome.unlinked[name] = deleted
            elif line.startswith("END"):
                outcome.key_hex = line.split()[-1] if len(line.split()) > 1 else "-"
                break
        holder.send_signal(signal.SIGKILL)
    finally:
        holder.kill()
        holder.wait(timeout=30)
    return outcome
