"""Encryption timings on a 20,000-entry demo journal: `make bench` (or run this file alone).

Builds one plain journal in a temporary folder (never the data folder), copies it, encrypts
the copy with the real Argon2id cost, and times unlocking, encrypting and decrypting,
opening, listing, searching and backing up, encrypted beside plain. Prints a table in the
format of bench/run.py.

The window's spawn-to-first-paint for an encrypted journal is not measured: the window asks
for the passphrase in a modal dialog before it opens the journal, and timing that means
typing into the dialog (or bypassing it, which would measure something else). Journal.open
with the key, below, is the part of that start-up that encryption adds to.

    python bench/encryption_bench.py [--entries N] [--runs N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from carejournal import encryption
from carejournal.demo import fill_demo
from carejournal.domain import EntryFilter
from carejournal.journal import Journal
from carejournal.store.backup import backups_dir

ENTRIES = 20_000
RUNS = 5
SLOW_RUNS = 3  # unlocking, encrypting and decrypting
PASSPHRASE = "a kettle on the windowsill"
Row = tuple[str, float, int, str]


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def timed(fn: Callable[[], Any], runs: int, before: Callable[[], Any] | None = None,
          warm_up: bool = False) -> tuple[list[float], Any]:
    """Call fn runs times (before() untimed ahead of each); return the times and last result."""
    result = fn() if warm_up else None
    samples: list[float] = []
    for _ in range(runs):
        if before is not None:
            before()
        begin = time.perf_counter()
        result = fn()
        samples.append(time.perf_counter() - begin)
    return samples, result


def clear_backups(journal: Path) -> None:
    """Empty the journal's backups folder, so each run converts the same files."""
    shutil.rmtree(backups_dir(journal), ignore_errors=True)


def build(folder: Path, entries: int, rows: list[Row]) -> tuple[Path, Path]:
    """A plain demo journal, and a copy of it in its own folder (to be encrypted)."""
    plain = folder / "plain" / "journal.sqlite"
    enc = folder / "encrypted" / "journal.sqlite"
    plain.parent.mkdir()
    enc.parent.mkdir()
    begin = time.perf_counter()
    journal = Journal.open(plain, create=True)
    added = fill_demo(journal, count=entries)
    journal.close()
    seconds = time.perf_counter() - begin
    shutil.copyfile(plain, enc)
    rows.append((f"build journal (fill_demo {added:,})", _ms(seconds), 1,
                 f"{plain.stat().st_size / 1e6:.1f} MB file"))
    print(f"built {added:,} entries in {seconds:.1f}s; timing…", file=sys.stderr)
    return plain, enc


def bench_convert(enc: Path, runs: int, record: Callable[..., None]) -> bytes:
    """Encrypt and decrypt the copy runs times (backups folder emptied before each)."""
    enc_samples: list[float] = []
    dec_samples: list[float] = []
    for _ in range(runs):
        clear_backups(enc)
        begin = time.perf_counter()
        key = encryption.encrypt(enc, PASSPHRASE).key
        enc_samples.append(time.perf_counter() - begin)
        size = enc.stat().st_size / 1e6
        clear_backups(enc)
        begin = time.perf_counter()
        encryption.decrypt(enc, key)
        dec_samples.append(time.perf_counter() - begin)
    record("encryption.encrypt(path, passphrase) of plain", enc_samples,
           f"backup + Argon2id wrap + export journal and backup; {size:.1f} MB")
    record("encryption.decrypt(path, key)", dec_samples, "backup + export journal and backup")
    clear_backups(enc)
    key = encryption.encrypt(enc, PASSPHRASE).key  # left encrypted for what follows
    clear_backups(enc)
    return key


def bench_pair(plain: Path, enc: Path, key: bytes, runs: int,
               record: Callable[..., None]) -> None:
    """Open, list, search and back up the plain and the encrypted journal, side by side."""
    pairs = (("plain", plain, None), ("encrypted", enc, key))
    for label, path, k in pairs:
        samples, _ = timed(lambda p=path, kk=k: Journal.open(p, key=kk).close(), runs,
                           warm_up=True)
        record(f"Journal.open + close ({label})", samples, "after one warm-up")
    journals = {label: Journal.open(path, key=k) for label, path, k in pairs}
    try:
        for what, flt in (("rows(EntryFilter()) all", EntryFilter()),
                          ("rows(text='tea') FTS", EntryFilter(text="tea"))):
            for label, journal in journals.items():
                samples, found = timed(lambda j=journal, f=flt: j.rows(f), runs, warm_up=True)
                record(f"{what} ({label})", samples, f"{len(found):,} rows")
        for label, journal in journals.items():
            samples, made = timed(journal.backup_service().back_up_now, runs,
                                  lambda j=journal: clear_backups(j.path))
            record(f"backup_service().back_up_now() ({label})", samples,
                   f"{made.stat().st_size / 1e6:.1f} MB backup")
    finally:
        for journal in journals.values():
            clear_backups(journal.path)
            journal.close()


def bench(entries: int, runs: int) -> list[Row]:
    rows: list[Row] = []

    def record(label: str, samples: list[float], note: str = "") -> None:
        rows.append((label, _ms(statistics.median(samples)), len(samples), note))

    with tempfile.TemporaryDirectory(prefix="carejournal-encbench-") as folder:
        plain, enc = build(Path(folder), entries, rows)
        key = bench_convert(enc, SLOW_RUNS, record)
        assert encryption.is_encrypted(enc), "the copy should be encrypted now"
        samples, unlocked = timed(lambda: encryption.unlock(enc, PASSPHRASE), SLOW_RUNS)
        assert unlocked == key, "unlock gave a different key"
        record("encryption.unlock(path, passphrase)", samples, "Argon2id, the real cost")
        bench_pair(plain, enc, key, runs, record)
    return rows


def print_table(rows: list[Row]) -> None:
    width = max(len(r[0]) for r in rows)
    print(f"{'measurement':<{width}}  {'median ms':>10}  {'runs':>4}  note")
    print(f"{'-' * width}  {'-' * 10}  {'-' * 4}  {'-' * 28}")
    for label, median, count, note in rows:
        print(f"{label:<{width}}  {median:>10,.1f}  {count:>4}  {note}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=ENTRIES)
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args(argv)
    if not encryption.available():
        print("encryption bench skipped: SQLCipher (sqlcipher3) is not installed")
        return 0
    begin = time.perf_counter()
    print_table(bench(args.entries, args.runs))
    print(f"total {time.perf_counter() - begin:.1f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
