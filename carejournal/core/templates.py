"""Reflective models and the own-fallibility prompts, read from resources/."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, assert_never

from carejournal.core.catalogues import check_unique, find_by_key, load_toml, problem, text_field
from carejournal.core.domain import EntryKind, InvalidInput
from carejournal.core.kinds import Prompts, spec_of
from carejournal.core.resources import resource_path

FREE_MODEL = "free"
FALLIBILITY_MODEL = "fallibility"
SECTION_KINDS = ("text", "choice")


@dataclass(frozen=True, slots=True)
class Option:
    """One choice of a choice section."""

    key: str
    label: str


@dataclass(frozen=True, slots=True)
class TemplateSection:
    """A labelled field with a guiding question."""

    key: str
    label: str
    question: str
    kind: str = "text"
    options: tuple[Option, ...] = ()
    actions: bool = False

    def option_label(self, key: str) -> str:
        """The label of a choice, or the key itself if it is not (or no longer) offered."""
        return next((o.label for o in self.options if o.key == key), key)


@dataclass(frozen=True, slots=True)
class Template:
    """A reflective model (or the fallibility prompts): sections to fill in."""

    key: str
    name: str
    summary: str
    body_question: str
    sections: tuple[TemplateSection, ...] = ()

    def section(self, key: str) -> TemplateSection | None:
        """The section with this key, or None."""
        return next((s for s in self.sections if s.key == key), None)


@dataclass(frozen=True, slots=True)
class FallibilityQuestions:
    """What CareJournal asks when mirroring an interaction or ending a goal early."""

    mirror: str
    goal: str
    goal_detail: str
    goal_invitation: str


def _section(path: Path, item: dict[str, Any]) -> TemplateSection:
    key = text_field(path, item, "key", "section")
    kind = item.get("kind", "text")
    if kind not in SECTION_KINDS:
        raise problem(path, f'"{kind}"', f"section '{key}' has kind '{kind}': use text or choice.")
    options = tuple(Option(text_field(path, o, "key", "option"),
                           text_field(path, o, "label", "option"))
                    for o in item.get("options", []))
    if kind == "choice" and not options:
        raise problem(path, f'"{key}"', f"the choice section '{key}' needs options.")
    return TemplateSection(key, text_field(path, item, "label", "section"),
                           text_field(path, item, "question", "section"), kind, options,
                           bool(item.get("actions", False)))


def _template(path: Path, item: dict[str, Any], key: str | None = None) -> Template:
    key = key or text_field(path, item, "key", "model")
    sections = tuple(_section(path, s) for s in item.get("section", []))
    check_unique(path, [s.key for s in sections], f"section (in '{key}')")
    name = item.get("name") or key
    return Template(key, name, str(item.get("summary", "")),
                    text_field(path, item | {"key": key}, "body_question", "model"), sections)


def reflective_models(path: Path | None = None) -> list[Template]:
    """Every reflective model, free writing first."""
    path = path or resource_path("reflective_models.toml")
    models = [_template(path, item) for item in load_toml(path).get("model", [])]
    check_unique(path, [m.key for m in models], "model")
    if not any(m.key == FREE_MODEL for m in models):
        raise problem(path, "", f"the '{FREE_MODEL}' model (free writing) is missing.")
    return sorted(models, key=lambda m: m.key != FREE_MODEL)


def fallibility_template(path: Path | None = None) -> Template:
    """The guided prompts of an own-fallibility entry."""
    path = path or resource_path("fallibility.toml")
    prompts = load_toml(path).get("prompts")
    if not isinstance(prompts, dict):
        raise problem(path, "", "a [prompts] table is needed.")
    return _template(path, prompts | {"name": "Own fallibility"}, key=FALLIBILITY_MODEL)


def fallibility_questions(path: Path | None = None) -> FallibilityQuestions:
    """The mirror and goal questions."""
    path = path or resource_path("fallibility.toml")
    questions = load_toml(path).get("questions")
    if not isinstance(questions, dict):
        raise problem(path, "", "a [questions] table is needed.")
    fields = ("mirror", "goal", "goal_detail", "goal_invitation")
    return FallibilityQuestions(*(text_field(path, questions, f, "questions") for f in fields))


@cache
def models() -> tuple[Template, ...]:
    """The shipped reflective models, read once."""
    return tuple(reflective_models())


@cache
def fallibility() -> Template:
    """The shipped fallibility prompts, read once."""
    return fallibility_template()


@cache
def questions() -> FallibilityQuestions:
    """The shipped fallibility questions, read once."""
    return fallibility_questions()


def find_model(key: str) -> Template:
    """A reflective model by key; unknown keys get a message listing the valid ones."""
    return find_by_key(models(), key, "reflective model")


def template_for(kind_value: str, model: str) -> Template | None:
    """The template an entry of this kind and model is written with, if any."""
    try:
        kind = EntryKind(kind_value)
    except ValueError:
        return None
    return prompted_template(spec_of(kind).prompts, model)


def prompted_template(prompts: Prompts, model: str) -> Template | None:
    """The template of a kind's prompts: the chosen model (default free), the fixed
    own-fallibility prompts, or none."""
    match prompts:
        case Prompts.MODEL:
            return find_model(model or FREE_MODEL)
        case Prompts.FALLIBILITY:
            return fallibility()
        case Prompts.NONE:
            return None
        case _:
            assert_never(prompts)


def written_sections(kind_value: str, model: str,
                     sections: tuple[tuple[str, str], ...]) -> list[str]:
    """The texts of sections that were written, leaving out choices such as 'on-action'."""
    try:
        template = template_for(kind_value, model)
    except InvalidInput:
        template = None
    choices = {s.key for s in template.sections if s.kind == "choice"} if template else set()
    return [text for key, text in sections if key not in choices]


def load_all() -> None:
    """Read every resource file now, so a broken one stops the app at start with its name."""
    from carejournal.core.catalogues import kindness_acts, ladder

    kindness_acts()
    ladder()
    models()
    fallibility()
    questions()
