"""A preparation for supervision: what the worker chose at each step, saved as JSON so it
can be reopened and finished later."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from enum import IntEnum, StrEnum
from typing import Any

from carejournal.core.domain import EntryRow, InvalidInput
from carejournal.core.findings import Finding
from carejournal.core.i18n import _
from carejournal.core.patterns import GoalAttempts

MAX_REASON_CHARS = 2_000


class Step(IntEnum):
    """The steps of a preparation, in order."""

    ENTRIES = 1
    LANGUAGE = 2
    STRENGTHS = 3
    POWER = 4
    AGENDA = 5
    EXPORT = 6


class AgendaKind(StrEnum):
    """Where an agenda item came from."""

    QUESTION = "question"        # the worker's own question
    LANGUAGE = "language"        # a finding brought as a question (step 2)
    STRENGTH = "strength"        # a person with only problems noted (step 3)
    POWER = "power"              # from power and fallibility (step 4)
    ENTRY = "entry"              # an entry marked "to discuss" (step 1)
    DEVELOPMENT = "development"  # the worker's development goals
    ACTION = "action"            # an agreed action still open


@dataclass(frozen=True, slots=True)
class AgendaItem:
    """One thing to talk about; source ties items brought from a step to what they came
    from (so un-bringing removes them), empty for the worker's own."""

    kind: AgendaKind
    text: str
    source: str = ""


@dataclass(frozen=True, slots=True)
class Rewording:
    """A finding the worker reworded: in which entry and field, what was there, what is now."""

    entry_id: int
    field: str
    rule: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class Kept:
    """A finding kept as written, with the worker's reason."""

    reason: str


