"""Whole-word phrase matching that respects how people write: case, inflections, hyphens.

The phrase syntax (documented for editors in resources/lexicon.toml):
words are separated by spaces; a hyphen inside a word also matches the parts written apart
or as one word; a trailing ``+`` also matches regular inflections (s, es, ies, ed, ing).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

P = TypeVar("P")

# A word: letters or digits, joined by apostrophes or invisible joiners ("client's", soft hyphens).
WORD = re.compile(r"[^\W_]+(?:['’\u00ad\u200b\u200c\u200d]+[^\W_]+)*")
# What may separate the words of one phrase in the text: spaces and hyphens, nothing else.
JOIN = re.compile(r"[\s\-\u2010\u2011\u00a0]+")
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d"))
VOWELS = frozenset("aeiou")
MAX_VARIANTS = 4096


class PhraseError(ValueError):
    """A phrase cannot be used (empty, or it grows into too many variants)."""


@dataclass(frozen=True, slots=True)
class Words:
    """The words of a text: where each starts and ends, and the form it is matched by."""

    starts: list[int]
    ends: list[int]
    norms: list[str]


def normalise(word: str) -> str:
    """The form a word is matched by: case-folded, compatibility-mapped, no possessive 's."""
    if word.isascii():
        folded = word.lower()
    else:
        folded = unicodedata.normalize("NFKC", word).translate(INVISIBLE).casefold()
        folded = folded.replace("’", "'")
    return folded[:-2] if folded.endswith("'s") else folded


def words_of(text: str) -> Words:
    """The words of text, in order (plain ASCII text takes a fast path)."""
    if text.isascii():
        lowered = text.lower()
        spans = [m.span() for m in WORD.finditer(lowered)]
        norms = [w[:-2] if w.endswith("'s") else w for w in WORD.findall(lowered)]
    else:
        found = list(WORD.finditer(text))
        spans = [m.span() for m in found]
        norms = [normalise(m.group()) for m in found]
    return Words([s for s, _e in spans], [e for _s, e in spans], norms)


def inflections(word: str) -> list[str]:
    """The word and its regular inflections (over-generating is harmless; missing is not)."""
    forms = {word, word + "s", word + "ed", word + "ing"}
    if word.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(word + "es")
    if word.endswith("e"):
        forms.update({word + "d", word[:-1] + "ing"})
    if word.endswith("y") and len(word) > 1 and word[-2] not in VOWELS:
        forms.update({word[:-1] + "ies", word[:-1] + "ied"})
    if len(word) > 2 and word[-1] not in VOWELS | {"w", "x", "y"} and word[-2] in VOWELS:
        forms.update({word + word[-1] + "ed", word + word[-1] + "ing"})  # stop -> stopped
    return sorted(forms)


def _word_variants(word: str, spelling: Mapping[str, Sequence[str]]) -> list[tuple[str, ...]]:
    """Token sequences one phrase word can appear as."""
    inflect = word.endswith("+")
    base = normalise(word.rstrip("+"))
    out: set[tuple[str, ...]] = set()
    for spelled in (base, *spelling.get(base, ())):
        parts = [p for p in JOIN.split(spelled) if p]
        if not parts:
            continue
        shapes = [tuple(parts)] + ([("".join(parts),)] if len(parts) > 1 else [])
        for shape in shapes:
            lasts = inflections(shape[-1]) if inflect else [shape[-1]]
            out.update(shape[:-1] + (last,) for last in lasts)
    return sorted(out)


def expand(phrase: str,
           spelling: Mapping[str, Sequence[str]] | None = None) -> list[tuple[str, ...]]:
    """Every token sequence a phrase matches."""
    words = phrase.split()
    if not words:
        raise PhraseError("the phrase is empty")
    per_word = [_word_variants(w, spelling or {}) for w in words]
    if any(not v for v in per_word):
        raise PhraseError(f"'{phrase}' has a word with no letters in it")
    count = 1
    for variants in per_word:
        count *= len(variants)
    if count > MAX_VARIANTS:
        raise PhraseError(f"'{phrase}' grows into {count} variants; mark fewer words with +")
    return [tuple(itertools.chain.from_iterable(combo)) for combo in itertools.product(*per_word)]


