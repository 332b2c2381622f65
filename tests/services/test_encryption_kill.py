"""Encrypt, decrypt and a passphrase change (re-key) SIGKILLed part-way, in real subprocesses.

Each operation runs in a child process that is killed at one point: between any two of its
steps (a hook the service calls after each step), or after a delay spread over its whole run
(which lands inside the steps: mid-export, mid-rename, mid-rekey). After every kill the
parent first looks through every file beside the journal (the marker, the key file, the
journal, its backups, anything else in either folder) for the operation's keys (raw, hex and
base64) and recovery keys, which the child prints as they are made: none may be there. Then
it finishes the interrupted operation as the next open would: without a secret, or with a
wrong one, it refuses and changes no file; with the passphrase it finishes (an interrupted
encrypt gets a new recovery key, which opens the journal, while the first one does not).
Then it checks: the journal opens (with its key when it ended encrypted) with every entry;
the backups match the journal; no plain SQLite file is left beside an encrypted journal
(journal and backups folders); no temporary copy is left.
"""

from __future__ import annotations

import base64
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

pytestmark = [pytest.mark.slow,  # ~3 minutes of real processes killed at 70 points: make test-all
              pytest.mark.skipif(not cipher.available() or os.name == "nt",
                                reason="SQLCipher and POSIX signals needed")]

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
from carejournal.store import keyfile
from carejournal.store.keyfile import KdfCost

def printed(make, label):
    def made():
        value = make()
        print(label, value.hex(), flush=True)
        return value
    return made

keyfile.new_data_key = printed(keyfile.new_data_key, "key")
keyfile.new_recovery_secret = printed(keyfile.new_recovery_secret, "secret")
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
elif operation == "resume":
    encryption.resume_interrupted(journal, old, step=step)
else:
    key = encryption.unlock(journal, old)
    encryption.change_passphrase(journal, key, new, cost=cheap, step=step)
print("steps", steps[0], flush=True)
"""
CHEAP = keyfile.KdfCost(time_cost=1, memory_kib=64, parallelism=1)


def setup(folder: Path, encrypted: bool, secrets: list[bytes] | None = None) -> Path:
    """A journal of ENTRIES entries with BACKUPS manual backups, plain or encrypted.

    secrets: where the encrypted journal's key and recovery secret are added."""
    folder.mkdir()
    path = folder / "journal.sqlite"
    journal = Journal.open(path, create=True)
    for i in range(ENTRIES):
        journal.add(draft(f"Entry {i}: sat with Marigold in the garden " + "words " * 200))
    journal.close()
    key = None
    if encrypted:
        done = encryption.encrypt(path, PASS, cost=CHEAP)
        key = done.key
        if secrets is not None:
            secrets += [key, keyfile.parse_recovery(done.recovery_key) or b""]
    service = BackupService(path, key=key)
    for _ in range(BACKUPS):
        service.back_up_now()
    return path


def run_child(operation: str, path: Path, kill_at: int = 0, after: float | None = None,
              secrets: list[bytes] | None = None) -> tuple[bool, int, float]:
    """Run the operation; killed at step kill_at or after `after` seconds.

    Returns whether it was killed, how many steps it made, and how long it ran (seconds);
    the keys and recovery secrets it made are added to secrets.
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
    for line in out.splitlines():
        if line.startswith(("key ", "secret ")) and secrets is not None:
            secrets.append(bytes.fromhex(line.split()[1]))
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


def files_beside(path: Path) -> dict[Path, bytes]:
    """Every file in the journal's folder and its backups folder, with its bytes."""
    return {file: file.read_bytes() for file in sorted(path.parent.rglob("*")) if file.is_file()}


def forms(secret: bytes) -> list[bytes]:
    """The ways a key or recovery secret could be written down in a file."""
    recovery = keyfile.recovery_text(secret)
    return [secret, secret.hex().encode(), secret.hex().upper().encode(),
            base64.b64encode(secret), recovery.encode(), recovery.replace("-", "").encode()]


def assert_no_secret(path: Path, secrets: list[bytes]) -> None:
    """No key or recovery key, in any form, in any file beside the journal."""
    for file, data in files_beside(path).items():
        for secret in secrets:
            for form in forms(secret):
                assert form not in data, f"{file.name} holds a key or recovery key"


