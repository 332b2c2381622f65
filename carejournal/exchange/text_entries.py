"""Entries from other apps' files: one shared way to turn their fields into planned entries."""

from __future__ import annotations

import datetime as dt
import re

from carejournal.core.domain import EntryDraft, EntryKind, InvalidInput, clean_names, utc_now
from carejournal.core.import_plan import PlannedEntry
from carejournal.core.kinds import kind_list
from carejournal.exchange.errors import ImportProblem
from carejournal.exchange.reading import clean_text

DEFAULT_KIND = EntryKind.REFLECTION
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2}))?")


def parse_when(text: str, where: str) -> tuple[dt.date, dt.time | None]:
    """'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM'; an impossible date (31 February) is an error."""
    found = _DATE.fullmatch(text.strip()) or _DATE.match(text.strip())
    if not found:
        raise ImportProblem(where, f"'{text[:40]}' is not a date (use YYYY-MM-DD)")
    year, month, day, hour, minute = found.groups()
    try:
        day_value = dt.date(int(year), int(month), int(day))
        time_value = dt.time(int(hour), int(minute)) if hour else None
    except ValueError:
        raise ImportProblem(where, f"'{found.group(0)}' is not a real date or time") from None
    return day_value, time_value


def planned(ref: int, where: str, when: tuple[dt.date, dt.time | None], body: str,
            title: str = "", tags: list[str] | None = None, kind: str = "") -> PlannedEntry:
    """A planned entry from another app's fields (text cleaned, see reading.clean_text)."""
    try:
        entry_kind = EntryKind(kind.strip().lower()) if kind.strip() else DEFAULT_KIND
    except ValueError:
        raise ImportProblem(where, f"'{kind[:40]}' is not {kind_list()}") from None
    try:
        tag_names = clean_names([clean_text(t, where).lstrip("@") for t in tags or []])
    except InvalidInput as exc:
        raise ImportProblem(where, str(exc)) from None
    title = " ".join(clean_text(title, where).split())
    draft = EntryDraft(kind=entry_kind, occurred_on=when[0], occurred_time=when[1],
                       body=clean_text(body, where).strip("\n"), title=title, tags=tag_names)
    now = utc_now()
    return PlannedEntry(ref, draft, now, now)


def split_tags(text: str) -> list[str]:
    """Tags written as 'a, b; c' or '#a #b'."""
    return [t.strip().lstrip("#") for t in re.split(r"[,;]|\s(?=#)", text) if t.strip()]
