"""Plain domain types for journal entries: no Qt, no database."""

from __future__ import annotations

import datetime as dt
import enum
import unicodedata
from dataclasses import dataclass, field

from carejournal.core.i18n import _


class EntryKind(enum.StrEnum):
    """The four kinds of journal entry."""

    INTERACTION = "interaction"
    KINDNESS = "kindness"
    FALLIBILITY = "fallibility"
    REFLECTION = "reflection"


class InvalidInput(ValueError):
    """Raised when user input cannot be accepted; the message is shown to the user."""


SUMMARY_LENGTH = 120
NAME_LENGTH = 80
SHIFT_SUGGESTIONS = ("early", "day", "late", "night", "waking night", "sleep-in")


def parse_kind(text: str) -> EntryKind:
    """Turn user text into an EntryKind, or raise InvalidInput."""
    try:
        return EntryKind(text.strip().lower())
    except ValueError:
        choices = ", ".join(k.value for k in EntryKind)
        raise InvalidInput(_("unknown kind '{text}': choose one of {choices}")
                               .format(text=text, choices=choices)) from None


def parse_date(text: str, today: dt.date | None = None) -> dt.date:
    """Parse YYYY-MM-DD, 'today' or 'yesterday', or raise InvalidInput."""
    today = today or dt.date.today()
    cleaned = text.strip().lower()
    if cleaned == "today":
        return today
    if cleaned == "yesterday":
        return today - dt.timedelta(days=1)
    try:
        return dt.date.fromisoformat(cleaned)
    except ValueError:
        raise InvalidInput(
            _("invalid date '{text}': use YYYY-MM-DD, 'today' or 'yesterday'")
                .format(text=text)) from None


def parse_time(text: str) -> dt.time:
    """Parse HH:MM (24-hour), or raise InvalidInput."""
    cleaned = text.strip()
    try:
        if "." in cleaned and cleaned.count(":") < 2:  # '14.30' silently read as 14:00
            raise ValueError(cleaned)
        parsed = dt.time.fromisoformat(cleaned)
    except ValueError:
        raise InvalidInput(_("invalid time '{text}': use HH:MM, for example 14:30")
                               .format(text=text)) from None
    return parsed.replace(second=0, microsecond=0, tzinfo=None)


def clean_name(text: str) -> str:
    """Normalise a person's name or a tag: NFC, single spaces, trimmed."""
    name = " ".join(unicodedata.normalize("NFC", text).split())
    if len(name) > NAME_LENGTH:
        raise InvalidInput(_("'{name}…' is too long for a name or tag ({NAME_LENGTH} at most)")
                               .format(name=name[:20], NAME_LENGTH=NAME_LENGTH))
    return name


