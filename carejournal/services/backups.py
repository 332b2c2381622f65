"""Backups of the journal: made on close at most daily and on request, rotated, checked, and
restored safely. No Qt here; the window, the CLI and the lead's close hook all use this.

Rotation rule (per journal, in the `backups` folder beside it):
- automatic ("daily") backups: the newest N are kept (the "backups to keep" setting, 14 unless
  changed); older automatic ones are deleted after each new automatic backup;
- backups the worker asked for ("manual") and safety backups made before a restore, an upgrade
  or an encryption change ("before-…") are never deleted by CareJournal: they are rare, and
  each may be the only copy of the journal as it was;
- files whose names CareJournal did not write are never touched.

"Newest" is the order the backups were made in (their numbers, carejournal/store/backup.py),
not the time in their names, so a backup made once while the clock was wrong is rotated away
in its turn and never offered ahead of the backups made after it. The daily backup is due
unless one was made today: a backup stamped on a later day (the clock was ahead) does not
count, so it cannot stop the daily backups.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from carejournal.core.domain import InvalidInput, utc_now
from carejournal.core.errors import JournalError
from carejournal.store import cipher
from carejournal.store.backup import (
    BackupFile,
    BackupProblem,
    backup_copy,
    backups_dir,
    in_use,
    journal_problems,
    list_backups,
    make_backup,
    put_in_place,
    quick_check,
    raw_copy,
    remove_with_side_files,
    rescue_copies,
    staged_copy,
)
from carejournal.store.schema import check_file

__all__ = ["BackupFile", "BackupProblem", "BackupService", "BackupSettings", "Restored",
           "backup_if_due", "make_backup", "newest_good_backup", "quick_check",
           "restore_from", "rotate", "verify"]

AUTOMATIC = "daily"
MANUAL = "manual"
BEFORE_RESTORE = "before-restore"
DEFAULT_KEEP = 14
MAX_KEEP = 365
KEEP_KEY = "backups_to_keep"
log = logging.getLogger(__name__)


class _Store(Protocol):
    def get(self, key: str) -> Any: ...
    def set(self, key: str, value: Any) -> None: ...


class BackupSettings:
    """The "backups to keep" setting, kept in the journal like the other settings."""

    def __init__(self, store: _Store) -> None:
        self._store = store

    def keep(self) -> int:
        """How many automatic backups to keep (a damaged or missing value: the default)."""
        value = self._store.get(KEEP_KEY)
        return value if isinstance(value, int) and not isinstance(value, bool) \
            and 1 <= value <= MAX_KEEP else DEFAULT_KEEP

    def set_keep(self, count: int) -> None:
        if not 1 <= count <= MAX_KEEP:
            raise InvalidInput(f"the number of backups to keep must be from 1 to {MAX_KEEP}, "
                               f"not {count}")
        self._store.set(KEEP_KEY, count)


@dataclass(frozen=True)
class Restored:
    """What a restore did: the backup put in place, and the copy of the journal made first."""

    backup: Path
    journal: Path
    saved_first: Path | None  # None when there was no journal to save


def is_automatic(backup: BackupFile) -> bool:
    """Whether rotation may delete this backup (only automatic daily ones)."""
    return backup.reason == AUTOMATIC


def rotate(folder: Path, keep: int) -> list[Path]:
    """Delete automatic backups beyond the newest `keep` of each journal; return them."""
    if keep < 1:
        raise ValueError("keep at least one backup")
    removed: list[Path] = []
    seen: dict[str, int] = {}
    for backup in list_backups(folder):  # newest first
        if not is_automatic(backup):
            continue
        seen[backup.journal_stem] = seen.get(backup.journal_stem, 0) + 1
        if seen[backup.journal_stem] > keep:
            remove_with_side_files(backup.path)
            removed.append(backup.path)
    return removed


def journal_backups(journal: Path) -> list[BackupFile]:
    """The journal's backups, newest first (its backups folder is created if missing)."""
    return list_backups(backups_dir(journal), journal.stem)


