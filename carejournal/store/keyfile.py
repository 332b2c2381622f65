"""The key file beside an encrypted journal: its random data key, wrapped twice.

`journal.sqlite.key` is a small JSON file, written atomically and owner-only:

    {"format": "carejournal-key", "version": 2, "kdf": "argon2id",
     "time_cost": 3, "memory_kib": 262144, "parallelism": 2,
     "salt": "<base64>", "wrapped": "<base64>", "check": "<base64>",
     "recovery": {"salt": "<base64>", "wrapped": "<base64>", "check": "<base64>"}}

Two secrets each unwrap the same data key; neither *is* it:

- the passphrase: Argon2id stretches it with a fresh random salt into 64 bytes: the first 32
  are XORed with the data key ("wrapped"; a fresh salt makes each pad single-use), the last
  32 key an HMAC-SHA256 over the file's parameters and the wrapped key ("check");
- the recovery key: its own random 256-bit secret, shown once as 13 groups of base32
  letters. It has full entropy, so a fast KDF (HMAC-SHA256 with a fresh salt, HKDF-style)
  is enough to make its pad and its check; guessing it is hopeless.

A wrong secret fails its check before SQLCipher is ever asked, so it is told apart from a
damaged journal. While a passphrase change is under way (the data key being rotated) the
file also holds "previous": the old data key wrapped under the new passphrase, so an
interrupted rotation can be finished (carejournal/services/encryption.py).

Where the recovery wrapping lives. Losing the key file must not lose the journal, so the
recovery wrapping is written twice: inside the key file and, alone, in the journal's backups
folder (`backups/<journal>.recovery`). The backups folder is the place a worker copies or
restores from, and it is a separate folder from the journal's, so deleting or damaging the
key file leaves the copy. The copy holds nothing but the data key XORed with a pad derived
from the 256-bit recovery secret: without that secret it is random bytes, and unlike the key
file it gives no passphrase to guess offline. (Making the recovery secret encode the data key
instead would bring back the flaw this replaces: a printed key that can never be revoked.)

Version 1 files (the passphrase wrapping only; their printed "recovery key" was the raw data
key in hexadecimal) still open. They are rewritten as version 2 at the next passphrase change,
which also rotates the data key, so an old printed recovery key stops working then.

Wrong tries. `journal.sqlite.key-tries` (owner-only, written durably) counts wrong secrets
and when the last one was typed; each one after the first makes the next try wait longer
(1, 2, 4 ... up to 30 seconds), across restarts; the right secret removes the file.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from carejournal import durable
from carejournal.core.errors import JournalError
from carejournal.store.cipher import KEY_BYTES

FORMAT = "carejournal-key"
RECOVERY_FORMAT = "carejournal-recovery"
VERSION = 2
READABLE_VERSIONS = (1, 2)
SUFFIX = ".key"
TRIES_SUFFIX = ".key-tries"
RECOVERY_SUFFIX = ".recovery"
MAX_WAIT = 30.0


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
    """The passphrase does not unlock the key file; wait: seconds before the next try."""

    wait: float = 0.0


class TooSoon(JournalError):
    """Wrong secrets were typed just before: the next try must wait `seconds`."""

    def __init__(self, seconds: float) -> None:
        self.seconds = max(1, int(seconds + 0.999))
        super().__init__(f"Too many wrong tries: please wait {self.seconds} seconds, "
                         "then try again.")


def key_file(journal: Path) -> Path:
    """The key file that belongs to the journal file."""
    return journal.with_name(journal.name + SUFFIX)


def tries_file(journal: Path) -> Path:
    """The file that counts wrong tries at the journal's key file."""
    return journal.with_name(journal.name + TRIES_SUFFIX)


def recovery_copy(journal: Path) -> Path:
    """The second copy of the recovery wrapping, in the journal's backups folder."""
    return journal.parent / "backups" / (journal.name + RECOVERY_SUFFIX)


def new_data_key() -> bytes:
    """A random 256-bit key for SQLCipher."""
    return secrets.token_bytes(KEY_BYTES)


def new_recovery_secret() -> bytes:
    """A random 256-bit recovery secret (never the data key)."""
    return secrets.token_bytes(KEY_BYTES)


def recovery_text(secret: bytes) -> str:
    """The recovery secret as the worker writes it down: 13 groups of 4 base32 letters."""
    text = base64.b32encode(secret).decode("ascii").rstrip("=")
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def parse_recovery(text: str) -> bytes | None:
    """The recovery secret a typed recovery key stands for, or None if it is not one."""
    compact = re.sub(r"[\s-]", "", text).upper()
    if not re.fullmatch(r"[A-Z2-7]{52}", compact):
        return None
    try:
        secret = base64.b32decode(compact + "====")
    except ValueError:
        return None
    return secret if len(secret) == KEY_BYTES else None


