"""The journal service: what the GUI and the CLI both use to read and write entries."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from carejournal.core.calendar import DayCount, month_span
from carejournal.core.domain import (
    DueAction,
    Entry,
    EntryDraft,
    EntryFilter,
    EntryRow,
    InvalidInput,
    LinkKind,
    clean_name,
    clean_names,
    utc_now,
)
from carejournal.core.errors import (
    EntryNotFound,
    JournalDamaged,
    JournalMissing,
    JournalReadOnly,
    NotAJournal,
)
from carejournal.core.kinds import spec_of
from carejournal.store.engine import Engine, Gate
from carejournal.store.integrity import Cancelled, FullCheck, WriteGate, damage_found
from carejournal.store.rows import RowReader, damage_reported
from carejournal.store.schema import open_store, translate_errors
from carejournal.store.tables import PEOPLE, TAGS

if TYPE_CHECKING:
    from carejournal.services.backups import BackupService, BackupSettings
    from carejournal.services.cpd import CpdService
    from carejournal.services.drafts import DraftService
    from carejournal.services.goals import GoalService
    from carejournal.services.kindness import KindnessService
    from carejournal.services.lens import LensService
    from carejournal.services.names import NamesService
    from carejournal.services.operations import JournalOps
    from carejournal.services.patterns import PatternsService
    from carejournal.services.preparation import Preparing
    from carejournal.services.settings import SettingsService
    from carejournal.services.spelling import SpellingService
    from carejournal.services.supervision import SupervisionService
    from carejournal.store.interchange_repo import InterchangeRepository
    from carejournal.store.kindness_repo import KindnessRepository
    from carejournal.store.repository import EntryRepository
    from carejournal.store.settings_repo import SettingsRepository

T = TypeVar("T")
MAX_TEXT_CHARS = 50_000_000
MAX_TITLE_CHARS = 1_000


class Journal:
    """One open journal file.

    The sub-services (goals, patterns, supervision, ...) and the ORM's repository are
    made, and their modules imported, on first use: a command that lists entries loads
    none of them.
    """

    def __init__(self, path: Path, engine: Engine,
                 clock: Callable[[], dt.datetime] = utc_now, key: bytes | None = None,
                 gate: Gate | None = None) -> None:
        self.path = path
        self.key = key  # SQLCipher's data key; None for a journal without a passphrase
        self._engine = engine
        self._door = gate  # shut by close(): nothing reconnects to a closed journal
        self._checked_at: float | None = None  # when the file last passed a full check
        self._rows = RowReader(engine)  # list and search: no ORM
        self.writable = True  # False: on read-only storage, every write raises JournalReadOnly
        self._clock = clock
        self._gate = WriteGate(engine)  # writes wait for the full check (journal_check.py)
        self._check: FullCheck | None = None  # the check the window runs in the background

    @cached_property
    def _repo(self) -> EntryRepository:
        """Entry updates, the trash and whole entries, through the ORM (loaded on first use)."""
        from carejournal.store.repository import EntryRepository

        return EntryRepository(self._engine)

    @cached_property
    def kindness_repo(self) -> KindnessRepository:
        from carejournal.store.kindness_repo import KindnessRepository

        return guarded(KindnessRepository(self._engine), self)

    @cached_property
    def kindness(self) -> KindnessService:
        from carejournal.services.kindness import KindnessService

        return KindnessService(self.kindness_repo, self.add, self._clock)

    @cached_property
    def settings_store(self) -> SettingsRepository:
        from carejournal.store.settings_repo import SettingsRepository

        return guarded(SettingsRepository(self._engine), self)

    @cached_property
    def settings(self) -> SettingsService:
        from carejournal.services.settings import SettingsService

        return SettingsService(self.settings_store)

    @cached_property
    def goals(self) -> GoalService:
        from carejournal.services.goals import GoalService
        from carejournal.store.goals_repo import GoalRepository

        return GoalService(guarded(GoalRepository(self._engine), self), self,
                           self.settings.attempts_threshold, self._clock)

    @cached_property
    def lens(self) -> LensService:
        from carejournal.services.lens import LensService
        from carejournal.store.lens_repo import LensRepository

        return LensService(guarded(LensRepository(self._engine), self), self.settings)

    @cached_property
    def patterns(self) -> PatternsService:
        from carejournal.services.patterns import PatternsService
        from carejournal.store.patterns_repo import PatternsRepository

        return PatternsService(guarded(PatternsRepository(self._engine), self),
                               self.lens, self.settings)

    @cached_property
    def supervision(self) -> SupervisionService:
        from carejournal.services.supervision import SupervisionService
        from carejournal.store.supervision_repo import SupervisionRepository

        return SupervisionService(guarded(SupervisionRepository(self._engine), self),
                                  self.settings, self._clock)

    @cached_property
    def names(self) -> NamesService:
        """People and tags by name: counted, renamed, merged (every entry follows)."""
        from carejournal.services.names import NamesService
        from carejournal.store.names_repo import NamesRepository

        return NamesService(guarded(NamesRepository(self._engine), self), self.supervision)

    @cached_property
    def spelling(self) -> SpellingService:
        """Spelling settings, the personal dictionary and the speller (names are known)."""
        from carejournal.services.spelling import SpellingService

        def names() -> list[str]:
            return [n for p in self.supervision.people() for n in (p.name, *p.nicknames)]

        return SpellingService(self.settings_store, names)

    @cached_property
    def preparing(self) -> Preparing:
        from carejournal.services.preparation import Preparing

        return Preparing(self)

    @cached_property
    def drafts(self) -> DraftService:
        from carejournal.services.drafts import DraftService
        from carejournal.store.drafts_repo import DraftRepository

        return DraftService(guarded(DraftRepository(self._engine), self), self.path)

    @cached_property
    def cpd(self) -> CpdService:
        """Learning (CPD) and feedback records, the register and its tracker."""
        from carejournal.services.cpd import CpdService
        from carejournal.store.cpd_repo import CpdRepository

        return CpdService(guarded(CpdRepository(self._engine), self), self.settings_store,
                          self._clock)

    @cached_property
    def ops(self) -> JournalOps:
        """The writes the window makes, each returning what it changed (its Changes)."""
        from carejournal.services.operations import JournalOps

        return JournalOps(self)

    @cached_property
    def interchange(self) -> InterchangeRepository:
        from carejournal.store.interchange_repo import InterchangeRepository

        return guarded(InterchangeRepository(self._engine), self)

    @cached_property
    def backups(self) -> BackupSettings:
        from carejournal.services.backups import BackupSettings

        return BackupSettings(self.settings_store)

    @classmethod
    def open(cls, path: Path, clock: Callable[[], dt.datetime] = utc_now,
             key: bytes | None = None, *, create: bool = False,
             read_only: bool = False, check_later: bool = False) -> Journal:
        """Open (upgrading if needed) the journal at path; with create, make it if missing.

        An encrypted journal needs its data key (see carejournal.services.encryption.unlock).
        read_only is for a caller that will only read: it skips the checks (a damaged row
        it reads is still reported), the catalogue update and the reading of every
        template, and holds every write.

        Before anything is written the file passes SQLite's full check (store/integrity.py),
        unless it is exactly as CareJournal left it after one (store/check_stamp.py). Here
        and now; or, with check_later (the window, so its first paint does not wait), when
        run_check() is called: until then, writes raise WritesHeld.
        """
        if not read_only:
            from carejournal.core.templates import load_all

            load_all()  # a broken data file stops here, named, before the journal is touched
        if create and not path.exists() and path.parent.is_dir() \
                and (backup := _newest_backup(path, key)) is not None:
            raise JournalMissing(missing_message(
                f"There is no journal at {path}, but there are backups of it, so CareJournal "
                "has not started a new one there.", backup))
        from carejournal.store import check_stamp

        checked = None if read_only else check_stamp.checked_at(path)
        due = not read_only and checked is None  # else unchanged since its last full check
        made = create and not path.exists()  # a journal made now needs no check
        gate = Gate(path)
        writable = True
        try:
            engine = open_store(path, key, create=create, verify=due, gate=gate)
        except JournalReadOnly:
            if not path.is_file():
                raise
            engine, writable = _read_only_engine(path, key, gate), False
        except JournalDamaged as exc:
            raise JournalDamaged(damaged_message(str(exc), _newest_backup(path, key)),
                                 exc.problems) from exc
        except JournalMissing as exc:
            raise JournalMissing(missing_message(str(exc), _newest_backup(path, key))
                                 ) from exc
        journal = cls(path, engine, clock, key, gate)
        journal.writable = writable
        if read_only:
            journal._gate.hold(f"{path} was opened for reading only.")
        elif not writable:
            pass  # SQLite refuses every write (JournalReadOnly); no check, no stamp
        elif made and path.exists():
            journal._passed(time.time())
        elif due and check_later:
            journal._gate.hold(checking_message(path))
            journal._check = FullCheck(path, key)
        elif due:
            journal._check_now()
        else:
            journal._passed(checked)
        return journal

    def _check_now(self) -> None:
        """Run the full check before anything is written; refuse a damaged journal."""
        try:
            problems = FullCheck(self.path, self.key).run()
        except BaseException:
            self._engine.dispose()
            raise
        if problems:
            self._engine.dispose()
            raise JournalDamaged(damaged_message(damage_found(self.path, problems),
                                                 _newest_backup(self.path, self.key)),
                                 problems)
        self._passed(time.time())

    def _passed(self, checked_at: float | None) -> None:
        """The file passed its full check at checked_at: writes may go ahead."""
        self._checked_at = checked_at
        self._gate.release()
        from carejournal.core.catalogues import kindness_acts
        from carejournal.store.writes import sync_builtin

        try:
            with translate_errors(self.path):
                sync_builtin(self._engine, [(a.key, a.label) for a in kindness_acts()])
        except JournalReadOnly:  # a read-only file in a folder that can be written
            self.writable, self._checked_at = False, None

    # -- the full check, in the background -----------------------------------------
    @property
    def check_due(self) -> bool:
        """Whether writes wait for run_check() (the journal was opened with check_later)."""
        return self._check is not None

    @property
    def writes_held(self) -> str | None:
        """Why writes are held (checking, damaged, read only), or None if they go ahead."""
        return self._gate.reason

    def run_check(self) -> list[str] | None:
        """Run the full check (in any thread: it has its own connection); return what it
        found wrong, or None if close() stopped it. Hand the answer to check_done()."""
        check = self._check
        if check is None:
            return []
        try:
            return check.run()
        except Cancelled:
            return None

    def check_done(self, problems: list[str]) -> None:
        """Release writes if the check found nothing; else keep them held, saying why."""
        if self.closed or self._check is None:
            return
        self._check = None
        if problems:
            self._gate.hold(damaged_message(damage_found(self.path, problems),
                                            _newest_backup(self.path, self.key)))
            return
        self._passed(time.time())

    def close(self) -> None:
        """Release the database file (and forget the key), stopping a check that runs.

        A journal that passed its full check notes that it was closed cleanly, so that the
        next open can skip the check while the file stays as it is (store/check_stamp.py).
        """
        if self._door is not None:
            self._door.shut = True  # a timer or worker that outlived it cannot reopen it
        if self._check is not None:
            self._check.cancel()  # its connection is closed before the engine's are
            self._check = None
        self._engine.dispose()
        self.key = None
        if self._checked_at is not None:
            from carejournal.store import check_stamp

            check_stamp.record(self.path, self._checked_at)
            self._checked_at = None

    def ensure_present(self) -> None:
        """Raise JournalVanished if the file was moved or deleted while open (SQLite goes on
        writing into the unlinked file, so a save would seem to work)."""
        if not self.path.exists():
            from carejournal.store.write_errors import vanished

            raise vanished(self.path)

    @property
    def closed(self) -> bool:
        """Whether close() was called: nothing may read or write through it any more."""
        return self._door is not None and self._door.shut

    @property
    def encrypted(self) -> bool:
        """Whether the journal is encrypted (opened with a passphrase)."""
        return self.key is not None

    def backup_service(self) -> BackupService:
        """Backups of this journal, encrypted like it."""
        from carejournal.services.backups import BackupService

        return BackupService(self.path, self._clock, key=self.key)

    # -- writes -----------------------------------------------------------------
    def add(self, draft: EntryDraft, mirror_of: int | None = None) -> int:
        """Validate and store a new entry; return its id.

        With mirror_of, the new entry (an own-fallibility note) is linked to that
        interaction, and the link shows in both.
        """
        links = [(mirror_of, LinkKind.MIRROR)] if mirror_of is not None else []
        if mirror_of is not None:
            self._check_mirror(draft, mirror_of)
        clean = validate(draft)
        counts = self.lens.counts(clean)  # before the write lock is taken
        from carejournal.store.writes import add_entry  # SQL alone: no ORM to load

        with translate_errors(self.path):
            return add_entry(self._engine, clean, self._clock(), links, counts)

    def _check_mirror(self, draft: EntryDraft, source_id: int) -> None:
        """A mirror is an own-fallibility note about a (not trashed) interaction."""
        mirrored = spec_of(draft.kind).mirror_of
        if mirrored is None:
            raise InvalidInput("a mirror is an own-fallibility entry")
        source = self.get(source_id)
        if source.kind is not mirrored or source.deleted_at is not None:
            raise InvalidInput(f"entry {source_id} is not an interaction in the journal, "
                               "so it cannot be mirrored")

    def add_many(self, drafts: Iterable[EntryDraft]) -> int:
        """Validate and store many entries in one transaction (all or nothing)."""
        with translate_errors(self.path):
            return self._repo.add_many((validate(d) for d in drafts), self._clock(),
                                       self.lens.counts_now)

    def update(self, entry_id: int, draft: EntryDraft) -> None:
        """Replace an entry's content."""
        clean = validate(draft)
        counts = self.lens.counts(clean)
        with translate_errors(self.path):
            if not self._repo.update(entry_id, clean, self._clock(), counts):
                raise EntryNotFound(entry_id)

    def trash(self, entry_ids: Sequence[int]) -> int:
        """Move entries to the trash; they can be restored until the trash is emptied."""
        with translate_errors(self.path):
            return self._repo.set_trashed(entry_ids, self._clock())

    def restore(self, entry_ids: Sequence[int]) -> int:
        """Bring entries back from the trash."""
        with translate_errors(self.path):
            return self._repo.set_trashed(entry_ids, None)

    def empty_trash(self) -> int:
        """Delete trashed entries for good; return how many."""
        with translate_errors(self.path):
            return self._repo.empty_trash()

    # -- reads ------------------------------------------------------------------
    def get(self, entry_id: int) -> Entry:
        """One entry in full (trashed entries too)."""
        with self._reading():
            entry = self._repo.get(entry_id)
        if entry is None:
            raise EntryNotFound(entry_id)
        return entry

    def entries(self, entry_ids: Sequence[int]) -> list[Entry]:
        """Entries in full in the order given, as get() reads each (trashed too, else
        EntryNotFound), in a few queries."""
        with self._reading():
            found = self._repo.entries(entry_ids)
        for entry_id, entry in zip(entry_ids, found, strict=True):
            if entry is None:
                raise EntryNotFound(entry_id)
        return cast(list[Entry], found)

    def rows(self, flt: EntryFilter | None = None) -> list[EntryRow]:
        """Timeline rows, newest first; with flt.text, a full-text search."""
        with self._reading():
            return self._rows.rows(flt or EntryFilter())

    def row(self, entry_id: int) -> EntryRow | None:
        """The timeline row of one entry not in the trash, or None."""
        with self._reading():
            return self._rows.row(entry_id)

    def count(self, trashed: bool = False) -> int:
        """How many entries there are (in the trash, if trashed)."""
        with self._reading():
            return self._rows.count(trashed)

    def listing_stamp(self) -> tuple[int, int, int]:
        """A cheap stamp of the listing (how many entries, how many in the trash, the newest
        id): the window compares it to notice entries added or moved by another program."""
        with self._reading():
            return self._rows.stamp()

    def days_with_entries(self, year: int, month: int) -> list[DayCount]:
        """The days of one month that have entries (not in the trash), each with its count."""
        first, last = month_span(year, month)
        with self._reading():
            return self._rows.day_counts(first, last)

    def on_this_day(self, day: dt.date, limit: int | None = None) -> list[EntryRow]:
        """Entries from the same day and month in earlier years, newest first (none from the
        trash); at most limit of them, if given."""
        with self._reading():
            return self._rows.on_this_day(day, limit)

    def actions_due(self, today: dt.date, days_ahead: int = 0) -> list[DueAction]:
        """Open action items with a review date up to today (plus days_ahead), soonest first."""
        with self._reading():
            return self._rows.actions_due(today + dt.timedelta(days=days_ahead))

    def set_action_done(self, item_id: int, done_on: dt.date | None) -> None:
        """Mark an action item done (on a date) or not done (None)."""
        with translate_errors(self.path):
            if not self._repo.set_action_done(item_id, done_on):
                raise InvalidInput(f"there is no action item {item_id}")

    def people(self) -> list[str]:
        """Names of everyone mentioned in the journal."""
        with self._reading():
            return self._rows.names(PEOPLE)

    def tags(self) -> list[str]:
        """All tags used in the journal."""
        with self._reading():
            return self._rows.names(TAGS)

    @contextmanager
    def _reading(self, garbled: bool = True) -> Iterator[None]:
        """A read that meets damage says so, with the way back, never with a traceback."""
        try:
            with damage_reported(garbled), translate_errors(self.path):
                yield
        except NotAJournal as exc:
            problems = getattr(exc, "problems", None) or ["SQLite reports it malformed"]
            raise JournalDamaged(damaged_message(
                f"Part of {self.path} cannot be read: it is damaged ({problems[0]}).",
                _newest_backup(self.path, self.key)), problems) from None


