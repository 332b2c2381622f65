"""Write the whole journal to a CareJournal JSON file (written atomically, owner-only)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from carejournal import __version__
from carejournal.domain import utc_now
from carejournal.interchange.json_format import dumps, to_document
from carejournal.interchange.loading import repository
from carejournal.journal import Journal
from carejournal.store.schema import translate_errors


def document(journal: Journal, now: dt.datetime | None = None, plain: bool = True
             ) -> dict[str, Any]:
    """The journal as a JSON-ready document (see json_format.to_document for plain)."""
    with repository(journal) as repo, translate_errors(journal.path):
        snapshot = repo.snapshot()
    return to_document(snapshot, now or utc_now(), __version__, plain)


def export_json(journal: Journal, out: Path) -> int:
    """Write the journal to out (replacing it only once fully written); return entries."""
    doc = document(journal, plain=False)  # dumps writes the dates
    temporary = out.with_name(f".{out.name}.part")
    fd = os.open(temporary, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(dumps(doc))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, out)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return len(doc["entries"])
