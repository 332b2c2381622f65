"""Whole-word phrase matching that respects how people write: case, inflections, hyphens.

The phrase syntax (documented for editors in resources/lexicon.toml):
words are separated by spaces; a hyphen inside a word also matches the parts written apart
or as one word; a trailing ``+`` also matches the word's inflections: the regular endings (s,
es, ies, ed, ing) and the irregular forms lemminflect knows (feed: fed; seek: sought).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, compress, count
from typing import Generic, TypeVar

P = TypeVar("P")

# A word: letters or digits, joined by apostrophes or invisible joiners ("client's", soft hyphens).
# A ratio of staff ("2:1", "the 1:1s") and a time ("12.30") are one word.
WORD = re.compile(r"[^\W_]+(?:(?:['’\u00ad\u200b\u200c\u200d]+|(?<=\d)[:.](?=\d))[^\W_]+)*")
# The same words in lowercased ASCII text (the only joiner there is the apostrophe), as a
# split pattern: text between words, word, text between words, ...
ASCII_SPLIT = re.compile(r"([a-z0-9]+(?:(?:'+|(?<=[0-9])[:.](?=[0-9]))[a-z0-9]+)*)")
WORD_SPLIT = re.compile(f"({WORD.pattern})")
# What may separate the words of one phrase in the text: spaces and hyphens, nothing else.
JOIN = re.compile(r"[\s\-\u2010\u2011\u00a0]+")
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d"))
VOWELS = frozenset("aeiou")
MAX_VARIANTS = 4096
# A phrase word that stands for any number from 1 to 99, as written ("bed #": "bed 4");
# never a phrase's first word.
NUMBER = "#"
# The forms that can be irregular: past tense, past participle, plural (the others, "-s" and
# "-ing", are regular endings in lemminflect's dictionary too, bar oddities like "staves").
IRREGULAR_TAGS = frozenset({"VBD", "VBN", "NNS"})
# Separates words while dropping possessives in one go; no word holds it.
_SEP = "\x00"
_POSSESSIVE = "'s" + _SEP


class PhraseError(ValueError):
    """A phrase cannot be used (empty, or it grows into too many variants)."""


class Words:
    """The words of a text: where each starts and ends, and the form it is matched by.

    Built from the text split into gaps and words; offsets are worked out on first use,
    so counting (which never needs them) does not pay for them.
    """

    __slots__ = ("norms", "_parts", "_starts", "_ends")

    def __init__(self, parts: list[str], norms: list[str]) -> None:
        self.norms = norms
        self._parts = parts  # gap, word, gap, ..., word, gap (len(norms) * 2 + 1 items)
        self._starts: list[int] | None = None
        self._ends: list[int] | None = None

    @property
    def starts(self) -> list[int]:
        """Character offset where each word starts."""
        if self._starts is None:
            self._offsets()
        assert self._starts is not None
        return self._starts

    @property
    def ends(self) -> list[int]:
        """Character offset just after each word."""
        if self._ends is None:
            self._offsets()
        assert self._ends is not None
        return self._ends

    def gap(self, at: int) -> str:
        """The text between word at - 1 and word at."""
        return self._parts[2 * at]

    def parts(self) -> list[str]:
        """The text split into gap, word, gap, ..., word, gap."""
        return self._parts

    def _offsets(self) -> None:
        ends = list(accumulate(map(len, self._parts)))
        self._starts, self._ends = ends[0:-1:2], ends[1::2]


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
    if not text.isascii():
        parts = WORD_SPLIT.split(text)
        return Words(parts, list(map(normalise, parts[1::2])))
    lowered = text.lower()
    parts = ASCII_SPLIT.split(lowered)
    norms = parts[1::2]
    if "'s" in lowered:
        _drop_possessives(norms)
    return Words(parts, norms)


def _drop_possessives(norms: list[str]) -> None:
    """Match "client's" as "client": found with C string searches, not word by word."""
    joined = _SEP.join(norms) + _SEP
    at, index, since = joined.find(_POSSESSIVE), 0, 0
    while at >= 0:
        index += joined.count(_SEP, since, at)
        norms[index] = norms[index][:-2]
        since = at
        at = joined.find(_POSSESSIVE, at + len(_POSSESSIVE))


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


@cache
def irregular_forms(word: str) -> frozenset[str]:
    """The word's irregular forms (feed: fed; seek: sought; child: children), from
    lemminflect's dictionary, loaded on first use: a verb's forms, or a noun's plural. A form
    that is a word of its own in the dictionary (staid, drunk, broken) is left out, so a
    rule never matches an unrelated everyday word."""
    from lemminflect import getAllInflections  # its data loads on the first call

    groups = getAllInflections(word, upos="VERB") or getAllInflections(word, upos="NOUN")
    forms = {form for tag, group in groups.items() if tag in IRREGULAR_TAGS for form in group}
    return frozenset(form for form in forms - set(inflections(word))
                     if not getAllInflections(form))


def all_inflections(word: str) -> list[str]:
    """What a word marked with + matches: its regular endings and its irregular forms."""
    if not word.isalpha():
        return inflections(word)
    return sorted(set(inflections(word)) | irregular_forms(word))


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
            lasts = all_inflections(shape[-1]) if inflect else [shape[-1]]
            out.update(shape[:-1] + (last,) for last in lasts)
    return sorted(out)


def expand(phrase: str, spelling: Mapping[str, Sequence[str]] | None = None,
           known: dict[str, list[tuple[str, ...]]] | None = None) -> list[tuple[str, ...]]:
    """Every token sequence a phrase matches.

    known, if given, keeps each word's variants for the next phrase with the same spelling
    (a lexicon's phrases share many words: loading it is then a third quicker).
    """
    words = phrase.split()
    if not words:
        raise PhraseError("the phrase is empty")
    known = {} if known is None else known
    per_word = []
    for word in words:
        if word not in known:
            known[word] = _word_variants(word, spelling or {})
        per_word.append(known[word])
    if any(not v for v in per_word):
        raise PhraseError(f"'{phrase}' has a word with no letters in it")
    count = 1
    for variants in per_word:
        count *= len(variants)
    if count > MAX_VARIANTS:
        raise PhraseError(f"'{phrase}' grows into {count} variants; mark fewer words with +")
    return [tuple(itertools.chain.from_iterable(combo)) for combo in itertools.product(*per_word)]


@dataclass(slots=True)
class Match(Generic[P]):
    """A phrase found in a text: token positions [first, last], character offsets, owner.

    Not frozen: a check makes thousands, and a frozen one takes four times as long to make.
    Nothing changes one after it is made."""

    first: int
    last: int
    start: int
    end: int
    payload: P
    words: tuple[str, ...]


# A match without character offsets: first word, last word, payload, the phrase's words.
_Span = tuple[int, int, P, tuple[str, ...]]


class PhraseMatcher(Generic[P]):
    """Finds non-overlapping phrases (longest first) with per-payload exceptions."""

    def __init__(self) -> None:
        # Phrases are indexed by their first two words, so a common first word ("the") costs
        # one lookup, not a try of every phrase that starts with it.
        self._firsts: set[str] = set()
        self._singles: dict[str, list[tuple[tuple[str, ...], P]]] = {}
        self._pairs: dict[tuple[str, str], list[tuple[tuple[str, ...], P]]] = {}
        self._thirds: dict[tuple[str, str], dict[str | None, list[tuple[tuple[str, ...], P]]]]
        self._thirds = {}
        self._exceptions: dict[int, list[tuple[str, ...]]] = {}
        # Per payload: each word of its exceptions, with the words before and after it there
        # (None when it opens or closes the exception) -> (exception, where the word is in it).
        self._covers: dict[int, Covers] = {}
        # Per payload: the words its matches can open with, and the word after an opening
        # article (an exception is looked up by one of these).
        self._opens: dict[int, set[str]] = {}

    def add(self, words: tuple[str, ...], payload: P) -> None:
        """Match this token sequence as payload."""
        self._firsts.add(words[0])
        opens = self._opens.setdefault(id(payload), set())
        new = {words[0]} | ({words[1]} if words[0] in ARTICLES and len(words) > 1 else set())
        if not new <= opens:
            opens.update(new)
            if self._exceptions.get(id(payload)):  # exceptions came first: index them again
                self._covers[id(payload)] = {}
                self._index(payload, self._exceptions[id(payload)])
        if len(words) == 1:
            self._singles.setdefault(words[0], []).append((words, payload))
        else:
            self._pairs.setdefault((words[0], words[1]), []).append((words, payload))

    def add_exceptions(self, payload: P, exceptions: Iterable[tuple[str, ...]]) -> None:
        """Do not report payload where one of these token sequences covers the match."""
        known = self._exceptions.setdefault(id(payload), [])
        seen = set(known)
        fresh = []
        for exception in dict.fromkeys(exceptions):
            if exception not in seen:
                seen.add(exception)
                fresh.append(exception)
        known.extend(fresh)
        self._index(payload, fresh)

    def _index(self, payload: P, exceptions: Iterable[tuple[str, ...]]) -> None:
        """Index exceptions of payload by their words, where a match can open with them.

        An exception is only ever looked up by the word a match opens with (or the word
        after an opening article): where the payload's phrases are known and none opens with
        a number, only those words of it are indexed. The lexicon's exceptions take a third
        of the memory otherwise."""
        covers = self._covers.setdefault(id(payload), {})
        opens = self._opens.get(id(payload))
        if opens is not None and NUMBER in opens:
            opens = None
        for exception in exceptions:
            for offset, word in enumerate(exception):
                if opens is not None and word not in opens:
                    continue
                before = exception[offset - 1] if offset else None
                after = exception[offset + 1] if offset + 1 < len(exception) else None
                covers.setdefault((word, before, after), {}).setdefault(
                    (offset, len(exception)), {}).setdefault(exception[-1], []).append(exception)

    def finalise(self) -> None:
        """Order candidates longest first, so the longest phrase wins; where two first
        words start many phrases ("was a ..."), sort them by their third word too."""
        self._thirds = {}
        for pair, candidates in self._pairs.items():
            candidates.sort(key=lambda c: -len(c[0]))
            if len(candidates) > MANY:
                by_third: dict[str | None, list[tuple[tuple[str, ...], P]]] = {}
                for words, payload in candidates:
                    third = words[2] if len(words) > 2 else None
                    by_third.setdefault(third, []).append((words, payload))
                self._thirds[pair] = by_third

    def find(self, text: str, words: Words | None = None) -> list[Match[P]]:
        """All matches in text, in order, never overlapping."""
        toks = words_of(text) if words is None else words
        spans = self.spans(toks)
        if not spans:
            return []
        starts, ends = toks.starts, toks.ends
        return [Match(first, last, starts[first], ends[last], payload, words)
                for first, last, payload, words in spans]

    def spans(self, toks: Words) -> list[_Span[P]]:
        """(first word, last word, payload, phrase words) of every match find finds, without
        character offsets."""
        out: list[_Span[P]] = []
        norms, singles, pairs = toks.norms, self._singles, self._pairs
        after, end = 0, len(norms) - 1  # matches never overlap: the next starts after `after`
        for index in self._starts(norms):
            if index < after:
                continue
            # Most first words ("the") start no phrase here: rule them out before any call.
            word = norms[index]
            if word not in singles and (index == end or (
                    (word, norms[index + 1]) not in pairs
                    and not (norms[index + 1].isdigit() and (word, NUMBER) in pairs))):
                continue
            found = self._best(toks, index, self._candidates(norms, index))
            if found is None:
                continue
            found = self._longest_overlap(toks, found)
            out.append(found)
            after = found[1] + 1
        return out

    def first_words(self) -> set[str]:
        """The words a phrase starts with (span_at finds nothing where none is)."""
        return self._firsts

    def span_at(self, toks: Words, index: int) -> _Span[P] | None:
        """The match find would start at word index if it looked there alone, or None."""
        norms = toks.norms
        if index >= len(norms) or norms[index] not in self._firsts:
            return None
        return self._best(toks, index, self._candidates(norms, index))

    def _starts(self, norms: list[str]) -> Iterable[int]:
        """Where some phrase could start (its first word is there), in order; picked out
        in C rather than word by word."""
        return compress(count(), map(self._firsts.__contains__, norms))

    def _longest_overlap(self, toks: Words, found: _Span[P]) -> _Span[P]:
        """Where a longer phrase starts inside this match, the longer one wins."""
        at, norms, firsts = found[0] + 1, toks.norms, self._firsts
        while at <= found[1]:
            if norms[at] not in firsts:  # most words inside a match start no phrase
                at += 1
                continue
            other = self._best(toks, at, self._candidates(norms, at))
            if other is not None and other[1] - other[0] > found[1] - found[0]:
                found = other
            at += 1
        return found

    def _candidates(self, norms: list[str], index: int) -> list[tuple[tuple[str, ...], P]]:
        """Phrases that could start at index, longest first."""
        word = norms[index]
        pairs = self._pairs.get((word, norms[index + 1])) if index + 1 < len(norms) else None
        if pairs and len(pairs) > MANY and (word, norms[index + 1]) in self._thirds:
            pairs = self._by_third(norms, index, self._thirds[(word, norms[index + 1])])
        if index + 1 < len(norms) and norms[index + 1].isdigit() \
                and as_number(norms[index + 1]) == NUMBER:
            numbered = self._pairs.get((word, NUMBER))  # "bed 4": "bed #"
            if numbered:
                pairs = sorted((pairs or []) + numbered, key=lambda c: -len(c[0]))
        singles = self._singles.get(word)
        if pairs and singles:
            return pairs + singles
        return pairs or singles or []

    @staticmethod
    def _by_third(norms: list[str], index: int,
                  by_third: dict[str | None, list[tuple[tuple[str, ...], P]]]
                  ) -> list[tuple[tuple[str, ...], P]]:
        """The phrases of a crowded pair that fit the third word here, longest first."""
        third = norms[index + 2] if index + 2 < len(norms) else ""
        found = by_third.get(third, []) + by_third.get(None, [])
        if as_number(third) == NUMBER:
            found = found + by_third.get(NUMBER, [])
        return sorted(found, key=lambda c: -len(c[0]))

    def _best(self, toks: Words, index: int,
              candidates: list[tuple[tuple[str, ...], P]]) -> _Span[P] | None:
        norms = toks.norms
        third = norms[index + 2] if index + 2 < len(norms) else ""
        for words, payload in candidates:
            last = index + len(words) - 1
            if len(words) > 2 and words[2] != third and words[2] != NUMBER:
                continue  # most candidates that share two first words differ at the third
            if not _matches_at(toks, index, words):
                continue
            if self._excepted(toks, index, last, payload):
                continue
            if NUMBER in words:  # the number as written: "bed 4", not "bed #"
                words = tuple(toks.norms[index:last + 1])
            return (index, last, payload, words)
        return None

    def _excepted(self, toks: Words, first: int, last: int, payload: P) -> bool:
        """Whether an exception of payload covers words first..last, or the words after a
        leading article ("the doubles" in "The doubles match": the exception "doubles
        match"). An exception that covers them holds the word at first, so only the places
        that word has in exceptions are tried."""
        covers = self._covers.get(id(payload))
        if not covers:
            return False
        if first < last and toks.norms[first] in ARTICLES and _covered(
                toks, first + 1, last, covers, nouns_only=True):
            return True
        return _covered(toks, first, last, covers)


ARTICLES = frozenset(("the", "a", "an"))
MANY = 24  # a pair of first words that starts more phrases than this is sorted by the third
# After an article the match is a noun: an exception that goes on with one of these words
# reads it as a verb ("doubles in size", "doubles the dose") and does not cover it.
NOT_AFTER_NOUN = frozenset(
    "the a an his her their its my our in on at to of for by with as every".split())


# (word, the word before it, the word after it; None where the exception opens or closes)
# -> (where the word is in the exception, the exception's length) -> its last word -> the
# exceptions. Some words have hundreds ("those people who ..."); grouping them by place
# and last word means one look-up per group, not a try of each.
Covers = dict[tuple[str, str | None, str | None],
              dict[tuple[int, int], dict[str, list[tuple[str, ...]]]]]


def _covered(toks: Words, first: int, last: int, covers: Covers, nouns_only: bool = False
             ) -> bool:
    """Whether one of the exceptions in covers covers words first..last (nouns_only: not one
    that reads the last word as a verb). Only exceptions that hold the word at first, after
    the words around it in the text (or opening or closing with it), are tried."""
    norms = toks.norms
    word = norms[first]
    befores: tuple[str | None, ...] = (None,)
    if first:
        before = norms[first - 1]
        befores = (None, before, NUMBER) if as_number(before) == NUMBER else (None, before)
    afters: tuple[str | None, ...] = (None,)
    if first + 1 < len(norms):
        following = norms[first + 1]
        afters = (None, following, NUMBER) if as_number(following) == NUMBER else (
            None, following)
    size = len(norms)
    for b in befores:
        for a in afters:
            groups = covers.get((word, b, a))
            if not groups:
                continue
            for (offset, length), by_last in groups.items():
                begin = first - offset
                end = begin + length - 1
                if begin < 0 or end >= size or end < last:
                    continue
                ending = norms[end]
                for words in (*by_last.get(ending, ()), *(
                        by_last.get(NUMBER, ()) if as_number(ending) == NUMBER else ())):
                    if _matches_at(toks, begin, words):
                        after = last + 1 - begin
                        if not (nouns_only and after < length
                                and words[after] in NOT_AFTER_NOUN):
                            return True
    return False


def _matches_at(toks: Words, index: int, words: tuple[str, ...]) -> bool:
    """Whether words occur at toks[index:], joined only by spaces or hyphens."""
    norms = toks.norms
    if index < 0 or index + len(words) > len(norms):
        return False
    for offset, word in enumerate(words):
        at = index + offset
        if norms[at] != word and (word != NUMBER or as_number(norms[at]) != NUMBER):
            return False
        if offset and not _joined(toks.gap(at)):
            return False
    return True


def as_number(word: str) -> str:
    """NUMBER for a number from 1 to 99 as people write it ("4", "12"; not "04"), else word."""
    if len(word) <= 2 and word.isdigit() and word[0] != "0":
        return NUMBER
    return word


def _joined(gap: str) -> bool:
    """Whether words are joined by spaces or hyphens, or by a plural's possessive apostrophe
    and a space ("the residents' association")."""
    if gap[:1] in ("'", "\u2019"):
        gap = gap[1:]
    return bool(gap) and JOIN.fullmatch(gap) is not None