def parse_legacy_recovery(text: str) -> bytes | None:
    """A version 1 recovery key (the data key itself, 64 hexadecimal digits), or None."""
    compact = re.sub(r"[\s-]", "", text)
    if not re.fullmatch(r"[0-9A-Fa-f]{64}", compact):
        return None
    return bytes.fromhex(compact)


def stretch(passphrase: str, salt: bytes, cost: KdfCost) -> bytes:
    """64 bytes from the passphrase through Argon2id (the slow step, ~0.4 s)."""
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(passphrase.encode("utf-8"), salt, time_cost=cost.time_cost,
                           memory_cost=cost.memory_kib, parallelism=cost.parallelism,
                           hash_len=64, type=Type.ID)


def wrap(data_key: bytes, passphrase: str, cost: KdfCost = STRONG,
         recovery: bytes | dict[str, object] | None = None,
         previous: bytes | None = None) -> dict[str, object]:
    """The key file's content for data_key under passphrase (a fresh salt each time).

    recovery: the recovery secret, which wraps data_key a second time (or a recovery
    wrapping already made, kept as it is). previous: an old data key still in use while a
    rotation is under way, wrapped under the same passphrase.
    """
    salt = secrets.token_bytes(16)
    stretched = stretch(passphrase, salt, cost)
    record: dict[str, object] = {
        "format": FORMAT, "version": VERSION, "kdf": "argon2id",
        "time_cost": cost.time_cost, "memory_kib": cost.memory_kib,
        "parallelism": cost.parallelism, "salt": _b64(salt),
        "wrapped": _b64(_xor(data_key, stretched[:KEY_BYTES]))}
    if previous is not None:
        record["previous"] = _b64(_xor(previous, _previous_pad(stretched)))
    if isinstance(recovery, bytes):
        record["recovery"] = wrap_recovery(data_key, recovery)
    elif recovery is not None:
        record["recovery"] = recovery
    record["check"] = _b64(_mac(stretched[KEY_BYTES:], record))
    return record


def unwrap(record: dict[str, object], passphrase: str) -> bytes:
    """The data key from a key file's content; WrongPassphrase if the check fails."""
    return unwrap_all(record, passphrase)[0]


def unwrap_all(record: dict[str, object], passphrase: str) -> tuple[bytes, bytes | None]:
    """The data key and (during a rotation) the previous one; WrongPassphrase if wrong."""
    try:
        cost = KdfCost(int(record["time_cost"]), int(record["memory_kib"]),  # type: ignore[call-overload]
                       int(record["parallelism"]))  # type: ignore[call-overload]
        salt, wrapped = _unb64(record["salt"]), _unb64(record["wrapped"])
        check = _unb64(record["check"])
        previous = _unb64(record["previous"]) if "previous" in record else None
    except (KeyError, TypeError, ValueError) as exc:
        raise KeyFileProblem(f"The key file is damaged ({exc}).") from exc
    if len(wrapped) != KEY_BYTES or not 1 <= cost.time_cost <= 64 \
            or not 8 <= cost.memory_kib <= 4 * 1024 * 1024 or not 1 <= cost.parallelism <= 64 \
            or (previous is not None and len(previous) != KEY_BYTES):
        raise KeyFileProblem("The key file is damaged (its values are out of range).")
    stretched = stretch(passphrase, salt, cost)
    if not hmac.compare_digest(_mac(stretched[KEY_BYTES:], record), check):
        raise WrongPassphrase("That passphrase does not open this journal.")
    old = _xor(previous, _previous_pad(stretched)) if previous is not None else None
    return _xor(wrapped, stretched[:KEY_BYTES]), old


def wrap_recovery(data_key: bytes, secret: bytes) -> dict[str, object]:
    """The data key wrapped by the recovery secret (a fresh salt each time)."""
    salt = secrets.token_bytes(16)
    pad, mac_key = _recovery_keys(secret, salt)
    wrapped = _xor(data_key, pad)
    return {"salt": _b64(salt), "wrapped": _b64(wrapped),
            "check": _b64(hmac.new(mac_key, salt + wrapped, hashlib.sha256).digest())}


