"""The CareJournal JSON format (documented in docs/interchange.md): a whole journal,
lossless, versioned. Writing it from a snapshot, and reading it strictly."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import Any

from carejournal.exchange.errors import ImportProblem

FORMAT_NAME = "carejournal"
FORMAT_VERSION = 1


def to_document(snapshot: dict[str, Any], exported_at: dt.datetime, app_version: str,
                plain: bool = True) -> dict[str, Any]:
    """The JSON document of a journal snapshot: every table as rows of plain values, entries
    with feeling_score and feeling_word (as salvage.py builds it from a damaged journal; a
    healthy journal is written by json_export.py from records the store writes as JSON).

    With plain, dates and times are ISO text already; without, `dumps` writes them so.
    """
    entries = []
    for row in snapshot["entries"]:
        entry = dict(row)  # (the caller's rows are left as they are)
        score, word = entry.pop("feeling_score"), entry.pop("feeling_word")
        entry["feeling"] = None if score is None else {"score": score, "word": word}
        entries.append(entry)
    header = {"format": FORMAT_NAME, "version": FORMAT_VERSION,
              "exported_at": exported_at, "app_version": app_version}
    document = header | snapshot | {"entries": entries}
    return _plain(document) if plain else document


def _plain(value: Any) -> Any:
    """Dates, times and datetimes as ISO 8601 text, all the way down."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def _iso(value: Any) -> str:
    """Dates, times and datetimes as ISO 8601 text (what `_plain` makes of them)."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


class Encoded:
    """Records already written as UTF-8 JSON text (one line each, as `dumps` would write
    them), from a list or read as they are written; counts them."""

    def __init__(self, records: Iterable[bytes]) -> None:
        self.records = records
        self.count = 0

    def __iter__(self) -> Iterator[bytes]:
        for record in self.records:
            self.count += 1
            yield record


def chunks(document: dict[str, Any]) -> Iterator[str | bytes]:
    """The document as JSON text in pieces (see dumps), a record or a key at a time: text,
    and the UTF-8 bytes of Encoded records as they are."""
    one = json.JSONEncoder(ensure_ascii=False, allow_nan=False, default=_iso).encode
    yield "{\n"
    for index, (key, value) in enumerate(document.items()):
        yield (",\n" if index else "") + f" {one(key)}: "
        if isinstance(value, Encoded):
            yield from _records(value, b"[\n  ", b",\n  ", b"\n ]")
        elif isinstance(value, list | tuple) and value:
            yield from _records(map(one, value), "[\n  ", ",\n  ", "\n ]")
        else:
            yield one(value)
    yield "\n}\n"


def _records(records: Iterable[Any], start: Any, between: Any, end: Any) -> Iterator[Any]:
    """A list of records, one a line (`[]` when there are none)."""
    first = True
    for record in records:
        yield start if first else between
        yield record
        first = False
    yield "[]" if first else end


def utf8(pieces: Iterable[str | bytes], size: int = 1 << 22) -> Iterator[bytes]:
    """The pieces as UTF-8, gathered into blocks of about size bytes."""
    batch: list[bytes] = []
    gathered = 0
    for piece in pieces:
        data = piece.encode("utf-8") if isinstance(piece, str) else piece
        batch.append(data)
        gathered += len(data)
        if gathered >= size:
            yield b"".join(batch)
            batch.clear()
            gathered = 0
    yield b"".join(batch)


def dumps(document: dict[str, Any]) -> str:
    """The document as UTF-8-ready JSON text, non-ASCII kept as is: one line a key, and one
    line a record in its lists.

    That stays readable and lets json use its C encoder: any indent makes it fall back to
    the pure-Python one (4.5 s instead of a fraction of a second at 20,000 entries).
    """
    return b"".join(utf8(chunks(document))).decode("utf-8")


def loads(text: str, where: str) -> Any:
    """Parse JSON strictly: no NaN or Infinity, no duplicate keys, no absurd nesting."""
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise ImportProblem(f"{where}, line {exc.lineno} column {exc.colno}",
                            f"this is not valid JSON ({exc.msg})") from None
    except _Refused as exc:
        raise ImportProblem(where, str(exc)) from None
    except RecursionError:
        raise ImportProblem(where, "the data is nested too deeply to be a journal") from None
    except ValueError as exc:  # e.g. a number of 5,000 digits
        raise ImportProblem(where, f"this JSON cannot be read ({exc})") from None


class _Refused(ValueError):
    """A JSON value the format does not allow."""


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _Refused(f"the key '{key[:40]}' appears twice in one object")
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise _Refused(f"{name} is not a number JSON allows")
