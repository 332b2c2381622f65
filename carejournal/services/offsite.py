"""Copies of the journal kept off this laptop (a USB stick, a network folder), and a gentle
reminder when the newest one is getting old. No Qt here: the window and the CLI use this.

What counts as the last copy: the newest file in the chosen folder whose name is a backup of
this journal (any reason, so a backup copied there by hand counts too). Only when the folder
is not there just now (the stick is not plugged in) is the time of the last copy CareJournal
made used instead. Copies CareJournal makes there are named like the other backups, with the
reason "offsite"; the newest 14 are kept and older "offsite" copies of this journal deleted.
Files CareJournal did not write there are never touched.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, Protocol

from carejournal.core.domain import InvalidInput, utc_now
from carejournal.services.backups import BackupService
from carejournal.store.backup import (
    BackupProblem,
    list_backups,
    next_path,
    remove_with_side_files,
)

OFFSITE = "offsite"
KEEP_OFFSITE = 14
DEFAULT_EVERY_DAYS = 7
MAX_EVERY_DAYS = 90
CHOOSE_AFTER_DAYS = 7  # a journal in use this long, with entries, is worth copying off
FOLDER_KEY = "offsite_folder"
EVERY_KEY = "offsite_every_days"
LAST_COPY_KEY = "offsite_last_copy"
FIRST_SEEN_KEY = "offsite_first_seen"
ASKED_KEY = "offsite_choose_asked"


class _Store(Protocol):
    def get(self, key: str) -> Any: ...
    def set(self, key: str, value: Any) -> None: ...


class FolderMissing(BackupProblem):
    """The chosen folder is not there just now (a stick or drive not plugged in)."""


class Nudge(Enum):
    """Which gentle reminder is due."""

    CHOOSE = "choose"  # no folder chosen yet
    FIRST = "first"  # a folder is chosen, with no copy of this journal in it yet
    COPY = "copy"  # the newest copy is older than the worker's "remind after" days
    MISSING = "missing"  # a copy is due, and the folder is not there just now


@dataclass(frozen=True)
class Due:
    """A reminder that is due: which, for which folder, and how old the last copy is."""

    nudge: Nudge
    folder: Path | None = None
    days: int | None = None  # whole days since the last copy (None: never copied)


@dataclass(frozen=True)
class OffsiteStatus:
    """Everything the CLI and the Backups dialog show about copies off this laptop."""

    folder: Path | None
    every_days: int
    present: bool  # the folder is there just now
    last_copy: dt.datetime | None
    copies: int  # backups of this journal in the folder
    due: Due | None


class OffsiteService:
    """The off-laptop folder, the "remind after" setting, copying now, and the reminder."""

    def __init__(self, store: _Store, backups: Callable[[], BackupService],
                 entries: Callable[[], int], clock: Callable[[], dt.datetime] = utc_now) -> None:
        self._store = store
        self._backups = backups
        self._entries = entries
        # the window's clock gives local naive times
        self._clock: Callable[[], dt.datetime] = lambda: aware(clock())

    @classmethod
    def for_journal(cls, journal: Any, clock: Callable[[], dt.datetime] = utc_now
                    ) -> OffsiteService:
        """The service for an open Journal (its settings, backups and entry count)."""
        def backups() -> BackupService:
            if hasattr(journal, "backup_service"):
                return journal.backup_service()  # type: ignore[no-any-return]
            return BackupService(journal.path, clock=clock)

        return cls(journal.settings_store, backups, journal.count, clock)

    def backup_service(self) -> BackupService:
        """The journal's backups (encrypted like the journal)."""
        return self._backups()

    def now(self) -> dt.datetime:
        """The time by this service's clock."""
        return self._clock()

    # -- settings -------------------------------------------------------------
    def folder(self) -> Path | None:
        """The folder the worker chose for copies off this laptop, if any."""
        value = self._store.get(FOLDER_KEY)
        return Path(value) if isinstance(value, str) and value else None

    def set_folder(self, folder: Path | None) -> None:
        """Choose the folder (it must be there now, and not beside the journal); None: none."""
        if folder is None:
            self._store.set(FOLDER_KEY, "")
            return
        folder = folder.expanduser().absolute()
        if not folder.is_dir():
            raise InvalidInput(f"the folder {folder} is not there; plug in the drive or "
                               "choose another folder")
        journal = self._backups().journal.absolute()
        if folder in (journal.parent, journal.parent / "backups"):
            raise InvalidInput("that folder is on this laptop, beside the journal; choose a "
                               "USB stick, a drive or a network folder")
        self._store.set(FOLDER_KEY, str(folder))

    def every_days(self) -> int:
        """Remind when the newest copy is at least this many days old (default 7)."""
        value = self._store.get(EVERY_KEY)
        valid = isinstance(value, int) and not isinstance(value, bool)
        return value if valid and 1 <= value <= MAX_EVERY_DAYS else DEFAULT_EVERY_DAYS

    def set_every_days(self, days: int) -> None:
        if isinstance(days, bool) or not 1 <= days <= MAX_EVERY_DAYS:
            raise InvalidInput(f"the number of days must be from 1 to {MAX_EVERY_DAYS}, "
                               f"not {days}")
        self._store.set(EVERY_KEY, days)

    def recorded_copy(self) -> dt.datetime | None:
        """When CareJournal last copied the journal off the laptop (a damaged value: never)."""
        return _moment(self._store.get(LAST_COPY_KEY))

    def record_copy(self, when: dt.datetime) -> None:
        """Remember a copy made at `when` (kept only if newer than the one remembered)."""
        known = self.recorded_copy()
        if known is None or known < when:
            self._store.set(LAST_COPY_KEY, when.astimezone(dt.UTC).isoformat())

    # -- what is there --------------------------------------------------------
    def copies(self, folder: Path | None = None) -> list[Path]:
        """Backups of this journal in the folder, newest first (none if it is not there)."""
        folder = folder or self.folder()
        if folder is None:
            return []
        stem = self._backups().journal.stem
        try:
            return [b.path for b in list_backups(folder, stem)]
        except OSError:
            return []

    def last_copy(self) -> dt.datetime | None:
        """The newest copy off the laptop: from the folder's files, or the one remembered.

        A copy stamped later than now (made while the clock was wrong) says nothing about
        when it was made, so it cannot put the reminder off: the newest other one counts.
        """
        folder = self.folder()
        if folder is not None and _present(folder):
            now = self._clock()
            found = [b.made_at for b in list_backups(folder, self._backups().journal.stem)
                     if b.made_at <= now]
            return max(found, default=None)
        return self.recorded_copy()

    def status(self) -> OffsiteStatus:
        """The folder, the setting, the last copy and any reminder, as of now."""
        folder = self.folder()
        present = folder is not None and _present(folder)
        return OffsiteStatus(folder, self.every_days(), present, self.last_copy(),
                             len(self.copies(folder)) if present else 0, self.due())

    # -- the reminder ---------------------------------------------------------
    def due(self, now: dt.datetime | None = None) -> Due | None:
        """Which gentle reminder is due now, if any."""
        now = aware(now) if now is not None else self._clock()
        folder = self.folder()
        if folder is None:
            return Due(Nudge.CHOOSE) if self._worth_asking(now) else None
        present = _present(folder)
        last = self.last_copy()
        if last is None:
            return Due(Nudge.FIRST if present else Nudge.MISSING, folder)
        days = max(0, (now - last).days)
        if days < self.every_days():
            return None
        return Due(Nudge.COPY if present else Nudge.MISSING, folder, days)

    def reminder(self, now: dt.datetime | None = None) -> str | None:
        """The reminder in plain English (the CLI's words; the window translates its own)."""
        due = self.due(now)
        return None if due is None else reminder_text(due)

    def asked_to_choose(self, now: dt.datetime | None = None) -> None:
        """The "choose a folder" reminder was shown: show it on this day only, never again."""
        if _moment(self._store.get(ASKED_KEY)) is None:
            when = aware(now) if now is not None else self._clock()
            self._store.set(ASKED_KEY, when.astimezone(dt.UTC).isoformat())

    def _worth_asking(self, now: dt.datetime) -> bool:
        """Ask once to choose a folder, when the journal has entries and a week of use."""
        asked = _moment(self._store.get(ASKED_KEY))
        if asked is not None:
            return asked.astimezone(now.tzinfo).date() == now.date()
        if not self._entries():
            return False
        started = self._started(now)
        return now - started >= dt.timedelta(days=CHOOSE_AFTER_DAYS)

    def _started(self, now: dt.datetime) -> dt.datetime:
        """When the journal was first seen in use: the first look with entries, or the
        oldest backup beside it, whichever is earlier."""
        seen = _moment(self._store.get(FIRST_SEEN_KEY))
        if seen is None:
            seen = now
            self._store.set(FIRST_SEEN_KEY, now.astimezone(dt.UTC).isoformat())
        try:
            local = self._backups().backups()
        except (OSError, BackupProblem):
            local = []
        return min([seen, *(b.made_at for b in local)])

    # -- copying --------------------------------------------------------------
    def copy_now(self) -> Path:
        """Copy the journal into the chosen folder now, remember it, and return the copy."""
        folder = self.folder()
        if folder is None:
            raise InvalidInput("choose a folder off this laptop first")
        now = self._clock()
        made = write_copy(self._backups(), folder, now)
        self.record_copy(now)
        return made


