"""Learning (CPD) and feedback records, as plain values: no SQL, no Qt.

A *learning* record is one piece of continuing professional development: how it was done
(the method), what about (the topic), when, for how many hours (and how many of them were
participatory, learning with others), the NMC Code's themes it relates to and what changed
in practice, with evidence files kept inside the journal. A *feedback* record is feedback
received about the worker's practice: from whom by role only, what it said in the worker's
words, and what they changed.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from carejournal.core.domain import InvalidInput
from carejournal.core.i18n import _

# Evidence lives inside the journal (so it is encrypted with it), and the whole journal is
# copied by every backup and off-site copy and read page by page by salvage: a certificate
# or a scanned page is well under this; a video belongs elsewhere.
MAX_EVIDENCE_BYTES = 5 * 1024 * 1024
MAX_EVIDENCE_FILES = 10
TEXT_LENGTH = 200  # method, topic, role
MAX_HOURS = 1000


class Theme(enum.StrEnum):
    """The NMC Code's four themes."""

    PEOPLE = "prioritise-people"
    EFFECTIVE = "practise-effectively"
    SAFETY = "preserve-safety"
    TRUST = "promote-professionalism"


THEME_LABELS: dict[Theme, str] = {
    Theme.PEOPLE: "Prioritise people",
    Theme.EFFECTIVE: "Practise effectively",
    Theme.SAFETY: "Preserve safety",
    Theme.TRUST: "Promote professionalism and trust",
}


def _theme_words(theme: Theme) -> set[str]:
    """What names a theme: its key, its label, and each word of them ('trust', 'safety')."""
    label = THEME_LABELS[theme].lower()
    return {theme.value, label, *theme.value.split("-"), *label.split()} - {"and"}


def parse_themes(text: str) -> tuple[Theme, ...]:
    """Themes from 'people, safety' or their full keys; in the Code's order, no repeats."""
    chosen: set[Theme] = set()
    for word in (w.strip().lower() for w in text.replace(";", ",").split(",")):
        if not word:
            continue
        found = [t for t in Theme if word in _theme_words(t)]
        if len(found) != 1:
            choices = ", ".join(t.value for t in Theme)
            raise InvalidInput(_("unknown Code theme '{word}': choose from {choices}")
                               .format(word=word, choices=choices))
        chosen.add(found[0])
    return tuple(t for t in Theme if t in chosen)


def parse_hours(text: str) -> int:
    """Hours as the worker types them ('1.5', '2', '0:45') to whole minutes."""
    cleaned = text.strip()
    try:
        if ":" in cleaned:
            hours, minutes = cleaned.split(":", 1)
            total = int(hours) * 60 + int(minutes)
        else:
            total = round(float(cleaned) * 60)
    except ValueError:
        raise InvalidInput(_("invalid hours '{text}': use a number such as 1.5 or 1:30")
                           .format(text=text)) from None
    if not 0 <= total <= MAX_HOURS * 60:
        raise InvalidInput(_("hours must be from 0 to {most}").format(most=MAX_HOURS))
    return total


def hours_text(minutes: int) -> str:
    """Minutes as hours for people: 90 -> '1.5', 120 -> '2', 20 -> '0.33'."""
    return f"{minutes / 60:.2f}".rstrip("0").rstrip(".")


@dataclass(frozen=True, slots=True)
class Evidence:
    """An evidence file: its name and its bytes (kept inside the journal)."""

    name: str
    data: bytes


@dataclass(frozen=True, slots=True)
class EvidenceInfo:
    """An evidence file as a listing shows it: its id, name and size."""

    id: int
    name: str
    size: int


@dataclass(frozen=True, slots=True)
class LearningDraft:
    """A learning record as written, before it is stored."""

    method: str
    topic: str
    started_on: dt.date
    ended_on: dt.date
    minutes: int
    participatory_minutes: int = 0
    themes: tuple[Theme, ...] = ()
    changed: str = ""
    peer_reflection: bool = False
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Learning:
    """A stored learning record (its evidence by name and size)."""

    id: int
    method: str
    topic: str
    started_on: dt.date
    ended_on: dt.date
    minutes: int
    participatory_minutes: int
    themes: tuple[Theme, ...]
    changed: str
    peer_reflection: bool
    evidence: tuple[EvidenceInfo, ...] = ()


@dataclass(frozen=True, slots=True)
class FeedbackDraft:
    """Feedback received, as written: from whom by role only, what it said, what changed."""

    received_on: dt.date
    from_role: str
    said: str
    changed: str = ""


@dataclass(frozen=True, slots=True)
class Feedback:
    """A stored feedback record."""

    id: int
    received_on: dt.date
    from_role: str
    said: str
    changed: str


def _short(text: str, what: str) -> str:
    cleaned = " ".join(text.split())
    if not cleaned:
        raise InvalidInput(_("the {what} is empty").format(what=what))
    if len(cleaned) > TEXT_LENGTH:
        raise InvalidInput(_("the {what} is too long ({most} characters at most)")
                           .format(what=what, most=TEXT_LENGTH))
    return cleaned


def checked_learning(draft: LearningDraft) -> LearningDraft:
    """The draft tidied (single-spaced method and topic), or InvalidInput saying why not."""
    if draft.ended_on < draft.started_on:
        raise InvalidInput(_("the learning ends before it starts"))
    if draft.participatory_minutes > draft.minutes:
        raise InvalidInput(_("the participatory hours are more than the hours"))
    if len(draft.evidence) > MAX_EVIDENCE_FILES:
        raise InvalidInput(_("at most {most} evidence files on one record")
                           .format(most=MAX_EVIDENCE_FILES))
    for item in draft.evidence:
        check_evidence(item)
    return LearningDraft(_short(draft.method, _("method")), _short(draft.topic, _("topic")),
                         draft.started_on, draft.ended_on, draft.minutes,
                         draft.participatory_minutes, draft.themes, draft.changed.strip(),
                         draft.peer_reflection, draft.evidence)


def check_evidence(item: Evidence) -> None:
    """Refuse an evidence file that is empty, nameless or bigger than the cap."""
    if not item.name.strip() or "/" in item.name or "\\" in item.name:
        raise InvalidInput(_("an evidence file needs a plain file name"))
    if not item.data:
        raise InvalidInput(_("the evidence file '{name}' is empty").format(name=item.name))
    if len(item.data) > MAX_EVIDENCE_BYTES:
        raise InvalidInput(_(
            "the evidence file '{name}' is {size} MB; at most {most} MB is kept inside the "
            "journal, so that backups stay quick: keep a smaller copy or a photo of it")
            .format(name=item.name, size=round(len(item.data) / 2**20, 1),
                    most=MAX_EVIDENCE_BYTES // 2**20))


def checked_feedback(draft: FeedbackDraft) -> FeedbackDraft:
    """The draft tidied, or InvalidInput saying why not."""
    if not draft.said.strip():
        raise InvalidInput(_("say what the feedback said, in your words"))
    return FeedbackDraft(draft.received_on, _short(draft.from_role, _("role")),
                         draft.said.strip(), draft.changed.strip())
