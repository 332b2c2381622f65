"""A full disk part-way through `encrypt`, `decrypt` and `passphrase`, for real.

Each command runs in a subprocess under a file-size limit (tests/storage.py: every write past
the limit fails with EFBIG, as on a full disk). The journal's backups are of different sizes:
made at 10, 25, 45 and 60 entries, then the 10-entry one was restored and backed up again,
so the newest backup and the journal are small and older ones big. So the limits stop the
command at different points: before anything is written, at the key file, at the first
backup, part-way (some files converted, a big one not), or not at all. After each: the
worker got one clear line (no traceback); no plain SQLite file sits beside an encrypted
journal; then the journal is opened with its passphrase as the worker would (finishing what
was cut short, with no limit), and every entry is there with its text, and every backup
opens with the journal's key.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from pathlib import Path

import pytest

from carejournal.core.domain import EntryKind
from carejournal.services import encryption
from carejournal.services.backups import BackupService
from carejournal.services.journal import Journal
from carejournal.store import cipher, keyfile
from tests.conftest import draft
from tests.storage import run_limited

pytestmark = [pytest.mark.slow,  # each operation at dozens of disk sizes: make test-all
              pytest.mark.skipif(os.name == "nt" or not cipher.available(),
                                reason="POSIX file-size limits and SQLCipher")]

PASS, NEW_PASS = "correct horse battery", "a brand new passphrase"
CHEAP = keyfile.KdfCost(time_cost=1, memory_kib=64, parallelism=1)
HEADER = b"SQLite format 3\x00"
TEXT = "Walked to the shop with Rosa, who chose the bread herself this time. "
STAGES = (10, 25, 45, 60)  # entries when each backup is made; the journal ends with the last
FIXED_LIMITS = (200, 1_000, 4_096, 40_000)


def _texts(path: Path, key: bytes | None) -> list[tuple[int, str]]:
    journal = Journal.open(path, key=key)
    try:
        return sorted((row.id, entry.body) for row in journal.rows()
                      for entry in journal.entries([row.id]))
    finally:
        journal.close()


def _template(folder: Path, encrypted: bool) -> tuple[Path, list[tuple[int, str]]]:
    """A journal with backups of growing sizes (plain or encrypted); and its entries."""
    folder.mkdir()
    path = folder / "journal.sqlite"
    journal = Journal.open(path, create=True)
    made = 0
    for stage in STAGES[:-1]:
        while made < stage:
            journal.add(draft(f"{made}: {TEXT * (1 + made % 7)}", EntryKind.INTERACTION,
                              dt.date(2026, 1, 1) + dt.timedelta(days=made)))
            made += 1
        journal.close()
        BackupService(path).back_up_now()
        journal = Journal.open(path)
    while made < STAGES[-1]:
        journal.add(draft(f"{made}: {TEXT * (1 + made % 7)}", EntryKind.INTERACTION))
        made += 1
    journal.close()
    service = BackupService(path)
    service.restore(service.backups()[-1].path)  # the 10-entry one; the 60 saved first
    service.back_up_now()
    texts = _texts(path, None)
    if encrypted:
        encryption.encrypt(path, PASS, cost=CHEAP)
    return path, texts


def _limits(path: Path) -> list[int]:
    """Limits that stop the command at each file in turn, and one that stops nothing."""
    sizes = sorted(file.stat().st_size for file in [path, *(path.parent / "backups")
                                                      .glob("*.sqlite")])
    between = [(a + b) // 2 for a, b in zip(sizes, sizes[1:], strict=False) if b > a + 8192]
    return [*FIXED_LIMITS, *between, sizes[-1] * 3]


def _plain_files(path: Path) -> list[str]:
    found = []
    for folder in (path.parent, path.parent / "backups"):
        for file in sorted(folder.iterdir()) if folder.is_dir() else ():
            if file.is_file() and file.read_bytes()[:16] == HEADER:
                found.append(file.name)
    return found


def _secret(folder: Path, name: str, text: str) -> str:
    file = folder / name
    file.write_text(text + "\n", encoding="utf-8")
    return str(file)


def _told(result) -> str:  # type: ignore[no-untyped-def]
    """The one problem line the command gave (status 2, no traceback)."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("carejournal: ")]
    assert len(lines) == 1, result.stderr
    return lines[0]


def _open_as_the_worker_would(path: Path, passphrase: str) -> bytes | None:
    """Finish anything cut short, then unlock; the key (None: a plain journal)."""
    if encryption.interrupted(path):
        secret = passphrase if encryption.needs_secret_to_resume(path) else None
        encryption.resume_interrupted(path, secret)
    if not cipher.looks_encrypted(path):
        return None
    return encryption.unlock(path, passphrase)