def changed(before: dict[Path, bytes], after: dict[Path, bytes]) -> list[str]:
    """The files whose bytes differ, came or went.

    Aside: the count of wrong tries, and the -wal and -shm a killed reader left (empty:
    SQLite removes them when the next connection closes)."""
    names = {f for f in [*before, *after] if not f.name.endswith(
        (keyfile.TRIES_SUFFIX, "-shm")) and not (f.name.endswith("-wal") and not (
            before.get(f) or after.get(f)))}
    return sorted(f.name for f in names if before.get(f) != after.get(f))


def resume(path: Path, secrets: list[bytes]) -> object:
    """Finish what was cut short as the next open would; a wrong secret changes nothing."""
    if not encryption.interrupted(path):
        return None
    marker = encryption.marker_file(path).read_text()
    assert '"key"' not in marker and "recovery" not in marker, "the marker names no secret"
    before = files_beside(path)
    operation = encryption.interrupted_operation(path)
    databases = [path, *(path.parent / "backups").glob("*.sqlite")]
    if operation == encryption.ENCRYPT or any(map(cipher.looks_encrypted, databases)):
        assert encryption.key_file(path).is_file(), "the key file is there while it is needed"
    secret = None
    if encryption.needs_secret_to_resume(path):
        secret = PASS
        with pytest.raises(encryption.SecretNeeded, match="interrupted"):
            encryption.resume_interrupted(path)
        with pytest.raises(encryption.WrongPassphrase):
            encryption.resume_interrupted(path, "not the passphrase at all")
        assert not changed(before, files_beside(path)), \
            f"a wrong passphrase changes nothing: {changed(before, files_beside(path))}"
        assert encryption.interrupted(path)
    done = encryption.resume_interrupted(path, secret)
    assert done is not None
    if done.operation == encryption.ENCRYPT:
        assert done.new_recovery and done.recovery_key and done.key
        new = keyfile.parse_recovery(done.recovery_key)
        assert new is not None and encryption.unlock(path, done.recovery_key) == done.key
        for old in secrets[1::2] if secrets else []:
            with pytest.raises(encryption.WrongPassphrase):
                encryption.unlock(path, keyfile.recovery_text(old))
        secrets.append(new)
    return done


def check_after(path: Path, operation: str, secrets: list[bytes] | None = None) -> str:
    """Finish what was cut short, then check everything; returns what it left: the state."""
    secrets = [] if secrets is None else secrets
    assert_no_secret(path, secrets)
    if cipher.looks_encrypted(path):  # even before finishing (a decrypt's half-written copy
        # of the journal aside: it is the owner's, hidden, and removed when finished)
        assert not [f for f in sqlite_files(path) if not f.name.endswith(".converting")], \
            "no plain file beside an encrypted journal, at any kill point"
    resumed = resume(path, secrets)
    assert_no_secret(path, secrets)
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
    secrets: list[bytes] = []
    whole = setup(tmp_path / "whole", encrypted, secrets)
    killed, steps, duration = run_child(operation, whole, secrets=secrets)
    assert not killed and steps > 0
    results = {"completed": check_after(whole, operation, secrets)}
    for n in range(1, steps + 1):
        secrets = []
        path = setup(tmp_path / f"step{n}", encrypted, secrets)
        killed, _, _ = run_child(operation, path, kill_at=n, secrets=secrets)
        assert killed
        results[f"step {n}"] = check_after(path, operation, secrets)
    for i in range(TIMED):
        after = duration * (i + 0.5) / TIMED
        secrets = []
        path = setup(tmp_path / f"time{i}", encrypted, secrets)
        killed, _, _ = run_child(operation, path, after=after, secrets=secrets)
        results[f"{after * 1000:.0f} ms{'' if killed else ' (finished first)'}"] = \
            check_after(path, operation, secrets)
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


@pytest.mark.parametrize("operation", ["encrypt", "decrypt"])
def test_finishing_an_interrupted_operation_killed_at_every_step_finishes_whole(
        operation, tmp_path) -> None:
    """The resume itself killed between its steps (for an encrypt: after converting each
    file, after the new recovery key, after the marker is gone) is finished by the next."""
    encrypted = operation != "encrypt"
    results = {}
    for n in range(1, 20):
        secrets: list[bytes] = []
        path = setup(tmp_path / f"step{n}", encrypted, secrets)
        killed, _, _ = run_child(operation, path, kill_at=3, secrets=secrets)
        assert killed and encryption.interrupted(path)
        killed, _, _ = run_child("resume", path, kill_at=n, secrets=secrets)
        results[f"resume step {n}"] = check_after(path, operation, secrets)
        if not killed:
            break
    assert not killed, "the resume finished within the steps tried"
    sys.stdout.write(f"\nresuming {operation}: {len(results)} kill points: {results}\n")
