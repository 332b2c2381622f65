"""What any JSON export of the journal must pay beyond starting Python: read every stored
row with sqlite3 (no SQLAlchemy, no JSON) and write a file as large as the export, fsynced.

    python -m benchmarks.export_floor JOURNAL OUT SIZE_BYTES
"""

from __future__ import annotations

import os
import sqlite3
import sys

SKIPPED = ("sqlite_%", "entries_fts%", "alembic_version")  # the text index is not exported


def read_everything(journal: str) -> int:
    """Fetch every row of every exported table; how many rows there were."""
    db = sqlite3.connect(f"file:{journal}?mode=ro", uri=True)
    try:
        where = " AND ".join("name NOT LIKE ?" for _ in SKIPPED)
        names = [r[0] for r in db.execute(
            f"SELECT name FROM sqlite_master WHERE type = 'table' AND {where}", SKIPPED)]
        db.text_factory = bytes  # no decoding: the export streams bytes too
        rows = 0
        for name in names:
            cursor = db.execute(f'SELECT * FROM "{name}"')
            while batch := cursor.fetchmany(2000):
                rows += len(batch)
        return rows
    finally:
        db.close()


def write_bytes(out: str, size: int) -> None:
    """Write size bytes in 4 MB blocks and fsync, as the export does."""
    block = b" " * (1 << 22)
    with open(out, "wb") as handle:
        for start in range(0, size, len(block)):
            handle.write(block[:size - start])
        handle.flush()
        os.fsync(handle.fileno())


def main(argv: list[str]) -> int:
    rows = read_everything(argv[0])
    write_bytes(argv[1], int(argv[2]))
    print(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
