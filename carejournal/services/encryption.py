"""Encryption at rest: unlocking, encrypting and decrypting a journal, changing its passphrase.

An encrypted journal is a SQLCipher file keyed with a random 256-bit data key. The key is kept
beside the journal in `<journal>.key`, wrapped twice: by the passphrase through Argon2id and by
a separate random recovery secret, shown once as the printable recovery key (see
carejournal/store/keyfile.py); the recovery key is never the data key itself.

Changing the passphrase rotates the data key: a new data key and a new recovery secret; the
journal and every encrypted backup are re-keyed with PRAGMA rekey (drafts live inside the
journal, so they are re-keyed with it); then an old copy of the key file with the old
passphrase, or an old recovery key, opens nothing. While the rotation runs the key file also
holds the old data key under the new passphrase, so a rotation cut short is finished at the
next unlock. Wrong secrets make the next try wait (keyfile.seconds_to_wait), across restarts.

Encrypting or decrypting converts each file (the backups, then the journal) by exporting an
owner-only copy with sqlcipher_export, checking it, and only then swapping it in. The whole
operation is all-or-nothing across the files: a marker beside the journal
(`<journal>.encryption-change`) records it, with its key, until every file is converted, and
resume_interrupted finishes it at the next open or when the command is run again; so plain
files never stay beside an encrypted journal. The backup made before encrypting is exported
encrypted straight from the plain journal. No Qt here: the window and the CLI use this.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, cast

from carejournal import durable
from carejournal.core.domain import InvalidInput, utc_now
from carejournal.core.errors import JournalError
from carejournal.services.backups import BackupFile, BackupProblem, journal_backups
from carejournal.services.backups import refuse_if_open as _refuse_if_open_for_restore
from carejournal.store import cipher, keyfile
from carejournal.store.backup import (
    export_backup,
    journal_problems,
    make_backup,
    put_in_place,
    quick_check,
    remove_with_side_files,
)
from carejournal.store.keyfile import KeyFileProblem, TooSoon, WrongPassphrase, key_file

__all__ = ["Encrypted", "EncryptionError", "KeyFileProblem", "TooSoon", "Weakness",
           "WrongPassphrase", "change_passphrase", "decrypt", "encrypt", "is_encrypted",
           "key_file", "passphrase_problem", "personal_words", "recovery_key",
           "seconds_to_wait", "unlock"]

MIN_PASSPHRASE = 10  # characters; Weakness.SHORT says the number
MIN_SCORE = 3  # of zxcvbn's 0-4: 3 holds off a guesser who has the file (behind Argon2id)
ZXCVBN_MAX = 72
APP_WORDS = ("carejournal", "care", "journal", "passphrase")  # guessed first, like a name
BEFORE_ENCRYPTION = "before-encryption"
BEFORE_DECRYPTION = "before-decryption"
ENCRYPT, DECRYPT = "encrypt", "decrypt"
MARKER_SUFFIX = ".encryption-change"
Step = Callable[[str], None]


def _no_step(_name: str) -> None:
    """Where tests hook a kill between the steps of a conversion; nothing otherwise."""


class EncryptionError(JournalError):
    """Encrypting or decrypting could not be done; the journal is as it was."""


@dataclass(frozen=True)
class Encrypted:
    """What encrypting did: the new data key, the recovery key, and the backup made first."""

    key: bytes
    recovery_key: str
    backup: Path


def is_encrypted(journal: Path) -> bool:
    """Whether the journal is encrypted with a key file beside it (it needs a passphrase)."""
    return cipher.looks_encrypted(journal) and key_file(journal).is_file()


def may_be_encrypted(journal: Path) -> bool:
    """Whether the file could be an encrypted journal (no plain header), key file or not."""
    return cipher.looks_encrypted(journal)


def available() -> bool:
    """Whether this installation can encrypt (SQLCipher is installed)."""
    return cipher.available()


class Weakness(Enum):
    """Why a new passphrase will not do, in plain English (the window translates the text)."""

    EMPTY = "Please choose a passphrase."
    SHORT = ("Please use at least 10 characters. Three or four unrelated words are long "
             "enough, and easy to remember.")
    COMMON = ("This is one of the most common passphrases: anyone trying to open the file "
              "would guess it early. Try three or four unrelated words.")
    SIMILAR = ("This is a common passphrase with a small change, and those are guessed early "
               "too. Try three or four unrelated words.")
    WORDS = ("A single word, or a well-known phrase, is guessed early. Add another word or two "
             "that do not belong together.")
    NAMES = ("Names are among the first things guessed. Add two or three unrelated words.")
    PERSONAL = ("This is close to your name or the journal's, which anyone trying would try "
                "first. Choose words that have nothing to do with you or the journal.")
    KEYBOARD = ("Rows and patterns of keys, like qwerty, are guessed early. Try three or four "
                "unrelated words.")
    REPEAT = ("Repeated letters or words are guessed early. Try three or four unrelated words.")
    SEQUENCE = ("Sequences like abc or 1234 are guessed early. Try three or four unrelated "
                "words.")
    DATES = ("Dates and years, such as birthdays, are guessed early. Try three or four "
             "unrelated words.")
    GUESSABLE = ("This could be guessed too quickly. Make it longer: three or four unrelated "
                 "words are strong, and easy to remember.")


_PATTERNS = {"spatial": Weakness.KEYBOARD, "repeat": Weakness.REPEAT,
             "sequence": Weakness.SEQUENCE, "regex": Weakness.DATES, "date": Weakness.DATES}
_NAME_LISTS = ("surnames", "male_names", "female_names")


def passphrase_problem(passphrase: str, about: Sequence[str] = ()) -> str | None:
    """Why a new passphrase will not do (None if it will), as one kind sentence.

    Strength is judged by zxcvbn: its score must reach MIN_SCORE of 4 ("safely unguessable"),
    and the passphrase must have MIN_PASSPHRASE characters. `about` gives words a guesser
    would try first (the worker's name, the journal's); zxcvbn treats them as a dictionary.
    The sentence is a Weakness's text, so the window can translate it.
    """
    weakness = passphrase_weakness(passphrase, about)
    return None if weakness is None else weakness.value


def passphrase_weakness(passphrase: str, about: Sequence[str] = ()) -> Weakness | None:
    """What is wrong with a new passphrase, or None; see passphrase_problem."""
    if not passphrase.strip():
        return Weakness.EMPTY
    from zxcvbn import zxcvbn  # ~80 ms to import: only once a passphrase is judged

    words = [*APP_WORDS, *(word for word in about if word)]
    # zxcvbn refuses more than 72 characters; the rest can only add strength.
    judged = cast(dict[str, Any], zxcvbn(passphrase[:ZXCVBN_MAX], user_inputs=words))
    if int(judged["score"]) < MIN_SCORE:
        return _weakness_of(cast(list[dict[str, Any]], judged["sequence"]))
    if len(passphrase) < MIN_PASSPHRASE:
        return Weakness.SHORT
    return None


def _weakness_of(sequence: list[dict[str, Any]]) -> Weakness:
    """The reason zxcvbn's feedback gives, from the longest part it could guess."""
    if not sequence:
        return Weakness.GUESSABLE
    match = max(sequence, key=lambda m: len(str(m.get("token", ""))))
    if match.get("pattern") != "dictionary":
        return _PATTERNS.get(str(match.get("pattern")), Weakness.GUESSABLE)
    source = match.get("dictionary_name")
    if source == "passwords":
        altered = len(sequence) > 1 or match.get("l33t") or match.get("reversed")
        return Weakness.SIMILAR if altered else Weakness.COMMON
    if source == "user_inputs":
        return Weakness.PERSONAL
    return Weakness.NAMES if source in _NAME_LISTS else Weakness.WORDS


