"""Encryption at rest: unlocking, encrypting and decrypting a journal, changing its passphrase.

An encrypted journal is a SQLCipher file keyed with a random 256-bit data key. The key is kept
beside the journal in `<journal>.key`, wrapped twice: by the passphrase through Argon2id and by
a separate random recovery secret, shown once as the printable recovery key (see
carejournal/store/keyfile.py); the recovery key is never the data key itself.

Changing the passphrase rotates the data key: a new data key and a new recovery secret; the
journal, every encrypted backup and the rescue copies of a damaged journal (`….damaged`) are
re-keyed with PRAGMA rekey (drafts live inside the journal, so they are re-keyed with it),
and hidden temporary copies killed runs left are removed; then an old copy of the key file
with the old passphrase, or an old recovery key, opens nothing (a rescue copy too damaged to
re-key is left, and flagged by BackupService.rescue_copies_unlike). While the rotation runs
the key file also holds the old data key under the new passphrase, so a rotation cut short is
finished at the next unlock (on a disk still full, the key that opens the journal now is
used, and the rotation waits). Wrong secrets make the next try wait
(keyfile.seconds_to_wait), across restarts.

Encrypting or decrypting converts each file by exporting an owner-only copy with
sqlcipher_export, checking it, and only then swapping it in. Encrypting converts the backups
first and the journal last; decrypting the journal first and the backups after; so a plain
file never sits beside an encrypted journal, even part-way. The whole operation is
all-or-nothing across the files: a marker beside the journal (`<journal>.encryption-change`)
records which operation is under way, and nothing secret (no key, no recovery key), until
every file is converted. The key file exists throughout both operations (encrypting writes it
first, decrypting removes it last), so resume_interrupted finishes an interrupted one at the
next open, or when the command is run again, once the passphrase (or recovery key) is given.
An interrupted encrypt may never have shown its recovery key, so finishing it with the
passphrase makes a new recovery secret and shows that: an earlier one no longer works. (A
marker written by an earlier version holds the key itself: it is still finished, with that
key, and removed.) A disk that fills part-way stops the operation with an EncryptionError:
before any file is converted it is undone ("nothing was changed"); after, the marker stays
and the next open finishes it. The backup made before encrypting is exported encrypted
straight from the plain journal. No Qt here: the window and the CLI use this.
"""

from __future__ import annotations

import datetime as dt
import getpass
import glob
import json
import os
import re
import time
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, cast

from carejournal import durable
from carejournal.core.domain import InvalidInput, utc_now
from carejournal.core.errors import DiskFull, JournalError, JournalReadOnly, StorageFailed
from carejournal.services.backups import BackupFile, BackupProblem, journal_backups
from carejournal.services.backups import refuse_if_open as _refuse_if_open_for_restore
from carejournal.store import cipher, keyfile, write_errors
from carejournal.store.backup import (
    export_backup,
    journal_problems,
    make_backup,
    put_in_place,
    quick_check,
    remove_with_side_files,
    rescue_copies,
)
from carejournal.store.keyfile import KeyFileProblem, TooSoon, WrongPassphrase, key_file

__all__ = ["Encrypted", "EncryptionError", "KeyFileProblem", "Resumed", "SecretNeeded",
           "TooSoon", "Weakness", "WrongPassphrase", "change_passphrase", "decrypt", "encrypt",
           "interrupted", "interrupted_operation", "is_encrypted", "key_file",
           "needs_secret_to_resume", "passphrase_problem", "personal_words", "recovery_key",
           "rescue_copies", "resume_interrupted", "seconds_to_wait", "unlock"]

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
    """Encrypting, decrypting or a passphrase change could not be done.

    cut_short: it stopped part-way and the next open (with the passphrase) finishes it;
    otherwise nothing was changed.
    """

    cut_short: bool = False


