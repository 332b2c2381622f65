"""The same journal encrypted (SQLCipher) beside the plain one: start-up, search and export."""

from __future__ import annotations

import shutil
import statistics
from pathlib import Path

from benchmarks.core import Recorder, child_env, percentile, run_timed, script, time_runs
from benchmarks.dataset import SEARCH_WORD

PASSPHRASE = "a long bench passphrase"
SEARCHES = ("tea", "garden", "listened", "biscuits", "pharmacist", SEARCH_WORD)


def encrypted_copy(plain: Path, folder: Path) -> tuple[Path, bytes, Path]:
    """An encrypted copy of the journal, its data key, and a passphrase file for the CLI."""
    from carejournal.services import encryption
    from carejournal.store.backup import backups_dir

    copy = folder / "encrypted" / "journal.sqlite"
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(plain, copy)
    key = encryption.encrypt(copy, PASSPHRASE).key
    shutil.rmtree(backups_dir(copy), ignore_errors=True)  # the safety backup it made
    secret = folder / "encrypted" / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    secret.chmod(0o600)
    return copy, key, secret


def bench_encrypted(rec: Recorder, runs: int, plain: Path, folder: Path) -> None:
    """Rows for the encrypted journal, each beside the plain one's."""
    from carejournal.services import encryption

    if not encryption.available():
        rec.notes.append("SQLCipher is not installed: the encrypted rows were skipped.")
        return
    enc, key, secret = encrypted_copy(plain, folder)
    rec.section("Encrypted journal (SQLCipher) beside the plain one")
    _open(rec, runs, plain, enc, key)
    _search(rec, plain, enc, key)
    _cli(rec, runs, plain, enc, secret, folder)


def _open(rec: Recorder, runs: int, plain: Path, enc: Path, key: bytes) -> None:
    from carejournal.core.domain import EntryFilter
    from carejournal.services import encryption
    from carejournal.services.journal import Journal
    from carejournal.store import check_stamp

    samples, _ = time_runs(lambda: encryption.unlock(enc, PASSPHRASE), min(runs, 3))
    rec.add("enc_unlock", "unlock: Argon2id from the passphrase to the data key", samples,
            note="deliberately slow (about a third of a second), once per start")
    for label, path, k in (("plain", plain, None), ("encrypted", enc, key)):
        for checked in (True, False):
            def start(p: Path = path, kk: bytes | None = k, full: bool = checked) -> None:
                if full:  # as after a crash or a change by another program
                    check_stamp.forget(p)
                journal = Journal.open(p, key=kk)
                journal.rows(EntryFilter())
                journal.close()
            samples, _ = time_runs(start, runs)
            how = ("with the full integrity check" if checked else
                   "after a clean close (check skipped: file unchanged)")
            rec.add(f"enc_start_{label}{'_checked' if checked else ''}",
                    f"start-up, {label}: open {how}, load the timeline's rows", samples)


def _search(rec: Recorder, plain: Path, enc: Path, key: bytes) -> None:
    from carejournal.core.domain import EntryFilter
    from carejournal.services.journal import Journal

    for label, path, k in (("plain", plain, None), ("encrypted", enc, key)):
        journal = Journal.open(path, key=k)
        try:
            times = []
            for _ in range(5):
                for word in SEARCHES:
                    samples, _ = time_runs(
                        lambda w=word, j=journal: j.rows(EntryFilter(text=w, limit=50)), 1)
                    times += samples
        finally:
            journal.close()
        rec.add(f"enc_search_{label}", f"search, {label}: top 50 with snippets (p50)",
                [statistics.median(times)], note=f"p95 {percentile(times, 0.95) * 1000:.1f} "
                f"ms over {len(times)} searches of {len(SEARCHES)} words")


def _cli(rec: Recorder, runs: int, plain: Path, enc: Path, secret: Path,
         folder: Path) -> None:
    out = folder / "encrypted" / "export.json"
    for label, path, extra in (("plain", plain, []),
                               ("encrypted", enc, ["--passphrase-file", str(secret)])):
        base = [script("carejournal"), "--journal", str(path), *extra]
        for key, what, args in (
                ("list10", "carejournal list -n 10", ["list", "-n", "10"]),
                ("search", f"carejournal search {SEARCH_WORD}", ["search", SEARCH_WORD]),
                ("export", "carejournal export --format json",
                 ["export", "--format", "json", "--out", str(out)])):
            samples, _ = time_runs(lambda a=args, b=base: run_timed([*b, *a], child_env())[0],
                                   min(runs, 3))
            rec.add(f"enc_cli_{key}_{label}", f"{what} ({label})", samples,
                    note="includes the Argon2id unlock" if extra else "")