@dataclass(frozen=True, slots=True)
class Match(Generic[P]):
    """A phrase found in a text: token positions [first, last], character offsets, owner."""

    first: int
    last: int
    start: int
    end: int
    payload: P
    words: tuple[str, ...]


class PhraseMatcher(Generic[P]):
    """Finds non-overlapping phrases (longest first) with per-payload exceptions."""

    def __init__(self) -> None:
        # Phrases are indexed by their first two words, so a common first word ("the") costs
        # one lookup, not a try of every phrase that starts with it.
        self._firsts: set[str] = set()
        self._singles: dict[str, list[tuple[tuple[str, ...], P]]] = {}
        self._pairs: dict[tuple[str, str], list[tuple[tuple[str, ...], P]]] = {}
        self._exceptions: dict[int, list[tuple[str, ...]]] = {}

    def add(self, words: tuple[str, ...], payload: P) -> None:
        """Match this token sequence as payload."""
        self._firsts.add(words[0])
        if len(words) == 1:
            self._singles.setdefault(words[0], []).append((words, payload))
        else:
            self._pairs.setdefault((words[0], words[1]), []).append((words, payload))

    def add_exceptions(self, payload: P, exceptions: Iterable[tuple[str, ...]]) -> None:
        """Do not report payload where one of these token sequences covers the match."""
        known = self._exceptions.setdefault(id(payload), [])
        known.extend(e for e in dict.fromkeys(exceptions) if e not in known)

    def finalise(self) -> None:
        """Order candidates longest first, so the longest phrase wins."""
        for candidates in self._pairs.values():
            candidates.sort(key=lambda c: -len(c[0]))

    def find(self, text: str, words: Words | None = None) -> list[Match[P]]:
        """All matches in text, in order, never overlapping."""
        toks = words_of(text) if words is None else words
        out: list[Match[P]] = []
        index, count = 0, len(toks.norms)
        firsts, norms = self._firsts, toks.norms
        while index < count:
            found = (self._best(text, toks, index, self._candidates(norms, index))
                     if norms[index] in firsts else None)
            if found is None:
                index += 1
                continue
            found = self._longest_overlap(text, toks, found)
            out.append(found)
            index = found.last + 1
        return out

    def _longest_overlap(self, text: str, toks: Words, found: Match[P]) -> Match[P]:
        """Where a longer phrase starts inside this match, the longer one wins."""
        at = found.first + 1
        while at <= found.last:
            other = self._best(text, toks, at, self._candidates(toks.norms, at))
            if other is not None and other.last - other.first > found.last - found.first:
                found = other
            at += 1
        return found

    def _candidates(self, norms: list[str], index: int) -> list[tuple[tuple[str, ...], P]]:
        """Phrases that could start at index, longest first."""
        word = norms[index]
        pairs = self._pairs.get((word, norms[index + 1])) if index + 1 < len(norms) else None
        singles = self._singles.get(word)
        if pairs and singles:
            return pairs + singles
        return pairs or singles or []

    def _best(self, text: str, toks: Words, index: int,
              candidates: list[tuple[tuple[str, ...], P]]) -> Match[P] | None:
        for words, payload in candidates:
            last = index + len(words) - 1
            if not _matches_at(text, toks, index, words):
                continue
            if self._excepted(text, toks, index, last, payload):
                continue
            return Match(index, last, toks.starts[index], toks.ends[last], payload, words)
        return None

    def _excepted(self, text: str, toks: Words, first: int, last: int,
                  payload: P) -> bool:
        for words in self._exceptions.get(id(payload), ()):
            for begin in range(max(0, last - len(words) + 1), first + 1):
                if begin + len(words) - 1 >= last and _matches_at(text, toks, begin, words):
                    return True
        return False


def _matches_at(text: str, toks: Words, index: int, words: tuple[str, ...]) -> bool:
    """Whether words occur at toks[index:], joined only by spaces or hyphens."""
    if index < 0 or index + len(words) > len(toks.norms):
        return False
    for offset, word in enumerate(words):
        at = index + offset
        if toks.norms[at] != word:
            return False
        if offset and not _joined(text, toks.ends[at - 1], toks.starts[at]):
            return False
    return True


def _joined(text: str, end: int, start: int) -> bool:
    gap = text[end:start]
    return bool(gap) and JOIN.fullmatch(gap) is not None