@dataclass(slots=True)
class Preparation:
    """The state of one preparation, linked to the session it prepares for."""

    session_id: int
    since: dt.date
    until: dt.date
    entry_ids: list[int] | None = None  # None: every entry in the period
    to_discuss: list[int] = field(default_factory=list)
    language_before: int | None = None
    rewordings: list[Rewording] = field(default_factory=list)
    kept: dict[str, Kept] = field(default_factory=dict)
    questions: list[str] = field(default_factory=list)  # finding keys brought as questions
    strengths: dict[str, str] = field(default_factory=dict)  # person -> a strength seen
    agenda: list[AgendaItem] = field(default_factory=list)
    worker_name: str = ""
    step: Step = Step.ENTRIES

    # -- agenda -------------------------------------------------------------------
    def bring(self, item: AgendaItem) -> None:
        """Add an item to the agenda (an item from a step replaces its earlier text)."""
        if item.source:
            for n, old in enumerate(self.agenda):
                if old.source == item.source:
                    self.agenda[n] = item
                    return
        self.agenda.append(item)

    def drop(self, source: str) -> None:
        """Take the item brought from source off the agenda."""
        self.agenda = [a for a in self.agenda if a.source != source]

    def brought(self, source: str) -> bool:
        return any(a.source == source for a in self.agenda)

    def move(self, index: int, to: int) -> None:
        """Move an agenda item to another place (indexes from 0)."""
        if not (0 <= index < len(self.agenda) and 0 <= to < len(self.agenda)):
            raise InvalidInput(_('there is no agenda item {value}').format(value=index + 1)
                               if not 0 <= index < len(self.agenda)
                               else _('place {value} is outside the agenda').format(value=to + 1))
        self.agenda.insert(to, self.agenda.pop(index))

    def remove(self, index: int) -> AgendaItem:
        """Take an agenda item off by its place; items from steps can be brought again."""
        if not 0 <= index < len(self.agenda):
            raise InvalidInput(_('there is no agenda item {value}').format(value=index + 1))
        item = self.agenda.pop(index)
        if item.kind is AgendaKind.LANGUAGE:
            self.questions = [q for q in self.questions if f"language:{q}" != item.source]
        return item

    # -- JSON ---------------------------------------------------------------------
    def to_json(self) -> str:
        data = asdict(self)
        data["since"], data["until"] = self.since.isoformat(), self.until.isoformat()
        data["step"] = int(self.step)
        return json.dumps(data, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Preparation:
        """Read a stored state; parts that cannot be read are left at their defaults."""
        data: dict[str, Any] = json.loads(text)
        prep = cls(int(data["session_id"]), dt.date.fromisoformat(data["since"]),
                   dt.date.fromisoformat(data["until"]))
        ids = data.get("entry_ids")
        prep.entry_ids = None if ids is None else [int(i) for i in ids]
        prep.to_discuss = [int(i) for i in data.get("to_discuss", [])]
        before = data.get("language_before")
        prep.language_before = None if before is None else int(before)
        prep.rewordings = [Rewording(**r) for r in data.get("rewordings", [])]
        prep.kept = {k: Kept(**v) for k, v in data.get("kept", {}).items()}
        prep.questions = [str(q) for q in data.get("questions", [])]
        prep.strengths = {str(k): str(v) for k, v in data.get("strengths", {}).items()}
        prep.agenda = [AgendaItem(AgendaKind(a["kind"]), a["text"], a.get("source", ""))
                       for a in data.get("agenda", [])]
        prep.worker_name = str(data.get("worker_name", ""))
        prep.step = Step(int(data.get("step", 1)))
        return prep


def clean_reason(reason: str) -> str:
    """A reason for keeping a wording: some words, not too many."""
    text = " ".join(reason.split())
    if not text:
        raise InvalidInput(_("say in a few words why you are keeping this wording"))
    if len(text) > MAX_REASON_CHARS:
        raise InvalidInput(_("a reason is {MAX_REASON_CHARS:,} characters at most")
                               .format(MAX_REASON_CHARS=MAX_REASON_CHARS))
    return text


@dataclass(frozen=True, slots=True)
class LanguageItem:
    """A wording found in one field of one entry (all its occurrences there), and what the
    worker decided: nothing yet, kept with a reason, or brought as a question."""

    key: str  # "<entry id>/<field>/<finding key>"
    entry: EntryRow
    field: str
    field_label: str
    finding: Finding  # the first occurrence
    occurrences: int
    context: str  # the sentence around the first occurrence
    kept: Kept | None
    question: bool

    @property
    def decided(self) -> bool:
        return self.kept is not None or self.question


@dataclass(frozen=True, slots=True)
class PersonStrengths:
    """What the worker noted about one person in the period."""

    name: str
    entries: int
    strengths: int
    problems: int
    noted: str  # a strength the worker added while preparing

    @property
    def needs_strength(self) -> bool:
        """Problems noted but no strength: the step asks for one."""
        return self.problems > 0 and self.strengths == 0 and not self.noted


@dataclass(frozen=True, slots=True)
class GoalReflection:
    """The reflection written when a goal was ended early: it belongs with the person's
    goal, not among the worker's own off days."""

    goal_id: int
    person: str
    goal: str
    entry: EntryRow
    words: str  # what the worker wrote (the entry's text; its title is the goal's)


@dataclass(frozen=True, slots=True)
class Power:
    """Power and fallibility in the period: own-fallibility notes in fallibility, the
    reflections written on ending a goal in goal_reflections (never in both)."""

    decisions: int
    made_with: int
    ended_early: tuple[GoalAttempts, ...]
    fallibility: tuple[EntryRow, ...]
    questions: tuple[str, ...]
    goal_reflections: tuple[GoalReflection, ...] = ()

    def reflections_on(self, goal_id: int) -> tuple[GoalReflection, ...]:
        """The reflections written on ending this goal."""
        return tuple(r for r in self.goal_reflections if r.goal_id == goal_id)

    def other_reflections(self) -> tuple[GoalReflection, ...]:
        """Reflections on goals not among ended_early (ended in an earlier period)."""
        shown = {g.goal_id for g in self.ended_early}
        return tuple(r for r in self.goal_reflections if r.goal_id not in shown)

    @property
    def share_with(self) -> float | None:
        return self.made_with / self.decisions if self.decisions else None