def backup_if_due(journal: Path, now: dt.datetime, keep: int = DEFAULT_KEEP,
                  key: bytes | None = None) -> Path | None:
    """Make an automatic backup unless one (or a manual one) was made today; then rotate.

    "Today" is now's calendar date in now's time zone; a backup stamped on another day,
    later or earlier (a clock set wrong), does not count. A damaged journal is not backed
    up (BackupProblem), so a damaged copy can never push a good one out.
    """
    if not journal.is_file() or not journal.stat().st_size:
        return None
    if any(b.reason in (AUTOMATIC, MANUAL) and made_on(b, now) == now.date()
           for b in journal_backups(journal)):
        return None
    made = make_backup(journal, now, AUTOMATIC, key)
    rotate(made.parent, keep)
    return made


def made_on(backup: BackupFile, now: dt.datetime) -> dt.date:
    """The calendar day the backup's name gives, in now's time zone."""
    return backup.made_at.astimezone(now.tzinfo).date()


def verify(path: Path, key: bytes | None = None) -> list[str]:
    """Problems that stop a file being restored: damage, or not being a CareJournal journal.

    A plain backup is checked as it is even when a key is given (it can be restored into
    an encrypted journal: it is encrypted on the way in).
    """
    if key is not None and not cipher.looks_encrypted(path):
        key = None
    return quick_check(path, key) or journal_problems(path, key)


def newest_good_backup(journal: Path, key: bytes | None = None) -> Path | None:
    """The newest backup of the journal that passes verify(), or None."""
    found = list_backups(journal.parent / "backups", journal.stem)  # no folder made here
    return next((b.path for b in found if not verify(b.path, key)), None)


def restore_from(backup: Path, journal: Path, now: dt.datetime,
                 key: bytes | None = None) -> Restored:
    """Put a checked backup in place of the journal, after backing the journal up.

    The caller must have closed the journal. The backup is copied beside the journal and the
    copy is checked; only then is the current journal saved ("before-restore") and replaced
    atomically. A damaged backup is refused and nothing changes. With a key (an encrypted
    journal) the restored file is encrypted with it, whatever the backup was.
    """
    backup, journal = backup.absolute(), journal.absolute()
    if backup == journal:
        raise BackupProblem(f"{backup.name} is the journal itself, not a backup of it.")
    if not backup.is_file():
        raise BackupProblem(f"There is no backup file {backup}.")
    refuse_if_open(journal)
    staged = _checked_copy(backup, journal, key)
    try:
        check_file(staged, key)  # a journal from a newer CareJournal is refused here
        saved = _save_current(journal, now, key)
        put_in_place(staged, journal)
    finally:
        remove_with_side_files(staged)  # gone already after put_in_place
    return Restored(backup, journal, saved)


def _checked_copy(backup: Path, journal: Path, key: bytes | None) -> Path:
    """The backup copied beside the journal and checked there; refused if either fails."""
    if key is None and cipher.looks_encrypted(backup):
        raise BackupProblem(f"{backup.name} is encrypted (or damaged), and this journal has no "
                            "passphrase, so it was not restored. Your journal was not changed.")
    problems = verify(backup, key)
    staged = None
    if not problems:
        try:
            staged = _stage(backup, journal, key)
            problems = verify(staged, key)
        except BackupProblem as exc:
            problems = [str(exc)]
    if not problems and staged is not None:
        return staged
    if staged is not None:
        remove_with_side_files(staged)
    raise BackupProblem(f"{backup.name} is damaged or not a journal, so it was not restored. "
                        f"Your journal was not changed. ({problems[0]})")


def _stage(backup: Path, journal: Path, key: bytes | None) -> Path:
    """Copy the backup beside the journal, encrypting a plain backup for an encrypted one."""
    if key is None or cipher.looks_encrypted(backup):
        return staged_copy(backup, journal, key)
    temp = journal.with_name(f".{journal.name}.restoring")
    remove_with_side_files(temp)
    try:
        cipher.export_copy(backup, None, temp, key)
    except cipher.Error as exc:
        remove_with_side_files(temp)
        raise BackupProblem(f"{backup.name} could not be copied ({exc}).") from exc
    return temp


def _save_current(journal: Path, now: dt.datetime, key: bytes | None) -> Path | None:
    """Back up the journal about to be replaced; a damaged one is copied byte for byte."""
    if not journal.is_file() or not journal.stat().st_size:
        return None
    try:
        return make_backup(journal, now, BEFORE_RESTORE, key)
    except BackupProblem:
        return raw_copy(journal, now, BEFORE_RESTORE)


