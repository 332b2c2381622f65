"""The little things: the worker's catalogue of small acts, as values (services/kindness.py
keeps the catalogue and logs them)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from carejournal.core.domain import (
    EntryKind,
    InvalidInput,
    clean_words,
)
from carejournal.core.i18n import _

MAX_ACT_LABEL = 200


@dataclass(frozen=True, slots=True)
class Act:
    """An act in the catalogue."""

    id: int
    key: str | None
    label: str
    retired: bool
    uses: int = 0


@dataclass(frozen=True, slots=True)
class LoggedAct:
    """A little thing recorded on an entry."""

    entry_id: int
    occurred_on: dt.date
    kind: EntryKind
    act_id: int
    label: str
    note: str
    people: str


def clean_label(label: str) -> str:
    """Tidy an act's label, or raise InvalidInput."""
    return clean_words(label, MAX_ACT_LABEL, "a little thing needs a few words to describe it",
                       f"that description is too long ({MAX_ACT_LABEL} characters at most)")


def find_act(acts: list[Act], ref: str) -> Act:
    """An act by id, key or label (any case); unknown names list the valid ones."""
    wanted = ref.strip().casefold()
    for act in acts:
        if wanted in (str(act.id), (act.key or "").casefold(), act.label.casefold()):
            return act
    pattern = re.compile(r"\b" + re.escape(wanted)) if wanted else None
    words = [a for a in acts if pattern and pattern.search(a.label.casefold())]
    if len(words) == 1:  # 'tea' finds 'A cup of tea' when nothing else fits
        return words[0]
    choices = "; ".join(f"{a.key or a.id} ({a.label})" for a in acts)
    raise InvalidInput(_("unknown little thing '{ref}'. Choose one of: {choices}")
                           .format(ref=ref, choices=choices))
