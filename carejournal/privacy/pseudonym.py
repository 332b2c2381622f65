"""Aliases for the people in a supervision pack, and their names replaced in text.

Each person gets one alias per pack: the alias they were given, or their initials ("Mary
Jones" -> "M.J."), numbered when two would be the same ("M.J. (2)"). Names are replaced as
whole words, whatever their case, longest first; "Ann" in "Annual" is left alone. A first
name or nickname that is one everyday English word ("Will", "Rose", "Hope") is replaced only
where the identifier detector's rule says it is a name (identifiers.name_spans): "I will
ring Will" keeps "will" and replaces "Will".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

_APOSTROPHES = str.maketrans({"’": "'"})
_FALLBACK_ALIASES = ("Person", "#")


@dataclass(frozen=True, slots=True)
class PersonNames:
    """A person as the pack knows them: name, nicknames, and an alias chosen for them."""

    name: str
    nicknames: tuple[str, ...] = ()
    alias: str = ""


def fold(text: str) -> str:
    """The form names are compared by: NFC, case-folded, one apostrophe, single spaces."""
    folded = unicodedata.normalize("NFC", text).casefold().translate(_APOSTROPHES)
    return " ".join(folded.split())


def initials(name: str) -> str:
    """A name's initials, "Mary Jones" -> "M.J."; "" when the name has no letters."""
    letters = [next((c for c in part if c.isalpha()), "") for part in name.split()]
    return "".join(f"{c.upper()}." for c in letters if c)


def _usable(term: str) -> bool:
    """True when a name form can be replaced safely: a letter and more than one character."""
    return len(term) > 1 and any(c.isalpha() for c in term)


# Two-letter words that are not safe to replace as a first name ("An Nguyen": "an" is too
# common). Other two-letter first names (Jo, Al, Ed, Mo) are replaced: a leak is worse.
COMMON_SHORT = frozenset("am an as at be by do go he if in is it me my no of oh ok on or "
                         "so to up us we ye".split())


def _first_name(words: list[str]) -> list[str]:
    """The first name alone, when the name has more words and it is safe to replace."""
    if len(words) < 2:
        return []
    letters = sum(c.isalpha() for c in words[0])
    if letters >= 3 or (letters == 2 and fold(words[0]) not in COMMON_SHORT):
        return [words[0]]
    return []


def _forms(person: PersonNames) -> list[str]:
    """Every form of a person's name that is replaced: full name, the name as lists write
    it ("Baker, Will"), first name, nicknames."""
    name = " ".join(person.name.split())
    words = name.split(" ")
    first = _first_name(words)
    reversed_ = [f"{' '.join(words[k:])}, {' '.join(words[:k])}" for k in range(1, len(words))]
    forms = [name, *reversed_, *first, *(" ".join(n.split()) for n in person.nicknames)]
    return [f for f in forms if _usable(f)]


