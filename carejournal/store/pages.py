"""The pages of a journal file read one at a time, without SQLite: for salvage's page-level
recovery (carejournal/store/recovery.py), when SQLite's own b-tree walk cannot reach them.

A PageSource reads a private copy of the file (never the journal itself) a page at a time,
at its offset (os.pread, or a seek and a read where Windows has no pread): the file is never
loaded whole. Pages still waiting in a -wal file are read
from there (the newest committed frame of each page wins), as SQLite would.

An encrypted (SQLCipher 4) file is decrypted here page by page, in memory only, with the
`cryptography` package's AES. The format, from SQLCipher's source (crypto.h, sqlcipher.c)
and checked against a file sqlcipher3 made (tests/store/test_page_recovery.py): every page
ends with 80 reserved bytes, a 16-byte IV and a 64-byte HMAC-SHA512; the rest of the page is
AES-256-CBC ciphertext under the raw data key (no padding). Page 1 begins with the 16-byte
salt, in plain; its ciphertext starts after it, and once decrypted it is given back SQLite's
16-byte "SQLite format 3" header. The HMAC covers the ciphertext, the IV and the page number
(4 bytes, little-endian); its key is PBKDF2-HMAC-SHA512(data key, salt with each byte XORed
with 0x3a, 2 iterations, 32 bytes). A page whose HMAC fails is damaged and not read. When no
page passes (the salt itself is damaged) pages cannot be checked, and only the strict
parsing below stands between a damaged page and the rows read from it (`checked` says
which).

Then the SQLite file format (https://www.sqlite.org/fileformat2.html): b-tree pages, their
cells, varints, records and overflow chains. Parsing is strict: a page whose header, cell
pointers or cells do not add up is not a b-tree page, and a record whose header does not
match its body is not a record.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SQLITE_HEADER = b"SQLite format 3\x00"
CIPHER_PAGE = 4096  # SQLCipher 4's page size (CareJournal keeps the default)
CIPHER_RESERVE = 80  # IV (16) + HMAC-SHA512 (64)
SALT = 16
IV = 16
MAC = 64
TABLE_LEAF, TABLE_INTERIOR, INDEX_LEAF, INDEX_INTERIOR = 0x0D, 0x05, 0x0A, 0x02
HMAC_PROBE = 256  # pages tried before deciding that no HMAC can be checked
WAL_MAGIC = (0x377F0682, 0x377F0683)
Value = int | float | str | bytes | None


def open_to_read(path: Path) -> int:
    """A descriptor to read path's bytes (O_BINARY: Windows opens in text mode without it)."""
    return os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))


def read_at(fd: int, size: int, offset: int) -> bytes:
    """Up to size bytes at offset: os.pread where there is one, else (Windows, which has
    none) a seek and reads, on a descriptor only this reader uses."""
    if hasattr(os, "pread"):
        return os.pread(fd, size, offset)
    os.lseek(fd, offset, os.SEEK_SET)
    parts: list[bytes] = []
    while size > 0 and (part := os.read(fd, size)):
        parts.append(part)
        size -= len(part)
    return b"".join(parts)


