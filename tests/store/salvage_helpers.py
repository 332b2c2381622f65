"""Journals damaged on purpose, for the salvage tests (store, CLI and dialog)."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

from carejournal.services.journal import Journal
from tests.conftest import draft

FIXED_NOW = dt.datetime(2026, 3, 2, 18, 30, 15, 123456, tzinfo=dt.UTC)


def make_journal(path: Path, count: int = 80, repeat: int = 8) -> Path:
    """A closed journal with `count` entries long enough to fill many pages (with repeat=90,
    one entry fills a page, so 600 entries make a table three pages deep)."""
    # A fixed clock: timestamps of varying length would move rows between pages from run
    # to run, and the page damaged on purpose must hold the same rows every time.
    journal = Journal.open(path, create=True, clock=lambda: FIXED_NOW)
    try:
        for i in range(count):
            journal.add(draft(f"Entry {i}. " + "We talked about the garden and the bus. " * repeat,
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

KEY = bytes(range(32))
RESERVE = 80  # SQLCipher 4: a 16-byte IV and a 64-byte HMAC at the end of every page


def make_encrypted(path: Path, count: int = 80, key: bytes = KEY, repeat: int = 8) -> Path:
    """A closed SQLCipher journal (no key file) with the entries make_journal writes."""
    from carejournal.store import cipher

    plain = make_journal(path.with_name(f"{path.stem}-plain.sqlite"), count, repeat)
    cipher.export_copy(plain, None, path, key)
    plain.unlink()
    return path


def decrypted_pages(path: Path, key: bytes, into: Path) -> Path:
    """A plain SQLite file with the encrypted file's pages, decrypted where they are
    (SQLCipher 4 with a raw key: AES-256-CBC, the IV in each page's reserved bytes), so
    stdlib SQLite's dbstat says which page holds what."""
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    size = 4096
    data = path.read_bytes()
    pages = []
    for start in range(0, len(data), size):
        page = data[start:start + size]
        first = 16 if start == 0 else 0  # page 1 begins with the salt, not encrypted
        iv = page[size - RESERVE:size - RESERVE + 16]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        plain = decryptor.update(page[first:size - RESERVE]) + decryptor.finalize()
        pages.append((b"SQLite format 3\x00" if first else b"") + plain + bytes(RESERVE))
    into.write_bytes(b"".join(pages))
    return into


def page_map(path: Path, key: bytes | None = None) -> list[tuple[str, str, int, str]]:
    """(table or index, page type, page number, path: "/" for a root) of every page, from
    SQLite's dbstat."""
    if key is not None:
        path = decrypted_pages(path, key, path.with_name(f"{path.name}.pages"))
    conn = sqlite3.connect(path)
    try:
        return [(r[0], r[1], r[2], r[3]) for r in conn.execute(
            "SELECT name, pagetype, pageno, path FROM dbstat ORDER BY pageno")]
    finally:
        conn.close()
        if key is not None:
            path.unlink()


def damage_page(path: Path, page: int, size: int = 4096) -> None:
    """Overwrite 200 bytes in the middle of one page (SQLCipher's HMAC then refuses it)."""
    with path.open("r+b") as handle:
        handle.seek((page - 1) * size + size // 2)
        handle.write(b"\x00\xde\xad\xbe\xef" * 40)


def leaf_cells(path: Path, table: str, key: bytes | None = None) -> dict[int, int]:
    """{leaf page: cells on it} of a table, from SQLite's dbstat (decrypted first if keyed)."""
    if key is not None:
        path = decrypted_pages(path, key, path.with_name(f"{path.name}.cells"))
    conn = sqlite3.connect(path)
    try:
        return {r[0]: r[1] for r in conn.execute(
            "SELECT pageno, ncell FROM dbstat WHERE name = ? AND pagetype = 'leaf'", (table,))}
    finally:
        conn.close()
        if key is not None:
            path.unlink()


def wipe_page(path: Path, page: int, size: int = 4096) -> None:
    """Overwrite a whole page with zeros."""
    with path.open("r+b") as handle:
        handle.seek((page - 1) * size)
        handle.write(bytes(size))