def _check(path: Path, key: bytes | None, texts: list[tuple[int, str]]) -> None:
    assert not encryption.interrupted(path)
    assert _texts(path, key) == texts, "every entry is there, with its text"
    if key is not None:
        assert not _plain_files(path), "no plain copy beside an encrypted journal"
    backups = BackupService(path, key=key).backups()
    assert len(backups) >= len(STAGES) - 1
    for backup in backups:
        assert not encryption.journal_problems(backup.path, key), backup.path.name
    assert not list(path.parent.rglob(".*.converting*")), "no temporary copy is left"


def _run(tmp_path: Path, template: Path, limit: int, *args: str):  # type: ignore[no-untyped-def]
    folder = tmp_path / f"limit-{limit}"
    shutil.copytree(template.parent, folder)
    path = folder / template.name
    return path, run_limited(limit, "--journal", str(path), *args)


def _report(name: str, results: dict[int, str]) -> None:
    sys.stdout.write(f"\n{name}: " + "; ".join(f"{k} B: {v}" for k, v in results.items())
                     + "\n")


def _cut_short(path: Path, result, *more: str) -> bool:  # type: ignore[no-untyped-def]
    """A failed run said the disk was full, left no plain copy beside an encrypted journal,
    and said either that the work was cut short (True: it finishes at the next open, and the
    line names each of `more`) or that nothing was changed (False)."""
    line = _told(result)
    assert "no room left on the disk" in line, line
    if cipher.looks_encrypted(path):
        assert not _plain_files(path), "no plain copy beside an encrypted journal"
    if encryption.interrupted(path):
        assert "cut short" in line and all(word in line for word in more), line
        return True
    assert "Nothing was changed" in line, line
    return False


def test_a_full_disk_while_encrypting(tmp_path: Path) -> None:
    template, texts = _template(tmp_path / "template", encrypted=False)
    new = _secret(tmp_path, "new.txt", PASS)
    results: dict[int, str] = {}
    for limit in _limits(template):
        path, result = _run(tmp_path, template, limit, "encrypt", "--new-passphrase-file", new)
        if result.returncode == 0:
            results[limit] = "encrypted"
        elif _cut_short(path, result, "passphrase"):
            results[limit] = "cut short, finished at the next open"
        else:
            assert not encryption.key_file(path).exists(), "the key file went too"
            assert not any(map(cipher.looks_encrypted, (path.parent / "backups")
                               .glob("*.sqlite"))), "no backup under a key now lost"
            results[limit] = "not encrypted, nothing changed"
        _check(path, _open_as_the_worker_would(path, PASS), texts)
    _report("encrypt", results)
    assert "encrypted" in results.values()
    assert "not encrypted, nothing changed" in results.values()


def test_a_full_disk_while_decrypting(tmp_path: Path) -> None:
    template, texts = _template(tmp_path / "template", encrypted=True)
    secret = _secret(tmp_path, "p.txt", PASS)
    results: dict[int, str] = {}
    for limit in _limits(template):
        path, result = _run(tmp_path, template, limit, "--passphrase-file", secret, "decrypt")
        if result.returncode == 0:
            results[limit] = "decrypted"
        elif _cut_short(path, result):
            results[limit] = "cut short, finished at the next open"
        else:
            assert encryption.is_encrypted(path)
            results[limit] = "still encrypted, nothing changed"
        _check(path, _open_as_the_worker_would(path, PASS), texts)
    _report("decrypt", results)
    assert "decrypted" in results.values()
    assert "still encrypted, nothing changed" in results.values()


def test_a_full_disk_while_changing_the_passphrase(tmp_path: Path) -> None:
    template, texts = _template(tmp_path / "template", encrypted=True)
    secret, new = _secret(tmp_path, "p.txt", PASS), _secret(tmp_path, "n.txt", NEW_PASS)
    results: dict[int, str] = {}
    for limit in _limits(template):
        path, result = _run(tmp_path, template, limit, "--passphrase-file", secret,
                            "passphrase", "--new-passphrase-file", new)
        now = NEW_PASS
        if result.returncode == 0:
            results[limit] = "changed"
        else:
            line = _told(result)
            assert "no room left on the disk" in line, line
            if "old passphrase still opens it" in line:
                now = PASS
                results[limit] = "not changed, the old passphrase opens it"
            else:
                assert "cut short" in line and "new passphrase opens it" in line, line
                results[limit] = "cut short, the new passphrase opens it and finishes"
                still_full = run_limited(limit, "--journal", str(path), "--passphrase-file",
                                         new, "list")  # the disk still full: it opens
                assert still_full.returncode == 0 and "Walked" in still_full.stdout, \
                    still_full.stderr
        assert not _plain_files(path)
        key = _open_as_the_worker_would(path, now)
        assert "previous" not in keyfile.read(encryption.key_file(path)), "rotation finished"
        _check(path, key, texts)
    _report("passphrase", results)
    assert "changed" in results.values()
