"""Journals damaged on purpose, for the salvage tests (store, CLI and dialog)."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

from carejournal.services.journal import Journal
from tests.conftest import draft

FIXED_NOW = dt.datetime(2026, 3, 2, 18, 30, 15, 123456, tzinfo=dt.UTC)


def make_journal(path: Path, count: int = 80) -> Path:
    """A closed journal with `count` entries long enough to fill many pages."""
    # A fixed clock: timestamps of varying length would move rows between pages from run
    # to run, and the page damaged on purpose must hold the same rows every time.
    journal = Journal.open(path, create=True, clock=lambda: FIXED_NOW)
    try:
        for i in range(count):
            journal.add(draft(f"Entry {i}. " + "We talked about the garden and the bus. " * 8,
                              people=("Sam", f"Person {i % 5}"), tags=("garden",),
                              title=f"Day {i}",
                              sections=(("what", f"What happened {i}"),)))
    finally:
        journal.close()
    return path


def leaf_pages(path: Path, table: str) -> tuple[int, list[int]]:
    """The page size and the leaf pages of a table (from SQLite's dbstat table)."""
    conn = sqlite3.connect(path)
    try:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = [r[0] for r in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
            (table,))]
    finally:
        conn.close()
    return size, pages


def damage_middle_leaf(path: Path, table: str = "entries") -> None:
    """Overwrite bytes in the middle of one leaf page of the table (its cells' pointers
    and content), so SQLite's quick check fails."""
    size, pages = leaf_pages(path, table)
    page = pages[len(pages) // 2]
    with path.open("r+b") as handle:
        handle.seek((page - 1) * size + 8)  # past the leaf header: the cell pointers...
        handle.write(b"\xff\xfe" * 8)
        handle.seek((page - 1) * size + size // 2)  # ...and the middle of the page
        handle.write(b"\x00\xde\xad\xbe\xef" * 40)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
