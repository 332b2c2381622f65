"""Drafts: unsaved typing kept inside the journal so that a crash never loses it.

The editor writes a draft often (much cheaper than a full save); a save that works clears it.
Drafts live in the journal's own database, never in a plain file beside it, so that an
encrypted journal keeps them encrypted too.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from carejournal.core.domain import (
    ActDone,
    ActionItem,
    Decision,
    EntryDraft,
    EntryKind,
    Feeling,
    InvalidInput,
)
from carejournal.store.drafts_repo import DraftRepository
from carejournal.store.schema import translate_errors

if TYPE_CHECKING:
    pass

DRAFT_FORMAT = 1


@dataclass(frozen=True, slots=True)
class PendingDraft:
    """A draft left behind: for an entry (entry_id) or a new one (None), and when."""

    entry_id: int | None
    draft: EntryDraft
    mirror_of: int | None
    saved_at: dt.datetime

    def text(self) -> str:
        """What was written, to show the worker (title, text, strengths and sections)."""
        parts = [self.draft.title, self.draft.body, self.draft.strengths,
                 *(text for _key, text in self.draft.sections)]
        return "\n\n".join(p.strip() for p in parts if p.strip())


class DraftService:
    """Keeps, lists and forgets drafts; errors come back as JournalErrors."""

    def __init__(self, repo: DraftRepository, path: Path) -> None:
        self._repo = repo
        self._path = path

    def save_draft(self, entry_id: int | None, draft_json: str, now: dt.datetime) -> None:
        """Keep the draft of an entry being edited (None: a new entry not yet stored)."""
        with translate_errors(self._path):
            self._repo.save(entry_id, draft_json, now)

    def discard(self, entry_id: int | None) -> None:
        """Forget an entry's draft (it was saved, or the worker let it go)."""
        with translate_errors(self._path):
            self._repo.discard(entry_id)

    def pending(self) -> list[PendingDraft]:
        """Drafts left behind, oldest first (unreadable ones are left where they are)."""
        with translate_errors(self._path):
            stored = self._repo.pending()
        found = []
        for entry_id, content, saved_at in stored:
            try:
                draft, mirror_of = draft_from_json(content)
            except (InvalidInput, ValueError, TypeError, KeyError):
                continue
            found.append(PendingDraft(entry_id, draft, mirror_of, saved_at))
        return found


# -- the draft as JSON ----------------------------------------------------------------------
def draft_to_json(draft: EntryDraft, mirror_of: int | None = None) -> str:
    """The draft (and the entry a new mirror note is linked to) as compact JSON."""
    data: dict[str, Any] = {
        "format": DRAFT_FORMAT, "mirror_of": mirror_of, "kind": draft.kind.value,
        "occurred_on": draft.occurred_on.isoformat(), "body": draft.body, "title": draft.title,
        "occurred_time": draft.occurred_time.isoformat() if draft.occurred_time else None,
        "shift": draft.shift, "people": list(draft.people), "tags": list(draft.tags),
        "feeling": [draft.feeling.score, draft.feeling.word] if draft.feeling else None,
        "acts": [[a.act_id, a.note, a.label] for a in draft.acts],
        "strengths": draft.strengths, "model": draft.model,
        "sections": [list(s) for s in draft.sections],
        "decisions": [[d.text, d.rung, d.choices_offered] for d in draft.decisions],
        "actions": [[a.text, _day(a.review_on), _day(a.done_on), a.id] for a in draft.actions],
        "dismissed": list(draft.dismissed),
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def draft_from_json(text: str) -> tuple[EntryDraft, int | None]:
    """The draft and mirror link back from draft_to_json's JSON; raises ValueError if bad."""
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("format") != DRAFT_FORMAT:
        raise ValueError("not a CareJournal draft")
    feeling = data["feeling"]
    draft = EntryDraft(
        kind=EntryKind(data["kind"]), occurred_on=dt.date.fromisoformat(data["occurred_on"]),
        body=str(data["body"]), title=str(data["title"]),
        occurred_time=dt.time.fromisoformat(data["occurred_time"])
        if data["occurred_time"] else None,
        shift=str(data["shift"]), people=tuple(data["people"]), tags=tuple(data["tags"]),
        feeling=Feeling(int(feeling[0]), str(feeling[1])) if feeling else None,
        acts=tuple(ActDone(int(i), str(n), str(label)) for i, n, label in data["acts"]),
        strengths=str(data["strengths"]), model=str(data["model"]),
        sections=tuple((str(k), str(t)) for k, t in data["sections"]),
        decisions=tuple(Decision(str(t), str(r), c) for t, r, c in data["decisions"]),
        actions=tuple(ActionItem(str(t), _from_day(r), _from_day(d), i)
                      for t, r, d, i in data["actions"]),
        dismissed=tuple(data["dismissed"]),
    )
    mirror_of = data.get("mirror_of")
    return draft, mirror_of if isinstance(mirror_of, int) else None


def _day(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _from_day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None
