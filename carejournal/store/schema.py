"""Open a journal file and bring its schema up to date (or refuse, clearly)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect
from sqlalchemy.exc import DBAPIError

from carejournal import durable
from carejournal.core.errors import (
    JournalDamaged,
    JournalError,
    JournalFolderMissing,
    JournalLocked,
    JournalMissing,
    JournalTooNew,
    MigrationFailed,
    NotAJournal,
    PassphraseNeeded,
)
from carejournal.store import cipher, fts, write_errors
from carejournal.store.backup import backup_before_upgrade, quick_check, remove_with_side_files
from carejournal.store.engine import Gate, create_owner_only, make_engine
from carejournal.store.migrations import HEAD_REVISION

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported only when a journal is created or upgraded: it costs about
# 0.1 s, which every CLI command would otherwise pay.

SQLITE_HEADER = b"SQLite format 3\x00"


def alembic_config() -> Config:
    """Alembic configuration pointing at the migrations shipped in this package."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "carejournal.store:migrations")
    return config


def head_revision() -> str:
    """The newest schema revision this version of CareJournal knows."""
    return HEAD_REVISION


def known_revisions() -> set[str]:
    """Every schema revision this version of CareJournal knows."""
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def check_file(path: Path, key: bytes | None = None, verify: bool = True) -> str | None:
    """Refuse clearly, before touching anything, a path that cannot be a journal.

    Returns the journal's schema revision, or None for a missing or empty file. Without
    verify, SQLite's quick check of every page is skipped (see open_store).
    """
    if not path.parent.is_dir():
        raise JournalFolderMissing(f"The folder {path.parent} does not exist.")
    if path.is_dir():
        raise NotAJournal(f"{path} is a folder, not a journal file.")
    if not path.exists() or not path.stat().st_size:
        return None
    if key is None and cipher.looks_encrypted(path):
        if Path(f"{path}.key").is_file():
            raise PassphraseNeeded(f"{path} is encrypted: it opens with its passphrase.")
        raise NotAJournal(
            f"{path} is not a CareJournal journal (it is not an SQLite database), or it is "
            f"encrypted and its key file {path.name}.key is missing. It has been left "
            "untouched. If it is encrypted, your recovery key opens it: put the key in a "
            "file and run: carejournal --passphrase-file FILE passphrase")
    problems = quick_check(path, key) if verify else []  # read-only: never writes
    if problems:
        raise JournalDamaged(
            f"{path} is damaged, and CareJournal has not written to it. "
            f"SQLite reports: {problems[0]}", problems)
    with translate_errors(path):
        current, tables = _peek_revision(path, key)
    refuse_unusable(path, current, tables)
    return current


def refuse_unusable(path: Path, current: str | None, tables: set[str]) -> None:
    """Raise if the file is someone else's database or from a newer CareJournal."""
    if current is None and tables:
        raise NotAJournal(
            f"{path} is an SQLite database, but not a CareJournal journal. "
            "It has been left untouched.")
    if current not in (None, HEAD_REVISION) and current not in known_revisions():
        raise JournalTooNew(
            f"{path} was written by a newer version of CareJournal. "
            "Please update CareJournal to open it; the file has been left untouched.")