def unwrap_recovery(part: object, secret: bytes) -> bytes:
    """The data key from a recovery wrapping; WrongPassphrase if the secret is not its own."""
    try:
        if not isinstance(part, dict):
            raise TypeError("no recovery wrapping")
        salt, wrapped, check = (_unb64(part[n]) for n in ("salt", "wrapped", "check"))
    except (KeyError, TypeError, ValueError) as exc:
        raise KeyFileProblem(f"The recovery wrapping is damaged ({exc}).") from exc
    if len(wrapped) != KEY_BYTES:
        raise KeyFileProblem("The recovery wrapping is damaged (its values are out of range).")
    pad, mac_key = _recovery_keys(secret, salt)
    if not hmac.compare_digest(hmac.new(mac_key, salt + wrapped, hashlib.sha256).digest(),
                               check):
        raise WrongPassphrase("That recovery key does not open this journal.")
    return _xor(wrapped, pad)


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
    if record.get("version") not in READABLE_VERSIONS:
        raise KeyFileProblem(f"{path} was written by a newer version of CareJournal.")
    return record


def write(path: Path, record: dict[str, object]) -> None:
    """Write the key file durably and atomically (carejournal/durable.py), owner-only."""
    durable.write_text(path, json.dumps(record, indent=1), durable.PRIVATE)


def read_recovery_copy(journal: Path) -> dict[str, object]:
    """The recovery wrapping kept in the backups folder; KeyFileProblem if there is none."""
    path = recovery_copy(journal)
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise KeyFileProblem(f"There is no usable copy of the recovery wrapping at {path} "
                             f"({exc}).") from exc
    if not isinstance(record, dict) or record.get("format") != RECOVERY_FORMAT:
        raise KeyFileProblem(f"{path} is not a CareJournal recovery file.")
    return record


def write_recovery_copy(journal: Path, part: object) -> None:
    """Keep the recovery wrapping in the backups folder too (durably, owner-only)."""
    path = recovery_copy(journal)
    path.parent.mkdir(mode=0o700, exist_ok=True)
    durable.write_text(path, json.dumps({"format": RECOVERY_FORMAT, "version": 1,
                                         "recovery": part}, indent=1), durable.PRIVATE)


# -- wrong tries --------------------------------------------------------------------------
def wait_after(failures: int) -> float:
    """Seconds to wait before the next try after this many wrong ones: 0, 1, 2, 4 ... 30."""
    if failures <= 1:
        return 0.0
    return min(MAX_WAIT, float(2 ** min(failures - 2, 16)))


def read_tries(journal: Path) -> tuple[int, float]:
    """Wrong tries so far and when the last was made (0, 0.0 when there were none)."""
    try:
        data = json.loads(tries_file(journal).read_text(encoding="utf-8"))
        return int(data["failures"]), float(data["last"])
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError):
        return 0, 0.0


def seconds_to_wait(journal: Path, now: float) -> float:
    """How long before the next try may be made (0: now)."""
    failures, last = read_tries(journal)
    wait = wait_after(failures)
    if not wait:
        return 0.0
    if now < last:  # the clock went back: wait the whole delay, never less
        return wait
    return max(0.0, last + wait - now)


def note_wrong_try(journal: Path, now: float) -> float:
    """Count a wrong try (durably, owner-only); return how long the next one must wait."""
    failures = read_tries(journal)[0] + 1
    try:
        durable.write_text(tries_file(journal),
                           json.dumps({"failures": failures, "last": now}), durable.PRIVATE)
    except OSError:  # a full or read-only disk: this wait still holds, it is just not kept
        pass
    return wait_after(failures)


def forget_tries(journal: Path) -> None:
    """The right secret was given: no more waiting."""
    try:
        tries_file(journal).unlink(missing_ok=True)
    except OSError:  # a read-only disk: the count stays, and the right secret still opens
        pass


# -- helpers ------------------------------------------------------------------------------
def _recovery_keys(secret: bytes, salt: bytes) -> tuple[bytes, bytes]:
    prk = hmac.new(salt, secret, hashlib.sha256).digest()  # HKDF-extract
    pad = hmac.new(prk, b"carejournal recovery wrap\x01", hashlib.sha256).digest()
    mac_key = hmac.new(prk, b"carejournal recovery check\x02", hashlib.sha256).digest()
    return pad, mac_key


def _previous_pad(stretched: bytes) -> bytes:
    return hmac.new(stretched[:KEY_BYTES], b"carejournal previous data key",
                    hashlib.sha256).digest()


def _xor(a: bytes, b: bytes) -> bytes:
    return bytes(x ^ y for x, y in zip(a, b, strict=True))


def _mac(mac_key: bytes, record: dict[str, object]) -> bytes:
    fields = ["format", "version", "kdf", "time_cost", "memory_kib", "parallelism", "salt",
              "wrapped"]
    if record.get("version", 1) != 1:
        fields += ["previous", "recovery"]
    message = json.dumps([record.get(name) for name in fields], sort_keys=True).encode("utf-8")
    return hmac.new(mac_key, message, hashlib.sha256).digest()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: object) -> bytes:
    if not isinstance(value, str):
        raise TypeError("not text")
    return base64.b64decode(value.encode("ascii"), validate=True)
