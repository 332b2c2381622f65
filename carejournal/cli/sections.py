"""Reading an entry's sections from a JSON or Markdown file (`carejournal add --sections`)."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from carejournal.core.domain import ActionItem, InvalidInput, parse_date
from carejournal.core.i18n import _
from carejournal.core.templates import Template, TemplateSection

RESERVED = ("title", "body", "actions")
_SECTION_HEADING = re.compile(r"^##\s+(.*?)\s*#*\s*$")
_TITLE_HEADING = re.compile(r"^#\s+(.*?)\s*#*\s*$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_ITEM = re.compile(r"^\s{0,3}[-*+]\s+(.*)$")
_REVIEW = re.compile(r"\(\s*review(?:\s+on|\s+by)?\s*:?\s*(\d{4}-\d{1,2}-\d{1,2}|today)\s*\)",
                     re.IGNORECASE)
_JSON_ACTION_KEYS = ("text", "review")


@dataclass(frozen=True, slots=True)
class SectionsFile:
    """What a sections file holds: an optional title and main text, sections and actions."""

    title: str = ""
    body: str = ""
    sections: tuple[tuple[str, str], ...] = ()
    actions: tuple[ActionItem, ...] = ()


def _norm(text: str) -> str:
    """Letters and digits only, any case: 'So what?' and 'so-what' compare equal."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def section_names(template: Template) -> str:
    """The valid section names of a template, for messages: 'key' or 'key (Label)'."""
    if not template.sections:
        return f"none ({template.name} has no sections)"
    return ", ".join(s.key if _norm(s.key) == _norm(s.label) else f"{s.key} ({s.label})"
                     for s in template.sections)


def find_section(template: Template, name: str, where: str = "") -> TemplateSection:
    """A section by key or label (any case, punctuation ignored); unknown ones list the rest."""
    wanted = _norm(name)
    for section in template.sections:
        if wanted and wanted in (_norm(section.key), _norm(section.label)):
            return section
    prefix = f"{where}: " if where else ""
    raise InvalidInput(prefix + _("unknown section '{name}' for {template}: choose from "
                                  "{sections}").format(name=name, template=template.name,
                                                       sections=section_names(template)))


def choice_value(section: TemplateSection, value: str, where: str = "") -> str:
    """The option key for a choice given by key or label; unknown ones list the valid ones."""
    value = value.strip()
    if not value or section.kind != "choice":
        return value
    for option in section.options:
        if _norm(value) in (_norm(option.key), _norm(option.label)):
            return option.key
    prefix = f"{where}: " if where else ""
    choices = ", ".join(o.key for o in section.options)
    raise InvalidInput(prefix + _("'{value}' is not a choice for {section}: choose one of "
                                  "{choices}").format(value=value, section=section.label,
                                                      choices=choices))


def read_sections(name: str, template: Template) -> SectionsFile:
    """Read and check a sections file ('-' is standard input); nothing half-read is kept."""
    source = "standard input" if name == "-" else name
    try:
        raw = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as exc:
        raise InvalidInput(_("cannot read {source}: {value}")
                               .format(source=source, value=exc.strerror or exc)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(_("{source} is not UTF-8 text; nothing was added")
                               .format(source=source)) from None
    if _is_json(name, text):
        return parse_json(text, template, source)
    return parse_markdown(text, template, source)


def _is_json(name: str, text: str) -> bool:
    suffix = Path(name).suffix.lower()
    if suffix == ".json":
        return True
    if suffix in (".md", ".markdown", ".txt"):
        return False
    return text.lstrip()[:1] in ("{", "[")


# -- JSON -------------------------------------------------------------------------------------
def parse_json(text: str, template: Template, source: str) -> SectionsFile:
    """Sections from a JSON object: {"description": "...", "actions": [...]}."""
    try:
        data = json.loads(text, object_pairs_hook=_no_repeats)
    except json.JSONDecodeError as exc:
        raise InvalidInput(_("{source} is not valid JSON: {exc}")
                               .format(source=source, exc=exc)) from None
    if not isinstance(data, dict):
        raise InvalidInput(_("{source} must hold one JSON object, like {{\"description\": \"What "
                             "happened...\"}}").format(source=source))
    reserved = {k.casefold(): v for k, v in data.items() if k.casefold() in RESERVED}
    found: list[tuple[TemplateSection, str]] = []
    for key, value in data.items():
        if key.casefold() in RESERVED:
            continue
        section = find_section(template, key, source)
        where = f"{source}, \"{key}\""
        found.append((section, choice_value(section, _string(value, where), where)))
    return SectionsFile(
        title=_string(reserved.get("title", ""), f"{source}, \"title\""),
        body=_string(reserved.get("body", ""), f"{source}, \"body\""),
        sections=_ordered(template, found, source),
        actions=_json_actions(reserved.get("actions", []), template, source))


def _no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _v in pairs]
    repeated = next((k for k in keys if keys.count(k) > 1), None)
    if repeated is not None:
        raise InvalidInput(_("\"{repeated}\" is given twice in the sections file")
                               .format(repeated=repeated))
    return dict(pairs)


