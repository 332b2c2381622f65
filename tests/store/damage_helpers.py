"""Random bytes written inside an entry's record, as a failing disk or a stray program leaves
them: the page's structure stays whole, so SQLite's quick check passes it."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from carejournal.services.journal import Journal
from tests.conftest import draft
from tests.store.salvage_helpers import FIXED_NOW, leaf_pages

MARKER = "Marigold-quokka visit"  # the text of the entry that gets damaged
DAY = "2019-07-23"  # its date, found nowhere else in the table


def make_journal(path: Path, count: int = 60) -> Path:
    """A closed journal; the entry in the middle holds MARKER in its body and DAY as its date."""
    journal = Journal.open(path, create=True, clock=lambda: FIXED_NOW)
    try:
        for i in range(count):
            special = i == count // 2
            body = (f"{MARKER}. " if special else f"Entry {i}. ") + \
                "We went to the garden and then took the bus home. " * 6
            day = dt.date.fromisoformat(DAY) if special else dt.date(2026, 3, 2)
            journal.add(draft(body, day=day, title=f"Day {i}", people=("Sam",),
                              tags=("garden",)))
    finally:
        journal.close()
    return path


def _offsets_in_table(path: Path, needle: bytes, table: str = "entries") -> list[int]:
    """Where needle is in the file, on the leaf pages of the table only (not in an index)."""
    size, pages = leaf_pages(path, table)
    data = path.read_bytes()
    found, start = [], 0
    while (at := data.find(needle, start)) >= 0:
        if at // size + 1 in pages:
            found.append(at)
        start = at + 1
    return found


def scribble_in_text(path: Path, seed: int) -> None:
    """Overwrite a few bytes inside the marked entry's body with random bytes (not UTF-8)."""
    at = _offsets_in_table(path, MARKER.encode())[0]
    rng = random.Random(seed)
    with path.open("r+b") as handle:
        for _ in range(3):
            length = rng.randint(1, 6)
            handle.seek(at + rng.randint(0, 200))
            handle.write(bytes([0xFF]) + rng.randbytes(length))


def scribble_in_date(path: Path, seed: int) -> None:
    """Overwrite bytes of the marked entry's date in its row (its index entry is left)."""
    at = _offsets_in_table(path, DAY.encode())[0]
    rng = random.Random(seed)
    with path.open("r+b") as handle:
        handle.seek(at + rng.randint(0, 3))
        handle.write(rng.choice([b"\xfe\xff", b"O", b"9x"]))


def scribble_in_kind(path: Path) -> None:
    """Overwrite bytes of the marked entry's kind ('interaction', stored just before its
    date), so it is no longer text: listing the timeline meets it."""
    at = _offsets_in_table(path, DAY.encode())[0] - len("interaction")
    with path.open("r+b") as handle:
        handle.seek(at + 5)
        handle.write(b"\xff\xfe")
