"""How strengths-focused or problem-focused a text is, from two small word lists.

The lists and the thresholds live in resources/balance.toml, whose header explains the
measure and its limits in plain words.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from carejournal.core.errors import ResourceError
from carejournal.core.resources import resource_path
from carejournal.lens.phrases import PhraseError, PhraseMatcher, Words, expand, words_of

DEFAULT_MINIMUM = 3
DEFAULT_LEAN = 0.2


class Verdict(StrEnum):
    """What the counts suggest, in four plain steps."""

    STRENGTHS = "strengths"
    BALANCED = "balanced"
    PROBLEMS = "problems"
    TOO_FEW = "too-few"


@dataclass(frozen=True, slots=True)
class Balance:
    """Counts of strength and problem words in a text (or a period), and of all words."""

    strengths: int = 0
    problems: int = 0
    words: int = 0

    def __add__(self, other: Balance) -> Balance:
        return Balance(self.strengths + other.strengths, self.problems + other.problems,
                       self.words + other.words)

    @property
    def focus(self) -> float | None:
        """From -1 (only problem words) to +1 (only strength words); None with none of either."""
        total = self.strengths + self.problems
        return (self.strengths - self.problems) / total if total else None

    @property
    def verdict(self) -> Verdict:
        """What the counts suggest (the usual thresholds if the word lists cannot be read)."""
        try:
            minimum, lean = measure_rules().minimum, measure_rules().lean
        except ResourceError:
            minimum, lean = DEFAULT_MINIMUM, DEFAULT_LEAN
        return verdict_of(self, minimum, lean)

    def as_json(self) -> dict[str, Any]:
        """A plain dict for --json output."""
        focus = self.focus
        return {"strengths": self.strengths, "problems": self.problems, "words": self.words,
                "focus": None if focus is None else round(focus, 3),
                "verdict": self.verdict.value}


@dataclass(frozen=True, slots=True)
class BalanceRules:
    """The word lists and thresholds, compiled."""

    matcher: PhraseMatcher[str]
    minimum: int
    lean: float

    def measure(self, text: str, words: Words | None = None) -> Balance:
        """Count the strength and problem words in text."""
        found = words if words is not None else words_of(text)
        sides = [side for _first, _last, side, _words in self.matcher.spans(found)]
        strengths = sides.count("strengths")
        return Balance(strengths, len(sides) - strengths, len(found.norms))



def verdict_of(balance: Balance, minimum: int, lean: float) -> Verdict:
    """Too few words of either list to tell, or which way the text leans."""
    focus = balance.focus
    if focus is None or balance.strengths + balance.problems < minimum:
        return Verdict.TOO_FEW
    if focus >= lean:
        return Verdict.STRENGTHS
    return Verdict.PROBLEMS if focus <= -lean else Verdict.BALANCED


def load_balance(path: Path | None = None) -> BalanceRules:
    """Read the word lists; a missing or malformed file names itself and the problem."""
    path = path or resource_path("balance.toml")
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise ResourceError(f"{path}: cannot be read ({exc.strerror or exc}).") from None
    except tomllib.TOMLDecodeError as exc:
        raise ResourceError(f"{path}: {exc}") from None
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for side in ("strengths", "problems"):
        phrases = data.get(side, {}).get("phrases") if isinstance(data.get(side), dict) else None
        if not isinstance(phrases, list) or not phrases:
            raise ResourceError(f"{path}: [{side}] needs a list of phrases.")
        for phrase in phrases:
            try:
                for words in expand(str(phrase)):
                    matcher.add(words, side)
            except PhraseError as exc:
                raise ResourceError(f"{path}, [{side}]: {exc}") from None
    matcher.finalise()
    minimum, lean = data.get("minimum", DEFAULT_MINIMUM), data.get("lean", DEFAULT_LEAN)
    if not isinstance(minimum, int) or not isinstance(lean, int | float) or not 0 < lean < 1:
        raise ResourceError(f"{path}: 'minimum' must be a whole number and 'lean' between 0 and 1.")
    return BalanceRules(matcher, minimum, float(lean))


@cache
def measure_rules() -> BalanceRules:
    """The shipped word lists, read once per process."""
    return load_balance()


def measure(text: str, words: Words | None = None) -> Balance:
    """How strengths- or problem-focused text is, by the shipped lists."""
    return measure_rules().measure(text, words)
