"""The journal service: what the GUI and the CLI both use to read and write entries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from sqlalchemy import Engine

from carejournal.catalogues import kindness_acts
from carejournal.domain import (
    Entry,
    EntryDraft,
    EntryFilter,
    EntryRow,
    InvalidInput,
    clean_name,
    clean_names,
    utc_now,
)
from carejournal.errors import EntryNotFound
from carejournal.kindness import KindnessService
from carejournal.store.kindness_repo import KindnessRepository
from carejournal.store.repository import EntryRepository
from carejournal.store.schema import open_store, translate_errors

MAX_TEXT_CHARS = 50_000_000
MAX_TITLE_CHARS = 1_000


class Journal:
    """One open journal file."""

    def __init__(self, path: Path, engine: Engine,
                 clock: Callable[[], dt.datetime] = utc_now) -> None:
        self.path = path
        self._repo = EntryRepository(engine)
        self.kindness_repo = KindnessRepository(engine)
        self._clock = clock
        self.kindness = KindnessService(self, clock)

    @classmethod
    def open(cls, path: Path, clock: Callable[[], dt.datetime] = utc_now) -> Journal:
        """Open (creating or upgrading if needed) the journal at path."""
        engine = open_store(path)
        journal = cls(path, engine, clock)
        with translate_errors(path):
            journal.kindness_repo.sync_builtin([(a.key, a.label) for a in kindness_acts()])
        return journal

    def close(self) -> None:
        """Release the database file."""
        self._repo.dispose()

    # -- writes -----------------------------------------------------------------
    def add(self, draft: EntryDraft) -> int:
        """Validate and store a new entry; return its id."""
        with translate_errors(self.path):
            return self._repo.add(validate(draft), self._clock())

    def add_many(self, drafts: Iterable[EntryDraft]) -> int:
        """Validate and store many entries in one transaction (all or nothing)."""
        with translate_errors(self.path):
            return self._repo.add_many((validate(d) for d in drafts), self._clock())

    def update(self, entry_id: int, draft: EntryDraft) -> None:
        """Replace an entry's content."""
        with translate_errors(self.path):
            if not self._repo.update(entry_id, validate(draft), self._clock()):
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
        with translate_errors(self.path):
            entry = self._repo.get(entry_id)
        if entry is None:
            raise EntryNotFound(entry_id)
        return entry

    def rows(self, flt: EntryFilter | None = None) -> list[EntryRow]:
        """Timeline rows, newest first; with flt.text, a full-text search."""
        with translate_errors(self.path):
            return self._repo.rows(flt or EntryFilter())

    def row(self, entry_id: int) -> EntryRow | None:
        """The timeline row of one entry not in the trash, or None."""
        with translate_errors(self.path):
            return self._repo.row(entry_id)

    def count(self, trashed: bool = False) -> int:
        """How many entries there are (in the trash, if trashed)."""
        with translate_errors(self.path):
            return self._repo.count(trashed)

    def people(self) -> list[str]:
        """Names of everyone mentioned in the journal."""
        return self._repo.person_names()

    def tags(self) -> list[str]:
        """All tags used in the journal."""
        return self._repo.tag_names()


def validate(draft: EntryDraft) -> EntryDraft:
    """Check and tidy a draft, or raise InvalidInput with a message for the user."""
    if len(draft.body) > MAX_TEXT_CHARS:
        raise InvalidInput(
            f"The text is too long to store ({len(draft.body):,} characters; "
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
    )