def _opens(path: Path, key: bytes) -> bool:
    """Whether the key opens the file (read-only: nothing is written)."""
    try:
        cipher.connect(path, key, read_only=True).close()
    except cipher.Error:
        return False
    return True


def refuse_if_open(journal: Path) -> None:
    """Refuse while another program or CareJournal window has the journal open."""
    if in_use(journal) or _locked_by_other_window(journal):
        raise BackupProblem(f"{journal.name} is open in another CareJournal window or program. "
                            "Close it there, then restore again.")


def _locked_by_other_window(journal: Path) -> bool:
    """Whether a live process other than this one holds the window's lock file."""
    lock = Path(f"{journal}.lock")
    if os.name == "nt" or not lock.is_file():
        return False  # on Windows the open-file check above is what protects the journal
    try:
        pid = int(lock.read_text(encoding="utf-8").split()[0])
    except (OSError, ValueError, IndexError):
        return False
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class BackupService:
    """Backups of one journal file, for the window and the CLI."""

    def __init__(self, journal: Path, clock: Callable[[], dt.datetime] = utc_now,
                 key: bytes | None = None) -> None:
        self.journal = journal
        self._clock = clock
        self.key = key  # an encrypted journal's data key: its backups are encrypted with it

    def folder(self) -> Path:
        """The backups folder beside the journal."""
        return backups_dir(self.journal)

    def backups(self) -> list[BackupFile]:
        """This journal's backups, newest first."""
        return journal_backups(self.journal)

    def back_up_now(self) -> Path:
        """A backup the worker asked for (never rotated away)."""
        if not self.journal.is_file():
            raise BackupProblem(f"There is no journal at {self.journal} to back up yet.")
        return make_backup(self.journal, self._clock(), MANUAL, self.key)

    def back_up_to(self, target: Path) -> Path:
        """A backup to a new file the worker chose (outside the backups folder)."""
        if target.exists():
            raise BackupProblem(f"{target} already exists; choose a new name for the backup.")
        return backup_copy(self.journal, target, self.key)

    def back_up_if_due(self, keep: int = DEFAULT_KEEP) -> Path | None:
        """The automatic backup made on close, at most once a day.

        A failure is written to the log (the window may have no terminal to say it on),
        then raised for the caller to report.
        """
        try:
            return backup_if_due(self.journal, self._clock(), keep, self.key)
        except (JournalError, OSError) as exc:
            log.warning("The automatic backup was not made: %s", exc)
            raise

    def check(self, backup: Path) -> list[str]:
        """Problems that would stop this backup being restored (none: an empty list)."""
        return verify(backup, self.key)

    def restore(self, backup: Path) -> Restored:
        """Restore a backup over the (closed) journal; see restore_from."""
        return restore_from(backup, self.journal, self._clock(), self.key)

    def newest_good(self) -> Path | None:
        """The newest backup that would restore cleanly."""
        return newest_good_backup(self.journal, self.key)

    def unlike_the_journal(self) -> list[BackupFile]:
        """Backups whose protection differs from the journal's: plain beside an encrypted
        journal (anyone can read them), or encrypted beside a plain one."""
        encrypted = self.key is not None or cipher.looks_encrypted(self.journal)
        return [b for b in self.backups() if cipher.looks_encrypted(b.path) != encrypted]

    def rescue_copies_unlike(self) -> list[Path]:
        """Rescue copies of a damaged journal (`….damaged`) the journal's protection does not
        cover: plain beside an encrypted journal (anyone can read them), or encrypted under
        another key (one a passphrase change could not re-key: the old passphrase and an
        old copy of the key file may still open it)."""
        if self.key is None and not cipher.looks_encrypted(self.journal):
            return []
        return [copy for copy in rescue_copies(self.journal)
                if not cipher.looks_encrypted(copy)
                or (self.key is not None and not _opens(copy, self.key))]

    def protect_like_the_journal(self) -> tuple[list[Path], list[Path]]:
        """Encrypt the plain backups of an encrypted journal; (fixed, left as they were).

        Encrypted backups of a plain journal are left: without their key they cannot be
        read, so they cannot be stored plain (their key opens them if it is found).
        """
        from carejournal.services import encryption  # deferred: encryption imports this

        return encryption.protect_backups(self.journal, self.key, self.unlike_the_journal())
