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
SOURCES_FILE = "lens_sources.toml"
# What a rule needs its words to be about before it speaks (see resources/lexicon.toml):
# "any" (the default), "person" (who does or is it must be a person being supported, not a
# thing, an animal, an institution or the writer), "object" (who it is done to must be),
# "someone" (who does or is it must be found, and be a person: "Grace was difficult", never
# "today was difficult"), "thing" (the words are what a person does, and the one said to do
# it is a care thing standing for the person: "the oxygen in room 10 was breathless"; the
# finding is that thing), "address" (the words speak only with an address after them: "the
# leg ulcer on Mill Lane", "the new dementia in room 2").
ABOUT = ("any", "person", "object", "someone", "thing", "address")
HOUR, HOURS = "{hour}", range(1, 13)  # an hour on the clock
NUMBER = "736251"  # stands for "#" or the hour while a numbered phrase is expanded
CHOICE = re.compile(r"\(([^()]*)\)")  # "(room|flat) #": one phrase per choice
MAX_CHOICES = 4096  # what one phrase with choices may grow into


@dataclass(frozen=True, slots=True)
class Category:
    """A family of rules, e.g. labels that reduce a person."""

    key: str
    name: str
    description: str


@dataclass(frozen=True, slots=True)
class Source:
    """A published guide (or seed writing) that rules cite, from resources/lens_sources.toml."""

    id: str
    title: str
    publisher: str
    year: int
    link: str
    says: str = ""
    read: bool = False

    def citation(self) -> str:
        """Publisher, 'Title' (year), as a reader sees it."""
        year = f" ({self.year})" if self.year else ""
        return f"{self.publisher}, '{self.title}'{year}"


@dataclass(frozen=True, slots=True)
class Citation:
    """A rule's use of a source: naming the wording itself, or only in its spirit ("after")."""

    source: Source
    after: bool = False

    def text(self) -> str:
        """The citation as a line of text."""
        return ("after " if self.after else "") + self.source.citation()

    def as_json(self) -> dict[str, object]:
        """A plain dict for --json output."""
        return {"id": self.source.id, "title": self.source.title,
                "publisher": self.source.publisher, "year": self.source.year or None,
                "link": self.source.link, "after": self.after}


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
    citations: tuple[Citation, ...] = ()
    about: str = "any"  # see ABOUT: who the words must be about (context.py decides)
    rewrites: tuple[str, ...] = ()  # clause-level rewrites (carejournal/lens/rewrite.py)
    # words that, quoted, named or negated on their own, are a mention of the rule ("why we
    # call it contact", "he isn't difficult"), and their variants
    mentions: tuple[str, ...] = ()
    mention_variants: tuple[tuple[str, ...], ...] = ()
    # words that, anywhere else in the match's sentence, say it is another sense ("a student
    # on her placement"): the rule says nothing there
    unless: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The rules that loaded, by id, and any problems met on the way."""

    path: Path
    rules: tuple[Rule, ...]
    categories: dict[str, Category]
    problems: tuple[str, ...] = ()
    by_id: dict[str, Rule] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    spelling: dict[str, list[str]] = field(default_factory=dict)  # British: other spellings

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


def load_lexicon(path: Path | None = None, sources_path: Path | None = None) -> Lexicon:
    """Read a lexicon; never raises: what cannot be used is listed in `problems`.

    Its sources are read from lens_sources.toml beside it (or from `sources_path`).
    """
    path = path or default_path()
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        return Lexicon(path, (), {}, (f"{path}: cannot be read ({exc.strerror or exc}).",))
    except tomllib.TOMLDecodeError as exc:
        return Lexicon(path, (), {}, (f"{path}: {exc}",))
    problems: list[str] = []
    sources = load_sources(sources_path or path.with_name(SOURCES_FILE), problems)
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
            rule = _rule(item, categories, spelling, seen, known, sources)
        except ValueError as exc:
            problems.append(_where(path, item, number, str(exc)))
            continue
        seen.add(rule.id)
        rules.append(rule)
    return Lexicon(path, tuple(rules), categories, tuple(problems), {r.id: r for r in rules},
                   sources, spelling)


def load_sources(path: Path, problems: list[str]) -> dict[str, Source]:
    """The sources in a lens_sources.toml; none (and no problem) when there is no such file."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        return {}
    except OSError as exc:
        problems.append(f"{path}: cannot be read ({exc.strerror or exc}).")
        return {}
    except tomllib.TOMLDecodeError as exc:
        problems.append(f"{path}: {exc}")
        return {}
    out: dict[str, Source] = {}
    raw = data.get("source", {})
    for key, item in (raw.items() if isinstance(raw, dict) else ()):
        fields = item if isinstance(item, dict) else {}
        year = fields.get("year", 0)
        if not (RULE_ID.fullmatch(key) and _text(fields.get("title"))
                and _text(fields.get("publisher")) and _text(fields.get("link"))
                and isinstance(year, int)):
            problems.append(f"{path}: source '{key}' needs a title, a publisher, a link and "
                            "a whole-number year.")
            continue
        out[key] = Source(key, _text(fields["title"]), _text(fields["publisher"]), year,
                          _text(fields["link"]), _text(fields.get("says")),
                          fields.get("read") is True)
    return out


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
          seen: set[str], known: dict[str, list[tuple[str, ...]]] | None = None,
          sources: dict[str, Source] | None = None) -> Rule:
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
    if not _text(item.get("why")):
        raise ValueError("needs a non-empty 'why'.")
    citations = _citations(item, sources or {})
    about = _text(item.get("about")) or "any"  # "" is "any"
    if about not in ABOUT:
        raise ValueError(f"'about' must be one of {', '.join(ABOUT)}.")
    phrases = _texts(item, "phrases", required=True)
    exceptions = _texts(item, "exceptions", required=False)
    mentions = _texts(item, "mentions", required=False)
    try:
        variants = _expanded(phrases, spelling, known)
        exception_variants = _expanded(exceptions, spelling, known)
        mention_variants = _expanded(mentions, spelling, known)
    except PhraseError as exc:
        raise ValueError(str(exc)) from None
    rewrites = _texts(item, "rewrites", required=False)
    if any("=>" not in r for r in rewrites):
        raise ValueError("each of 'rewrites' needs '=>' between the words and their rewrites.")
    source = "; ".join(c.text() for c in citations) or _text(item.get("source"))
    unless = frozenset(word.lower() for word in _texts(item, "unless", required=False))
    if any(" " in word for word in unless):
        raise ValueError("each of 'unless' is one word.")
    return Rule(rule_id, category, phrases, exceptions, _text(item["why"]),
                _texts(item, "alternatives", required=True), source,
                variants, exception_variants, citations, about, rewrites, mentions,
                mention_variants, unless)


