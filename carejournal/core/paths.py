"""Where the journal lives: --journal, then $CAREJOURNAL_JOURNAL, then the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

from carejournal import APP_NAME

ENV_VAR = "CAREJOURNAL_JOURNAL"
JOURNAL_FILENAME = "journal.sqlite"


def default_data_dir() -> Path:
    """The per-user data folder, e.g. ~/.local/share/CareJournal on Linux."""
    from platformdirs import user_data_path  # 5 ms: not paid when --journal names the file

    return user_data_path(APP_NAME, appauthor=False)


def journal_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The journal file to use; the default folder is created (owner-only) if missing."""
    chosen = explicit or os.environ.get(ENV_VAR)
    if chosen:
        return Path(chosen).expanduser().absolute()
    folder = default_data_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder / JOURNAL_FILENAME
