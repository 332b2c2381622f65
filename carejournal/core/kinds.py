"""The kinds of entry, each declared once: what it is called, what it holds, how it is shown,
exported and counted. Everything that treats kinds differently reads KINDS; nothing else keeps
its own table of kinds.

A declaration that misses a piece is refused when this module is imported (KindSpecError),
so a new kind cannot reach a KeyError at run time. The recipe for adding a kind is in
docs/ARCHITECTURE.md ("Add a kind of entry").

Translation stays in ui/: the labels here are the English source texts. ui/shared/strings.py
lists them for pyside6-lupdate and translates them when shown (it checks at import that
every text declared here is listed).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from carejournal.core.domain import EntryKind


class KindSpecError(ValueError):
    """A kind of entry is declared with a piece missing or wrong."""


class Part(enum.Enum):
    """A part of an entry that some kinds have."""

    TEXT = "text"  # the entry's own words (every kind has it)
    STRENGTHS = "strengths"  # strengths, skills and wishes noticed in the person
    ACTS = "acts"  # the little things done (the checklist)
    DECISIONS = "decisions"  # decisions, each on the ladder of co-production
    SECTIONS = "sections"  # the sections of a template, with any action items
    LINKS = "links"  # links to other entries (every kind has it)


class Prompts(enum.Enum):
    """Which template an entry's sections follow."""

    NONE = "none"  # no sections
    MODEL = "model"  # the reflective model the worker chooses (default free)
    FALLIBILITY = "fallibility"  # the fixed own-fallibility prompts


class Series(enum.Enum):
    """The Patterns series a kind feeds."""

    PER_WEEK = "per-week"  # entries per week, one stacked colour per kind
    LITTLE_THINGS = "little-things"  # the little-things charts open entries of this kind
    DECISIONS = "decisions"  # the decisions chart opens entries of this kind


REQUIRED_PARTS = (Part.TEXT, Part.LINKS)
# each chart theme has a colour for each hue (a new kind may take vermillion, still free)
CHART_HUES = ("blue", "orange", "purple", "green", "vermillion")
ONE_KIND_SERIES = (Series.LITTLE_THINGS, Series.DECISIONS)  # a click opens one kind


@dataclass(frozen=True, slots=True)
class KindSpec:
    """One kind of entry, declared in full.

    label, new_label and description are the English source texts: the window translates
    them, packs and chart legends use label as it is. The kind's value is its key in the
    journal, the CLI and JSON. parts are in the order the editor shows them. body_question
    is asked above the text when no template asks it (prompts NONE). one_act: the entry is
    one little thing done, so quick capture asks which and its text is optional. mirror_of:
    a note of this kind can mirror an entry of that kind. sample_weight: how often the
    sample journal deals it.
    """

    kind: EntryKind
    label: str
    new_label: str
    description: str
    parts: tuple[Part, ...]
    prompts: Prompts = Prompts.NONE
    body_question: str = ""
    one_act: bool = False
    quick_capture: bool = False
    mirror_of: EntryKind | None = None
    chart_hue: str = ""
    counted_in: frozenset[Series] = frozenset({Series.PER_WEEK})
    sample_weight: int = 0

    @property
    def key(self) -> str:
        """The kind's key in the journal, the CLI, JSON and text exports."""
        return self.kind.value

    def has(self, part: Part) -> bool:
        """True if entries of this kind have this part."""
        return part in self.parts

    def texts(self) -> tuple[str, ...]:
        """The English texts the window translates."""
        return tuple(t for t in (self.label, self.new_label, self.description,
                                 self.body_question) if t)


def spec_problems(spec: KindSpec) -> list[str]:
    """What is missing or wrong in one declaration (empty when it is complete)."""
    problems = [f"no {name}" for name in ("label", "new_label", "description")
                if not getattr(spec, name).strip()]
    problems += [f"no {p.value} part" for p in REQUIRED_PARTS if p not in spec.parts]
    if len(set(spec.parts)) != len(spec.parts):
        problems.append("a part given twice")
    if spec.has(Part.SECTIONS) != (spec.prompts is not Prompts.NONE):
        problems.append("sections need prompts, and prompts need the sections part")
    if (spec.prompts is Prompts.NONE) != bool(spec.body_question.strip()):
        problems.append("a body_question is needed exactly when there are no prompts")
    if spec.one_act and not spec.has(Part.ACTS):
        problems.append("one_act needs the acts part")
    if spec.mirror_of is spec.kind:
        problems.append("a kind cannot mirror itself")
    if spec.chart_hue not in CHART_HUES:
        problems.append(f"chart_hue '{spec.chart_hue}' is not one of {', '.join(CHART_HUES)}")
    if Series.PER_WEEK not in spec.counted_in:
        problems.append("every kind is counted in the entries per week")
    if spec.sample_weight < 0:
        problems.append("a negative sample_weight")
    return problems