def _expanded(phrases: tuple[str, ...], spelling: dict[str, list[str]],
              known: dict[str, list[tuple[str, ...]]] | None) -> tuple[tuple[str, ...], ...]:
    """Every variant of the phrases, choices in brackets written out one by one; a "#" (any
    number from 1 to 99: "bed #") is kept for the matcher to read, and an "{hour}" (1 to 12:
    "my {hour} o'clock") is written out, one per phrase."""
    out: list[tuple[str, ...]] = []
    for phrase in (one for written in phrases for one in choices(written)):
        if phrase.count(HOUR) > 1 or (HOUR in phrase and "#" in phrase):
            raise ValueError(f"'{phrase}' has more than one hour in it, or an hour and a '#'.")
        if phrase.split()[0] == "#":
            raise ValueError(f"'{phrase}' starts with a number ('#'); start it with a word.")
        if HOUR not in phrase:  # "#" stays in the phrase: the matcher reads any number there
            out.extend(expand(phrase.replace("#", NUMBER), spelling, known))
            continue
        for variant in expand(phrase.replace(HOUR, NUMBER), spelling):
            out.extend(tuple(w.replace(NUMBER, str(n)) for w in variant) for n in HOURS)
    return tuple(tuple("#" if w == NUMBER else w for w in v) for v in out)


def choices(phrase: str) -> list[str]:
    """The phrases a phrase with choices stands for: "(room|flat) # (rang|wants)" is four
    phrases, "the (new |)one" two (an empty choice leaves the words out)."""
    found = CHOICE.search(phrase)
    if found is None:
        return [phrase]
    options = found.group(1).split("|")
    if len(options) < 2:
        raise ValueError(f"'{phrase}': a choice in brackets needs a '|' between its options.")
    out = [one for option in options
           for one in choices(phrase[:found.start()] + option + phrase[found.end():])]
    if len(out) > MAX_CHOICES:
        raise ValueError(f"'{phrase}' stands for too many phrases ({len(out)}).")
    return [" ".join(one.split()) for one in out if one.strip()]


def _citations(item: dict[str, Any], sources: dict[str, Source]) -> tuple[Citation, ...]:
    """A rule's `sources` (naming its words) and `after` (in their spirit), or a plain-text
    `source` (older or hand-made lexicons); at least one is needed."""
    named = _texts(item, "sources", required=False)
    after = _texts(item, "after", required=False)
    unknown = [key for key in (*named, *after) if key not in sources]
    if unknown:
        raise ValueError(f"cites unknown source(s) {', '.join(unknown)} "
                         f"(see {SOURCES_FILE}).")
    if not (named or after or _text(item.get("source"))):
        raise ValueError("needs its 'sources' (or 'after'), naming where it comes from.")
    return (tuple(Citation(sources[k]) for k in named)
            + tuple(Citation(sources[k], after=True) for k in after))