class _Guarded:
    """Wraps a repository so each call turns SQLite errors into JournalErrors, and damage
    met on the way into JournalDamaged with the way back."""

    def __init__(self, repo: object, journal: Journal) -> None:
        self._repo = repo
        self._journal = journal

    def __getattr__(self, name: str) -> Any:
        found = getattr(self._repo, name)
        if not callable(found):
            return found

        def call(*args: Any, **kwargs: Any) -> Any:
            with self._journal._reading(garbled=False):
                return found(*args, **kwargs)
        return call


def _read_only_engine(path: Path, key: bytes | None, gate: Gate) -> Engine:
    """The journal on storage that cannot be written, opened for reading (writes then
    raise JournalReadOnly)."""
    from carejournal.store.read_only import open_engine

    with translate_errors(path):
        return open_engine(path, key, gate)


def _newest_backup(path: Path, key: bytes | None) -> Path | None:
    from carejournal.services.backups import newest_good_backup  # only when something is wrong

    return newest_good_backup(path, key)


def guarded(repo: T, journal: Journal) -> T:
    """The repository, with a locked or damaged file reported in words a person can act on."""
    return cast(T, _Guarded(repo, journal))


def damaged_message(problem: str, backup: Path | None) -> str:
    """What to say about a damaged journal, with the way back if there is a good backup."""
    if backup is None:
        return (f"{problem}\nNo good backup of it was found. Keep the file as it is. "
                "Save what can still be read with:\ncarejournal salvage --out salvaged.json")
    return (f"{problem}\nThe newest good backup is {backup.name}. Restore it with:\n"
            f"carejournal restore {backup}")


