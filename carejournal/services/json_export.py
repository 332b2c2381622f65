"""Write the whole journal to a CareJournal JSON file (written atomically, owner-only).

The records come from the store already written as JSON text (store/snapshot_read.py):
no ORM objects, no per-value Python conversions, and the file is written in large pieces.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from carejournal import __version__, durable
from carejournal.core.domain import utc_now
from carejournal.core.errors import JournalError
from carejournal.exchange.json_format import (
    FORMAT_NAME,
    FORMAT_VERSION,
    Encoded,
    chunks,
    utf8,
)
from carejournal.services.journal import Journal
from carejournal.store.schema import translate_errors

_Pieces = tuple[Iterator[str | bytes], Encoded]


@contextmanager
def pieces(journal: Journal, now: dt.datetime | None = None) -> Iterator[_Pieces]:
    """The journal's JSON text in pieces, and the entries counted as they are written: use
    both inside the with block (one consistent read, streamed)."""
    with translate_errors(journal.path), journal.interchange.json_parts() as parts:
        header = {"format": FORMAT_NAME, "version": FORMAT_VERSION,
                  "exported_at": now or utc_now(), "app_version": __version__}
        document: dict[str, Any] = header | {
            key: value if isinstance(value, dict) else Encoded(value)
            for key, value in parts.items()}
        yield chunks(document), document["entries"]


def document(journal: Journal, now: dt.datetime | None = None) -> dict[str, Any]:
    """The journal as the JSON document the export writes (parsed back: plain values)."""
    with pieces(journal, now) as (text, _entries):
        parsed: dict[str, Any] = json.loads(b"".join(utf8(text)))
        return parsed


def export_json(journal: Journal, out: Path, now: dt.datetime | None = None) -> int:
    """Write the journal to out (replacing it only once fully written, durably, owner-only);
    return the number of entries."""
    with durable.writing(out, durable.PRIVATE) as handle, \
            pieces(journal, now) as (text, entries):
        check = codecs.getincrementaldecoder("utf-8")()
        for block in utf8(text):
            _valid(check, block, journal.path)
            handle.write(block)
    return entries.count


def _valid(check: codecs.IncrementalDecoder, block: bytes, path: Path) -> None:
    """Refuse text SQLite holds that is not UTF-8 (damage): a JSON file must not carry it."""
    try:
        check.decode(block)
    except UnicodeDecodeError as exc:
        raise JournalError(
            f"Some text in {path.name} is damaged (it is not valid UTF-8), so it cannot be "
            "exported as JSON. Nothing was written. `carejournal salvage` saves what can "
            "be read.") from exc


def exported_message(count: int, out: Path) -> str:
    """What the CLI and the window say once the journal is exported as JSON."""
    return (f"Exported the whole journal ({count} entries) to {out}. "
            "It is not encrypted: keep it somewhere safe.")