def write_copy(service: BackupService, folder: Path, now: dt.datetime) -> Path:
    """Write a checked "offsite" backup into folder, then keep only the newest 14 there.

    Safe to run off the window's thread: it touches files only, never the journal's settings.
    The copy is written under a hidden name, checked, flushed and renamed only then
    (store/backup.py's backup_copy), so a stick pulled out half-way never leaves a file that
    looks like a good copy.
    """
    if not _present(folder):
        raise FolderMissing(f"The folder {folder} is not there just now. If it is on a USB "
                            "stick or a drive, plug it in and try again.")
    journal = service.journal
    try:
        target = service.back_up_to(free_name(folder, journal, now))
    except OSError as exc:
        raise BackupProblem(f"The journal could not be copied to {folder} ({exc}).") from exc
    rotate_offsite(folder, journal.stem)
    return target


def free_name(folder: Path, journal: Path, now: dt.datetime) -> Path:
    """A new "offsite" backup name in folder, numbered after every copy there."""
    return next_path(folder, journal, now, OFFSITE)


def rotate_offsite(folder: Path, stem: str, keep: int = KEEP_OFFSITE) -> list[Path]:
    """Delete "offsite" copies of the journal `stem` beyond the newest `keep`; return them."""
    mine = [b for b in list_backups(folder, stem) if b.reason == OFFSITE]
    removed = [b.path for b in mine[keep:]]
    for path in removed:
        remove_with_side_files(path)
    return removed