def _stop_errors() -> tuple[type[BaseException], ...]:
    """What stops a conversion part-way: a full, read-only or failing disk, a failed check."""
    return (EncryptionError, BackupProblem, OSError, *cipher.Error)


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
    except (KeyError, OSError, ImportError):  # no name for this account (on Windows, with
        pass  # no USERNAME, Python 3.11 looks for the pwd module, which Windows lacks)
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
        try:
            _finish_rotation(journal, previous, key, secret, record)
        except _stop_errors():  # a full disk, say: the rotation waits for a later unlock
            return key if _opens(journal, key) else previous
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

    Resumable: a marker beside the journal says an encrypt is under way (the key file,
    written first, holds the key) until every file is converted, so an interruption is
    finished by resume_interrupted with the passphrase. The backup made first is written
    encrypted straight from the plain journal. A failure (a full disk) before any file is
    converted undoes it all; after, the marker stays (EncryptionError says which).
    """
    _check_new(passphrase, journal)
    _check_ready(journal, None)
    key, secret = keyfile.new_data_key(), keyfile.new_recovery_secret()
    record = keyfile.wrap(key, passphrase, cost, recovery=secret)
    made: list[Path] = []
    converted: list[Path] = []
    try:
        keyfile.write(key_file(journal), record)  # first: no file is ever under a key it lacks
        keyfile.write_recovery_copy(journal, record["recovery"])
        step("key file written")
        _write_marker(journal, ENCRYPT)
        step("marker written")
        made.append(export_backup(journal, now(), BEFORE_ENCRYPTION, key))
        step("backup made")
        _convert_all(journal, ENCRYPT, key, step, converted)
        _complete(journal, ENCRYPT)
    except _stop_errors() as exc:
        raise _stopped(journal, ENCRYPT, exc, made, converted) from exc
    return Encrypted(key, recovery_key(secret), made[0])


def decrypt(journal: Path, key: bytes, now: Callable[[], dt.datetime] = utc_now,
            step: Step = _no_step) -> Path:
    """Store the (closed) encrypted journal, and its backups, without encryption again.

    Resumable like encrypt: the marker says a decrypt is under way, and the key file stays
    until every file is converted (the journal first, so no plain backup ever sits beside
    an encrypted journal).
    """
    _check_ready(journal, key)
    converted: list[Path] = []
    try:
        _write_marker(journal, DECRYPT)
        step("marker written")
        backup = make_backup(journal, now(), BEFORE_DECRYPTION, key)
        step("backup made")
        _convert_all(journal, DECRYPT, key, step, converted)
        _complete(journal, DECRYPT, step)
    except _stop_errors() as exc:
        raise _stopped(journal, DECRYPT, exc, [], converted) from exc
    return backup


@dataclass(frozen=True)
class Resumed:
    """An interrupted encrypt or decrypt, finished.

    operation: which; key: the data key (encrypt; None after a decrypt); recovery_key: the
    recovery key to show (encrypt), and new_recovery whether it replaces any shown before.
    """

    operation: str
    recovery_key: str | None
    key: bytes | None = None
    new_recovery: bool = False


class SecretNeeded(EncryptionError):
    """Finishing the interrupted operation needs the passphrase (or recovery key)."""


def interrupted(journal: Path) -> bool:
    """Whether an encrypt or decrypt of the journal was cut short (a marker is left)."""
    return marker_file(journal).is_file()


def interrupted_operation(journal: Path) -> str | None:
    """ENCRYPT or DECRYPT when one was cut short, else None; EncryptionError if unreadable."""
    if not interrupted(journal):
        return None
    return _read_marker(journal)[0]


def needs_secret_to_resume(journal: Path) -> bool:
    """Whether finishing the interrupted operation needs the passphrase or recovery key.

    An encrypt always does (its files are converted with the key, and a new recovery key
    is made); a decrypt until its key file is removed (the last step), or while the
    journal is still encrypted; a marker from an earlier version holds its own key.
    """
    if not interrupted(journal):
        return False
    operation, old_key, _recovery = _read_marker(journal)
    if old_key is not None:
        return False
    return operation == ENCRYPT or key_file(journal).is_file() or may_be_encrypted(journal)


def resume_interrupted(journal: Path, secret: str | None = None, step: Step = _no_step,
                       clock: Callable[[], float] = time.time) -> Resumed | None:
    """Finish an encrypt or decrypt that was cut short; None if there was none.

    secret: the passphrase or recovery key (see needs_secret_to_resume; SecretNeeded if it
    is needed and missing). A wrong one raises WrongPassphrase (counted, as unlock does)
    and changes nothing. Every file still in the old state is converted, stale temporary
    copies removed, then the marker. Finishing an encrypt with the passphrase gives the key
    file a new recovery secret (the first may never have been shown, and is nowhere else).
    Run before a journal is opened (CLI and window) and by re-running the command. The
    journal must be closed everywhere.
    """
    if not interrupted(journal):
        return None
    operation, key, recovery = _read_marker(journal)
    refuse_if_open(journal)
    if key is None and needs_secret_to_resume(journal):
        if secret is None:
            raise SecretNeeded(resume_question(operation))
        key = unlock(journal, secret, clock)
    new = False
    try:
        if key is not None:
            _convert_all(journal, operation, key, step, [])
        if operation == ENCRYPT and key is not None and recovery is None and secret \
                and not _is_recovery_key(secret):
            recovery, new = _new_recovery(journal, key, secret), True
            step("new recovery key")
        _complete(journal, operation, step)
    except _stop_errors() as exc:
        raise _stopped(journal, operation, exc, [], [journal]) from exc
    return Resumed(operation, recovery, key if operation == ENCRYPT else None, new)


def resume_question(operation: str) -> str:
    """What to ask the worker for, and why (the window translates the same sentences)."""
    if operation == ENCRYPT:
        return "Encrypting this journal was interrupted. Enter its passphrase to finish."
    return "Removing this journal's passphrase was interrupted. Enter its passphrase to finish."


def _is_recovery_key(secret: str) -> bool:
    return keyfile.parse_recovery(secret) is not None \
        or keyfile.parse_legacy_recovery(secret) is not None


def _new_recovery(journal: Path, key: bytes, passphrase: str) -> str:
    """Wrap the data key under a new recovery secret (the old one stops working)."""
    record = keyfile.read(key_file(journal))
    secret = keyfile.new_recovery_secret()
    fresh = keyfile.wrap(key, passphrase, _cost_of(record), recovery=secret)
    keyfile.write(key_file(journal), fresh)
    keyfile.write_recovery_copy(journal, fresh["recovery"])
    return recovery_key(secret)


def _cost_of(record: dict[str, object]) -> keyfile.KdfCost:
    return keyfile.KdfCost(int(record["time_cost"]), int(record["memory_kib"]),  # type: ignore[call-overload]
                           int(record["parallelism"]))  # type: ignore[call-overload]


def marker_file(journal: Path) -> Path:
    """The note beside the journal while it is being encrypted or decrypted."""
    return journal.with_name(journal.name + MARKER_SUFFIX)


def _write_marker(journal: Path, operation: str) -> None:
    """Durably note the change under way (owner-only; removed at the end).

    The note holds no key and no recovery key: the key file (there throughout) holds the
    key, and finishing asks for the passphrase.
    """
    durable.write_text(marker_file(journal), json.dumps(
        {"format": "carejournal-encryption-change", "version": 2, "operation": operation}),
        durable.PRIVATE)


def _read_marker(journal: Path) -> tuple[str, bytes | None, str | None]:
    """The operation in the marker, and the key and recovery key an old one held."""
    marker = marker_file(journal)
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
        operation = str(data["operation"])
        key = bytes.fromhex(str(data["key"])) if data.get("key") else None
        recovery = str(data["recovery"]) if data.get("recovery") else None
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError,
            AttributeError) as exc:
        raise EncryptionError(f"The note of an interrupted encryption change, {marker}, "
                              f"cannot be read ({exc}).") from exc
    if operation not in (ENCRYPT, DECRYPT) or (key is not None
                                               and len(key) != keyfile.KEY_BYTES):
        raise EncryptionError(f"{marker} is not a CareJournal note.")
    return operation, key, recovery


def _convert_all(journal: Path, operation: str, key: bytes, step: Step,
                 converted: list[Path]) -> None:
    """Convert every file still in the old state, noting each in converted.

    Encrypting: the backups first, the journal last. Decrypting: the journal first. Either
    way no plain file sits beside an encrypted journal at any moment.
    """
    old, new = (None, key) if operation == ENCRYPT else (key, None)
    backups = [backup.path for backup in journal_backups(journal)]
    order = [*backups, journal] if operation == ENCRYPT else [journal, *backups]
    for path in order:
        if _needs_converting(path, old):
            _convert(path, old, new)
            converted.append(path)
            step("converted the journal" if path == journal else f"converted {path.name}")


def _complete(journal: Path, operation: str, step: Step = _no_step) -> None:
    """The last steps: (decrypting) the key file goes, then the marker."""
    if operation == DECRYPT and key_file(journal).exists():
        key_file(journal).unlink()
        step("key file removed")
    if operation == DECRYPT:
        for path in (keyfile.recovery_copy(journal), keyfile.tries_file(journal)):
            path.unlink(missing_ok=True)
    marker_file(journal).unlink(missing_ok=True)
    durable.fsync_dir(journal.parent)


def _stopped(journal: Path, operation: str, exc: BaseException, made: list[Path],
             converted: list[Path]) -> EncryptionError:
    """The error for an encrypt or decrypt that failed part-way (say, on a full disk).

    Before any file was converted it is undone: the marker goes (and, encrypting, the key
    file and the backup just made under the new key). After, the marker stays, so the
    next open finishes it with the passphrase; nothing is lost either way.
    """
    why = _reason(exc, journal)
    name = journal.name
    if not converted:
        undo = [marker_file(journal)]
        if operation == ENCRYPT:
            undo += [*made, key_file(journal), keyfile.recovery_copy(journal)]
        for path in undo:
            with suppress(OSError):
                path.unlink(missing_ok=True)
        if operation == ENCRYPT:
            return EncryptionError(f"{name} was not encrypted: {why}. Nothing was changed: "
                                   "it opens without a passphrase, as before.")
        return EncryptionError(f"The passphrase of {name} was not removed: {why}. Nothing was "
                               "changed: it is still protected by your passphrase.")
    doing = "Encrypting" if operation == ENCRYPT else "Removing the passphrase of"
    error = EncryptionError(
        f"{doing} {name} was cut short: {why}. Nothing is lost. Free some space, then open "
        "the journal again (or run the command again) and give your passphrase: it is "
        "finished then.")
    error.cut_short = True
    return error


def _reason(exc: BaseException, journal: Path) -> str:
    """Why the operation stopped, as the middle of a sentence."""
    return _kind_of(_storage_problem(exc, journal)) or str(exc).rstrip(".")


def _storage_problem(exc: BaseException, path: Path) -> JournalError | None:
    """The NotSaved behind an error (a full, read-only or failing disk), if there is one."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, OSError):
            return write_errors.from_os(cause)
        if isinstance(cause, cipher.Error):
            return write_errors.from_sqlite(path, str(cause).lower())
        cause = cause.__cause__
    return None