def personal_words(journal: Path) -> tuple[str, ...]:
    """Words about this worker and journal that a guesser would try first."""
    words = [journal.stem, *re.split(r"[\W_]+", journal.stem), Path.home().name]
    try:
        words.append(getpass.getuser())
    except (KeyError, OSError):  # no name for this account
        pass
    return tuple(dict.fromkeys(word for word in words if len(word) > 2))


def recovery_key(secret: bytes) -> str:
    """The recovery secret in its printable form: 13 groups of 4 letters and digits."""
    return keyfile.recovery_text(secret)


def seconds_to_wait(journal: Path, clock: Callable[[], float] = time.time) -> float:
    """How long before the next unlocking try may be made, after wrong ones (0: now)."""
    return keyfile.seconds_to_wait(journal, clock())


def needs_unlock(journal: Path) -> bool:
    """Whether the journal is encrypted and a key file or recovery copy can unlock it."""
    return cipher.looks_encrypted(journal) and (
        key_file(journal).is_file() or keyfile.recovery_copy(journal).is_file())


def unlock(journal: Path, secret: str, clock: Callable[[], float] = time.time) -> bytes:
    """The journal's data key from its passphrase or its recovery key.

    Raises TooSoon while wrong tries make the next one wait, WrongPassphrase if the secret
    opens nothing (counted), KeyFileProblem if the key file is missing or damaged (the
    recovery key still works then, through its copy in the backups folder). A rotation
    left half done by an interruption is finished here.
    """
    wait = keyfile.seconds_to_wait(journal, clock())
    if wait > 0:
        raise TooSoon(wait)
    try:
        key = _unlock(journal, secret)
    except WrongPassphrase as exc:
        wait = keyfile.note_wrong_try(journal, clock())
        if not wait:
            raise
        told = WrongPassphrase(f"{exc} To slow down guessing, the next try can be made in "
                               f"{int(wait)} seconds.")
        told.wait = wait
        raise told from exc
    if keyfile.tries_file(journal).exists():
        keyfile.forget_tries(journal)
    return key