def checking_message(path: Path) -> str:
    """Why a save waits while the journal's full check runs."""
    return (f"CareJournal is checking {path.name} for damage before it saves to it. This "
            "takes a moment; your text is kept and is saved as soon as the check passes.")


def missing_message(problem: str, backup: Path | None) -> str:
    """What to say about a missing or empty journal file, with the way back if there is one."""
    if backup is None:
        return problem
    return (f"{problem}\nIts newest good backup is {backup.name}. Restore it with:\n"
            f"carejournal restore {backup}")


def validate(draft: EntryDraft) -> EntryDraft:
    """Check and tidy a draft, or raise InvalidInput with a message for the user."""
    from carejournal.core.structure import validate_structure
    from carejournal.services.lens import clean_dismissed

    for text in (draft.body, draft.strengths, *(t for _k, t in draft.sections)):
        if len(text) > MAX_TEXT_CHARS:
            raise InvalidInput(
                f"The text is too long to store ({len(text):,} characters; "
                f"the limit is {MAX_TEXT_CHARS:,}).")
    if len(draft.title) > MAX_TITLE_CHARS:
        raise InvalidInput(f"The title is too long ({MAX_TITLE_CHARS:,} characters at most).")
    if draft.occurred_on.year < 1900 or draft.occurred_on > dt.date.today() + dt.timedelta(366):
        raise InvalidInput(f"{draft.occurred_on.isoformat()} is not a plausible date.")
    return replace(
        draft,
        title=draft.title.strip(),
        shift=clean_name(draft.shift),
        people=clean_names(draft.people),
        tags=clean_names(draft.tags),
        dismissed=clean_dismissed(draft.dismissed),
        **validate_structure(draft),
    )
