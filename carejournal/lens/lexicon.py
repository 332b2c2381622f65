"""The language lens's lexicon (resources/lexicon.toml), loaded rule by rule.

One bad rule never silently disables the rest: it is left out and named in `problems`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from carejournal.core.catalogues import line_of
from carejournal.core.resources import resource_path
from carejournal.lens.phrases import PhraseError, expand

RULE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# What a rule needs its words to be about before it speaks (see resources/lexicon.toml):
# "any" (the default), "person" (who does or is it must be a person being supported, not a
# thing, an animal, an institution or the writer), "object" (who it is done to must be).
ABOUT = ("any", "person", "object")


@dataclass(frozen=True, slots=True)
class Category:
    """A family of rules, e.g. labels that reduce a person."""

    key: str
    name: str
    description: str


@dataclass(frozen=True, slots=True, eq=False)
class Rule:
    """One wording the lens notices, why it matters, and what to say instead."""

    id: str
    category: str
    phrases: tuple[str, ...]
    exceptions: tuple[str, ...]
    why: str
    alternatives: tuple[str, ...]
    source: str
    variants: tuple[tuple[str, ...], ...] = ()
    exception_variants: tuple[tuple[str, ...], ...] = ()
    about: str = "any"


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The rules that loaded, by id, and any problems met on the way."""

    path: Path
    rules: tuple[Rule, ...]
    categories: dict[str, Category]
    problems: tuple[str, ...] = ()
    by_id: dict[str, Rule] = field(default_factory=dict)

    def rule(self, rule_id: str) -> Rule | None:
        """The rule with this id, or None."""
        return self.by_id.get(rule_id)


def default_path() -> Path:
    """Where the shipped lexicon lives."""
    return resource_path("lexicon.toml")


@cache
def shipped_lexicon() -> Lexicon:
    """The shipped lexicon, read once per process."""
    return load_lexicon()


def load_lexicon(path: Path | None = None) -> Lexicon:
    """Read a lexicon; never raises: what cannot be used is listed in `problems`."""
    path = path or default_path()
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        return Lexicon(path, (), {}, (f"{path}: cannot be read ({exc.strerror or exc}).",))
    except tomllib.TOMLDecodeError as exc:
        return Lexicon(path, (), {}, (f"{path}: {exc}",))
    problems: list[str] = []
    categories = _categories(path, data, problems)
    spelling = _spelling(path, data, problems)
    rules: list[Rule] = []
    seen: set[str] = set()
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list):
        raw_rules = []
        problems.append(f"{path}: 'rule' must be a list of [[rule]] tables.")
    known: dict[str, list[tuple[str, ...]]] = {}  # each word's variants, worked out once
    for number, item in enumerate(raw_rules, start=1):
        try:
            rule = _rule(item, categories, spelling, seen, known)
        except ValueError as exc:
            problems.append(_where(path, item, number, str(exc)))
            continue
        seen.add(rule.id)
        rules.append(rule)
    return Lexicon(path, tuple(rules), categories, tuple(problems), {r.id: r for r in rules})


def _where(path: Path, item: Any, number: int, message: str) -> str:
    rule_id = item.get("id") if isinstance(item, dict) else None
    line = line_of(path, f'"{rule_id}"') if isinstance(rule_id, str) and rule_id else 0
    name = f"rule '{rule_id}'" if isinstance(rule_id, str) and rule_id else f"rule number {number}"
    return f"{path}{f', line {line}' if line else ''}, {name}: {message}"


def _categories(path: Path, data: dict[str, Any], problems: list[str]) -> dict[str, Category]:
    out: dict[str, Category] = {}
    raw = data.get("categories", {})
    for key, item in (raw.items() if isinstance(raw, dict) else ()):
        if isinstance(item, dict) and _text(item.get("name")):
            out[key] = Category(key, item["name"].strip(), _text(item.get("description")))
        else:
            problems.append(f"{path}, line {line_of(path, f'[categories.{key}]')}: "
                            f"category '{key}' needs a name.")
    if not out:
        problems.append(f"{path}: there are no [categories.*] tables.")
    return out


def _spelling(path: Path, data: dict[str, Any], problems: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    raw = data.get("spelling", {})
    for british, others in (raw.items() if isinstance(raw, dict) else ()):
        if isinstance(others, list) and all(isinstance(o, str) and o.strip() for o in others):
            out[british.casefold()] = [o.strip().casefold() for o in others]
        else:
            problems.append(f"{path}: spelling '{british}' needs a list of other spellings.")
    return out


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _texts(item: dict[str, Any], name: str, required: bool) -> tuple[str, ...]:
    value = item.get(name, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"'{name}' must be a list of non-empty texts.")
    if required and not value:
        raise ValueError(f"needs at least one of '{name}'.")
    return tuple(v.strip() for v in value)


def _rule(item: Any, categories: dict[str, Category], spelling: dict[str, list[str]],
          seen: set[str], known: dict[str, list[tuple[str, ...]]] | None = None) -> Rule:
    if not isinstance(item, dict):
        raise ValueError("each [[rule]] must be a table.")
    rule_id = _text(item.get("id"))
    if not RULE_ID.fullmatch(rule_id):
        raise ValueError("needs an id in lowercase words joined by hyphens.")
    if rule_id in seen:
        raise ValueError("this id is used by an earlier rule; ids must be unique.")
    category = _text(item.get("category"))
    if category not in categories:
        raise ValueError(f"category '{category}' is not one of {', '.join(categories)}.")
    for name in ("why", "source"):
        if not _text(item.get(name)):
            raise ValueError(f"needs a non-empty '{name}'.")
    about = item.get("about") or "any"  # "" (as the lexicon's other tools write it) is "any"
    if about not in ABOUT:
        raise ValueError(f"'about' must be one of {', '.join(ABOUT)}.")
    phrases = _texts(item, "phrases", required=True)
    exceptions = _texts(item, "exceptions", required=False)
    try:
        variants = tuple(v for p in phrases for v in expand(p, spelling, known))
        exception_variants = tuple(v for p in exceptions for v in expand(p, spelling, known))
    except PhraseError as exc:
        raise ValueError(str(exc)) from None
    return Rule(rule_id, category, phrases, exceptions, _text(item["why"]),
                _texts(item, "alternatives", required=True), _text(item["source"]),
                variants, exception_variants, about)
