"""Connections to plain or encrypted (SQLCipher) journal files: the one place that knows how.

One SQLite library per process. SQLite keeps its POSIX locks per library: when a second
copy of SQLite in the same process (stdlib sqlite3 beside SQLCipher's own) closes its
descriptor on a journal, the kernel drops every lock the process holds on that file, and
another process then believes it is the last user, checkpoints and deletes the WAL under
the open journal ("How To Corrupt An SQLite Database File", 2.1-2.2). So every connection
to a journal, plain or encrypted, is made here with the same module: SQLCipher's where it is
installed (it opens plain files too when no key is given), else stdlib sqlite3. For the same
reason nothing reads a journal's bytes with plain file I/O: looks_encrypted asks SQLite.

An encrypted journal is a SQLCipher 4 database keyed with a raw 256-bit data key (no key
derivation inside SQLCipher: the passphrase is stretched once, by Argon2id, in
carejournal/store/keyfile.py). Without the key, plain SQLite and SQLCipher alike report "file
is not a database". Temporary tables and sort files are kept in memory, so nothing is written
in plain text beside an encrypted file; its -wal file is encrypted page by page by SQLCipher.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from carejournal import durable

SQLITE_HEADER = b"SQLite format 3\x00"
KEY_BYTES = 32

_NOT_YET = object()
_sqlcipher: Any = _NOT_YET  # imported on first need: a plain journal never pays its 3 ms


def _cipher() -> Any:
    """SQLCipher's module, or None where it is missing (every install includes it: a copy
    without it, say one built from source by hand, works unencrypted and says so)."""
    global _sqlcipher
    if _sqlcipher is _NOT_YET:
        try:
            import sqlcipher3
        except ImportError:  # pragma: no cover - exercised only where no wheel exists
            _sqlcipher = None
        else:
            _sqlcipher = sqlcipher3
    return _sqlcipher


def __getattr__(name: str) -> Any:
    """`Error`: the errors a journal connection can raise, sqlite3's and (once it is in use)
    SQLCipher's: until then no SQLCipher error can be raised."""
    if name == "Error":
        loaded = _sqlcipher if _sqlcipher is not _NOT_YET else None
        return (sqlite3.Error,) + ((loaded.Error,) if loaded is not None else ())
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class CipherUnavailable(RuntimeError):
    """SQLCipher is not installed, so an encrypted journal cannot be opened or made."""


def available() -> bool:
    """Whether SQLCipher is installed (encryption can be used)."""
    return _cipher() is not None


def looks_encrypted(path: Path) -> bool:
    """Whether the file has content but no plain SQLite header (so it may be encrypted).

    Asked of SQLite (read-only, no key), never read with open(): closing a plain
    descriptor on a journal that this process has open would drop its locks.
    """
    try:
        if not path.is_file() or not path.stat().st_size:
            return False
    except OSError:
        return False
    try:
        conn = connect(path, None, read_only=True,
                       immutable=not Path(f"{path}-wal").exists())
    except library().Error:
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except library().Error as exc:
        return "not a database" in str(exc).lower()
    finally:
        conn.close()
    return False


def key_pragma(key: bytes) -> str:
    """The PRAGMA that hands SQLCipher the raw data key (it must run first on a connection)."""
    if len(key) != KEY_BYTES:
        raise ValueError("a data key is 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def connect(path: Path | str, key: bytes | None, *, read_only: bool = False,
            timeout: float = 5.0, isolation_level: str | None = None,
            check_same_thread: bool = True, immutable: bool = False,
            must_exist: bool = False) -> Any:
    """A DB-API connection to the file, with the process's one SQLite library.

    With a key, the key is applied and checked before anything else is read, so a wrong
    key fails here ("file is not a database") rather than later. Immutable (read-only,
    for a file nobody else has open) makes no -shm or -wal beside it. must_exist opens
    read-write but never creates the file (a vanished journal is an error, not a new
    empty file).
    """
    target, uri = str(path), False
    if read_only or immutable:
        target = f"{Path(path).absolute().as_uri()}?mode=ro{'&immutable=1' if immutable else ''}"
        uri = True
    elif must_exist:
        target, uri = f"{Path(path).absolute().as_uri()}?mode=rw", True
    if key is None:
        return library().connect(target, uri=uri, timeout=timeout,
                                 isolation_level=isolation_level,
                                 check_same_thread=check_same_thread)
    module = _module()
    conn = module.connect(target, uri=uri, timeout=timeout, isolation_level=isolation_level,
                          check_same_thread=check_same_thread)
    try:
        apply_key(conn, key)
    except BaseException:
        conn.close()
        raise
    return conn