def _unlock(journal: Path, secret: str) -> bytes:
    recovery = keyfile.parse_recovery(secret)
    if recovery is not None:
        return _unlock_with_recovery(journal, recovery)
    legacy = keyfile.parse_legacy_recovery(secret)  # a version 1 key file's printed key
    if legacy is not None:
        if _opens(journal, legacy):
            return legacy
        raise WrongPassphrase("That recovery key does not open this journal.")
    record = keyfile.read(key_file(journal))
    key, previous = keyfile.unwrap_all(record, secret)
    if previous is not None:
        _finish_rotation(journal, previous, key, secret, record)
    return key


def _unlock_with_recovery(journal: Path, secret: bytes) -> bytes:
    """The data key from the recovery wrapping in the key file, else from its copy."""
    try:
        part = keyfile.read(key_file(journal)).get("recovery")
    except KeyFileProblem:
        part = None
    if part is None:
        part = keyfile.read_recovery_copy(journal).get("recovery")
    return keyfile.unwrap_recovery(part, secret)


def encrypt(journal: Path, passphrase: str, now: Callable[[], dt.datetime] = utc_now,
            cost: keyfile.KdfCost = keyfile.STRONG, step: Step = _no_step) -> Encrypted:
    """Encrypt the (closed) plain journal in place, and its backups; return the new key.

    Resumable: a marker beside the journal records the new key until every file is
    converted, so an interruption is finished by resume_interrupted (at the next open).
    The backup made first is written encrypted straight from the plain journal.
    """
    _check_new(passphrase, journal)
    _check_ready(journal, None)
    key, secret = keyfile.new_data_key(), keyfile.new_recovery_secret()
    record = keyfile.wrap(key, passphrase, cost, recovery=secret)
    keyfile.write(key_file(journal), record)  # first: no file is ever under a key it lacks
    keyfile.write_recovery_copy(journal, record["recovery"])
    step("key file written")
    _write_marker(journal, ENCRYPT, key, recovery_key(secret))
    step("marker written")
    try:
        backup = export_backup(journal, now(), BEFORE_ENCRYPTION, key)
    except cipher.Error as exc:
        raise EncryptionError(f"No backup of {journal.name} could be made ({exc}).") from exc
    step("backup made")
    _finish(journal, ENCRYPT, key, step)
    return Encrypted(key, recovery_key(secret), backup)


def decrypt(journal: Path, key: bytes, now: Callable[[], dt.datetime] = utc_now,
            step: Step = _no_step) -> Path:
    """Store the (closed) encrypted journal, and its backups, without encryption again.

    Resumable like encrypt: the marker holds the key until every file is converted.
    """
    _check_ready(journal, key)
    _write_marker(journal, DECRYPT, key, None)
    step("marker written")
    backup = make_backup(journal, now(), BEFORE_DECRYPTION, key)
    step("backup made")
    _finish(journal, DECRYPT, key, step)
    return backup


@dataclass(frozen=True)
class Resumed:
    """An interrupted encrypt or decrypt, finished: which, and (encrypt) the recovery key."""

    operation: str
    recovery_key: str | None


def interrupted(journal: Path) -> bool:
    """Whether an encrypt or decrypt of the journal was cut short (a marker is left)."""
    return marker_file(journal).is_file()


def resume_interrupted(journal: Path, step: Step = _no_step) -> Resumed | None:
    """Finish an encrypt or decrypt that was cut short; None if there was none.

    Every file still in the old state is converted, stale temporary copies removed, then
    the marker. Run before a journal is opened (CLI and window) and by re-running the
    command. The journal must be closed everywhere.
    """
    marker = marker_file(journal)
    if not marker.is_file():
        return None
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
        operation, key = str(data["operation"]), bytes.fromhex(str(data["key"]))
        recovery = data.get("recovery")
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise EncryptionError(f"The note of an interrupted encryption change, {marker}, "
                              f"cannot be read ({exc}).") from exc
    if operation not in (ENCRYPT, DECRYPT) or len(key) != keyfile.KEY_BYTES:
        raise EncryptionError(f"{marker} is not a CareJournal note.")
    refuse_if_open(journal)
    _finish(journal, operation, key, step)
    return Resumed(operation, str(recovery) if recovery else None)


