"""Reading import files safely: a size limit, UTF-8 with or without a BOM, clean text."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from carejournal.exchange.errors import ImportProblem

MAX_FILE_BYTES = 200 * 1024 * 1024  # 200 MiB: far beyond any real journal export
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def read_text(path: Path, limit: int = MAX_FILE_BYTES) -> str:
    """The file's text: UTF-8 (a leading BOM is dropped), or ImportProblem saying why not."""
    where = str(path)
    try:
        size = path.stat().st_size
        if size > limit:
            raise ImportProblem(where, f"the file is {size:,} bytes; the limit is {limit:,}")
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise ImportProblem(where, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise ImportProblem(where, f"the file is larger than the limit of {limit:,} bytes")
    return decode(data, where)


def decode(data: bytes, where: str) -> str:
    """Decode UTF-8 (with or without a BOM); otherwise say where the first bad byte is."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportProblem(
            f"{where}, line {line}",
            f"the file is not UTF-8 text (byte {exc.start}); save it as UTF-8 and try again",
        ) from None


def check_text(value: str, where: str) -> str:
    """The text unchanged, or ImportProblem if it holds a lone surrogate (not storable)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ImportProblem(where, f"the text has an invalid character at position {exc.start} "
                                   "(a lone surrogate)") from None
    return value


def strip_nuls(value: Any) -> tuple[Any, int]:
    """Parsed JSON with every NUL (U+0000) removed from its texts, and how many were removed.

    A NUL means nothing in writing and cannot be kept safely (SQLite's C functions and many
    readers stop at it), and the worker cannot see one to take it out, so the JSON import
    removes it and says how many it removed rather than refusing the whole file.
    """
    if isinstance(value, str):
        return (value.replace("\x00", ""), value.count("\x00")) if "\x00" in value else (value, 0)
    if isinstance(value, list):
        pairs = [strip_nuls(item) for item in value]
        return [item for item, _ in pairs], sum(n for _, n in pairs)
    if isinstance(value, dict):
        cleaned, removed = {}, 0
        for key, item in value.items():
            cleaned[key], found = strip_nuls(item)
            removed += found
        return cleaned, removed
    return value, 0


def clean_text(value: str, where: str) -> str:
    """Imported text from another app: control characters other than tab and newline removed,
    Windows and old Mac line ends made '\\n' (a documented repair)."""
    value = check_text(value, where).replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", value)
