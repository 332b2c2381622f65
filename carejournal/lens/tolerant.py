"""Rule words as people really type them after a shift: misspelt by one letter ("pakage",
"challanging"), run together ("frequentflyer", "serviceuser") or written with dots ("P.O.C.",
"S.U."). The text's words are repaired before matching, so every rule gains these forms
without listing them, and the sentence around a match is read as written.

A word is only ever taken for a rule word when it is not a word of its own: not in
lemminflect's dictionary of word forms nor in resources/everyday_words.txt (SCOWL) nor a stem
of the British spelling dictionary (resources/hunspell/en_GB.dic), at least
MIN_LENGTH letters long, and one edit (a letter left out, added, changed, or two swapped)
from exactly one rule word of that length or more.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from itertools import chain

from carejournal.core.resources import resource_path
from carejournal.lens.phrases import Words

MIN_LENGTH = 6  # "pakage" is "package"; shorter words are too often other words
# Single letters joined by dots, at least two: "P.O.C.", "s.u." (as one word: "poc", "su").
DOTTED = re.compile(r"(?<![^\W_])(?:[^\W\d_]\.){2,}(?![^\W_])|(?<![^\W_])(?:[^\W\d_]\.)+"
                    r"[^\W\d_](?![^\W_.])")
DOTTED_HINT = re.compile(r"\.[^\W\d_](?![^\W_])")  # quick to rule out: ".O.", ".C"
NOT_DOTTED = frozenset(("am", "pm", "eg", "ie", "ad", "bc", "uk", "us", "nb", "ps"))


@cache
def known_words() -> frozenset[str]:
    """Words of their own: every form in lemminflect's dictionary (loaded with the lexicon
    already) and the everyday words."""
    from lemminflect import Inflections, getAllInflections

    getAllInflections("be")  # loads the dictionary, if the lexicon has not
    table = Inflections().infl_dict
    words = set(map(str.lower, table))
    words.update(map(str.lower, chain.from_iterable(
        chain.from_iterable(forms.values()) for forms in table.values())))
    path = resource_path("everyday_words.txt")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    words.update(line.strip() for line in lines if line and not line.startswith("#"))
    return frozenset(words)


ENDINGS = ("s", "es", "ed", "d", "ing", "er", "ers")


def in_dictionary(word: str) -> bool:
    """Whether the word, or the word less a common ending, is a stem of the British
    dictionary that ships for spelling (read only when a repair is about to be made, which is
    rare: a word one edit from a rule word that neither word list knows)."""
    stems = dictionary_stems()
    return word in stems or any(word.endswith(end) and word[:-len(end)] in stems
                                for end in ENDINGS)


@cache
def dictionary_stems() -> frozenset[str]:
    """The lowercase stems of resources/hunspell/en_GB.dic (empty when it cannot be read)."""
    try:
        lines = resource_path("hunspell", "en_GB.dic").read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return frozenset()
    return frozenset(line.split("/", 1)[0].lower() for line in lines[1:] if line)


class Repairer:
    """Repairs the words of a text towards the rule words it was built with."""

    def __init__(self, variants: Iterable[tuple[str, ...]],
                 spelling: Mapping[str, Sequence[str]] | None = None,
                 written: Iterable[str] = ()) -> None:
        """variants: the phrases' words as matched; written: the words the lexicon writes
        out (a made-up inflection, "freing", is never a word to put a slip right to)."""
        phrase_words = set(chain.from_iterable(variants))
        self._known = known_words()
        self._phrase_words = frozenset(phrase_words)
        targets = self._known | frozenset(written)
        deletes: dict[str, set[str]] = {}
        for word in phrase_words:
            if len(word) >= MIN_LENGTH and word.isalpha() and word in targets:
                for key in (word, *_deletions(word)):  # the word itself: a letter too many
                    deletes.setdefault(key, set()).add(word)
        # tuples of strings, which the garbage collector stops tracking: a set each would be
        # traversed on every full collection while the window draws
        self._deletes = {key: tuple(words) for key, words in deletes.items()}
        # the lexicon's other spellings, back to the British word: "pakage" is "package"
        self._fixed: dict[str, str] = {other: british for british, others in
                                       (spelling or {}).items() for other in others
                                       if " " not in other and " " not in british}

    def repair(self, text: str, toks: Words) -> Words:
        """toks, with dotted abbreviations made one word and misspelt rule words put right
        (the same Words when nothing needs it)."""
        if DOTTED_HINT.search(text) and DOTTED.search(text):
            toks = _undotted(text, toks)
        unknown = set(toks.norms).difference(self._known)
        if not unknown:
            return toks
        fixes = {}
        for word in unknown:
            fixed = self._fix(word)
            if fixed != word:
                fixes[word] = fixed
        if not fixes:
            return toks
        norms = [fixes.get(word, word) for word in toks.norms]
        return Words(toks.parts(), norms)

    def _fix(self, word: str) -> str:
        found = self._fixed.get(word)
        if found is None:
            if len(word) < MIN_LENGTH or not word.isalpha():
                return word
            found = self._fixed[word] = self._nearest(word)
        return found

    def _nearest(self, word: str) -> str:
        """The one rule word one edit from word, or word itself."""
        candidates: set[str] = set()
        for key in (word, *_deletions(word)):
            candidates.update(self._deletes.get(key, ()))
        if word in self._phrase_words:
            return word  # the lexicon's own word ("blocker"), not a slip
        near = [c for c in candidates if len(c) >= MIN_LENGTH and _one_edit(word, c)]
        if len(near) != 1 or in_dictionary(word):
            return word  # "natter" is a word of its own, not "nutter" misspelt
        return near[0]


def _deletions(word: str) -> set[str]:
    return {word[:at] + word[at + 1:] for at in range(len(word))}


def _one_edit(one: str, other: str) -> bool:
    """Whether two different words are one edit apart (a swap of two letters is one)."""
    if one == other or abs(len(one) - len(other)) > 1:
        return False
    if len(one) == len(other):
        diffs = [at for at in range(len(one)) if one[at] != other[at]]
        if len(diffs) == 1:
            return True
        return (len(diffs) == 2 and diffs[1] == diffs[0] + 1
                and one[diffs[0]] == other[diffs[1]] and one[diffs[1]] == other[diffs[0]])
    short, long = (one, other) if len(one) < len(other) else (other, one)
    return any(long[:at] + long[at + 1:] == short for at in range(len(long)))


def _undotted(text: str, toks: Words) -> Words:
    """toks with each run of dotted letters ("P.O.C.") as one word ("poc")."""
    starts, ends = toks.starts, toks.ends
    parts, norms = toks.parts(), toks.norms
    merges: list[tuple[int, int, str]] = []
    for found in DOTTED.finditer(text):
        letters = found.group().replace(".", "").lower()
        if letters in NOT_DOTTED:
            continue
        first = next((i for i, s in enumerate(starts) if s == found.start()), -1)
        if first < 0:
            continue
        last = first + len(letters) - 1
        if last >= len(norms) or ends[last] > found.end():
            continue
        merges.append((first, last, letters))
    if not merges:
        return toks
    new_parts, new_norms, at = [parts[0]], [], 0
    for first, last, letters in merges:
        while at < first:
            new_parts += [parts[2 * at + 1], parts[2 * at + 2]]
            new_norms.append(norms[at])
            at += 1
        new_parts += ["".join(parts[2 * first + 1:2 * last + 2]), parts[2 * last + 2]]
        new_norms.append(letters)
        at = last + 1
    while at < len(norms):
        new_parts += [parts[2 * at + 1], parts[2 * at + 2]]
        new_norms.append(norms[at])
        at += 1
    return Words(new_parts, new_norms)


def joined(variants: Iterable[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Each phrase of two words written as one ("frequentflyer", "carepackage"),
    where that is not a word of its own ("handout", "setback") and not a variant already."""
    known = known_words()
    have = set(variants)
    out: list[tuple[str, ...]] = []
    for words in have:
        if len(words) == 2 and all(w.isalpha() for w in words):
            one = "".join(words)
            if len(one) >= MIN_LENGTH and one not in known and (one,) not in have:
                out.append((one,))
    return out
