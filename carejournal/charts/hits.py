"""What a click on a chart stands for; plain data, no matplotlib, so the window can use it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from carejournal.core.domain import EntryKind


@dataclass(frozen=True, slots=True)
class Hit:
    """What a click on a bar, day or point stands for: show these entries in the timeline.

    since/until are both included; kind None means every kind; person "" means everyone;
    label describes the mark in words (for a tooltip or the status bar).
    """

    since: dt.date
    until: dt.date
    kind: EntryKind | None = None
    person: str = ""
    label: str = ""
