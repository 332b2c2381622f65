"""Encryption at rest: nothing readable without the key, nothing lost by encrypting, decrypting,
changing the passphrase, backing up or restoring. Real files in tmp_path throughout."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from carejournal.core.domain import EntryFilter, InvalidInput
from carejournal.core.errors import JournalDamaged, PassphraseNeeded
from carejournal.services import encryption
from carejournal.services.backups import BackupService
from carejournal.services.journal import Journal
from carejournal.store import cipher, keyfile
from carejournal.store.keyfile import KdfCost
from tests.conftest import draft

pytestmark = pytest.mark.skipif(not cipher.available(), reason="SQLCipher is not installed")

CHEAP = KdfCost(time_cost=1, memory_kib=64, parallelism=1)  # the real cost is measured in bench
SECRET_WORDS = "Marigold talked about her garden in Whitby"
PASS = "correct horse battery"


def make_plain(path: Path, bodies: tuple[str, ...] = (SECRET_WORDS, "A second entry")) -> None:
    journal = Journal.open(path, create=True)
    for body in bodies:
        journal.add(draft(body))
    journal.close()


@pytest.fixture
def encrypted(journal_path: Path) -> Iterator[tuple[Path, bytes]]:
    """A journal with two entries, encrypted with PASS; yields its path and data key."""
    make_plain(journal_path)
    done = encryption.encrypt(journal_path, PASS, cost=CHEAP)
    yield journal_path, done.key


def all_bytes(folder: Path) -> bytes:
    """Every file under folder, concatenated (journal, -wal, backups, key file)."""
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def test_an_encrypted_journal_is_unreadable_without_its_key(encrypted, tmp_path) -> None:
    path, key = encrypted
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(path).execute("SELECT * FROM entries").fetchall()
    wrong = bytes(31) + b"\x01"
    with pytest.raises(cipher.Error, match="not a database"):
        cipher.connect(path, wrong)
    with pytest.raises(PassphraseNeeded):
        Journal.open(path)
    assert SECRET_WORDS.encode() not in all_bytes(tmp_path)
    assert b"Marigold" not in all_bytes(tmp_path), "no plain text anywhere: file, WAL, backups"


def test_the_right_passphrase_opens_it_with_everything_searchable(encrypted) -> None:
    path, key = encrypted
    assert encryption.is_encrypted(path)
    assert encryption.unlock(path, PASS) == key
    journal = Journal.open(path, key=encryption.unlock(path, PASS))
    try:
        assert sorted(journal.get(r.id).body for r in journal.rows()) == sorted(
            [SECRET_WORDS, "A second entry"])
        assert [r.id for r in journal.rows(EntryFilter(text="garden"))]
        journal.add(draft("Written while encrypted: rang Marigold back"))
        assert journal.count() == 3
    finally:
        journal.close()
    assert journal.key is None, "closing forgets the key"


def test_a_wrong_passphrase_is_told_apart_from_a_damaged_journal(encrypted) -> None:
    path, key = encrypted
    with pytest.raises(encryption.WrongPassphrase):
        encryption.unlock(path, "not the passphrase")
    size = path.stat().st_size
    with path.open("r+b") as handle:  # garble the middle of the last page
        handle.seek(size - 2000)
        handle.write(b"\x00" * 64)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    key_again = encryption.unlock(path, PASS)  # the passphrase is still right...
    with pytest.raises(JournalDamaged):  # ...and the journal is reported damaged, not written
        Journal.open(path, key=key_again)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_changing_the_passphrase_rotates_the_data_key_and_keeps_everything(encrypted
                                                                           ) -> None:
    path, key = encrypted
    service = BackupService(path, key=key)
    backup = service.back_up_now()
    rotated = encryption.change_passphrase(path, key, "a brand new passphrase", cost=CHEAP)
    assert rotated.key != key and encryption.unlock(path, "a brand new passphrase") == rotated.key
    with pytest.raises(encryption.WrongPassphrase):
        encryption.unlock(path, PASS)
    for file in (path, backup):  # the old key opens neither the journal nor its backups
        with pytest.raises(cipher.Error, match="not a database"):
            cipher.connect(file, key)
        cipher.connect(file, rotated.key, read_only=True).close()
    journal = Journal.open(path, key=rotated.key)
    try:
        assert journal.count() == 2
    finally:
        journal.close()
    assert "previous" not in keyfile.read(encryption.key_file(path)), "the rotation finished"
    assert not list(path.parent.glob(".*.part")), "the key file was swapped in atomically"


def test_an_old_key_file_and_old_passphrase_open_nothing_after_a_change(encrypted) -> None:
    path, key = encrypted
    backup = BackupService(path, key=key).back_up_now()
    kept = encryption.key_file(path).read_bytes()  # a copy someone kept, with the passphrase
    encryption.change_passphrase(path, key, "a brand new passphrase", cost=CHEAP)
    encryption.key_file(path).write_bytes(kept)
    old_key = keyfile.unwrap(keyfile.read(encryption.key_file(path)), PASS)
    assert old_key == key
    for file in (path, backup):
        with pytest.raises(cipher.Error, match="not a database"):
            cipher.connect(file, old_key)


def test_the_recovery_key_opens_it_even_without_the_key_file(journal_path) -> None:
    make_plain(journal_path)
    done = encryption.encrypt(journal_path, PASS, cost=CHEAP)
    path, key, printed = journal_path, done.key, done.recovery_key
    assert len(printed.split("-")) == 13
    secret = keyfile.parse_recovery(printed)
    assert secret is not None and secret != key
    with pytest.raises(cipher.Error, match="not a database"):
        cipher.connect(path, secret)  # the recovery key is not the data key
    assert encryption.unlock(path, printed) == key, "it unlocks through the key file"
    copy = keyfile.recovery_copy(path)
    assert copy.parent == path.parent / "backups" and copy.stat().st_mode & 0o777 == 0o600
    assert done.key.hex() not in copy.read_text() and "wrapped" in copy.read_text()
    assert all(b.path != copy for b in BackupService(path, key=key).backups())
    encryption.key_file(path).unlink()
    assert not encryption.is_encrypted(path), "without a key file no passphrase can work"
    assert encryption.needs_unlock(path), "...but the recovery key still can"
    assert encryption.unlock(path, printed.lower().replace("-", " ")) == key
    rotated = encryption.change_passphrase(path, key, "set again after loss", cost=CHEAP)
    assert encryption.unlock(path, "set again after loss") == rotated.key
    with pytest.raises(encryption.WrongPassphrase):  # the change revoked the old recovery key
        encryption.unlock(path, printed)
    assert encryption.unlock(path, rotated.recovery_key) == rotated.key
    assert keyfile.read(encryption.key_file(path))["version"] == 2


def test_a_version_1_key_file_still_opens_and_is_migrated_at_the_next_change(journal_path
                                                                            ) -> None:
    make_plain(journal_path)
    done = encryption.encrypt(journal_path, PASS, cost=CHEAP)
    record = keyfile.wrap(done.key, PASS, CHEAP)  # today's format, written by hand
    record = {k: v for k, v in record.items() if k != "check"}
    record["version"] = 1
    stretched = keyfile.stretch(PASS, keyfile._unb64(record["salt"]), CHEAP)
    record["check"] = keyfile._b64(keyfile._mac(stretched[32:], record))
    keyfile.write(encryption.key_file(journal_path), record)
    keyfile.recovery_copy(journal_path).unlink()
    old_printed = done.key.hex().upper()  # version 1 printed the data key itself
    assert encryption.unlock(journal_path, PASS) == done.key
    assert encryption.unlock(journal_path, old_printed) == done.key
    rotated = encryption.change_passphrase(journal_path, done.key, "newer passphrase", CHEAP)
    assert keyfile.read(encryption.key_file(journal_path))["version"] == 2
    with pytest.raises(encryption.WrongPassphrase):
        encryption.unlock(journal_path, old_printed)
    assert encryption.unlock(journal_path, rotated.recovery_key) == rotated.key


def test_an_interrupted_rotation_is_finished_at_the_next_unlock(encrypted) -> None:
    path, key = encrypted
    backup = BackupService(path, key=key).back_up_now()
    new_key = keyfile.new_data_key()
    record = keyfile.wrap(new_key, "the next passphrase", CHEAP,
                          recovery=keyfile.new_recovery_secret(), previous=key)
    keyfile.write(encryption.key_file(path), record)
    cipher.rekey(backup, key, new_key)  # cut short: the backup done, the journal not yet
    assert encryption.unlock(path, "the next passphrase") == new_key
    cipher.connect(path, new_key, read_only=True).close()
    cipher.connect(backup, new_key, read_only=True).close()
    assert "previous" not in keyfile.read(encryption.key_file(path))


def test_backups_of_an_encrypted_journal_are_encrypted_and_restore(encrypted, tmp_path
                                                                   ) -> None:
    path, key = encrypted
    service = BackupService(path, key=key)
    backup = service.back_up_now()
    assert cipher.looks_encrypted(backup)
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(backup).execute("SELECT * FROM entries").fetchall()
    assert service.check(backup) == []
    journal = Journal.open(path, key=key)
    journal.add(draft("After the backup"))
    journal.close()
    service.restore(backup)
    journal = Journal.open(path, key=key)
    try:
        assert journal.count() == 2
    finally:
        journal.close()
    assert b"Marigold" not in all_bytes(tmp_path)


def test_encrypting_converts_old_backups_and_decrypting_brings_everything_back(
        journal_path: Path, tmp_path: Path) -> None:
    make_plain(journal_path)
    old = BackupService(journal_path).back_up_now()
    assert not cipher.looks_encrypted(old)
    done = encryption.encrypt(journal_path, PASS, cost=CHEAP)
    assert done.backup.name.endswith("-before-encryption.sqlite")
    assert cipher.looks_encrypted(old) and cipher.looks_encrypted(done.backup)
    assert b"Marigold" not in all_bytes(tmp_path)
    saved = encryption.decrypt(journal_path, done.key)
    assert saved.name.endswith("-before-decryption.sqlite")
    assert not encryption.key_file(journal_path).exists()
    assert not cipher.looks_encrypted(journal_path) and not cipher.looks_encrypted(old)
    journal = Journal.open(journal_path)
    try:
        assert SECRET_WORDS in [journal.get(r.id).body for r in journal.rows()]
    finally:
        journal.close()


def test_encrypting_is_refused_while_the_journal_is_open_and_changes_nothing(
        journal_path: Path) -> None:
    make_plain(journal_path)
    journal = Journal.open(journal_path)
    journal.count()
    try:
        before = hashlib.sha256(journal_path.read_bytes()).hexdigest()
        with pytest.raises(Exception, match="open in another"):
            encryption.encrypt(journal_path, PASS, cost=CHEAP)
        assert hashlib.sha256(journal_path.read_bytes()).hexdigest() == before
        assert not encryption.key_file(journal_path).exists()
    finally:
        journal.close()


def test_weak_passphrases_and_double_encryption_are_refused(encrypted, journal_path) -> None:
    assert encryption.passphrase_problem("short") is not None
    assert encryption.passphrase_problem("        ") is not None
    assert encryption.passphrase_problem("three plain words") is None
    path, _key = encrypted
    with pytest.raises(encryption.EncryptionError, match="already encrypted"):
        encryption.encrypt(path, PASS, cost=CHEAP)
    with pytest.raises(InvalidInput):
        encryption.change_passphrase(path, _key, "short", cost=CHEAP)


def test_a_tampered_key_file_is_refused_clearly(encrypted) -> None:
    path, _key = encrypted
    kf = encryption.key_file(path)
    assert kf.stat().st_mode & 0o777 == 0o600
    record = keyfile.read(kf)
    record["wrapped"] = record["check"]  # a different 32 bytes, valid base64
    keyfile.write(kf, record)
    with pytest.raises(encryption.WrongPassphrase):
        encryption.unlock(path, PASS)
    kf.write_text("{ not json")
    with pytest.raises(encryption.KeyFileProblem, match="cannot be read"):
        encryption.unlock(path, PASS)


def test_key_wrapping_round_trips_with_a_fresh_salt_each_time() -> None:
    data_key = keyfile.new_data_key()
    first, second = keyfile.wrap(data_key, PASS, CHEAP), keyfile.wrap(data_key, PASS, CHEAP)
    assert first["salt"] != second["salt"] and first["wrapped"] != second["wrapped"]
    assert keyfile.unwrap(first, PASS) == keyfile.unwrap(second, PASS) == data_key
    with pytest.raises(keyfile.WrongPassphrase):
        keyfile.unwrap(first, PASS + " ")


def test_drafts_of_an_encrypted_journal_are_encrypted_too(encrypted, tmp_path) -> None:
    import datetime as dt

    from carejournal.services.drafts import draft_to_json

    path, key = encrypted
    journal = Journal.open(path, key=key)
    try:  # the crash draft is kept open, as while typing: its page may still be in the WAL
        journal.drafts.save_draft(None, draft_to_json(draft("Half a sentence about Bramwell")),
                                  dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC))
        assert b"Bramwell" not in all_bytes(tmp_path)
    finally:
        journal.close()
    assert b"Bramwell" not in all_bytes(tmp_path)
    reopened = Journal.open(path, key=key)
    try:
        assert [p.text() for p in reopened.drafts.pending()] == ["Half a sentence about Bramwell"]
    finally:
        reopened.close()


@pytest.mark.parametrize("kinds", [frozenset(), frozenset({"interaction"})])
def test_a_text_search_reads_the_text_index_first_in_both_sqlites(encrypted, kinds) -> None:
    """SQLCipher's newer SQLite once walked every entry and matched each (5.9 s at 20,000)."""
    from carejournal.core.domain import EntryKind
    from carejournal.store import fts
    from carejournal.store.rows import row_query

    path, key = encrypted
    flt = EntryFilter(text="garden", kinds=frozenset(EntryKind(k) for k in kinds))
    query = row_query(flt, fts.to_match_query("garden"))
    from sqlalchemy.dialects import sqlite as sqlite_dialect

    sql = str(query.compile(dialect=sqlite_dialect.dialect(),
                            compile_kwargs={"literal_binds": True}))
    plain = path.with_name("plain.sqlite")
    make_plain(plain)
    for conn in (cipher.connect(path, key), sqlite3.connect(plain)):
        try:
            plan = [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}")]
        finally:
            conn.close()
        first_table = next(step for step in plan if "SCAN" in step or "SEARCH" in step)
        assert "entries_fts" in first_table, plan


