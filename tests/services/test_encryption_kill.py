"""Encrypt, decrypt and a passphrase change (re-key) SIGKILLed part-way, in real subprocesses.

Each operation runs in a child process that is killed at one point: between any two of its
steps (a hook the service calls after each step), or after a delay spread over its whole run
(which lands inside the steps: mid-export, mid-rename, mid-rekey). After every kill the
parent finishes the interrupted operation as the next open would, then checks: the journal
opens (with its key when it ended encrypted) with every entry; the backups match the journal;
no plain SQLite file is left beside an encrypted journal (journal and backups folders); no
temporary copy is left.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from carejournal.services import encryption
from carejournal.services.backups import BackupService
from carejournal.services.journal import Journal
from carejournal.store import cipher, keyfile
from tests.conftest import draft

pytestmark = pytest.mark.skipif(not cipher.available() or os.name == "nt",
                                reason="SQLCipher and POSIX signals needed")

PASS, NEW_PASS = "correct horse battery", "a brand new passphrase"
ENTRIES = 40
BACKUPS = 3
TIMED = 16  # kills spread over the run, besides one between each two steps
HEADER = b"SQLite format 3\x00"
ROOT = Path(__file__).resolve().parents[2]
CHILD = """
import os, signal, sys
from pathlib import Path
from carejournal.services import encryption
from carejournal.store.keyfile import KdfCost

operation, journal, kill_at = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
old, new = sys.argv[4], sys.argv[5]
cheap = KdfCost(time_cost=1, memory_kib=64, parallelism=1)
steps = [0]

def step(name):
    steps[0] += 1
    if steps[0] == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)

print("ready", flush=True)
if operation == "encrypt":
    encryption.encrypt(journal, old, cost=cheap, step=step)
elif operation == "decrypt":
    encryption.decrypt(journal, encryption.unlock(journal, old), step=step)
else:
    key = encryption.unlock(journal, old)
    encryption.change_passphrase(journal, key, new, cost=cheap, step=step)
print("steps", steps[0], flush=True)
"""
CHEAP = keyfile.KdfCost(time_cost=1, memory_kib=64, parallelism=1)


def setup(folder: Path, encrypted: bool) -> Path:
    """A journal of ENTRIES entries with BACKUPS manual backups, plain or encrypted."""
    folder.mkdir()
    path = folder / "journal.sqlite"
    journal = Journal.open(path, create=True)
    for i in range(ENTRIES):
        journal.add(draft(f"Entry {i}: sat with Marigold in the garden " + "words " * 200))
    journal.close()
    key = None
    if encrypted:
        key = encryption.encrypt(path, PASS, cost=CHEAP).key
    service = BackupService(path, key=key)
    for _ in range(BACKUPS):
        service.back_up_now()
    return path


def run_child(operation: str, path: Path, kill_at: int = 0, after: float | None = None
              ) -> tuple[bool, int, float]:
    """Run the operation; killed at step kill_at or after `after` seconds.

    Returns whether it was killed, how many steps it made, and how long it ran (seconds).
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", CHILD, operation, str(path),
                              str(kill_at), PASS, NEW_PASS],
                             stdout=subprocess.PIPE, text=True, env=env)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    started = time.monotonic()
    if after is not None:
        time.sleep(after)
        child.send_signal(signal.SIGKILL)
    out = child.stdout.read()
    code = child.wait(60)
    steps = int(out.split()[-1]) if "steps" in out else -1
    return code == -signal.SIGKILL, steps, time.monotonic() - started


def sqlite_files(path: Path) -> list[Path]:
    """Plain SQLite files in the journal's folder and its backups folder."""
    found = []
    for folder in (path.parent, path.parent / "backups"):
        for file in folder.iterdir() if folder.is_dir() else ():
            if file.is_file():
                with file.open("rb") as handle:
                    if handle.read(16) == HEADER:
                        found.append(file)
    return found