def declare(specs: Iterable[KindSpec]) -> tuple[KindSpec, ...]:
    """The registry: every EntryKind declared once, in its order, each declaration complete;
    raises KindSpecError naming every problem."""
    specs = tuple(specs)
    problems = [f"{s.kind.value}: {p}" for s in specs for p in spec_problems(s)]
    if tuple(s.kind for s in specs) != tuple(EntryKind):
        problems.append("the kinds declared must be every EntryKind once, in its order: "
                        f"{', '.join(k.value for k in EntryKind)}")
    declared = {s.kind for s in specs}
    problems += [f"{s.kind.value}: mirrors {s.mirror_of.value}, which is not declared"
                 for s in specs if s.mirror_of is not None and s.mirror_of not in declared]
    for series in ONE_KIND_SERIES:
        count = sum(series in s.counted_in for s in specs)
        if count != 1:
            problems.append(f"{series.value} must be fed by exactly one kind, not {count}")
    if problems:
        raise KindSpecError("kinds of entry: " + "; ".join(problems))
    return specs


def check_table(table: Mapping[EntryKind, object], where: str) -> None:
    """Refuse a table keyed by kind (kept outside core, e.g. in ui/) that misses a kind."""
    missing = [s.key for s in KINDS if s.kind not in table]
    if missing:
        raise KindSpecError(f"{where} has nothing for: {', '.join(missing)}")


def check_parts(table: Mapping[Part, object], where: str) -> None:
    """Refuse a table keyed by part (e.g. the editor's widgets) that misses a declared part."""
    missing = sorted({p.value for s in KINDS for p in s.parts if p not in table})
    if missing:
        raise KindSpecError(f"{where} has nothing for the part(s): {', '.join(missing)}")


KINDS: tuple[KindSpec, ...] = declare((
    KindSpec(
        kind=EntryKind.INTERACTION, label="Interaction", new_label="New interaction",
        description="Time with a person you support: what happened, what they wanted, "
                    "the strengths you noticed.",
        parts=(Part.TEXT, Part.STRENGTHS, Part.ACTS, Part.DECISIONS, Part.LINKS),
        body_question="What happened? What did they want?",
        quick_capture=True, chart_hue="blue",
        counted_in=frozenset({Series.PER_WEEK, Series.DECISIONS}), sample_weight=5),
    KindSpec(
        kind=EntryKind.KINDNESS, label="Little thing", new_label="New little thing",
        description="A little thing that makes a big difference: introducing yourself, "
                    "a cup of tea, really listening, calling back when you said you would.",
        parts=(Part.ACTS, Part.TEXT, Part.LINKS),
        body_question="A few words about it (optional)",
        one_act=True, quick_capture=True, chart_hue="orange",
        counted_in=frozenset({Series.PER_WEEK, Series.LITTLE_THINGS}), sample_weight=3),
    KindSpec(
        kind=EntryKind.FALLIBILITY, label="Own fallibility",
        new_label="New own-fallibility note",
        description="Your own off day or mistake. We all have them; remembering ours helps "
                    "us not to write off someone else's plan after one or two tries.",
        parts=(Part.TEXT, Part.SECTIONS, Part.LINKS), prompts=Prompts.FALLIBILITY,
        quick_capture=True, mirror_of=EntryKind.INTERACTION, chart_hue="purple",
        sample_weight=1),
    KindSpec(
        kind=EntryKind.REFLECTION, label="Reflection", new_label="New reflection",
        description="Anything else you want to think through, in your own words.",
        parts=(Part.SECTIONS, Part.TEXT, Part.LINKS), prompts=Prompts.MODEL,
        chart_hue="green", sample_weight=2),
))


def spec_of(kind: EntryKind) -> KindSpec:
    """The declaration of a kind (every EntryKind has one: declare() made sure)."""
    return next(s for s in KINDS if s.kind is kind)


def kinds_with(part: Part) -> tuple[EntryKind, ...]:
    """The kinds whose entries have this part, in order."""
    return tuple(s.kind for s in KINDS if s.has(part))


def kinds_prompted(prompts: Prompts) -> tuple[EntryKind, ...]:
    """The kinds whose sections follow this kind of template, in order."""
    return tuple(s.kind for s in KINDS if s.prompts is prompts)


def kinds_counted_in(series: Series) -> tuple[EntryKind, ...]:
    """The kinds that feed this Patterns series, in order."""
    return tuple(s.kind for s in KINDS if series in s.counted_in)


def kind_opened_by(series: Series) -> EntryKind:
    """The one kind a click on this series opens (declare() made sure there is one)."""
    return kinds_counted_in(series)[0]


def chosen_model(kind: EntryKind) -> bool:
    """True if the worker chooses a reflective model for entries of this kind."""
    return spec_of(kind).prompts is Prompts.MODEL


def capture_kinds() -> tuple[EntryKind, ...]:
    """The kinds offered by quick capture after a shift, in order."""
    return tuple(s.kind for s in KINDS if s.quick_capture)


def can_be_mirrored(kind: EntryKind) -> bool:
    """True if a note of some kind can mirror an entry of this kind."""
    return any(s.mirror_of is kind for s in KINDS)


def mirror_kind(kind: EntryKind) -> EntryKind | None:
    """The kind of note that mirrors an entry of this kind, if any."""
    return next((s.kind for s in KINDS if s.mirror_of is kind), None)


def kind_list(conjunction: str = "or") -> str:
    """'interaction, kindness, fallibility or reflection', for help and messages."""
    keys = [s.key for s in KINDS]
    return f"{', '.join(keys[:-1])} {conjunction} {keys[-1]}" if len(keys) > 1 else keys[0]
