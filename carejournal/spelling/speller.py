"""A Hunspell dictionary through spylls, with the journal's own words beside it.

spylls (a pure-Python port of Hunspell) is imported only when a dictionary is loaded, never
when this module is: loading the shipped British English dictionary takes about 0.8 s and
80 MB, so the window does it after its first paint, in the background. A word's answer is
remembered, so a keystroke looks up at most the word being typed; suggestions are slow
(0.1 to 0.5 s a word) and are asked for only when the worker wants them.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from carejournal.core.errors import ResourceError
from carejournal.spelling.words import TOKEN, WORD, addresses, checkable_words, should_check

SUGGESTIONS = 5  # the context menu offers at most this many spellings
CACHE_SIZE = 50_000  # answers remembered before the memory is cleared and refilled
POSSESSIVE = ("'s", "’s", "s'", "s’")
# Prefixes Hunspell's British dictionary does not hold on their own, written before a hyphen
# ("un-cooperative", "mis-sold", "tri-weekly").
PREFIXES = frozenset({"un", "mis", "tri", "quasi", "neo", "pseudo"})


class Dictionary(Protocol):
    """What a spylls Dictionary offers (typed here, as spylls has no type marks)."""

    def lookup(self, word: str) -> bool: ...
    def suggest(self, word: str) -> Iterator[str]: ...


@dataclass(frozen=True, slots=True)
class Misspelling:
    """A word the dictionary does not know; start and end are offsets into the text."""

    start: int
    end: int
    text: str

    def as_json(self, suggestions: Iterable[str] = ()) -> dict[str, object]:
        """A plain dict for --json output."""
        return {"start": self.start, "end": self.end, "text": self.text, "kind": "spelling",
                "suggestions": list(suggestions)}


class Speller:
    """Checks words against one dictionary and the worker's own words (names, jargon)."""

    def __init__(self, dictionary: Dictionary, language: str,
                 known: Iterable[str] = ()) -> None:
        self.dictionary = dictionary
        self.language = language
        self._known = {w.casefold() for w in known}
        self._answers: dict[str, bool] = {}
        self._suggestions: dict[str, tuple[str, ...]] = {}

    # -- the worker's own words -----------------------------------------------------
    def set_known(self, words: Iterable[str]) -> bool:
        """The words known beside the dictionary: the personal dictionary and names. True if
        they differ from the words known before."""
        known = {w.casefold() for w in words_of(words)}
        changed, self._known = known != self._known, known
        return changed

    def add_known(self, word: str) -> None:
        """Know this word from now on (the worker added it or chose to ignore it)."""
        self._known.add(word.casefold())

    def is_personal(self, word: str) -> bool:
        """True if the word (or its possessive's stem) is one of the worker's own."""
        folded = word.casefold()
        if folded in self._known:
            return True
        return folded.endswith(POSSESSIVE) and (folded[:-2] in self._known
                                                or folded[:-1] in self._known)

    # -- checking --------------------------------------------------------------------
    def is_known(self, word: str) -> bool:
        """True if the word is spelt correctly (or is one of the worker's own)."""
        answer = self._answers.get(word)
        if answer is None:
            if len(self._answers) >= CACHE_SIZE:
                self._answers.clear()
            answer = self._answers[word] = self._lookup(word)
        return answer or self.is_personal(word)

    def _lookup(self, word: str) -> bool:
        try:
            return bool(self.dictionary.lookup(word))
        except Exception:  # an odd word must never stop the checking
            return True

    def misspellings(self, text: str) -> list[Misspelling]:
        """The words of text the dictionary does not know, in order."""
        if addresses(text):
            return [Misspelling(start, end, word) for start, end, word in checkable_words(text)
                    if not self.is_known(word) and not _prefix(text, end, word)]
        answers, is_known = self._answers, self.is_known
        found = []
        for match in WORD.finditer(text):  # the common case, kept tight
            word = match.group()
            if not answers.get(word) and not is_known(word) and should_check(word) \
                    and not _prefix(text, match.end(), word):
                found.append(Misspelling(match.start(), match.end(), word))
        return found

    def suggest(self, word: str, limit: int = SUGGESTIONS) -> tuple[str, ...]:
        """Up to limit spellings for a word, best first (slow: call off the window's thread)."""
        found = self._suggestions.get(word)
        if found is None:
            try:
                found = tuple(itertools.islice(
                    (s for s in self.dictionary.suggest(word) if s != word), limit))
            except Exception:  # no suggestions rather than a crash
                found = ()
            self._suggestions[word] = found
        return found

    def cached_suggestions(self, word: str) -> tuple[str, ...] | None:
        """The suggestions already worked out for a word, or None."""
        return self._suggestions.get(word)


def _prefix(text: str, end: int, word: str) -> bool:
    """True if word is a prefix written before a hyphen."""
    return text[end:end + 1] in "-\u2010\u2011" and word.casefold() in PREFIXES and \
        end < len(text)


def words_of(names: Iterable[str]) -> Iterator[str]:
    """The checkable words of some names or phrases ("Mary-Jane O'Neill" gives three)."""
    for name in names:
        for match in TOKEN.finditer(name):
            if should_check(match.group()):
                yield match.group()


@lru_cache(maxsize=2)
def load_dictionary(base: Path) -> Dictionary:
    """The Hunspell dictionary base.aff + base.dic (kept for the next journal opened)."""
    from spylls.hunspell import Dictionary as Hunspell  # 0.8 s: after the first paint

    try:
        loaded: Dictionary = Hunspell.from_files(str(base))
    except Exception as exc:  # a broken dictionary file is a resource problem
        raise ResourceError(f"the spelling dictionary {base.name} could not be read "
                            f"({type(exc).__name__}: {exc})") from exc
    return loaded


def load_speller(base: Path, language: str, known: Iterable[str] = ()) -> Speller:
    """A Speller over the dictionary at base (slow the first time: run it in the background)."""
    return Speller(load_dictionary(base), language, words_of(known))