def marker_file(journal: Path) -> Path:
    """The note beside the journal while it is being encrypted or decrypted."""
    return journal.with_name(journal.name + MARKER_SUFFIX)


def _write_marker(journal: Path, operation: str, key: bytes, recovery: str | None) -> None:
    """Durably note the change under way, with its key (owner-only; removed at the end).

    The key is in the note only while the change runs. Encrypting, the journal itself is
    still readable beside it, so the key protects nothing yet; decrypting, the worker has
    asked for everything to be readable. So the note gives nothing away that the files do
    not, and it lets the change be finished without asking for the passphrase again.
    """
    durable.write_text(marker_file(journal), json.dumps(
        {"format": "carejournal-encryption-change", "operation": operation,
         "key": key.hex(), "recovery": recovery}), durable.PRIVATE)


def _finish(journal: Path, operation: str, key: bytes, step: Step) -> None:
    """Convert every file still in the old state (backups first, the journal last)."""
    old, new = (None, key) if operation == ENCRYPT else (key, None)
    for backup in journal_backups(journal):
        if _needs_converting(backup.path, old):
            _convert(backup.path, old, new)
            step(f"converted {backup.path.name}")
    if _needs_converting(journal, old):
        _convert(journal, old, new)
        step("converted the journal")
    if operation == DECRYPT:
        for path in (key_file(journal), keyfile.recovery_copy(journal),
                     keyfile.tries_file(journal)):
            path.unlink(missing_ok=True)
    marker_file(journal).unlink(missing_ok=True)
    durable.fsync_dir(journal.parent)


def protect_backups(journal: Path, key: bytes | None, backups: Iterable[BackupFile]
                    ) -> tuple[list[Path], list[Path]]:
    """Encrypt with the journal's key the given plain backups; (fixed, left as they were).

    A backup that is encrypted, damaged or not a journal is left; so are all when the
    journal has no key.
    """
    fixed: list[Path] = []
    left: list[Path] = []
    for backup in backups:
        if key is not None and _needs_converting(backup.path, None):
            _convert(backup.path, None, key)
            fixed.append(backup.path)
        else:
            left.append(backup.path)
    return fixed, left


def _needs_converting(path: Path, old_key: bytes | None) -> bool:
    """Whether the file is still in the old state: plain (encrypting) or under old_key."""
    _remove_stale_temporary(path)
    if old_key is None:
        return not may_be_encrypted(path) and not journal_problems(path, None)
    return may_be_encrypted(path) and _opens(path, old_key)


@dataclass(frozen=True)
class Rotated:
    """What a passphrase change did: the new data key and the new recovery key."""

    key: bytes
    recovery_key: str


def change_passphrase(journal: Path, key: bytes, new_passphrase: str,
                      cost: keyfile.KdfCost = keyfile.STRONG, step: Step = _no_step) -> Rotated:
    """Change the passphrase and rotate the data key; the old recovery key stops working.

    The (closed) journal and its encrypted backups are re-keyed to a new random data key; a
    new recovery secret wraps it. First the key file records both keys (the old one as
    "previous"), so that an interruption at any point leaves every file openable and the
    next unlock finishes the rotation; last it is written with the new key alone.
    """
    _check_new(new_passphrase, journal)
    if not _opens(journal, key):
        raise WrongPassphrase("That key does not open this journal.")
    refuse_if_open(journal)
    new_key, secret = keyfile.new_data_key(), keyfile.new_recovery_secret()
    record = keyfile.wrap(new_key, new_passphrase, cost, recovery=secret, previous=key)
    keyfile.write(key_file(journal), record)
    keyfile.write_recovery_copy(journal, record["recovery"])
    step("key file written")
    _finish_rotation(journal, key, new_key, new_passphrase, record, step)
    return Rotated(new_key, recovery_key(secret))


def _finish_rotation(journal: Path, old_key: bytes, new_key: bytes, passphrase: str,
                     record: dict[str, object], step: Step = _no_step) -> None:
    """Re-key every file still under old_key, then drop old_key from the key file."""
    for backup in journal_backups(journal):
        _settle(backup.path, old_key, new_key)
        if may_be_encrypted(backup.path) and _opens(backup.path, old_key):
            _rekey(backup.path, old_key, new_key)
            step(f"re-keyed {backup.path.name}")
    _settle(journal, old_key, new_key)
    if _opens(journal, old_key):
        _rekey(journal, old_key, new_key)
        step("re-keyed the journal")
    cost = keyfile.KdfCost(int(record["time_cost"]), int(record["memory_kib"]),  # type: ignore[call-overload]
                           int(record["parallelism"]))  # type: ignore[call-overload]
    keyfile.write(key_file(journal), keyfile.wrap(
        new_key, passphrase, cost, recovery=record.get("recovery")))  # type: ignore[arg-type]


