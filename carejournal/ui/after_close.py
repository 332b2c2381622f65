"""Work that must happen while the journal is closed (restore, lock, encrypt, decrypt).

The window asks for it by setting `window.after_close` to a step and closing itself. The
composition root (carejournal/app.py) then closes the journal, runs the step, and opens the
journal again if the step says so. A step never runs with the journal's engine open, so
nothing can write to the file while it is replaced or re-encrypted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Session:
    """The journal file and the data key it is opened with (None: not encrypted)."""

    path: Path
    key: bytes | None = None
    reopen_entry: int | None = None  # the entry to show again after unlocking
    notice: str | None = None  # what the step did, said in the window when it opens again


# A step gets the session (it may change the key) and returns whether to open the journal
# again (False: the application quits).
AfterClose = Callable[[Session], bool]