def test_a_plain_backup_restored_into_an_encrypted_journal_is_encrypted_on_the_way(
        encrypted, tmp_path) -> None:
    path, key = encrypted
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    plain = outside / "old.sqlite"
    make_plain(plain, ("Only in the old plain copy: Marigold's tomatoes",))
    BackupService(path, key=key).restore(plain)
    assert cipher.looks_encrypted(path)
    journal = Journal.open(path, key=key)
    try:
        assert [journal.get(r.id).body for r in journal.rows()] == [
            "Only in the old plain copy: Marigold's tomatoes"]
    finally:
        journal.close()
    assert b"tomatoes" not in path.read_bytes()


@pytest.mark.parametrize(("passphrase", "weakness"), [
    ("", encryption.Weakness.EMPTY),
    ("   ", encryption.Weakness.EMPTY),
    ("password", encryption.Weakness.COMMON),
    ("12345678", encryption.Weakness.COMMON),
    ("sunshine", encryption.Weakness.COMMON),
    ("Password1!", encryption.Weakness.SIMILAR),
    ("P@ssw0rd", encryption.Weakness.SIMILAR),
    ("aaaaaaaaaaaa", encryption.Weakness.REPEAT),
    ("abcdefghijkl", encryption.Weakness.SEQUENCE),
    ("zxcvbnm,./", encryption.Weakness.KEYBOARD),
    ("19/04/1987", encryption.Weakness.DATES),
    ("jennifersmith", encryption.Weakness.NAMES),
    ("Xk9#mQ2!", encryption.Weakness.GUESSABLE),
    ("Xk9#mQ2!zp", None),  # strong enough, and 10 characters
    ("kettle lantern orbit saffron", None),
    ("correct horse battery", None),
    ("x" * 200, encryption.Weakness.REPEAT),  # zxcvbn reads the first 72 characters
])
def test_zxcvbn_judges_how_guessable_a_passphrase_is(passphrase: str, weakness) -> None:
    assert encryption.passphrase_weakness(passphrase) is weakness
    problem = encryption.passphrase_problem(passphrase)
    assert problem == (weakness.value if weakness else None)