def clean_names(values: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Clean a list of names, dropping blanks and case-insensitive repeats, keeping order."""
    seen: set[str] = set()
    result: list[str] = []
    for value in values:
        name = clean_name(value)
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            result.append(name)
    return tuple(result)


def clean_words(text: str, limit: int, empty: str, too_long: str) -> str:
    """Text on one line with single spaces; InvalidInput(empty) or (too_long) if it is."""
    cleaned = " ".join(text.split())
    if not cleaned:
        raise InvalidInput(empty)
    if len(cleaned) > limit:
        raise InvalidInput(too_long)
    return cleaned


def split_names(text: str) -> tuple[str, ...]:
    """Split a comma-separated list typed by the user."""
    return clean_names(text.split(","))


def summarise(title: str, body: str, *more: str) -> str:
    """The one line shown in lists: the title, or else the first non-blank line of text."""
    title = title.replace("\x00", "")
    body = "\n".join((body, *more)).replace("\x00", "")
    if title.strip():
        line = title.strip()
    else:
        line = next((ln.strip() for ln in body.splitlines() if ln.strip()), "")
    return line if len(line) <= SUMMARY_LENGTH else line[: SUMMARY_LENGTH - 1] + "…"


@dataclass(frozen=True, slots=True)
class Feeling:
    """How the worker felt: a score from 1 (low) to 5 (good) and an optional word."""

    score: int
    word: str = ""

    def __post_init__(self) -> None:
        if not 1 <= self.score <= 5:
            raise InvalidInput(_("feeling must be from 1 to 5, not {score}")
                                   .format(score=self.score))


@dataclass(frozen=True, slots=True)
class ActDone:
    """A little thing done, as recorded on an entry: which act, its label then, a note."""

    act_id: int
    note: str = ""
    label: str = ""


NO_RUNG = ""  # a decision not yet placed on the ladder: shown as "Choose…", counted nowhere


@dataclass(frozen=True, slots=True)
class Decision:
    """A decision made in an interaction, and where it sat on the ladder of co-production."""

    text: str
    rung: str
    choices_offered: bool | None = None


@dataclass(frozen=True, slots=True)
class ActionItem:
    """Something the worker plans to do, with an optional date to look at it again."""

    text: str
    review_on: dt.date | None = None
    done_on: dt.date | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class DueAction:
    """An open action item whose review date has come, with the entry it belongs to."""

    id: int
    text: str
    review_on: dt.date
    entry_id: int
    entry_summary: str


class LinkKind(enum.StrEnum):
    """Why two entries are linked."""

    MIRROR = "mirror"  # a fallibility entry written from an interaction


@dataclass(frozen=True, slots=True)
class EntryLink:
    """Another entry linked to this one, as shown on this one."""

    entry_id: int
    kind: LinkKind
    outgoing: bool  # True when this entry is the link's source (e.g. the mirror)
    other_kind: EntryKind
    occurred_on: dt.date
    summary: str


@dataclass(frozen=True, slots=True)
class EntryDraft:
    """What the worker wrote: everything needed to create or update an entry."""

    kind: EntryKind
    occurred_on: dt.date
    body: str = ""
    title: str = ""
    occurred_time: dt.time | None = None
    shift: str = ""
    people: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    feeling: Feeling | None = None
    acts: tuple[ActDone, ...] = ()
    strengths: str = ""
    model: str = ""
    sections: tuple[tuple[str, str], ...] = ()
    decisions: tuple[Decision, ...] = ()
    actions: tuple[ActionItem, ...] = ()
    dismissed: tuple[str, ...] = ()  # keys of language-lens findings dismissed in this entry

    def section(self, key: str) -> str:
        """The text of one section ('' if empty)."""
        return dict(self.sections).get(key, "")


@dataclass(frozen=True, slots=True)
class Entry:
    """A stored entry, read back in full."""

    id: int
    kind: EntryKind
    occurred_on: dt.date
    occurred_time: dt.time | None
    shift: str
    title: str
    body: str
    people: tuple[str, ...]
    tags: tuple[str, ...]
    feeling: Feeling | None
    created_at: dt.datetime
    updated_at: dt.datetime
    deleted_at: dt.datetime | None = None
    acts: tuple[ActDone, ...] = ()
    strengths: str = ""
    model: str = ""
    sections: tuple[tuple[str, str], ...] = ()
    decisions: tuple[Decision, ...] = ()
    actions: tuple[ActionItem, ...] = ()
    links: tuple[EntryLink, ...] = ()
    dismissed: tuple[str, ...] = ()

    def draft(self) -> EntryDraft:
        """The editable part of this entry."""
        return EntryDraft(
            kind=self.kind, occurred_on=self.occurred_on, body=self.body, title=self.title,
            occurred_time=self.occurred_time, shift=self.shift, people=self.people,
            tags=self.tags, feeling=self.feeling, acts=self.acts, strengths=self.strengths,
            model=self.model, sections=self.sections, decisions=self.decisions,
            actions=self.actions, dismissed=self.dismissed,
        )

    def section(self, key: str) -> str:
        """The text of one section ('' if empty)."""
        return dict(self.sections).get(key, "")


@dataclass(frozen=True, slots=True)
class EntryRow:
    """A lightweight row for lists: no body, just what a timeline shows."""

    id: int
    kind: EntryKind
    occurred_on: dt.date
    occurred_time: dt.time | None
    shift: str
    title: str
    summary: str
    people: tuple[str, ...]
    tags: tuple[str, ...] = ()
    snippet: str = ""


@dataclass(frozen=True, slots=True)
class EntryFilter:
    """Which entries to list; empty fields mean 'any'."""

    kinds: frozenset[EntryKind] = field(default_factory=frozenset)
    tag: str = ""
    person: str = ""
    since: dt.date | None = None
    until: dt.date | None = None
    text: str = ""
    limit: int | None = None
    trashed: bool = False


def occurred_at_iso(occurred_on: dt.date, occurred_time: dt.time | None) -> str:
    """ISO 8601 for when something happened: a date, or a local date and time."""
    if occurred_time is None:
        return occurred_on.isoformat()
    return dt.datetime.combine(occurred_on, occurred_time).isoformat(timespec="minutes")


def utc_now() -> dt.datetime:
    """The current time in UTC, timezone-aware."""
    return dt.datetime.now(dt.UTC)


def details_text(draft: EntryDraft) -> str:
    """The structured parts of an entry as plain text, for the full-text index."""
    parts = [draft.strengths]
    parts += [text for _key, text in draft.sections]
    parts += [d.text for d in draft.decisions]
    parts += [a.text for a in draft.actions]
    parts += [a.note for a in draft.acts]
    return "\n".join(p for p in parts if p.strip())
