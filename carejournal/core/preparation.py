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
from carejournal.core.supervision import Function

MAX_REASON_CHARS = 2_000


class Step(IntEnum):
    """The steps of a preparation, in order."""

    ENTRIES = 1
    LANGUAGE = 2
    STRENGTHS = 3
    POWER = 4
    SITUATION = 5
    HOW_I_AM = 6
    AGENDA = 7
    EXPORT = 8


# A state saved before the situation and "How I am" steps numbered the agenda 5, the pack 6.
OLD_STEPS = {5: Step.AGENDA, 6: Step.EXPORT}
MAX_WORDS_CHARS = 10_000


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
    function: Function | None = None  # a new item starts untagged: the worker says which


@dataclass(frozen=True, slots=True)
class HowIAm:
    """How the worker is (wellbeing, what support they need), in their own words.

    It is theirs: never charted or counted, and in the pack only if they tick
    "include in the pack" (off until they do), since a supervisor may pass a pack on."""

    text: str = ""
    include: bool = False


class Stage(StrEnum):
    """Kolb's four stages, in the order a situation is worked through."""

    EXPERIENCE = "experience"    # concrete experience: what happened
    REFLECTION = "reflection"    # reflective observation: what I noticed
    THINKING = "thinking"        # abstract conceptualisation: what I make of it
    ACTION = "action"            # active experimentation: what I'll try


STAGE_LABELS = {Stage.EXPERIENCE: "What happened", Stage.REFLECTION: "What I noticed",
                Stage.THINKING: "What I make of it", Stage.ACTION: "What I'll try"}


# Where an entry's model sections go among the four stages (the rest stay out: the worker
# brings what fits); an entry's free text is what happened when no section says it.
STAGE_SECTIONS = {
    Stage.EXPERIENCE: ("description", "what", "experience"),
    Stage.REFLECTION: ("feelings", "evaluation", "observation", "aesthetics", "personal"),
    Stage.THINKING: ("analysis", "so-what", "conclusion", "conceptualisation", "ethics",
                     "empirics"),
    Stage.ACTION: ("action-plan", "now-what", "experimentation"),
}


def stages_from(body: str, sections: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """The four stages prefilled from an entry: its sections by STAGE_SECTIONS, its text as
    what happened (before a description section, when there is one)."""
    found = dict(sections)
    stages: dict[str, str] = {}
    for stage, keys in STAGE_SECTIONS.items():
        parts = [found[k].strip() for k in keys if found.get(k, "").strip()]
        if stage is Stage.EXPERIENCE and body.strip():
            parts.insert(0, body.strip())
        if parts:
            stages[stage.value] = "\n\n".join(parts)
    return stages


@dataclass(frozen=True, slots=True)
class Situation:
    """One entry brought to supervision and worked through Kolb's four stages."""

    entry_id: int
    stages: dict[str, str] = field(default_factory=dict)  # Stage value -> the worker's words

    def words(self, stage: Stage) -> str:
        return self.stages.get(stage.value, "")


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
    how_i_am: HowIAm = field(default_factory=HowIAm)
    situation: Situation | None = None

    # -- agenda -------------------------------------------------------------------
    def bring(self, item: AgendaItem) -> None:
        """Add an item to the agenda (an item from a step replaces its earlier text)."""
        if item.source:
            for n, old in enumerate(self.agenda):
                if old.source == item.source:  # brought again: the tag the worker gave stays
                    self.agenda[n] = AgendaItem(item.kind, item.text, item.source,
                                                item.function or old.function)
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

    def tag(self, index: int, function: Function | None) -> None:
        """Say which function of supervision an agenda item serves (None: untagged)."""
        if not 0 <= index < len(self.agenda):
            raise InvalidInput(_('there is no agenda item {value}').format(value=index + 1))
        item = self.agenda[index]
        self.agenda[index] = AgendaItem(item.kind, item.text, item.source, function)

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
        prep.agenda = [AgendaItem(AgendaKind(a["kind"]), a["text"], a.get("source", ""),
                                  _function(a.get("function")))
                       for a in data.get("agenda", [])]
        prep.worker_name = str(data.get("worker_name", ""))
        step = int(data.get("step", 1))
        prep.step = OLD_STEPS.get(step, Step(step)) if "how_i_am" not in data else Step(step)
        how = data.get("how_i_am") or {}
        prep.how_i_am = HowIAm(str(how.get("text", "")), how.get("include") is True)
        situation = data.get("situation")
        if isinstance(situation, dict) and "entry_id" in situation:
            prep.situation = Situation(int(situation["entry_id"]), {
                str(k): str(v) for k, v in situation.get("stages", {}).items()
                if k in {stage.value for stage in Stage}})
        return prep


def _function(value: object) -> Function | None:
    """A stored function, or None when there is none (or it cannot be read)."""
    try:
        return Function(str(value)) if value else None
    except ValueError:
        return None


def clean_words(text: str) -> str:
    """The worker's own words, kept as written (lines too) but not beyond a limit."""
    words = text.strip()
    if len(words) > MAX_WORDS_CHARS:
        raise InvalidInput(_("that is {MAX_WORDS_CHARS:,} characters at most")
                           .format(MAX_WORDS_CHARS=MAX_WORDS_CHARS))
    return words


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
