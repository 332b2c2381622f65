"""Real storage failures for tests: a file-size limit (a full disk) and a read-only disk.

A full disk: the CLI runs in a subprocess under resource.RLIMIT_FSIZE with SIGXFSZ ignored,
so every write past the limit fails with EFBIG (no root needed). A read-only disk: a tmpfs
mounted read-only when this process may mount (root, as in the project's sandbox), else
the journal and its folder made read-only with chmod (which stops anyone but root).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

LIMITED = """
import resource, signal, sys
limit = int(sys.argv[1])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from carejournal.cli.main import main
sys.exit(main(sys.argv[2:]))
"""


def run_limited(limit: int, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Run `carejournal ARGS` in a subprocess that may not write past limit bytes in a file."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", LIMITED, str(limit), *args], input=stdin,
                          capture_output=True, text=True, timeout=120, env=env, check=False)


def _try(*command: str) -> bool:
    return subprocess.run(command, capture_output=True, check=False).returncode == 0


@contextmanager
def read_only_copy(journal: Path, where: Path) -> Iterator[Path]:
    """A copy of the (closed) journal on read-only storage; yields the copy's path."""
    folder = where / "read-only"
    folder.mkdir()
    if os.geteuid() == 0 and _try("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(folder)):
        try:
            shutil.copy2(journal, folder / journal.name)
            if not _try("mount", "-o", "remount,ro", str(folder)):
                pytest.skip("a tmpfs could be mounted but not made read-only here")
            yield folder / journal.name
        finally:
            _try("umount", "-l", str(folder))
        return
    if os.geteuid() == 0:
        pytest.skip("root cannot mount here, and chmod does not stop root writing")
    shutil.copy2(journal, folder / journal.name)
    (folder / journal.name).chmod(0o400)
    folder.chmod(0o500)
    try:
        yield folder / journal.name
    finally:
        folder.chmod(0o700)