class PageSource:
    """The pages of a (private copy of a) journal file, plain or decrypted."""

    def __init__(self, path: Path, key: bytes | None) -> None:
        self.key = key
        self._fd = open_to_read(path)
        self._mac_key: bytes | None = None
        self.checked = key is None  # whether damaged encrypted pages can be told by HMAC
        try:
            head = read_at(self._fd, 100, 0)
            self.page_size, reserve = _geometry(head, key is not None)
            self.usable = self.page_size - reserve
            size = os.fstat(self._fd).st_size
            self._wal = _WalFrames(Path(f"{path}-wal"), self.page_size)
            self.count = max(size // self.page_size, self._wal.highest)
            if key is not None:
                self._decrypt_setup(head[:SALT])
        except BaseException:
            os.close(self._fd)
            raise

    def close(self) -> None:
        self._wal.close()
        os.close(self._fd)

    def page(self, number: int) -> bytes | None:
        """Page `number` (1-based) as SQLite sees it, or None if it cannot be read."""
        if not 1 <= number <= self.count:
            return None
        raw = self._wal.page(number)
        if raw is None:
            raw = read_at(self._fd, self.page_size, (number - 1) * self.page_size)
        if len(raw) != self.page_size:
            return None
        return raw if self.key is None else self._decrypt(number, raw)

    def pages(self) -> Iterator[tuple[int, bytes | None]]:
        """Every page in turn."""
        for number in range(1, self.count + 1):
            yield number, self.page(number)

    def _decrypt_setup(self, salt: bytes) -> None:
        """Use the HMAC if the salt is right (some page passes it); else pages go unchecked."""
        assert self.key is not None
        mask = bytes(b ^ 0x3A for b in salt)
        self._mac_key = hashlib.pbkdf2_hmac("sha512", self.key, mask, 2, 32)
        for number in range(1, min(self.count, HMAC_PROBE) + 1):
            raw = read_at(self._fd, self.page_size, (number - 1) * self.page_size)
            if len(raw) == self.page_size and self._mac_ok(number, raw):
                self.checked = True
                return
        self._mac_key = None

    def _mac_ok(self, number: int, raw: bytes) -> bool:
        assert self._mac_key is not None
        start = SALT if number == 1 else 0
        end = self.page_size - MAC
        mac = hmac.new(self._mac_key, raw[start:end] + struct.pack("<I", number),
                       hashlib.sha512).digest()
        return hmac.compare_digest(mac, raw[end:])

    def _decrypt(self, number: int, raw: bytes) -> bytes | None:
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

        if self._mac_key is not None and not self._mac_ok(number, raw):
            return None
        start = SALT if number == 1 else 0
        end = self.page_size - CIPHER_RESERVE
        assert self.key is not None
        decryptor = Cipher(algorithms.AES(self.key), modes.CBC(raw[end:end + IV])).decryptor()
        plain = decryptor.update(raw[start:end]) + decryptor.finalize()
        return (SQLITE_HEADER if number == 1 else b"") + plain + bytes(CIPHER_RESERVE)


def _geometry(head: bytes, encrypted: bool) -> tuple[int, int]:
    """Page size and reserved bytes: SQLCipher's, or from a plain header (else the default)."""
    if encrypted:
        return CIPHER_PAGE, CIPHER_RESERVE
    if head.startswith(SQLITE_HEADER) and len(head) >= 21:
        size = struct.unpack(">H", head[16:18])[0]
        size = 65536 if size == 1 else size
        if 512 <= size <= 65536 and size & (size - 1) == 0 and head[20] < 255:
            return size, head[20]
    return 4096, 0  # the header is damaged: SQLite's (and CareJournal's) default


class _WalFrames:
    """Where the newest committed copy of each page is in a -wal file (checksums checked)."""

    def __init__(self, path: Path, page_size: int) -> None:
        self._fd: int | None = None
        self._at: dict[int, int] = {}
        self.highest = 0
        self.page_size = page_size
        try:
            self._fd = open_to_read(path)
        except OSError:
            return
        self._index()

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)

    def page(self, number: int) -> bytes | None:
        at = self._at.get(number)
        if at is None or self._fd is None:
            return None
        return read_at(self._fd, self.page_size, at)

    def _index(self) -> None:
        assert self._fd is not None
        head = read_at(self._fd, 32, 0)
        if len(head) < 32:
            return
        magic, _version, size, _seq, salt1, salt2 = struct.unpack(">6I", head[:24])
        if magic not in WAL_MAGIC or size != self.page_size:
            return
        order = ">" if magic & 1 else "<"
        sums = _wal_checksum(head[:24], (0, 0), order)
        if sums != struct.unpack(">2I", head[24:32]):
            return
        pending: dict[int, int] = {}
        at = 32
        while True:
            frame = read_at(self._fd, 24 + size, at)
            if len(frame) < 24 + size:
                return
            number, commit, s1, s2, c1, c2 = struct.unpack(">6I", frame[:24])
            if (s1, s2) != (salt1, salt2):
                return
            sums = _wal_checksum(frame[24:], _wal_checksum(frame[:8], sums, order), order)
            if sums != (c1, c2):
                return
            pending[number] = at + 24
            if commit:
                self._at.update(pending)
                self.highest = commit
                pending = {}
            at += 24 + size


