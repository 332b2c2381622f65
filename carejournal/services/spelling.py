"""Spell checking as the window and the command line use it.

The settings live in the journal (so an encrypted journal keeps its personal dictionary
encrypted too): whether to check spelling, which language, and the worker's own words. The
names of the people in the journal, and their nicknames, are always known as well. Without a
journal (`carejournal check FILE`) the defaults apply: British English, no words of one's own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from carejournal.core.domain import EntryDraft, InvalidInput
from carejournal.spelling.languages import SHIPPED, available
from carejournal.spelling.speller import Misspelling, Speller, load_speller, words_of

SPELLING_ON = "spelling_on"
SPELLING_LANGUAGE = "spelling_language"
SPELLING_WORDS = "spelling_words"
MAX_WORDS = 10_000  # a personal dictionary longer than this is not a dictionary of one's own
MAX_WORD = 60


class _Store(Protocol):
    def get(self, key: str) -> Any: ...
    def set(self, key: str, value: Any) -> None: ...


@dataclass(frozen=True, slots=True)
class FieldMisspelling:
    """A misspelt word in one field of a draft (fields as in services/lens.py)."""

    field: str
    label: str
    misspelling: Misspelling


def clean_word(word: str) -> str:
    """A word as the personal dictionary keeps it: trimmed, one word, not too long."""
    clean = word.strip().strip("'’")
    if not clean or any(c.isspace() for c in clean):
        raise InvalidInput("add one word at a time to the dictionary")
    if len(clean) > MAX_WORD:
        raise InvalidInput(f"a word is {MAX_WORD} characters at most")
    return clean


class SpellingService:
    """Spelling settings and the speller of one journal (or none: the defaults)."""

    def __init__(self, store: _Store | None = None,
                 people: Callable[[], Iterable[str]] = tuple,
                 dictionaries: Callable[[], dict[str, Path]] = available) -> None:
        self._store = store
        self._people = people
        self._dictionaries = dictionaries
        self._speller: Speller | None = None

    # -- settings ----------------------------------------------------------------------
    def _get(self, key: str) -> Any:
        return self._store.get(key) if self._store is not None else None

    def _set(self, key: str, value: Any) -> None:
        if self._store is None:
            raise InvalidInput("spelling settings are kept in a journal; open one first")
        self._store.set(key, value)

    def on(self) -> bool:
        """Whether to underline misspelt words as the worker types (on unless switched off)."""
        return self._get(SPELLING_ON) is not False

    def set_on(self, on: bool) -> None:
        self._set(SPELLING_ON, bool(on))

    def languages(self) -> dict[str, Path]:
        """The dictionaries to choose from, by code (the shipped British English first)."""
        return self._dictionaries()

    def language(self) -> str:
        """The chosen dictionary's code (British English unless another was chosen)."""
        value = self._get(SPELLING_LANGUAGE)
        return value if isinstance(value, str) and value else SHIPPED

    def set_language(self, code: str) -> None:
        """Check with this installed dictionary from now on; unknown codes raise InvalidInput."""
        if code not in self.languages():
            raise InvalidInput(f"there is no spelling dictionary '{code}' on this computer")
        self._set(SPELLING_LANGUAGE, code)
        self._speller = None

    def dictionary(self) -> tuple[str, Path]:
        """The code and files of the dictionary to use: the chosen one if it is still
        installed, else the shipped British English one."""
        found = self.languages()
        code = self.language()
        return (code, found[code]) if code in found else (SHIPPED, found[SHIPPED])

    # -- the personal dictionary ---------------------------------------------------------
    def words(self) -> tuple[str, ...]:
        """The worker's own words, sorted (a damaged value: none)."""
        value = self._get(SPELLING_WORDS)
        if not isinstance(value, list):
            return ()
        return tuple(sorted({v for v in value if isinstance(v, str) and v},
                            key=str.casefold))

    def set_words(self, words: Iterable[str]) -> None:
        """Keep exactly these words (each checked), as one sorted list."""
        unique: dict[str, str] = {}
        for word in words:
            clean = clean_word(word)
            unique.setdefault(clean.casefold(), clean)
        if len(unique) > MAX_WORDS:
            raise InvalidInput(f"the dictionary holds {MAX_WORDS} words of your own at most")
        self._set(SPELLING_WORDS, sorted(unique.values(), key=str.casefold))
        if self._speller is not None:
            self._speller.set_known(self.known_words())

    def add_word(self, word: str) -> None:
        """Add a word to the personal dictionary (kept in the journal)."""
        clean = clean_word(word)
        if clean.casefold() not in {w.casefold() for w in self.words()}:
            self.set_words([*self.words(), clean])

    def remove_word(self, word: str) -> None:
        """Take a word out of the personal dictionary (absent words: nothing happens)."""
        folded = word.strip().casefold()
        self.set_words(w for w in self.words() if w.casefold() != folded)

    def known_words(self) -> list[str]:
        """Every word known beside the dictionary: the worker's own and people's names."""
        return [*self.words(), *words_of(self._people())]

    # -- checking --------------------------------------------------------------------------
    def speller(self) -> Speller:
        """The speller for the chosen language, loaded on first use (about a second)."""
        code, base = self.dictionary()
        if self._speller is None or self._speller.language != code:
            self._speller = load_speller(base, code, self.known_words())
        return self._speller

    def adopt(self, speller: Speller) -> None:
        """Use a speller loaded elsewhere (the window loads it in the background)."""
        speller.set_known(self.known_words())
        self._speller = speller

    def refresh(self) -> None:
        """Read the known words again (people or their nicknames changed meanwhile)."""
        if self._speller is not None:
            self._speller.set_known(self.known_words())

    def check(self, text: str) -> list[Misspelling]:
        """The misspelt words of a text, in order."""
        return self.speller().misspellings(text)

    def check_draft(self, draft: EntryDraft) -> list[FieldMisspelling]:
        """Misspelt words field by field, in the order the lens reads the fields."""
        from carejournal.services.lens import field_texts

        speller = self.speller()
        return [FieldMisspelling(item.field, item.label, found)
                for item in field_texts(draft) if item.text.strip()
                for found in speller.misspellings(item.text)]

    def suggest(self, word: str) -> tuple[str, ...]:
        """Up to five spellings for a word, best first (slow: 0.1 to 0.5 s)."""
        return self.speller().suggest(word)
