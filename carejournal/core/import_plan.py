"""What an import will write, as plain values (no database): built by the readers,
written by carejournal/store/interchange_repo.py in one transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from carejournal.core.cpd import FeedbackDraft, LearningDraft, Theme
from carejournal.core.domain import EntryDraft


@dataclass(frozen=True, slots=True)
class Revision:
    """An entry's earlier texts (the JSON text as stored)."""

    saved_at: dt.datetime
    reason: str
    texts: str


@dataclass(frozen=True, slots=True)
class PlannedEntry:
    """An entry to add; ref is its id in the file (acts in draft.acts use file act refs)."""

    ref: int
    draft: EntryDraft
    created_at: dt.datetime
    updated_at: dt.datetime
    deleted_at: dt.datetime | None = None
    revisions: tuple[Revision, ...] = ()


@dataclass(frozen=True, slots=True)
class PlannedPerson:
    """A person with the other names they go by (one per line) and their pack alias."""

    name: str
    nicknames: str = ""
    alias: str = ""


@dataclass(frozen=True, slots=True)
class PlannedAct:
    """A little thing in the catalogue; ref is its id in the file."""

    ref: int
    key: str | None
    label: str
    position: int
    retired_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class PlannedAttempt:
    """One try at a goal; entry is a file entry ref."""

    occurred_on: dt.date
    outcome: str
    note: str
    entry: int | None


@dataclass(frozen=True, slots=True)
class PlannedGoal:
    """A person's goal with its whole history; reflection is a file entry ref."""

    person: str
    text: str
    status: str
    created_at: dt.datetime
    status_changed_at: dt.datetime
    asked_at: dt.datetime | None
    own_attempts: int | None
    reflection: int | None
    attempts: tuple[PlannedAttempt, ...] = ()


@dataclass(frozen=True, slots=True)
class PlannedAgreed:
    """An action agreed in supervision."""

    text: str
    owner: str
    due_on: dt.date | None
    status: str
    function: str | None = None  # a core Function's value, None when none was chosen


@dataclass(frozen=True, slots=True)
class PlannedPreparation:
    """The preparation for a session (its state as stored JSON text)."""

    state: str
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True, slots=True)
class PlannedSession:
    """A supervision session with its agreed actions and preparation."""

    held_on: dt.date
    supervisor: str
    notes: str
    created_at: dt.datetime
    actions: tuple[PlannedAgreed, ...] = ()
    preparation: PlannedPreparation | None = None


@dataclass(frozen=True, slots=True)
class PlannedAccount:
    """A reflective account written from an entry (by the file's entry id, or None)."""

    entry: int | None
    written_on: dt.date
    themes: tuple[Theme, ...] = ()


@dataclass(frozen=True, slots=True)
class PlannedLearning:
    """A learning record with its evidence files, and when it was written."""

    draft: LearningDraft
    created_at: dt.datetime


@dataclass(frozen=True, slots=True)
class PlannedFeedback:
    """A feedback record, and when it was written."""

    draft: FeedbackDraft
    created_at: dt.datetime


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """Everything one file brings; links are (source ref, target ref, kind)."""

    entries: tuple[PlannedEntry, ...] = ()
    people: tuple[PlannedPerson, ...] = ()
    tags: tuple[str, ...] = ()
    acts: tuple[PlannedAct, ...] = ()
    links: tuple[tuple[int, int, str], ...] = ()
    goals: tuple[PlannedGoal, ...] = ()
    settings: dict[str, str] = field(default_factory=dict)
    sessions: tuple[PlannedSession, ...] = ()
    learning: tuple[PlannedLearning, ...] = ()
    feedback: tuple[PlannedFeedback, ...] = ()
    accounts: tuple[PlannedAccount, ...] = ()
    nuls_removed: int = 0  # NUL characters taken out of the file's texts (JSON)


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did (or, in a dry run, would do)."""

    entries_added: int = 0
    duplicates_skipped: int = 0
    people_added: int = 0
    acts_added: int = 0
    goals_added: int = 0
    sessions_added: int = 0
    settings_added: int = 0
    learning_added: int = 0
    feedback_added: int = 0
    dry_run: bool = False
    nuls_removed: int = 0  # NUL characters taken out of the imported texts