def test_a_strong_but_short_passphrase_is_refused_for_its_length() -> None:
    strong = "Qz8!vR2#k"  # zxcvbn scores it 3; nine characters
    assert len(strong) < encryption.MIN_PASSPHRASE
    assert encryption.passphrase_weakness(strong) is encryption.Weakness.SHORT
    assert str(encryption.MIN_PASSPHRASE) in encryption.Weakness.SHORT.value


def test_words_about_the_worker_and_the_journal_are_guessed_first(tmp_path: Path) -> None:
    words = encryption.personal_words(tmp_path / "Marigold-Whitby.sqlite")
    assert {"Marigold", "Whitby", "Marigold-Whitby"} <= set(words)
    assert encryption.passphrase_problem("Marigold-Whitby1") is None
    assert encryption.passphrase_weakness("Marigold-Whitby1", words) \
        is encryption.Weakness.PERSONAL
    assert encryption.passphrase_weakness("carejournal2026") is encryption.Weakness.PERSONAL


def test_encrypt_refuses_a_weak_or_personal_passphrase_and_changes_nothing(
        journal_path: Path, tmp_path: Path) -> None:
    make_plain(journal_path)
    before = all_bytes(tmp_path)
    for weak in ("password", "12345678", f"{journal_path.stem}2026"):
        with pytest.raises(InvalidInput):
            encryption.encrypt(journal_path, weak, cost=CHEAP)
        assert all_bytes(tmp_path) == before
        assert not encryption.key_file(journal_path).exists()


