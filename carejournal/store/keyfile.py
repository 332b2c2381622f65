"""The key file beside an encrypted journal: its random data key, wrapped by the passphrase.

`journal.sqlite.key` is a small JSON file, written atomically and owner-only:

    {"format": "carejournal-key", "version": 1, "kdf": "argon2id",
     "time_cost": 3, "memory_kib": 262144, "parallelism": 2,
     "salt": "<base64>", "wrapped": "<base64>", "check": "<base64>"}

Argon2id stretches the passphrase with a fresh random salt into 64 bytes: the first 32 are
XORed with the data key ("wrapped"; a fresh salt makes each pad single-use), the last 32 key
an HMAC-SHA256 over the file's parameters and the wrapped key ("check"). A wrong passphrase
fails the check before SQLCipher is ever asked, so it is told apart from a damaged journal.
Changing the passphrase writes a new key file; the journal itself is not rewritten. The file
holds nothing readable without the passphrase.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from pathlib import Path

from carejournal import durable
from carejournal.core.errors import JournalError
from carejournal.store.cipher import KEY_BYTES

FORMAT = "carejournal-key"
VERSION = 1
SUFFIX = ".key"


@dataclass(frozen=True)
class KdfCost:
    """Argon2id's cost: about a third of a second and 256 MiB on a 2024 laptop."""

    time_cost: int = 3
    memory_kib: int = 256 * 1024
    parallelism: int = 2


STRONG = KdfCost()


class KeyFileProblem(JournalError):
    """The key file is missing, unreadable or not a CareJournal key file."""


class WrongPassphrase(JournalError):
    """The passphrase does not unlock the key file."""


def key_file(journal: Path) -> Path:
    """The key file that belongs to the journal file."""
    return journal.with_name(journal.name + SUFFIX)


def new_data_key() -> bytes:
    """A random 256-bit key for SQLCipher."""
    return secrets.token_bytes(KEY_BYTES)


def stretch(passphrase: str, salt: bytes, cost: KdfCost) -> bytes:
    """64 bytes from the passphrase through Argon2id (the slow step, ~0.4 s)."""
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(passphrase.encode("utf-8"), salt, time_cost=cost.time_cost,
                           memory_cost=cost.memory_kib, parallelism=cost.parallelism,
                           hash_len=64, type=Type.ID)


def wrap(data_key: bytes, passphrase: str, cost: KdfCost = STRONG) -> dict[str, object]:
    """The key file's content for data_key under passphrase (a fresh salt each time)."""
    salt = secrets.token_bytes(16)
    stretched = stretch(passphrase, salt, cost)
    wrapped = bytes(a ^ b for a, b in zip(data_key, stretched[:KEY_BYTES], strict=True))
    record: dict[str, object] = {
        "format": FORMAT, "version": VERSION, "kdf": "argon2id",
        "time_cost": cost.time_cost, "memory_kib": cost.memory_kib,
        "parallelism": cost.parallelism, "salt": _b64(salt), "wrapped": _b64(wrapped)}
    record["check"] = _b64(_mac(stretched[KEY_BYTES:], record))
    return record


def unwrap(record: dict[str, object], passphrase: str) -> bytes:
    """The data key from a key file's content; WrongPassphrase if the check fails."""
    try:
        cost = KdfCost(int(record["time_cost"]), int(record["memory_kib"]),  # type: ignore[call-overload]
                       int(record["parallelism"]))  # type: ignore[call-overload]
        salt, wrapped = _unb64(record["salt"]), _unb64(record["wrapped"])
        check = _unb64(record["check"])
    except (KeyError, TypeError, ValueError) as exc:
        raise KeyFileProblem(f"The key file is damaged ({exc}).") from exc
    if len(wrapped) != KEY_BYTES or not 1 <= cost.time_cost <= 64 \
            or not 8 <= cost.memory_kib <= 4 * 1024 * 1024 or not 1 <= cost.parallelism <= 64:
        raise KeyFileProblem("The key file is damaged (its values are out of range).")
    stretched = stretch(passphrase, salt, cost)
    if not hmac.compare_digest(_mac(stretched[KEY_BYTES:], record), check):
        raise WrongPassphrase("That passphrase does not open this journal.")
    return bytes(a ^ b for a, b in zip(wrapped, stretched[:KEY_BYTES], strict=True))


def read(path: Path) -> dict[str, object]:
    """The key file's content; KeyFileProblem if it is missing or not a key file."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise KeyFileProblem(f"The key file {path} is missing.") from exc
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise KeyFileProblem(f"The key file {path} cannot be read ({exc}).") from exc
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        raise KeyFileProblem(f"{path} is not a CareJournal key file.")
    if record.get("version") != VERSION:
        raise KeyFileProblem(f"{path} was written by a newer version of CareJournal.")
    return record


def write(path: Path, record: dict[str, object]) -> None:
    """Write the key file durably and atomically (carejournal/durable.py), owner-only."""
    durable.write_text(path, json.dumps(record, indent=1), durable.PRIVATE)


def _mac(mac_key: bytes, record: dict[str, object]) -> bytes:
    fields = ("format", "version", "kdf", "time_cost", "memory_kib", "parallelism", "salt",
              "wrapped")
    message = json.dumps([record.get(name) for name in fields]).encode("utf-8")
    return hmac.new(mac_key, message, hashlib.sha256).digest()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: object) -> bytes:
    if not isinstance(value, str):
        raise TypeError("not text")
    return base64.b64decode(value.encode("ascii"), validate=True)