def apply_key(conn: Any, key: bytes) -> None:
    """Key a fresh SQLCipher connection and prove the key opens the file."""
    conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our message, not a log
    conn.execute(key_pragma(key))
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()


def export_copy(source: Path, source_key: bytes | None, target: Path,
                target_key: bytes | None) -> None:
    """Write a full copy of source into the new file target, changing its encryption.

    Uses SQLCipher's sqlcipher_export(): plain to encrypted, encrypted to plain, or
    re-keyed. The target must not exist yet, or be an empty file the caller made (owner-only,
    say: SQLite keeps an existing file's mode). Schema version (user_version) is kept.
    """
    if target.exists() and target.stat().st_size:
        raise FileExistsError(target)
    conn = _module().connect(str(source), isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        if source_key is not None:
            apply_key(conn, source_key)
        conn.execute("PRAGMA temp_store = MEMORY")
        attach_key = f"x'{target_key.hex()}'" if target_key is not None else ""
        conn.execute("ATTACH DATABASE ? AS target KEY ?", (str(target), attach_key))
        conn.execute("PRAGMA target.synchronous = OFF")  # one fsync at the end, not per table
        conn.execute("PRAGMA target.journal_mode = OFF")  # a new file: nothing to roll back to
        conn.execute("SELECT sqlcipher_export('target')")
        version = conn.execute("PRAGMA main.user_version").fetchone()[0]
        conn.execute(f"PRAGMA target.user_version = {int(version)}")
        conn.execute("DETACH DATABASE target")
    finally:
        conn.close()
    durable.fsync_file(target)  # writable descriptor: Windows refuses fsync on a read-only one


class RekeyFailed(sqlite3.OperationalError):
    """PRAGMA rekey said "ok" but the file is still under its old key (a write failed)."""


def rekey(path: Path, old_key: bytes, new_key: bytes) -> None:
    """Re-encrypt the (closed) file in place from old_key to new_key with PRAGMA rekey.

    The rekey is one transaction: a kill part-way leaves the file under the old key. The
    WAL is checkpointed (and emptied) before and after, so no page waits there under a key
    the file no longer has. SQLCipher answers "ok" even when a write failed (a full disk:
    its rollback journal could not be written) and the file stayed under the old key, so
    the new key is proved on a fresh connection; RekeyFailed if it does not open the file.
    SQLCipher 4.19 (sqlcipher3 0.6.4) raises instead, with only "An error occurred with
    PRAGMA key or rekey": the old key opened the file, so that too is a write that failed.
    """
    conn = connect(path, old_key, isolation_level=None, must_exist=True)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        try:
            conn.execute(key_pragma(new_key).replace("PRAGMA key", "PRAGMA rekey", 1))
        except __getattr__("Error") as exc:
            if "pragma key or rekey" not in str(exc).lower():
                raise
            raise RekeyFailed(f"disk I/O error: the new key did not reach {path.name}"
                              ) from exc
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    try:
        connect(path, new_key, read_only=True).close()
    except __getattr__("Error") as exc:  # (this module's Error: sqlite3's and SQLCipher's)
        raise RekeyFailed(f"disk I/O error: the new key did not reach {path.name} ({exc})"
                          ) from exc


def dbapi_module() -> Any:
    """SQLCipher's DB-API module (for SQLAlchemy, so its errors are wrapped like sqlite3's)."""
    return _module()


def library() -> Any:
    """The one DB-API module this process opens journals with: SQLCipher's if installed."""
    found = _cipher()
    return found if found is not None else sqlite3


def _module() -> Any:
    if _cipher() is None:
        raise CipherUnavailable(
            "Encryption needs SQLCipher, which is missing from this copy of CareJournal. "
            "Install CareJournal again (it comes with SQLCipher), or: pip install sqlcipher3")
    return _sqlcipher