def _settle(path: Path, *keys: bytes) -> None:
    """Roll back a re-key a kill cut short (a hot -journal beside the file).

    A read-only connection cannot roll it back (SQLite says the database is read-only), so
    the file is opened for writing once, with whichever key opens it.
    """
    if not Path(f"{path}-journal").exists():
        return
    for key in keys:
        try:
            cipher.connect(path, key, must_exist=True).close()
        except cipher.Error:
            continue
        return


def _rekey(path: Path, old_key: bytes, new_key: bytes) -> None:
    try:
        cipher.rekey(path, old_key, new_key)
    except cipher.Error as exc:
        raise EncryptionError(f"{path.name} could not be re-keyed ({exc}); run the passphrase "
                              "change again to finish it.") from exc


def refuse_if_open(journal: Path) -> None:
    """Refuse while another program or CareJournal window has the journal open."""
    try:
        _refuse_if_open_for_restore(journal)
    except BackupProblem as exc:
        raise EncryptionError(f"{journal.name} is open in another CareJournal window or "
                              "program. Close it there, then try again; nothing was "
                              "changed.") from exc


def _check_new(passphrase: str, journal: Path) -> None:
    problem = passphrase_problem(passphrase, personal_words(journal))
    if problem:
        raise InvalidInput(problem)


def _check_ready(journal: Path, key: bytes | None) -> None:
    """Refuse unless the journal exists, is closed everywhere, sound, and as expected."""
    if interrupted(journal):
        raise EncryptionError(f"An earlier encryption change of {journal.name} was cut short; "
                              "open the journal (or run the command again) to finish it first.")
    if not journal.is_file() or not journal.stat().st_size:
        raise EncryptionError(f"There is no journal at {journal}.")
    if (key is None) == may_be_encrypted(journal):
        state = "already encrypted" if key is None else "not encrypted"
        raise EncryptionError(f"{journal.name} is {state}; nothing was changed.")
    if not cipher.available():
        raise EncryptionError(str(cipher.CipherUnavailable()))
    refuse_if_open(journal)
    problems = quick_check(journal, key)
    if problems:
        raise EncryptionError(f"{journal.name} is damaged, so it was not converted "
                              f"({problems[0]}). Nothing was changed.")


def _temporary_for(path: Path) -> Path:
    return path.with_name(f".{path.name}.converting")


def _remove_stale_temporary(path: Path) -> None:
    """A converted copy a killed run left (it may be plain text): removed."""
    remove_with_side_files(_temporary_for(path))


def _convert(path: Path, old_key: bytes | None, new_key: bytes | None) -> None:
    """Rewrite one database file with new encryption: export, check, then swap in.

    The copy is made owner-only before SQLite writes a byte into it.
    """
    temp = _temporary_for(path)
    remove_with_side_files(temp)
    try:
        os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        cipher.export_copy(path, old_key, temp, new_key)
        problems = quick_check(temp, new_key) or _same_rows(path, old_key, temp, new_key)
        if problems:
            raise EncryptionError(f"The converted copy of {path.name} failed its check "
                                  f"({problems[0]}); nothing was changed.")
        os.chmod(temp, 0o600)
        put_in_place(temp, path)
    except cipher.Error as exc:
        raise EncryptionError(f"{path.name} could not be converted ({exc}); "
                              "nothing was changed.") from exc
    finally:
        remove_with_side_files(temp)


def _same_rows(old: Path, old_key: bytes | None, new: Path, new_key: bytes | None) -> list[str]:
    """Differences in any table's row count between the two files (none: an empty list)."""
    counts = [_row_counts(old, old_key), _row_counts(new, new_key)]
    if counts[0] != counts[1]:
        return ["the number of rows differs"]
    return []


def _row_counts(path: Path, key: bytes | None) -> dict[str, int]:
    conn = cipher.connect(path, key, read_only=True)
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE "
            "'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite_%'")]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        conn.close()


def _opens(journal: Path, key: bytes) -> bool:
    """Whether the key opens the journal file."""
    try:
        cipher.connect(journal, key, read_only=True).close()
    except cipher.Error:
        return False
    return True
