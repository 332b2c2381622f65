"""A rule phrase's "him", "her" or "them" also stands for a person's name: "let him" finds
"let Harry", "put her to bed" finds "put Mrs Green to bed", "feeding her" finds "Feeding Dot".

A name is one of the entry's people, or capitalised words in mid-sentence that are not
person words, the writer's, things or titles ("Mr Green": the title and the name together).
Only places where such a phrase's first word occurs are tried, so it costs little.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import compress, count
from typing import Generic, TypeVar

from carejournal.lens.context import (
    FIRST_NAMES,
    NOT_NAMES,
    OTHERS,
    PERSON_NOUNS,
    PLACES_AS_PEOPLE,
    TITLES,
    WRITER,
    Sentence,
    a_noun,
)
from carejournal.lens.phrases import JOIN
from carejournal.lens.tolerant import known_words

P = TypeVar("P")
PRONOUNS = frozenset({"him", "her", "them"})
NOT_A_NAME = NOT_NAMES | PERSON_NOUNS | WRITER | OTHERS | TITLES
LONGEST_NAME = 3  # words: "Harry James Smith"
PLACES_FOR_PEOPLE = frozenset("bed bay room bedroom".split())
# Lower-case words a name (or a place standing for a person) can start with: "Mrs", "bay 4",
# "side room 2" (a first look: name_width decides).
NAME_OPENERS = TITLES | PLACES_AS_PEOPLE
# The people a "them" can stand for: "let the boys stay up", "made the young people do"
# (not "the kids" nor "the twins": most often the writer's own, "put the kids to bed").
THEM_GROUPS = frozenset(
    "boys girls lads lasses youngsters teenagers teens residents ladies men gents gentlemen "
    "women tenants".split())
GROUP_DESCRIBERS = frozenset("young younger older new other".split())
YOUNG_ONES = frozenset("people adults".split())  # "the young people", "the young adults"


@dataclass(frozen=True, slots=True)
class NamedPhrase(Generic[P]):
    """A phrase with a pronoun at `slot` (never its first word), and its owner."""

    words: tuple[str, ...]
    slot: int
    payload: P
    owns: bool = False  # its "her" owns the noun after it: an owner's name may stand there


def slot_of(words: tuple[str, ...]) -> int:
    """Where a phrase's pronoun is (0 when it has none after its first word)."""
    return next((at for at, word in enumerate(words) if at and word in PRONOUNS), 0)


