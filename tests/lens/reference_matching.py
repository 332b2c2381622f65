"""The phrase matching and lens counting as they were before the speed-up, kept verbatim as
the reference the faster code must agree with (tests/lens/test_counting_equivalence.py)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from carejournal.core.domain import EntryDraft
from carejournal.lens.matcher import Lens
from carejournal.lens.phrases import (
    JOIN,
    NOT_AFTER_NOUN,
    NUMBER,
    WORD,
    PhraseMatcher,
    as_number,
    normalise,
)
from carejournal.services.lens import field_texts

Found = tuple[int, int, int, int, Any, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class OldWords:
    """The words of a text as the old tokeniser gave them."""

    starts: list[int]
    ends: list[int]
    norms: list[str]


def old_words_of(text: str) -> OldWords:
    """The old tokeniser: finditer for offsets, findall for the words."""
    if text.isascii():
        lowered = text.lower()
        spans = [m.span() for m in WORD.finditer(lowered)]
        norms = [w[:-2] if w.endswith("'s") else w for w in WORD.findall(lowered)]
    else:
        found = list(WORD.finditer(text))
        spans = [m.span() for m in found]
        norms = [normalise(m.group()) for m in found]
    return OldWords([s for s, _e in spans], [e for _s, e in spans], norms)


class OldFinder:
    """The old PhraseMatcher.find, reading the phrase tables of a (new) PhraseMatcher."""

    def __init__(self, matcher: PhraseMatcher[Any]) -> None:
        self._firsts = matcher._firsts
        self._singles = matcher._singles
        self._pairs = matcher._pairs
        self._exceptions = matcher._exceptions

    def find(self, text: str) -> list[Found]:
        """All matches in text as (first, last, start, end, payload, words)."""
        toks = old_words_of(text)
        out: list[Found] = []
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
            index = found[1] + 1
        return out

    def _longest_overlap(self, text: str, toks: OldWords, found: Found) -> Found:
        at = found[0] + 1
        while at <= found[1]:
            other = self._best(text, toks, at, self._candidates(toks.norms, at))
            if other is not None and other[1] - other[0] > found[1] - found[0]:
                found = other
            at += 1
        return found

    def _candidates(self, norms: list[str], index: int) -> list[tuple[tuple[str, ...], Any]]:
        word = norms[index]
        pairs = self._pairs.get((word, norms[index + 1])) if index + 1 < len(norms) else None
        if index + 1 < len(norms) and as_number(norms[index + 1]) == NUMBER:
            pairs = sorted((pairs or []) + self._pairs.get((word, NUMBER), []),
                           key=lambda c: -len(c[0]))
        singles = self._singles.get(word)
        if pairs and singles:
            return pairs + singles
        return pairs or singles or []

    def _best(self, text: str, toks: OldWords, index: int,
              candidates: list[tuple[tuple[str, ...], Any]]) -> Found | None:
        for words, payload in candidates:
            last = index + len(words) - 1
            if not _matches_at(text, toks, index, words):
                continue
            if self._excepted(text, toks, index, last, payload):
                continue
            if NUMBER in words:
                words = tuple(toks.norms[index:last + 1])
            return (index, last, toks.starts[index], toks.ends[last], payload, words)
        return None

    def _excepted(self, text: str, toks: OldWords, first: int, last: int,
                  payload: Any, nouns_only: bool = False) -> bool:
        if first < last and toks.norms[first] in ("the", "a", "an") and self._excepted(
                text, toks, first + 1, last, payload, nouns_only=True):
            return True  # "The doubles match": the exception "doubles match"
        for words in self._exceptions.get(id(payload), ()):
            for begin in range(max(0, last - len(words) + 1), first + 1):
                if begin + len(words) - 1 >= last and _matches_at(text, toks, begin, words):
                    after = last + 1 - begin
                    if not (nouns_only and after < len(words)
                            and words[after] in NOT_AFTER_NOUN):
                        return True
        return False


def _matches_at(text: str, toks: OldWords, index: int, words: tuple[str, ...]) -> bool:
    if index < 0 or index + len(words) > len(toks.norms):
        return False
    for offset, word in enumerate(words):
        at = index + offset
        if toks.norms[at] != word and (word != NUMBER or as_number(toks.norms[at]) != NUMBER):
            return False
        if offset and not _joined(text, toks.ends[at - 1], toks.starts[at]):
            return False
    return True


def _joined(text: str, end: int, start: int) -> bool:
    gap = text[end:start]
    if gap[:1] in ("'", "\u2019"):
        gap = gap[1:]  # "the residents' association"
    return bool(gap) and JOIN.fullmatch(gap) is not None


def old_counts(lens: Lens, balance: PhraseMatcher[str], draft: EntryDraft
               ) -> tuple[int, int, int, tuple[tuple[str, str, int], ...]]:
    """(words, strengths, problems, findings) as the old LensService.counts worked them out."""
    lens_finder, balance_finder = OldFinder(lens._matcher), OldFinder(balance)
    skip = frozenset(draft.dismissed)
    found: dict[str, tuple[str, int]] = {}
    words = strengths = problems = 0
    for item in field_texts(draft):
        if not item.text.strip():
            continue
        for _f, _l, _s, _e, rule, phrase in lens_finder.find(item.text):
            if f"{rule.id}:{' '.join(phrase)}" in skip:
                continue
            _category, n = found.get(rule.id, (rule.category, 0))
            found[rule.id] = (rule.category, n + 1)
        if item.balanced:
            sides = [m[4] for m in balance_finder.find(item.text)]
            strengths += sides.count("strengths")
            problems += len(sides) - sides.count("strengths")
            words += len(old_words_of(item.text).norms)
    return words, strengths, problems, tuple(sorted((r, c, n) for r, (c, n) in found.items()))


def old_check(lens: Lens, text: str, dismissed: Iterable[str] = ()) -> list[tuple[Any, ...]]:
    """What the old Lens.check found, as (start, end, text, rule id, key)."""
    skip = frozenset(dismissed)
    out = []
    for _f, _l, start, end, rule, phrase in OldFinder(lens._matcher).find(text):
        key = f"{rule.id}:{' '.join(phrase)}"
        if key not in skip:
            out.append((start, end, text[start:end], rule.id, key))
    return out