def _kind_of(problem: JournalError | None) -> str | None:
    if isinstance(problem, DiskFull):
        return "there is no room left on the disk (or a file-size limit was reached)"
    if isinstance(problem, JournalReadOnly):
        return "the disk or folder is read-only"
    if isinstance(problem, StorageFailed):
        return "the disk reported an error while writing (it may be full or failing)"
    return None


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

    The (closed) journal, its encrypted backups and the rescue copies of a damaged journal
    (`….damaged`) are re-keyed to a new random data key; a new recovery secret wraps it;
    temporary copies killed runs left are removed. First the key file records both keys
    (the old one as "previous"), so that an interruption at any point leaves every file
    openable and the next unlock finishes the rotation; last it is written with the new key
    alone. A failure (a full disk) before any file is re-keyed puts the old key file back
    ("nothing was changed"); after, the new passphrase opens the journal and the next
    unlock finishes the rotation (EncryptionError says which).
    """
    _check_new(new_passphrase, journal)
    if interrupted(journal):
        raise EncryptionError(f"An earlier encryption change of {journal.name} was cut short; "
                              "open the journal to finish it first. Nothing was changed.")
    if not _opens(journal, key):
        raise WrongPassphrase("That key does not open this journal.")
    refuse_if_open(journal)
    before = _key_files_as_they_are(journal)
    new_key, secret = keyfile.new_data_key(), keyfile.new_recovery_secret()
    record = keyfile.wrap(new_key, new_passphrase, cost, recovery=secret, previous=key)
    rekeyed: list[Path] = []
    try:
        keyfile.write(key_file(journal), record)
        keyfile.write_recovery_copy(journal, record["recovery"])
        step("key file written")
        _finish_rotation(journal, key, new_key, new_passphrase, record, step, rekeyed)
    except _stop_errors() as exc:
        raise _rotation_stopped(journal, exc, before, rekeyed) from exc
    return Rotated(new_key, recovery_key(secret))


def _key_files_as_they_are(journal: Path) -> dict[Path, bytes | None]:
    """The key file and the recovery copy's bytes (None: missing), to put back on failure."""
    return {path: _bytes_of(path) for path in (key_file(journal), keyfile.recovery_copy(journal))}