def _string(value: Any, where: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidInput(_('{where} must be text in "quotes"').format(where=where))
    return value


def _json_actions(value: Any, template: Template, source: str) -> tuple[ActionItem, ...]:
    if value in (None, []):
        return ()
    _check_can_hold_actions(template, source)
    if not isinstance(value, list):
        raise InvalidInput(_("{source}: \"actions\" must be a list, like [{{\"text\": \"Ring "
                             "Ann's daughter\", \"review\": \"2026-12-01\"}}]")
                               .format(source=source))
    return tuple(_json_action(item, f"{source}, action {n}")
                 for n, item in enumerate(value, start=1))


def _json_action(item: Any, where: str) -> ActionItem:
    if isinstance(item, str):
        item = {"text": item}
    if not isinstance(item, dict):
        raise InvalidInput(_("{where} must be text or an object with \"text\" and \"review\"")
                               .format(where=where))
    unknown = [k for k in item if k not in _JSON_ACTION_KEYS]
    if unknown:
        raise InvalidInput(_("{where}: unknown key '{unknown}': use text and review")
                               .format(where=where, unknown=unknown[0]))
    text = _string(item.get("text"), f'{where}, "text"').strip()
    if not text:
        raise InvalidInput(_('{where} needs some "text"').format(where=where))
    review = _string(item.get("review"), f'{where}, "review"').strip()
    return ActionItem(text, _review_date(review, where) if review else None)


def _review_date(text: str, where: str) -> Any:
    try:
        return parse_date(text)
    except InvalidInput as exc:
        raise InvalidInput(f"{where}: {exc}") from None


def _check_can_hold_actions(template: Template, source: str) -> None:
    if not any(s.actions for s in template.sections):
        raise InvalidInput(_("{source}: {name} has no action plan section, so it cannot hold "
                             "action items; choose a model such as gibbs")
                               .format(source=source, name=template.name))


def _ordered(template: Template, found: Iterable[tuple[TemplateSection, str]],
             source: str) -> tuple[tuple[str, str], ...]:
    """Sections in the template's order, each at most once, blanks left out."""
    values: dict[str, str] = {}
    for section, text in found:
        if section.key in values:
            raise InvalidInput(_("{source}: the section {label} is given twice")
                                   .format(source=source, label=section.label))
        values[section.key] = text
    return tuple((s.key, values[s.key]) for s in template.sections
                 if values.get(s.key, "").strip())


# -- Markdown ---------------------------------------------------------------------------------
def parse_markdown(text: str, template: Template, source: str) -> SectionsFile:
    """Sections from Markdown: '## Label' headings; text before the first one is the body.

    A first line '# Something' becomes the title. Under the model's action section, list
    items ('- Ring Ann's daughter (review 2026-12-01)') become action items. A model with
    no sections (free writing) takes the whole file as its text.
    """
    preamble, blocks = _blocks(text.splitlines(), split=bool(template.sections))
    title, body = _title(preamble)
    found: list[tuple[TemplateSection, str]] = []
    actions: list[ActionItem] = []
    for heading, line_no, lines in blocks:
        where = f"{source}, line {line_no}"
        section = find_section(template, heading, where)
        if section.actions:
            lines, items = _action_items(lines, line_no + 1, source)
            actions += items
        content = "\n".join(lines).strip()
        found.append((section, choice_value(section, content, where)))
    return SectionsFile(title, body, _ordered(template, found, source), tuple(actions))


def _blocks(lines: list[str], split: bool
            ) -> tuple[list[str], list[tuple[str, int, list[str]]]]:
    """The lines before the first '## ' heading, then (heading, line number, lines) blocks."""
    preamble: list[str] = []
    blocks: list[tuple[str, int, list[str]]] = []
    fenced = False
    for number, line in enumerate(lines, start=1):
        if _FENCE.match(line):
            fenced = not fenced
        heading = None if fenced or not split else _SECTION_HEADING.match(line)
        if heading:
            blocks.append((heading.group(1), number, []))
        elif blocks:
            blocks[-1][2].append(line)
        else:
            preamble.append(line)
    return preamble, blocks


def _title(preamble: list[str]) -> tuple[str, str]:
    """A leading '# Title' line, and the rest as the body."""
    text = "\n".join(preamble).strip()
    first, _sep, rest = text.partition("\n")
    heading = _TITLE_HEADING.match(first)
    if heading and heading.group(1):
        return heading.group(1), rest.strip()
    return "", text


def _action_items(lines: list[str], first_line: int, source: str
                  ) -> tuple[list[str], list[ActionItem]]:
    """List items become action items (indented lines continue them); the rest stays text."""
    kept: list[str] = []
    items: list[tuple[int, str]] = []
    continuing = False
    for number, line in enumerate(lines, start=first_line):
        item = _ITEM.match(line)
        if item:
            items.append((number, item.group(1).strip()))
            continuing = True
        elif continuing and line.startswith("  ") and line.strip():
            items[-1] = (items[-1][0], f"{items[-1][1]} {line.strip()}")
        else:
            continuing = False
            kept.append(line)
    return kept, [_markdown_action(text, f"{source}, line {n}") for n, text in items if text]


def _markdown_action(text: str, where: str) -> ActionItem:
    """An action item; a '(review YYYY-MM-DD)' mark anywhere in it gives the review date."""
    marks = list(_REVIEW.finditer(text))
    if not marks:
        return ActionItem(text)
    review = marks[-1]
    words = " ".join((text[: review.start()] + text[review.end():]).split())
    if not words:
        raise InvalidInput(_("{where}: the action item needs some words before its review date")
                               .format(where=where))
    return ActionItem(words, _review_date(review.group(1), where))