class NameMatcher(Generic[P]):
    """Finds pronoun phrases with a name in the pronoun's place, outside other matches."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[NamedPhrase[P]]] = {}
        self._exceptions: dict[int, list[NamedPhrase[P]]] = {}
        # first word -> second word -> the phrases that may match there, longest first:
        # those with their pronoun second and those that go on with that word. The key ""
        # holds those with their pronoun second alone.
        self._by_second: dict[str, dict[str, list[NamedPhrase[P]]]] = {}

    def add(self, words: tuple[str, ...], payload: P) -> None:
        """Match this phrase with a name for its pronoun, if it has one."""
        slot = slot_of(words)
        if slot:
            self._by_first.setdefault(words[0], []).append(
                NamedPhrase(words, slot, payload, _owns_next(words, slot)))

    def add_exceptions(self, payload: P, exceptions: Iterable[tuple[str, ...]]) -> None:
        """Do not report payload where one of these (with a name for its pronoun) covers it."""
        for words in exceptions:
            slot = slot_of(words)
            if slot:
                self._exceptions.setdefault(id(payload), []).append(
                    NamedPhrase(words, slot, payload))

    def finalise(self) -> None:
        """Longest phrases first."""
        for first, phrases in self._by_first.items():
            phrases.sort(key=lambda p: -len(p.words))
            seconds = {p.words[1] for p in phrases if p.slot > 1}
            self._by_second[first] = {
                second: [p for p in phrases if p.slot == 1 or p.words[1] == second]
                for second in (*seconds, "")}

    def find(self, sentence: Sentence, taken: Iterable[tuple[int, int]]
             ) -> list[tuple[int, int, P, tuple[str, ...]]]:
        """(first word, last word, payload, phrase words) of each match, none overlapping
        the spans already taken."""
        norms = sentence.words.norms
        if not self._by_first or self._by_first.keys().isdisjoint(norms):
            return []
        busy = sorted(taken)
        covered = {at for start, end in busy for at in range(start, end + 1)}
        out: list[tuple[int, int, P, tuple[str, ...]]] = []
        after = 0
        widths: dict[int, int] = {}  # name widths worked out at each place, once
        for first in compress(count(), map(self._by_first.__contains__, norms)):
            if first < after or first in covered:
                continue
            second = norms[first + 1] if first + 1 < len(norms) else ""
            by_second = self._by_second[norms[first]]
            # "the likes of him" is tried only after "the likes"
            phrases = by_second.get(second) or by_second[""]
            named = -1  # whether a name is next, worked out when first needed
            for phrase in phrases:
                if phrase.slot == 1:
                    if named < 0:
                        named = _name_at(sentence, first + 1, widths)
                    if not named and phrase.words[1] == "them":
                        named = group_width(sentence, first + 1)
                    if not named and not (phrase.owns
                                          and _owner_at(sentence, first + 1, widths)):
                        continue  # "did it then": no name after "did", so no phrase of it
                last = matched(sentence, first, phrase, widths)
                if last < 0 or _overlaps(busy, first, last) or self._excepted(sentence, first,
                                                                              last, phrase):
                    continue
                out.append((first, last, phrase.payload, phrase.words))
                after = last + 1
                break
        return out

    def _excepted(self, sentence: Sentence, first: int, last: int,
                  phrase: NamedPhrase[P]) -> bool:
        norms = sentence.words.norms
        for exception in self._exceptions.get(id(phrase.payload), ()):
            # the exception may start before the phrase: "young people like Connor"
            for start in range(max(0, first - len(exception.words) + 1), first + 1):
                if norms[start] == exception.words[0] \
                        and matched(sentence, start, exception, {}) >= last:
                    return True
        return False


def _name_at(sentence: Sentence, at: int, widths: dict[int, int]) -> int:
    """name_width at `at`, worked out once per place (0 past the end)."""
    if at >= len(sentence.words.norms):
        return 0
    width = widths.get(at, -1)
    if width < 0:
        width = widths[at] = name_width(sentence, at)
    return width


def matched(sentence: Sentence, first: int, phrase: NamedPhrase[P],
            widths: dict[int, int]) -> int:
    """The last word of phrase matched at first with a name in its slot, or -1 (widths:
    name widths already worked out, by place)."""
    norms, words = sentence.words.norms, sentence.words
    at = first
    for index, word in enumerate(phrase.words):
        if at >= len(norms) or (index and not _joined(words.gap(at))):
            return -1
        if index == phrase.slot:
            width = widths.get(at, -1)
            if width < 0:
                width = widths[at] = name_width(sentence, at)
            if not width and phrase.owns:
                width = _owner_at(sentence, at, widths)  # "reviewed Maureen's package"
            if not width and word == "them":
                width = group_width(sentence, at)  # "let the boys stay up"
            if not width:
                return -1
            at += width
        elif norms[at] == word:
            at += 1
        else:
            return -1
    return at - 1


def name_width(sentence: Sentence, at: int) -> int:
    """How many words from `at` make a person's name (0: none starts there)."""
    word = sentence.words.norms[at]
    if word not in NAME_OPENERS and word not in sentence.people \
            and not sentence.may_be_capitalised(at):
        return 0  # most words: none of the ways a name can start
    if word in TITLES:
        run = _capitalised_run(sentence, at + 1)
        if not run and at + 1 < len(sentence.words.norms) \
                and sentence.words.norms[at + 1] in sentence.people \
                and not _possessive(sentence, at + 1):
            run = 1  # "fed mrs hussain her soup": a name written in lower case; not an
            # owner ("manipulates Mrs Novak's fingers")
        return 1 + run if run else 0
    if _possessive(sentence, at):
        return 0  # "fed Dot's cat": Dot is not the one fed
    norms = sentence.words.norms
    if norms[at] in PLACES_FOR_PEOPLE and at + 1 < len(norms) and norms[at + 1].isdigit():
        return 2  # "Can you feed bay 4": a bed or a room in a person's place
    if norms[at] == "side" and at + 2 < len(norms) and norms[at + 1] == "room" \
            and norms[at + 2].isdigit():
        return 3
    if word in sentence.people:
        width = 1
        while at + width < len(norms) and width < LONGEST_NAME \
                and norms[at + width] in sentence.people \
                and sentence.words.gap(at + width) in ("-", " ", "\u2011"):
            width += 1  # "made Hyun-woo tidy", "let Mary Smith": each word one of theirs
    elif sentence.sentence_break(at):
        return 0
    else:
        width = _capitalised_run(sentence, at)
        if width and _a_things_name(sentence, at, width):
            return 0  # "claims Pension Credit": a thing's name, not a person's
    joined = at + width  # "took Kwame and Ben out": two names, joined by "and"
    norms = sentence.words.norms
    if width and joined + 1 < len(norms) and norms[joined] == "and" \
            and (norms[joined + 1] in sentence.people or sentence.capitalised(joined + 1)) \
            and not sentence.sentence_break(joined + 1):
        more = _capitalised_run(sentence, joined + 1) or 1
        return width + 1 + more
    return width