def test_change_refuses_a_weak_passphrase_and_the_old_one_still_opens(encrypted) -> None:
    path, key = encrypted
    kept = encryption.key_file(path).read_bytes()
    with pytest.raises(InvalidInput, match="most common"):
        encryption.change_passphrase(path, key, "password", cost=CHEAP)
    assert encryption.key_file(path).read_bytes() == kept
    assert encryption.unlock(path, PASS) == key
class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_wrong_tries_make_the_next_wait_longer_across_restarts(encrypted) -> None:
    path, key = encrypted
    clock = Clock()
    waits = []
    for _ in range(8):
        with pytest.raises(encryption.WrongPassphrase) as wrong:
            encryption.unlock(path, "not the passphrase", clock)
        waits.append(wrong.value.wait)
        if wrong.value.wait:
            with pytest.raises(encryption.TooSoon):
                encryption.unlock(path, PASS, clock)  # even the right one waits its turn
            clock.now += wrong.value.wait
    assert waits == [0, 1, 2, 4, 8, 16, 30, 30]
    tries = keyfile.tries_file(path)
    assert tries.stat().st_mode & 0o777 == 0o600, "owner-only"
    assert encryption.seconds_to_wait(path, clock) == 0  # the time is up: it may be tried
    with pytest.raises(encryption.WrongPassphrase):
        encryption.unlock(path, "still not", clock)
    clock.now += 10  # a restart changes nothing: the count is on the disk
    with pytest.raises(encryption.TooSoon) as soon:
        encryption.unlock(path, PASS, clock)
    assert soon.value.seconds == 20 and "wait 20 seconds" in str(soon.value)
    clock.now -= 3600  # a clock put back never shortens the wait
    assert encryption.seconds_to_wait(path, clock) == 30
    clock.now += 3600 + 30
    assert encryption.unlock(path, PASS, clock) == key
    assert not tries.exists(), "the right passphrase resets the count"
    with pytest.raises(encryption.WrongPassphrase) as wrong:
        encryption.unlock(path, "not the passphrase", clock)
    assert wrong.value.wait == 0