def _peek_revision(path: Path, key: bytes | None) -> tuple[str | None, set[str]]:
    """Read the revision and table names with a plain connection that changes nothing.

    CareJournal's own engine switches a file to WAL mode as it connects, which rewrites
    the file's header; a file that will be refused must not be opened that way.
    """
    conn = cipher.connect(path, key)
    try:
        tables = {row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        current = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            current = row[0] if row else None
        return current, tables
    finally:
        conn.close()


@contextmanager
def translate_errors(path: Path) -> Iterator[None]:
    """Turn SQLite's terse errors into JournalErrors a person can act on.

    A write that did not reach the disk (full, failing, read-only, or the file gone) is a
    NotSaved whose message says what happened and what to do (store/write_errors.py).
    """
    try:
        yield
    except JournalError:
        raise
    except (DBAPIError, *cipher.Error) as exc:
        message = str(getattr(exc, "orig", exc)).lower()
        if "locked" in message or "busy" in message:
            raise JournalLocked(
                f"{path} is busy: another program is using it. "
                "Close that program and try again.") from exc
        if "not a database" in message or "malformed" in message:
            raise NotAJournal(
                f"{path} is damaged or is not a CareJournal journal. "
                "It has been left untouched.") from exc
        not_saved = write_errors.from_sqlite(path, message)
        if not_saved is not None:
            raise not_saved from exc
        raise
    except OSError as exc:  # a file written beside the journal: an export, a copy
        not_saved = write_errors.from_os(exc)
        if not_saved is not None:
            raise not_saved from exc
        raise


def open_store(path: Path, key: bytes | None = None, *, create: bool = False,
               verify: bool = True, gate: Gate | None = None) -> Engine:
    """Open the journal at path, migrating it if needed; return its engine.

    A missing file is created (as a new, empty journal) only when create is true; an empty
    (0-byte) file never is: it is what a failed copy or a full disk leaves behind.
    verify=False skips the integrity check for a caller that only reads (it reads every
    page: 35 ms at 20,000 entries, 260 ms encrypted); a damaged page it reads is still
    reported as damage, and a journal that needs upgrading is checked before it is written.
    """
    current = check_file(path, key, verify)
    if not verify and current not in (None, HEAD_REVISION):
        check_file(path, key)
    if current is None:
        create_new(path, key, create)
    with translate_errors(path):
        if current not in (None, head_revision()):  # the usual case skips the exclusive lock
            prepare_schema(path, key)
        engine = make_engine(path, key=key, gate=gate, must_exist=True)
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    return engine


def create_new(path: Path, key: bytes | None, create: bool) -> None:
    """Make a new journal at path, whole or not at all (built aside, then renamed in)."""
    if path.exists():
        raise JournalMissing(
            f"{path} is empty (0 bytes), so it holds no journal. CareJournal has left it as "
            "it is. If you have a backup, restore it with: carejournal restore BACKUP")
    if not create:
        raise JournalMissing(f"There is no journal at {path}.")
    building = path.with_name(f".{path.name}.new")
    remove_with_side_files(building)
    create_owner_only(building)
    try:
        with translate_errors(path):
            prepare_schema(building, key)
        engine = make_engine(building, key=key)  # fold the WAL into the file before the move
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        engine.dispose()
        for side in ("-wal", "-shm"):
            Path(f"{building}{side}").unlink(missing_ok=True)
        _move_in(building, path)
    except FileExistsError as exc:
        raise JournalLocked(f"{path} was created by another program just now. "
                            "Try again.") from exc
    finally:
        remove_with_side_files(building)


def _move_in(building: Path, path: Path) -> None:
    """Give the built journal its name, never replacing a file another process made."""
    try:
        os.link(building, path)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links
        if path.exists():
            raise FileExistsError(path) from None
        os.replace(building, path)
    durable.fsync_dir(path.parent)  # the new name survives a power cut


def prepare_schema(path: Path, key: bytes | None = None) -> None:
    """Create, upgrade or refuse the journal's schema, on a connection with foreign keys off.

    The revision is read again under the exclusive lock, in case another process
    created or upgraded the file since check_file looked.
    """
    from alembic.runtime.migration import MigrationContext

    engine = make_engine(path, foreign_keys=False, key=key)
    try:
        with engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
            tables = set(inspect(conn).get_table_names())
            conn.rollback()
            refuse_unusable(path, current, tables)
            if current is None:
                with conn.begin():
                    create_fresh(conn)
            elif current != head_revision():
                backup_before_upgrade(path, current, key)
                upgrade(conn, path)
    finally:
        engine.dispose()


def create_fresh(conn: Connection) -> None:
    """Create every table of an empty journal and stamp it with the newest revision."""
    from alembic import command

    from carejournal.store.models import Base  # the ORM: only when a journal is made

    Base.metadata.create_all(conn)
    fts.create(conn)
    config = alembic_config()
    config.attributes["connection"] = conn
    command.stamp(config, "head")


def upgrade(conn: Connection, path: Path) -> None:
    """Run pending migrations in one transaction; roll back whole on any failure."""
    from alembic import command

    config = alembic_config()
    config.attributes["connection"] = conn
    try:
        with conn.begin():
            command.upgrade(config, "head")
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
            if broken:
                raise MigrationFailed(f"{len(broken)} broken links after upgrade")
    except Exception as exc:
        raise MigrationFailed(
            f"Upgrading {path} failed and nothing was changed ({exc}). "
            "A backup was saved in the backups folder beside it.") from exc