def _rotation_stopped(journal: Path, exc: BaseException, before: dict[Path, bytes | None],
                      rekeyed: list[Path]) -> EncryptionError:
    """The error for a passphrase change that failed part-way, undone if nothing was
    re-keyed yet."""
    why = _reason(exc, journal)
    if not rekeyed:
        try:
            for path, data in before.items():
                if data is None:
                    path.unlink(missing_ok=True)
                elif _bytes_of(path) != data:  # (a write that failed left it as it was)
                    durable.write_bytes(path, data, durable.PRIVATE)
        except OSError:
            pass
        else:
            return EncryptionError(f"The passphrase of {journal.name} was not changed: {why}. "
                                   "Nothing was changed: your old passphrase still opens it.")
    error = EncryptionError(
        f"Changing the passphrase of {journal.name} was cut short: {why}. Nothing is lost: "
        "your new passphrase opens it now (the old one no longer does), and the change is "
        "finished the next time you unlock it with enough room on the disk.")
    error.cut_short = True
    return error


def _bytes_of(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _finish_rotation(journal: Path, old_key: bytes, new_key: bytes, passphrase: str,
                     record: dict[str, object], step: Step = _no_step,
                     rekeyed: list[Path] | None = None) -> None:
    """Re-key every file still under old_key, then drop old_key from the key file.

    A rescue copy too damaged to re-key is left under the old key (backup list and File ›
    Backups flag it); a full or failing disk stops the rotation, to be finished later.
    """
    done = [] if rekeyed is None else rekeyed
    _remove_temporaries(journal)
    for backup in journal_backups(journal):
        if _rekey_if_old(backup.path, old_key, new_key):
            done.append(backup.path)
            step(f"re-keyed {backup.path.name}")
    for copy in rescue_copies(journal):
        try:
            if _rekey_if_old(copy, old_key, new_key):
                done.append(copy)
                step(f"re-keyed {copy.name}")
        except EncryptionError:
            if not quick_check(copy, old_key):
                raise  # a sound copy would not re-key: the disk is full or failing
    if _rekey_if_old(journal, old_key, new_key):
        done.append(journal)
        step("re-keyed the journal")
    keyfile.write(key_file(journal), keyfile.wrap(
        new_key, passphrase, _cost_of(record), recovery=record.get("recovery")))  # type: ignore[arg-type]


def _rekey_if_old(path: Path, old_key: bytes, new_key: bytes) -> bool:
    """Re-key the file if old_key opens it; whether it did."""
    _settle(path, old_key, new_key)
    if not (may_be_encrypted(path) and _opens(path, old_key)):
        return False
    _rekey(path, old_key, new_key)
    return True


def _remove_temporaries(journal: Path) -> None:
    """Remove the hidden copies killed runs left beside the journal and its backups (a
    restore's staged copy, a conversion's, a new journal's, a backup's `.part`): they
    are never used again, and would stay under the old key."""
    for suffix in (".restoring", ".converting", ".new"):
        remove_with_side_files(journal.with_name(f".{journal.name}{suffix}"))
    folder = journal.parent / "backups"
    if folder.is_dir():
        for part in folder.glob(f".{glob.escape(journal.stem)}-*.part*"):
            with suppress(OSError):
                part.unlink()


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
