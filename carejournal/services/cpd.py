"""Learning (CPD), feedback received and the registration tracker, as the window and the
command line use them. The values and the tracker's arithmetic are in core/cpd.py and
core/registration.py; the records live in the journal (store/cpd_repo.py), evidence files
too, so an encrypted journal keeps them encrypted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from carejournal.core.cpd import (
    MAX_EVIDENCE_BYTES,
    MAX_EVIDENCE_FILES,
    Evidence,
    Feedback,
    FeedbackDraft,
    Learning,
    LearningDraft,
    Theme,
    check_evidence,
    checked_feedback,
    checked_learning,
)
from carejournal.core.domain import InvalidInput
from carejournal.core.i18n import _
from carejournal.core.registration import (
    Records,
    Register,
    TrackerStatus,
    reminder_due,
    tracker_status,
)

if TYPE_CHECKING:
    from carejournal.store.cpd_repo import CpdRepository

REGISTER = "register"
REVALIDATION_ON = "register_revalidation_on"
DISCUSSION_ON = "register_discussion_on"
REMINDERS_SHOWN = "register_reminders_shown"


class _Store(Protocol):
    def get(self, key: str) -> Any: ...
    def set(self, key: str, value: Any) -> None: ...


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None  # a damaged setting is ignored, never fatal


def evidence_from(path: Path) -> Evidence:
    """An evidence file read from disk, refused before reading when it is too big."""
    try:
        if path.stat().st_size > MAX_EVIDENCE_BYTES:
            check_evidence(Evidence(path.name, b"x" * (MAX_EVIDENCE_BYTES + 1)))
        item = Evidence(path.name, path.read_bytes())
    except OSError as error:
        raise InvalidInput(_("cannot read the evidence file {path}: {why}").format(
            path=path, why=error.strerror or error)) from None
    check_evidence(item)
    return item


class CpdService:
    """Learning and feedback records, the register's settings and the tracker."""

    def __init__(self, repo: CpdRepository, settings: _Store,
                 clock: Callable[[], dt.datetime]) -> None:
        self._repo = repo
        self._settings = settings
        self._clock = clock

    # -- learning and feedback --------------------------------------------------------------
    def add_learning(self, draft: LearningDraft) -> int:
        """Store a learning record (checked first); return its id."""
        return self._repo.add_learning(checked_learning(draft), self._clock())

    def update_learning(self, learning_id: int, draft: LearningDraft,
                        remove_evidence: Collection[int] = ()) -> None:
        """Reword a learning record: the evidence files named by id are removed, the
        draft's are added to the rest (all at once, or nothing when it cannot be)."""
        checked = checked_learning(draft)
        kept = [e for e in self.get_learning(learning_id).evidence
                if e.id not in remove_evidence]
        if len(kept) + len(checked.evidence) > MAX_EVIDENCE_FILES:
            raise InvalidInput(_("at most {most} evidence files on one record")
                               .format(most=MAX_EVIDENCE_FILES))
        if not self._repo.update_learning(learning_id, checked, tuple(remove_evidence)):
            raise InvalidInput(_("no learning record {id}").format(id=learning_id))

    def delete_learning(self, learning_id: int) -> None:
        """Delete a learning record and its evidence for good."""
        if not self._repo.delete_learning(learning_id):
            raise InvalidInput(_("no learning record {id}").format(id=learning_id))

    def learning(self, text: str = "", since: dt.date | None = None,
                 until: dt.date | None = None) -> list[Learning]:
        """Learning records, newest first (text: words in the method, topic or change)."""
        return self._repo.learning(text.strip(), since, until)

    def get_learning(self, learning_id: int) -> Learning:
        """One learning record by id."""
        for record in self._repo.learning():
            if record.id == learning_id:
                return record
        raise InvalidInput(_("no learning record {id}").format(id=learning_id))

    def evidence(self, evidence_id: int) -> Evidence:
        """An evidence file's name and bytes."""
        found = self._repo.evidence(evidence_id)
        if found is None:
            raise InvalidInput(_("no evidence file {id}").format(id=evidence_id))
        return found

    def evidence_of(self, learning_id: int) -> list[Evidence]:
        """A record's evidence files with their bytes (for the JSON export)."""
        return self._repo.evidence_of(learning_id)

    def add_feedback(self, draft: FeedbackDraft) -> int:
        """Store a feedback record (checked first); return its id."""
        return self._repo.add_feedback(checked_feedback(draft), self._clock())

    def update_feedback(self, feedback_id: int, draft: FeedbackDraft) -> None:
        """Reword a feedback record (checked first)."""
        if not self._repo.update_feedback(feedback_id, checked_feedback(draft)):
            raise InvalidInput(_("no feedback record {id}").format(id=feedback_id))

    def get_feedback(self, feedback_id: int) -> Feedback:
        """One feedback record by id."""
        for record in self._repo.feedback():
            if record.id == feedback_id:
                return record
        raise InvalidInput(_("no feedback record {id}").format(id=feedback_id))

    def delete_feedback(self, feedback_id: int) -> None:
        """Delete a feedback record for good."""
        if not self._repo.delete_feedback(feedback_id):
            raise InvalidInput(_("no feedback record {id}").format(id=feedback_id))

    def feedback(self, text: str = "", since: dt.date | None = None,
                 until: dt.date | None = None) -> list[Feedback]:
        """Feedback records, newest first (text: words in the role, the feedback, the change)."""
        return self._repo.feedback(text.strip(), since, until)

    def note_account(self, entry_id: int | None, themes: Sequence[Theme],
                     day: dt.date | None = None) -> None:
        """Count a reflective account written from an entry (the latest one per entry)."""
        self._repo.add_account(entry_id, day or self._today(), themes)

    def accounts(self) -> list[tuple[int | None, dt.date]]:
        """(entry id, written on) of the reflective accounts written."""
        return self._repo.accounts()

    # -- the register -------------------------------------------------------------------
    def register(self) -> Register:
        """The worker's register (none until they choose one)."""
        value = self._settings.get(REGISTER)
        try:
            return Register(value) if isinstance(value, str) else Register.NONE
        except ValueError:
            return Register.NONE

    def set_register(self, register: Register) -> None:
        self._settings.set(REGISTER, register.value)

    def revalidation_on(self) -> dt.date | None:
        """The NMC revalidation date (None until set)."""
        return _date(self._settings.get(REVALIDATION_ON))

    def set_revalidation_on(self, day: dt.date | None) -> None:
        self._settings.set(REVALIDATION_ON, day.isoformat() if day else None)

    def discussion_on(self) -> dt.date | None:
        """When the NMC reflective discussion took place (None: not yet)."""
        return _date(self._settings.get(DISCUSSION_ON))

    def set_discussion_on(self, day: dt.date | None) -> None:
        self._settings.set(DISCUSSION_ON, day.isoformat() if day else None)

    def status(self, today: dt.date | None = None) -> TrackerStatus:
        """The tracker's figures as of today."""
        records = Records(self._repo.learning(), self._repo.feedback(),
                          [day for _entry, day in self._repo.accounts()],
                          self.discussion_on())
        return tracker_status(self.register(), today or self._today(), records,
                              self.revalidation_on())

    def reminder(self, today: dt.date | None = None) -> tuple[str, str] | None:
        """(key, the tracker's line) when a deadline is 60 or 14 days away and not yet shown."""
        status = self.status(today)
        key = reminder_due(status, today or self._today(), self._shown())
        return None if key is None else (key, status.text)

    def reminder_shown(self, key: str) -> None:
        """Remember that this reminder was shown, so it never comes again."""
        self._settings.set(REMINDERS_SHOWN, [*self._shown(), key][-20:])

    def _shown(self) -> list[str]:
        shown = self._settings.get(REMINDERS_SHOWN)
        return [k for k in shown if isinstance(k, str)] if isinstance(shown, list) else []

    def _today(self) -> dt.date:
        return self._clock().astimezone().date()