def check_after(path: Path, operation: str) -> str:
    """Finish what was cut short, then check everything; returns what it left: the state."""
    resumed: object = encryption.resume_interrupted(path)
    assert not encryption.interrupted(path)
    assert not list(path.parent.rglob(".*.converting*")), "no temporary copy is left"
    encrypted = cipher.looks_encrypted(path)
    key, pending = None, False
    if encrypted:
        rekeyed = operation == "rekey" and _rekeyed(path)
        pending = "previous" in keyfile.read(encryption.key_file(path))
        key = encryption.unlock(path, NEW_PASS if rekeyed else PASS)  # finishes a rotation
        assert "previous" not in keyfile.read(encryption.key_file(path))
        assert not sqlite_files(path), "no plain SQLite file beside an encrypted journal"
    else:
        assert not encryption.key_file(path).exists() or operation == "encrypt"
    journal = Journal.open(path, key=key)
    try:
        assert journal.count() == ENTRIES, "every entry is there"
    finally:
        journal.close()
    backups = BackupService(path, key=key).backups()
    assert len(backups) >= BACKUPS
    for backup in backups:
        assert cipher.looks_encrypted(backup.path) == encrypted, backup.path.name
        assert not encryption.journal_problems(backup.path, key)
    for file in path.parent.rglob("*"):
        if file.is_file() and file.name != path.name and not file.name.endswith(".lock"):
            assert file.stat().st_mode & 0o077 == 0, f"{file.name} is owner-only"
    state = "encrypted" if encrypted else "plain"
    if encrypted and pending:
        resumed = True
    if operation == "rekey":
        state += ", new key" if _rekeyed(path) else ", old key"
    return f"{state}{' (resumed)' if resumed else ''}"


def _rekeyed(path: Path) -> bool:
    """Whether the key file is the new passphrase's (the rotation began)."""
    try:
        keyfile.unwrap(keyfile.read(encryption.key_file(path)), NEW_PASS)
    except encryption.WrongPassphrase:
        return False
    return True


@pytest.mark.parametrize("operation", ["encrypt", "decrypt", "rekey"])
def test_killed_at_every_step_and_across_the_run_it_finishes_whole(operation, tmp_path
                                                                   ) -> None:
    encrypted = operation != "encrypt"
    whole = setup(tmp_path / "whole", encrypted)
    killed, steps, duration = run_child(operation, whole)
    assert not killed and steps > 0
    results = {"completed": check_after(whole, operation)}
    for n in range(1, steps + 1):
        path = setup(tmp_path / f"step{n}", encrypted)
        killed, _, _ = run_child(operation, path, kill_at=n)
        assert killed
        results[f"step {n}"] = check_after(path, operation)
    for i in range(TIMED):
        after = duration * (i + 0.5) / TIMED
        path = setup(tmp_path / f"time{i}", encrypted)
        killed, _, _ = run_child(operation, path, after=after)
        results[f"{after * 1000:.0f} ms{'' if killed else ' (finished first)'}"] = \
            check_after(path, operation)
    sys.stdout.write(f"\n{operation}: {len(results) - 1} kill points: {results}\n")


def test_encrypting_writes_no_plain_copy_and_temporary_copies_are_owner_only(
        tmp_path, monkeypatch) -> None:
    path = setup(tmp_path / "j", encrypted=False)
    before = set(sqlite_files(path))
    seen: list[set[Path]] = []
    encryption.encrypt(path, PASS, cost=CHEAP, step=lambda _n: seen.append(
        set(sqlite_files(path))))
    assert seen and all(found <= before for found in seen), "no new plain file, ever"
    modes: list[int] = []
    real_export = cipher.export_copy

    def export(source, source_key, target, target_key):  # type: ignore[no-untyped-def]
        modes.append(target.stat().st_mode & 0o777)  # before a byte is written
        real_export(source, source_key, target, target_key)
        modes.append(target.stat().st_mode & 0o777)  # with the plain text in it
    monkeypatch.setattr(cipher, "export_copy", export)
    encryption.decrypt(path, encryption.unlock(path, PASS))
    assert modes and set(modes) == {0o600}
