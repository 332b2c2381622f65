"""What a supervision pack holds, gathered from the journal before any name is protected."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from carejournal.core.catalogues import find_rung
from carejournal.core.domain import Entry, InvalidInput
from carejournal.core.kinds import spec_of
from carejournal.core.patterns import DecisionsSeries, Period, PlansSeries
from carejournal.core.preparation import (
    AgendaItem,
    Kept,
    LanguageItem,
    PersonStrengths,
    Power,
    Rewording,
    Stage,
)
from carejournal.core.supervision import AgreedAction, Session
from carejournal.core.templates import template_for


@dataclass(frozen=True, slots=True)
class PackEntry:
    """One entry as the pack shows it."""

    id: int
    occurred_on: dt.date
    kind: str
    model: str
    title: str
    people: tuple[str, ...]
    body: str
    sections: tuple[tuple[str, str], ...]  # (heading, text)
    strengths: str
    decisions: tuple[tuple[str, str], ...]  # (text, rung label)
    to_discuss: bool


@dataclass(frozen=True, slots=True)
class PackSituation:
    """The situation brought, worked through Kolb's four stages (stage, words) in order."""

    occurred_on: dt.date
    title: str
    stages: tuple[tuple[Stage, str], ...]


@dataclass(frozen=True, slots=True)
class PackContent:
    """Everything in one pack, in the worker's own words (not yet protected)."""

    session: Session
    period: Period
    worker: str
    last_actions: tuple[AgreedAction, ...]
    entries: tuple[PackEntry, ...]
    entries_in_period: int
    language_before: int
    language: tuple[LanguageItem, ...]
    rewordings: tuple[Rewording, ...]
    kept: tuple[tuple[LanguageItem, Kept], ...]
    strengths: tuple[PersonStrengths, ...]
    power: Power
    agenda: tuple[AgendaItem, ...]
    decisions: DecisionsSeries
    plans: PlansSeries
    situation: PackSituation | None = None
    how_i_am: str = ""  # only when the worker chose to include it

    def texts(self) -> Iterator[str]:
        """Every piece of the worker's writing the pack shows (for the identifier check)."""
        yield self.session.supervisor
        for action in self.last_actions:
            yield from (action.text, action.owner)
        for entry in self.entries:
            yield from (entry.title, entry.body, entry.strengths, *entry.people)
            yield from (text for _h, text in entry.sections)
            yield from (text for text, _r in entry.decisions)
        for item in self.language:
            yield item.context
        for rewording in self.rewordings:
            yield from (rewording.before, rewording.after)
        for item, kept in self.kept:
            yield from (item.context, kept.reason)
        for person in self.strengths:
            yield from (person.name, person.noted)
        for goal in self.power.ended_early:
            yield from (goal.person, goal.text)
        for row in self.power.fallibility:
            yield from (row.title, row.summary)
        for reflection in self.power.goal_reflections:
            yield from (reflection.person, reflection.goal, reflection.entry.title,
                        reflection.entry.summary, reflection.words)
        for agenda in self.agenda:
            yield agenda.text
        if self.situation is not None:
            yield self.situation.title
            yield from (words for _stage, words in self.situation.stages)
        yield self.how_i_am


NO_RUNG_LABEL = "rung not chosen"


def pack_entry(entry: Entry, to_discuss: bool) -> PackEntry:
    """An entry with its sections under their headings and decisions with their rungs."""
    try:
        template = template_for(entry.kind.value, entry.model)
    except InvalidInput:
        template = None
    sections = []
    for key, text in entry.sections:
        section = template.section(key) if template is not None else None
        heading = section.label if section is not None else key
        shown = section.option_label(text) if section is not None and \
            section.kind == "choice" else text
        if shown.strip():
            sections.append((heading, shown))
    decisions = []
    for decision in entry.decisions:
        try:
            rung = find_rung(decision.rung).label if decision.rung else NO_RUNG_LABEL
        except InvalidInput:
            rung = decision.rung
        decisions.append((decision.text, rung))
    kind = spec_of(entry.kind).label
    model = template.name if template is not None and entry.model else ""
    if model.casefold() == kind.casefold() or entry.model in ("", "free", "fallibility"):
        model = ""
    return PackEntry(entry.id, entry.occurred_on, kind, model, entry.title, entry.people,
                     entry.body, tuple(sections), entry.strengths, tuple(decisions), to_discuss)