def _pattern(terms: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern matching any folded term as a whole word, longest term first."""
    ordered = sorted(set(terms), key=lambda t: (-len(t), t))
    if not ordered:
        return None
    parts = (r"\s+".join(re.escape(w) for w in t.split(" ")) for t in ordered)
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")


def _shadow(text: str) -> tuple[str, list[int] | None]:
    """Text in folded form, and where each folded position starts in text (None: same)."""
    if text.isascii():
        return text.lower(), None
    folded = text.casefold()
    if len(folded) == len(text) and unicodedata.is_normalized("NFC", text):
        return folded.translate(_APOSTROPHES), None
    pieces: list[str] = []
    origins: list[int] = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        piece = unicodedata.normalize("NFC", text[i:j]).casefold().translate(_APOSTROPHES)
        pieces.append(piece)
        origins += [i] + [-1] * (len(piece) - 1)
        i = j
    return "".join(pieces), origins + [len(text)]


def _whole_word_spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded match) in text for every whole-word match of pattern."""
    shadow, origins = _shadow(text)
    spans = []
    for m in pattern.finditer(shadow):
        start, end = m.span()
        if origins is not None:
            start, end = origins[start], origins[end]
        if start < 0 or end < 0 or _marked(text, start, end):
            continue
        spans.append((start, end, " ".join(m.group().split())))
    return spans


def _marked(text: str, start: int, end: int) -> bool:
    """True when a combining mark glues the match to a neighbouring letter."""
    after = end < len(text) and unicodedata.combining(text[end])
    return bool(after or (start > 0 and unicodedata.combining(text[start - 1])))


class Pseudonymiser:
    """Consistent, unique aliases for one pack's people, and names replaced by them."""

    def __init__(self, people: Iterable[PersonNames]) -> None:
        """Take the pack's people; the order given does not matter."""
        self._people = _merged(people)
        self._forms: dict[str, str] = {}
        self._owners: dict[str, list[str]] = {}
        for key, person in self._people.items():
            for form in _forms(person):
                self._forms.setdefault(fold(form), form)
                owners = self._owners.setdefault(fold(form), [])
                if key not in owners:
                    owners.append(key)
        self._pattern = _pattern(self._forms)
        self._words = {w for term in self._forms for w in re.findall(r"\w+", term)}
        self._aliases = self._assign()
        self._everyday: frozenset[str] | None = None  # worked out when first replacing

    def _cued(self) -> frozenset[str]:
        """The folded forms that are one everyday word, or a surname and first name that are
        all everyday words ("baker, will"): replaced only where the detector's rule says they
        are names (the word list is read the first time text is replaced)."""
        if self._everyday is None:
            from carejournal.privacy.identifiers import everyday

            self._everyday = frozenset(
                f for f in self._forms if (" " not in f or "," in f)
                and all(everyday(w) for w in re.findall(r"\w+", f)))
        return self._everyday

    def alias_of(self, name: str) -> str:
        """The alias of a person given to this pack (KeyError for anyone else)."""
        key = fold(name)
        if key not in self._aliases:
            raise KeyError(f"{name!r} is not one of this pack's people")
        return self._aliases[key]

    def aliases(self) -> dict[str, str]:
        """Each person's name, as given, and their alias."""
        return {person.name: self._aliases[key] for key, person in self._people.items()}

    def terms(self) -> list[str]:
        """Every name form that apply() replaces, longest first."""
        return sorted(self._forms.values(), key=lambda t: (-len(t), fold(t)))

    def name_alone(self, text: str) -> str | None:
        """The alias when the whole text is one person's name or nickname (a list of
        people: "Fern", where nothing around it says it is a name), else None."""
        key = fold(" ".join(text.split()))
        return self._alias_for_term(key) if key in self._owners else None

    def apply(self, text: str) -> str:
        """Text with every whole-word occurrence of a name or nickname replaced by an alias;
        one that is an everyday word only where it is a name (see _spans)."""
        if self._pattern is None:
            return text
        parts: list[str] = []
        position = 0
        for start, end, key in self._spans(text):
            alias = self._alias_for_term(key)
            if alias.endswith(".") and text[end:end + 2] in (".", ". ", ".\n"):
                end += 1  # "...with Mary." -> "...with M.J." rather than "M.J.."
            parts += [text[position:start], alias]
            position = end
        if not parts:
            return text
        parts.append(text[position:])
        return "".join(parts)

    def _spans(self, text: str) -> list[tuple[int, int, str]]:
        """Where names stand in text: each whole-word form, except an everyday word (a first
        name or nickname such as "will" or "rose") outside what the detector calls a name."""
        spans = _whole_word_spans(self._pattern, text) if self._pattern else []
        cued = self._cued()
        if not any(key in cued for _s, _e, key in spans):
            return spans
        from carejournal.privacy.identifiers import name_spans

        # Every form, the list form too: "ROSE HILL ROSE" is one name to the detector when
        # "hill, rose" is listed, so its last "ROSE" is replaced as well (it was left).
        names = name_spans(text, self.terms())
        return [(start, end, key) for start, end, key in spans if key not in cued
                or any(a <= start and end <= b for a, b in names)]

    def _alias_for_term(self, key: str) -> str:
        """The alias a folded name form stands for ("A.B./C.D." when people share it)."""
        return "/".join(self._aliases[owner] for owner in self._owners[key])

    def _assign(self) -> dict[str, str]:
        """Aliases for everyone: chosen ones first, then initials, in name order."""
        used: set[str] = set()
        aliases: dict[str, str] = {}
        for key, person in self._people.items():
            chosen = " ".join(person.alias.split())
            if chosen and self._safe(chosen, chosen=True):
                aliases[key] = _unique(chosen, used)
        for key, person in self._people.items():
            if key not in aliases:
                bases = (initials(person.name), *_FALLBACK_ALIASES)
                base = next(b for b in bases if b and self._safe(b, chosen=False))
                aliases[key] = _unique(base, used)
        return aliases

    def _safe(self, alias: str, chosen: bool) -> bool:
        """True when an alias contains no listed name (nor, if chosen, any word of one)."""
        if self._pattern is not None and _whole_word_spans(self._pattern, alias):
            return False
        return not chosen or not (set(re.findall(r"\w+", fold(alias))) & self._words)


def _merged(people: Iterable[PersonNames]) -> dict[str, PersonNames]:
    """People by folded name, in a stable order; the same name twice becomes one person."""
    merged: dict[str, PersonNames] = {}
    for person in people:
        key = fold(person.name)
        if not key:
            continue
        if key in merged:
            old = merged[key]
            nicknames = old.nicknames + tuple(n for n in person.nicknames
                                              if n not in old.nicknames)
            chosen = sorted(a for a in (old.alias, person.alias) if a.strip())  # any order
            person = PersonNames(old.name, nicknames, chosen[0] if chosen else "")
        merged[key] = person
    return dict(sorted(merged.items()))


def _unique(base: str, used: set[str]) -> str:
    """base, or base numbered " (2)", " (3)"... so that no two aliases are the same."""
    alias, number = base, 2
    while fold(alias) in used:
        alias, number = f"{base} ({number})", number + 1
    used.add(fold(alias))
    return alias