def test_a_wrong_try_on_a_full_or_read_only_disk_is_still_just_wrong(encrypted,
                                                                    monkeypatch) -> None:
    """Counting a wrong try must not turn it into a storage error: the worker is told the
    passphrase is wrong, and the right one still opens the journal."""
    import errno

    from carejournal import durable

    path, key = encrypted

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(durable, "write_text", full)
    with pytest.raises(encryption.WrongPassphrase):
        encryption.unlock(path, "not the passphrase")
    assert not keyfile.tries_file(path).exists()
    assert encryption.unlock(path, PASS) == key


def _damage(file: Path, page: int) -> None:
    """Scribble over the middle of one page (an encrypted page then fails its HMAC)."""
    with file.open("r+b") as handle:
        handle.seek(4096 * (page - 1) + 1000)
        handle.write(b"\xa5" * 64)


def test_a_change_re_keys_rescue_copies_and_removes_stale_copies(encrypted) -> None:
    import datetime as dt
    import shutil

    from carejournal.store.backup import raw_copy

    path, key = encrypted
    now = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
    backup = BackupService(path, key=key).back_up_now()
    rescued = raw_copy(path, now, "before-restore")  # as a restore over a damaged journal
    damaged = raw_copy(path, now, "before-restore")
    _damage(damaged, 3)
    stale = [path.with_name(f".{path.name}.restoring"),  # killed runs' hidden copies
             backup.with_name(f".{backup.name}.x1y2.part")]
    for file in stale:
        shutil.copyfile(path, file)
    assert rescued.name.endswith(".damaged") and damaged.name.endswith(".damaged")
    kept = encryption.key_file(path).read_bytes()  # a copy someone kept, with the passphrase
    rotated = encryption.change_passphrase(path, key, "a brand new passphrase", cost=CHEAP)
    for file in stale:
        assert not file.exists(), f"{file.name} was removed"
    old_key = keyfile.unwrap(json_record(kept), PASS)
    assert old_key == key
    for file in (path, backup, rescued):
        with pytest.raises(cipher.Error, match="not a database"):
            cipher.connect(file, old_key)
        cipher.connect(file, rotated.key, read_only=True).close()
    assert cipher.connect(damaged, old_key, read_only=True), "too damaged to re-key: left..."
    service = BackupService(path, key=rotated.key)
    assert service.rescue_copies_unlike() == [damaged], "...and flagged"
    assert BackupService(path, key=key).rescue_copies_unlike() == [rescued]