def group_width(sentence: Sentence, at: int) -> int:
    """How many words from `at` name a group of people a "them" can stand for: "the boys",
    "all the young people", "the other residents" (0: none starts there)."""
    norms = sentence.words.norms
    if at >= len(norms):
        return 0
    start = at + 1 if norms[at] == "all" else at
    if start >= len(norms) or norms[start] != "the":
        return 0
    noun = start + 1
    if noun < len(norms) and norms[noun] in GROUP_DESCRIBERS:
        if noun + 1 < len(norms) and norms[noun] == "young" and norms[noun + 1] in YOUNG_ONES:
            return noun + 2 - at
        noun += 1
    if noun < len(norms) and norms[noun] in THEM_GROUPS \
            and all(_joined(sentence.words.gap(k)) for k in range(at + 1, noun + 1)):
        return noun + 1 - at
    return 0


def _owns_next(words: tuple[str, ...], slot: int) -> bool:
    """Whether the phrase's "her" owns the noun after it ("reviewed her package"), so an
    owner's name may stand in its place."""
    after = slot + 1
    return words[slot] == "her" and after < len(words) and words[after] not in PRONOUNS \
        and a_noun(words[after])


def _owner_at(sentence: Sentence, at: int, widths: dict[int, int]) -> int:
    """_owner_width at `at`, worked out once per place (kept in widths under -1 - at)."""
    width = widths.get(-1 - at, -1)
    if width < 0:
        width = widths[-1 - at] = _owner_width(sentence, at)
    return width


def _owner_width(sentence: Sentence, at: int) -> int:
    """How many words from `at` make an owner's name: "Maureen's", "Mr Haddad's" (0: none)."""
    norms = sentence.words.norms
    if at >= len(norms) or (norms[at] not in TITLES and "'" not in sentence.raw(at)
                            and "\u2019" not in sentence.raw(at)):
        return 0
    start = at + 1 if norms[at] in TITLES else at
    if start >= len(norms) or not _possessive(sentence, start) or norms[start] in NOT_A_NAME:
        return 0
    if norms[start] in sentence.people or (sentence.capitalised(start)
                                           and not sentence.sentence_break(start)):
        return start - at + 1
    return 0


def _capitalised_run(sentence: Sentence, at: int) -> int:
    """Capitalised name words from `at` (up to LONGEST_NAME), joined by single spaces; none
    if the name is an owner ("Harry's")."""
    norms, width = sentence.words.norms, 0
    while (at + width < len(norms) and width < LONGEST_NAME
           and sentence.capitalised(at + width) and norms[at + width] not in NOT_A_NAME
           and (width == 0 or sentence.words.gap(at + width) == " ")):
        if _possessive(sentence, at + width):
            return 0
        width += 1
    return width


def _a_things_name(sentence: Sentence, at: int, width: int) -> bool:
    """Whether the entry names its people and every word of a capitalised run is an
    everyday noun, none a first name nor one of them ("Pension Credit", "Attendance
    Allowance"; not "Rose", "Mr Green")."""
    norms = sentence.words.norms
    return bool(sentence.people) and all(
        norms[word] not in FIRST_NAMES and norms[word] not in sentence.people
        and norms[word] in known_words() and a_noun(norms[word])
        for word in range(at, at + width))


def _possessive(sentence: Sentence, at: int) -> bool:
    return sentence.raw(at).lower().replace("\u2019", "'").endswith("'s")


def _joined(gap: str) -> bool:
    return bool(gap) and JOIN.fullmatch(gap) is not None


def _overlaps(busy: list[tuple[int, int]], first: int, last: int) -> bool:
    return any(start <= last and first <= end for start, end in busy)
