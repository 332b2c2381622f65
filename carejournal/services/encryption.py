"""Encryption at rest: unlocking, encrypting and decrypting a journal, changing its passphrase.

An encrypted journal is a SQLCipher file keyed with a random 256-bit data key. The key is kept
beside the journal in `<journal>.key`, wrapped by the passphrase through Argon2id (see
carejournal/store/keyfile.py), and is also shown once as a printable recovery key. Changing the
passphrase rewrites only the key file. Encrypting or decrypting writes a converted copy with
sqlcipher_export, checks it, and only then swaps it in; the backups in the backups folder are
converted too, so they always match the journal. No Qt here: the window and the CLI use this.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, cast

from carejournal.core.domain import InvalidInput, utc_now
from carejournal.core.errors import JournalError
from carejournal.services.backups import journal_backups, refuse_if_open
from carejournal.store import cipher, keyfile
from carejournal.store.backup import (
    journal_problems,
    make_backup,
    put_in_place,
    quick_check,
    remove_with_side_files,
)
from carejournal.store.keyfile import KeyFileProblem, WrongPassphrase, key_file

__all__ = ["Encrypted", "EncryptionError", "KeyFileProblem", "WrongPassphrase", "change_passphrase",
           "Weakness", "decrypt", "encrypt", "is_encrypted", "key_file",
           "passphrase_problem", "personal_words", "recovery_key", "unlock"]

MIN_PASSPHRASE = 10  # characters; Weakness.SHORT says the number
MIN_SCORE = 3  # of zxcvbn's 0-4: 3 holds off a guesser who has the file (behind Argon2id)
ZXCVBN_MAX = 72
APP_WORDS = ("carejournal", "care", "journal", "passphrase")  # guessed first, like a name
BEFORE_ENCRYPTION = "before-encryption"
BEFORE_DECRYPTION = "before-decryption"


class EncryptionError(JournalError):
    """Encrypting or decrypting could not be done; the journal is as it was."""


@dataclass(frozen=True)
class Encrypted:
    """What encrypting did: the new data key, its printable form, and the backup made first."""

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


def recovery_key(key: bytes) -> str:
    """The data key as a printable recovery key: 16 groups of 4 hexadecimal characters."""
    text = key.hex().upper()
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes | None:
    """The data key a typed recovery key stands for, or None if the text is not one."""
    compact = re.sub(r"[\s-]", "", text)
    if not re.fullmatch(r"[0-9A-Fa-f]{64}", compact):
        return None
    return bytes.fromhex(compact)


def unlock(journal: Path, secret: str) -> bytes:
    """The journal's data key from its passphrase or its recovery key.

    Raises WrongPassphrase if neither opens it, KeyFileProblem if the key file is missing or
    damaged (the recovery key still works then).
    """
    key = parse_recovery_key(secret)
    if key is not None:
        if _opens(journal, key):
            return key
        raise WrongPassphrase("That recovery key does not open this journal.")
    return keyfile.unwrap(keyfile.read(key_file(journal)), secret)


def encrypt(journal: Path, passphrase: str, now: Callable[[], dt.datetime] = utc_now,
            cost: keyfile.KdfCost = keyfile.STRONG) -> Encrypted:
    """Encrypt the (closed) plain journal in place, and its backups; return the new key."""
    _check_new(passphrase, journal)
    _check_ready(journal, None)
    backup = make_backup(journal, now(), BEFORE_ENCRYPTION)
    key = keyfile.new_data_key()
    keyfile.write(key_file(journal), keyfile.wrap(key, passphrase, cost))
    _convert(journal, None, key)
    _convert_backups(journal, None, key)
    return Encrypted(key, recovery_key(key), backup)


def decrypt(journal: Path, key: bytes, now: Callable[[], dt.datetime] = utc_now) -> Path:
    """Store the (closed) encrypted journal, and its backups, without encryption again."""
    _check_ready(journal, key)
    backup = make_backup(journal, now(), BEFORE_DECRYPTION, key)
    _convert(journal, key, None)
    _convert_backups(journal, key, None)
    key_file(journal).unlink(missing_ok=True)
    return backup


def change_passphrase(journal: Path, key: bytes, new_passphrase: str,
                      cost: keyfile.KdfCost = keyfile.STRONG) -> None:
    """Wrap the journal's data key with a new passphrase (the journal is not rewritten)."""
    _check_new(new_passphrase, journal)
    if not _opens(journal, key):
        raise WrongPassphrase("That key does not open this journal.")
    keyfile.write(key_file(journal), keyfile.wrap(key, new_passphrase, cost))


def _check_new(passphrase: str, journal: Path) -> None:
    problem = passphrase_problem(passphrase, personal_words(journal))
    if problem:
        raise InvalidInput(problem)


def _check_ready(journal: Path, key: bytes | None) -> None:
    """Refuse unless the journal exists, is closed everywhere, sound, and as expected."""
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


def _convert(path: Path, old_key: bytes | None, new_key: bytes | None) -> None:
    """Rewrite one database file with new encryption: export, check, then swap in."""
    temp = path.with_name(f".{path.name}.converting")
    remove_with_side_files(temp)
    try:
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


def _convert_backups(journal: Path, old_key: bytes | None, new_key: bytes | None) -> None:
    """Convert the journal's backups that old_key opens; others are left as they are."""
    for backup in journal_backups(journal):
        if may_be_encrypted(backup.path) != (old_key is not None):
            continue
        if journal_problems(backup.path, old_key):
            continue  # a backup this key cannot read (or a damaged one) is left untouched
        _convert(backup.path, old_key, new_key)


def _opens(journal: Path, key: bytes) -> bool:
    """Whether the key opens the journal file."""
    try:
        cipher.connect(journal, key, read_only=True).close()
    except cipher.Error:
        return False
    return True