def reminder_text(due: Due) -> str:
    """The reminder in plain English, for the command line."""
    if due.nudge is Nudge.CHOOSE:
        return ("Your journal is only on this laptop. Choose a folder on a USB stick or "
                "another drive for a copy: carejournal backup offsite --folder PATH")
    ago = _days_ago(due.days)
    if due.nudge is Nudge.FIRST:
        return f"There is no copy of your journal in {due.folder} yet. Copy now?"
    if due.nudge is Nudge.COPY:
        return f"Your last copy off this laptop was {ago}. Copy now?"
    if due.days is None:
        return (f"There is no copy off this laptop yet, and {due.folder} is not there just "
                "now. When the drive is plugged in, copy now.")
    return (f"Your last copy off this laptop was {ago}. {due.folder} is not there just now: "
            "when the drive is plugged in, copy now.")


def _days_ago(days: int | None) -> str:
    if days is None:
        return "never"
    return "today" if days == 0 else "1 day ago" if days == 1 else f"{days} days ago"


def _present(folder: Path) -> bool:
    try:
        return folder.is_dir()
    except OSError:
        return False


def aware(moment: dt.datetime) -> dt.datetime:
    """A time with its time zone (a naive one is taken as local time)."""
    return moment if moment.tzinfo is not None else moment.astimezone()


def _moment(value: object) -> dt.datetime | None:
    """A stored ISO time, or None when missing or damaged (always timezone-aware)."""
    if not isinstance(value, str):
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