def test_a_plain_rescue_copy_beside_an_encrypted_journal_is_flagged(journal_path) -> None:
    import datetime as dt

    from carejournal.store.backup import raw_copy

    make_plain(journal_path)
    rescued = raw_copy(journal_path, dt.datetime(2026, 12, 1, tzinfo=dt.UTC), "before-restore")
    assert BackupService(journal_path).rescue_copies_unlike() == []
    key = encryption.encrypt(journal_path, PASS, cost=CHEAP).key
    assert BackupService(journal_path, key=key).rescue_copies_unlike() == [rescued]


def json_record(data: bytes) -> dict[str, object]:
    import json

    record = json.loads(data)
    assert isinstance(record, dict)
    return record


@pytest.mark.parametrize("operation", ["encrypt", "decrypt"])
def test_a_marker_from_the_previous_version_holding_its_key_is_finished_and_removed(
        journal_path, operation) -> None:
    import json

    make_plain(journal_path)
    BackupService(journal_path).back_up_now()
    if operation == "decrypt":
        key = encryption.encrypt(journal_path, PASS, cost=CHEAP).key

    def stop(name: str) -> None:
        if name == "backup made":
            raise KeyboardInterrupt  # cut short, as a kill would
    with pytest.raises(KeyboardInterrupt):
        if operation == "encrypt":
            encryption.encrypt(journal_path, PASS, cost=CHEAP, step=stop)
        else:
            encryption.decrypt(journal_path, key, step=stop)
    if operation == "encrypt":
        key = keyfile.unwrap(keyfile.read(encryption.key_file(journal_path)), PASS)
    marker = encryption.marker_file(journal_path)
    recovery = "ABCD-" * 12 + "ABCD" if operation == "encrypt" else None
    marker.write_text(json.dumps({"format": "carejournal-encryption-change",
                                  "operation": operation, "key": key.hex(),
                                  "recovery": recovery}))  # as the previous version wrote it
    assert not encryption.needs_secret_to_resume(journal_path)
    done = encryption.resume_interrupted(journal_path)  # no passphrase: the note had the key
    assert done is not None and done.operation == operation
    assert done.recovery_key == recovery and not done.new_recovery
    assert not marker.exists(), "the old note, with its key, is gone"
    encrypted = operation == "encrypt"
    assert cipher.looks_encrypted(journal_path) == encrypted
    for backup in BackupService(journal_path).backups():
        assert cipher.looks_encrypted(backup.path) == encrypted
    journal = Journal.open(journal_path, key=key if encrypted else None)
    try:
        assert journal.count() == 2
    finally:
        journal.close()