def _wal_checksum(data: bytes, start: tuple[int, int], order: str) -> tuple[int, int]:
    """SQLite's WAL checksum (fileformat2, 4.4), continued from start."""
    s0, s1 = start
    words = struct.unpack(f"{order}{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


# --- b-tree pages ---


@dataclass(frozen=True)
class Cell:
    """One cell: its rowid (table b-trees), left child (interior pages), and payload
    (with local: the bytes on the page; overflow: the first overflow page, 0 if none)."""

    rowid: int | None
    child: int
    size: int  # the whole payload's size
    local: bytes
    overflow: int


@dataclass(frozen=True)
class BtreePage:
    """A b-tree page that parsed cleanly."""

    number: int
    kind: int
    cells: tuple[Cell, ...]
    right: int  # interior pages: the right-most child


def varint(data: bytes, at: int) -> tuple[int, int]:
    """The varint at `at` and where it ends (IndexError past the end)."""
    value = 0
    for i in range(8):
        byte = data[at + i]
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, at + i + 1
    value = (value << 8) | data[at + 8]
    return value, at + 9


def btree_page(number: int, data: bytes | None, usable: int) -> BtreePage | None:
    """The page as a b-tree page, or None if it is not one (or is damaged)."""
    if data is None:
        return None
    start = 100 if number == 1 else 0
    try:
        return _parse(number, data, start, usable)
    except (IndexError, ValueError, struct.error):
        return None


def _parse(number: int, data: bytes, start: int, usable: int) -> BtreePage | None:
    kind = data[start]
    if kind not in (TABLE_LEAF, TABLE_INTERIOR, INDEX_LEAF, INDEX_INTERIOR):
        return None
    _free, count, content, fragments = struct.unpack(">HHHB", data[start + 1:start + 8])
    content = content or 65536
    interior = kind in (TABLE_INTERIOR, INDEX_INTERIOR)
    header = start + (12 if interior else 8)
    right = struct.unpack(">I", data[start + 8:start + 12])[0] if interior else 0
    pointers_end = header + 2 * count
    if fragments > 60 or pointers_end > content or content > usable or (
            count == 0 and number != 1 and kind != TABLE_LEAF):
        return None
    offsets = struct.unpack(f">{count}H", data[header:pointers_end])
    cells: list[tuple[int, int, Cell]] = []
    for offset in offsets:
        if not content <= offset < usable:
            return None
        cell, end = _cell(kind, data, offset, usable)
        if end > usable:
            return None
        cells.append((offset, end, cell))
    spans = sorted((o, e) for o, e, _ in cells)
    if any(spans[i][1] > spans[i + 1][0] for i in range(len(spans) - 1)):
        return None  # cells overlap
    return BtreePage(number, kind, tuple(c for *_, c in cells), right)


def _cell(kind: int, data: bytes, at: int, usable: int) -> tuple[Cell, int]:
    child = 0
    if kind in (TABLE_INTERIOR, INDEX_INTERIOR):
        child = struct.unpack(">I", data[at:at + 4])[0]
        at += 4
        if child < 1:
            raise ValueError("no child")
    if kind == TABLE_INTERIOR:
        key, end = varint(data, at)
        return Cell(_signed(key), child, 0, b"", 0), end
    size, at = varint(data, at)
    rowid: int | None = None
    if kind == TABLE_LEAF:
        raw, at = varint(data, at)
        rowid = _signed(raw)
    local = _local_size(size, usable, kind == TABLE_LEAF)
    body = data[at:at + local]
    if len(body) != local:
        raise ValueError("short cell")
    end = at + local
    overflow = 0
    if local < size:
        overflow = struct.unpack(">I", data[end:end + 4])[0]
        end += 4
        if overflow < 2:
            raise ValueError("no overflow page")
    return Cell(rowid, child, size, body, overflow), end


def _local_size(size: int, usable: int, table: bool) -> int:
    """How much of a payload is on the page itself (fileformat2, 1.6)."""
    most = usable - 35 if table else (usable - 12) * 64 // 255 - 23
    if size <= most:
        return size
    least = (usable - 12) * 32 // 255 - 23
    k = least + (size - least) % (usable - 4)
    return k if k <= most else least


def _signed(value: int) -> int:
    return value - (1 << 64) if value >= 1 << 63 else value


def payload(source: PageSource, cell: Cell, seen: set[int] | None = None) -> bytes | None:
    """The cell's whole payload, following its overflow chain; None if the chain is broken.

    `seen` collects the overflow pages (so they are not taken for anything else).
    """
    if not cell.overflow:
        return cell.local
    parts, left, page = [cell.local], cell.size - len(cell.local), cell.overflow
    chunk = source.usable - 4
    for _ in range(left // chunk + 1):
        data = source.page(page)
        if data is None:
            return None
        if seen is not None:
            seen.add(page)
        nxt = struct.unpack(">I", data[:4])[0]
        take = min(left, chunk)
        parts.append(data[4:4 + take])
        left -= take
        if not left:
            return b"".join(parts) if nxt == 0 else None
        page = nxt
        if not 2 <= page <= source.count:
            return None
    return None


def record(data: bytes) -> list[Value] | None:
    """The values of a record (fileformat2, 2.1), or None if it does not parse exactly."""
    try:
        header, at = varint(data, 0)
        if not at <= header <= len(data):
            return None
        types = []
        while at < header:
            serial, at = varint(data, at)
            types.append(serial)
        if at != header:
            return None
        values: list[Value] = []
        at = header
        for serial in types:
            value, at = _value(serial, data, at)
            values.append(value)
        return values if at == len(data) else None
    except (IndexError, ValueError, UnicodeDecodeError, struct.error):
        return None


_INTS = {1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 8}


def _value(serial: int, data: bytes, at: int) -> tuple[Any, int]:
    if serial == 0:
        return None, at
    if serial in _INTS:
        n = _INTS[serial]
        chunk = data[at:at + n]
        if len(chunk) != n:
            raise ValueError("short value")
        return int.from_bytes(chunk, "big", signed=True), at + n
    if serial == 7:
        return struct.unpack(">d", data[at:at + 8])[0], at + 8
    if serial in (8, 9):
        return serial - 8, at
    if serial < 12:
        raise ValueError("reserved serial type")
    n = (serial - 12) // 2
    chunk = data[at:at + n]
    if len(chunk) != n:
        raise ValueError("short value")
    return (bytes(chunk) if serial % 2 == 0 else chunk.decode("utf-8")), at + n


def freelist(source: PageSource, first: bytes | None) -> set[int] | None:
    """Every page on the freelist (trunks and leaves), or None if it cannot be read.

    `first` is page 1 as read (None when it is damaged: the freelist is then unknown).
    """
    if first is None:
        return None
    trunk, count = struct.unpack(">II", first[32:40])
    free: set[int] = set()
    while trunk:
        if trunk in free or not 2 <= trunk <= source.count:
            return None
        data = source.page(trunk)
        if data is None:
            return None
        free.add(trunk)
        nxt, leaves = struct.unpack(">II", data[:8])
        if leaves > source.usable // 4 - 2:
            return None
        for i in range(leaves):
            leaf = struct.unpack(">I", data[8 + 4 * i:12 + 4 * i])[0]
            if not 2 <= leaf <= source.count:
                return None
            free.add(leaf)
        trunk = nxt
    return free if len(free) == count else None
