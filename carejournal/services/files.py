"""Questions about a journal's files that need no open journal, cheap enough for every command.

Whether a file may be an encrypted journal (so a passphrase is asked for only then), and why a
file could not be written, in words a worker can act on. The command line asks here rather
than reaching into the store; both answers come from modules every journal command has
loaded already, so asking costs no start-up time (carejournal/services/encryption.py, which
does the rest, loads the key-file and backup code).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from carejournal.store import cipher, write_errors

if TYPE_CHECKING:
    from pathlib import Path

    from carejournal.core.errors import NotSaved


def may_be_encrypted(journal: Path) -> bool:
    """Whether the file has content but no plain SQLite header (so it may be encrypted)."""
    return cipher.looks_encrypted(journal)


def not_saved(exc: OSError) -> NotSaved | None:
    """The NotSaved for an OSError writing a file (an export, a draft, settings), or None."""
    return write_errors.from_os(exc)


def os_problem(exc: OSError) -> str:
    """One line for an OSError: why a write failed (disk full, read-only...), else the
    system's own words and the file's name (the CLI and the window say the same)."""
    why = not_saved(exc)
    if why is not None:
        return str(why)
    where = f" ({exc.filename})" if exc.filename else ""
    return f"{exc.strerror or exc}{where}. Nothing was changed."
