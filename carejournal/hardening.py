"""What the window and the command line do first: no core dumps, and new files owner-only.

A core dump is a copy of the process's memory written to disk when it crashes: the open
entry's text, the journal's data key, the passphrase just typed. Python cannot wipe memory
(strings are immutable and the allocator reuses freed blocks as it likes), so CareJournal
drops every reference it can (see ui/privacy/lock.py) and makes sure memory is never written
out:

- RLIMIT_CORE is set to 0 (soft and hard), so the kernel writes no core file;
- on Linux, PR_SET_DUMPABLE is set to 0, so no core is written even through a core pattern
  that pipes to a handler (systemd-coredump, apport), and other processes of the same user
  cannot ptrace the app or read its /proc/<pid>/mem;
- the file-creation mask becomes 0077, so a file made by a library rather than through
  carejournal/durable.py (Qt's settings file, a temporary file) is owner-only too.

Each step is guarded: where the system has no such call, or refuses it, start-up goes on.
"""

from __future__ import annotations

import os
import sys
from contextlib import suppress

PR_SET_DUMPABLE = 4  # from <linux/prctl.h>
OWNER_ONLY_MASK = 0o077


def disable_core_dumps() -> bool:
    """Ask the system to write no core dump of this process; True if every step worked."""
    done = True
    try:
        import resource
    except ImportError:  # Windows: no core files; Windows Error Reporting is per user
        return False
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (OSError, ValueError, AttributeError):
        done = False
    if sys.platform.startswith("linux"):
        done = _not_dumpable() and done
    return done


def _not_dumpable() -> bool:
    """prctl(PR_SET_DUMPABLE, 0) through the C library (False where it cannot be done)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0)
    except (OSError, AttributeError, TypeError):
        return False


def harden() -> None:
    """Disable core dumps and make new files owner-only; never stops start-up."""
    with suppress(Exception):
        disable_core_dumps()
    with suppress(OSError, AttributeError):
        os.umask(OWNER_ONLY_MASK)
