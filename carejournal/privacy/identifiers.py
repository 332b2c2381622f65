"""Find what could identify someone in free text: numbers, postcodes, contacts, names.

Plain Python, used by the supervision pack export (list each one for the worker to replace
or confirm) and, quietly, when an entry is saved. Names are found with a simple rule: a
capitalised word, not at the start of a sentence, not all capitals, not a common word
(resources/identifier_stopwords.txt), not a person already handled.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum, StrEnum
from functools import cache, lru_cache
from typing import NamedTuple

from carejournal.core.resources import resource_path


class IdKind(StrEnum):
    """The kinds of identifier the detector finds."""

    NHS_NUMBER = "nhs_number"
    NI_NUMBER = "ni_number"
    POSTCODE = "postcode"
    PHONE = "phone"
    EMAIL = "email"
    BIRTH_DATE = "birth_date"
    NAME = "name"


@dataclass(frozen=True, slots=True)
class Identifier:
    """One identifier found in a text: its kind, its exact text and where it is."""

    kind: IdKind
    text: str
    start: int
    end: int


_LABELS = {
    IdKind.NHS_NUMBER: "NHS number",
    IdKind.NI_NUMBER: "National Insurance number",
    IdKind.POSTCODE: "postcode",
    IdKind.PHONE: "phone number",
    IdKind.EMAIL: "e-mail address",
    IdKind.BIRTH_DATE: "date of birth",
    IdKind.NAME: "name",
}
# Placeholders must not look like identifiers themselves (hence "NI", all capitals).
_PLACEHOLDERS = {
    IdKind.NHS_NUMBER: "[NHS number]",
    IdKind.NI_NUMBER: "[NI number]",
    IdKind.POSTCODE: "[postcode]",
    IdKind.PHONE: "[phone number]",
    IdKind.EMAIL: "[e-mail address]",
    IdKind.BIRTH_DATE: "[date of birth]",
    IdKind.NAME: "[name]",
}


def label(kind: IdKind) -> str:
    """What a kind of identifier is called, in English (for the CLI and the pack)."""
    return _LABELS[kind]


def placeholder(kind: IdKind) -> str:
    """The text an identifier of this kind is replaced with, e.g. "[postcode]"."""
    return _PLACEHOLDERS[kind]


# --- numbers, postcodes, contacts -------------------------------------------------------

_EMAIL = re.compile(r"(?<![\w.%+\-])[\w.%+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_NHS = re.compile(
    r"(?<![\w+])(?<![0-9][ \-])([0-9]{3})[ \-]?([0-9]{3})[ \-]?([0-9]{4})(?!\w)(?![ \-][0-9])")
_NI = re.compile(
    r"(?<!\w)([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]) ?[0-9]{2} ?[0-9]{2} ?[0-9]{2}(?: ?[A-D])?"
    r"(?!\w)")
_NI_EXCLUDED = frozenset({"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"})
_POSTCODE = re.compile(
    r"(?<!\w)(?:(?:[A-PR-UWYZ][0-9][0-9A-HJKPSTUW]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9ABEHMNPRVWXY]?)"
    r" ?[0-9][ABD-HJLNP-UW-Z]{2}|GIR ?0AA)(?!\w)", re.IGNORECASE)
_PHONE_RUN = re.compile(r"(?<![\w+])(?:\+44|\(0|0)[0-9()\- \u00a0]*")
_DIGIT_GROUP = re.compile(r"[0-9]+")
_GLUE = re.compile(r"\w")
_PHONE_GAP = re.compile(r"[ \u00a0\-]?[()]?[ \u00a0\-]?")


def _nhs_check_ok(digits: str) -> bool:
    """True when the tenth digit is the modulus-11 check digit of the first nine."""
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def _nhs_numbers(text: str) -> list[Identifier]:
    """NHS numbers with a valid check digit."""
    return [Identifier(IdKind.NHS_NUMBER, m.group(), m.start(), m.end())
            for m in _NHS.finditer(text) if _nhs_check_ok("".join(m.groups()))]


def _ni_numbers(text: str) -> list[Identifier]:
    """National Insurance numbers (the suffix letter may be left off)."""
    return [Identifier(IdKind.NI_NUMBER, m.group(), m.start(), m.end())
            for m in _NI.finditer(text) if m.group(1).upper() not in _NI_EXCLUDED]


def _simple(kind: IdKind, pattern: re.Pattern[str], text: str) -> list[Identifier]:
    """Every match of a pattern, as identifiers of one kind."""
    return [Identifier(kind, m.group(), m.start(), m.end()) for m in pattern.finditer(text)]


def _national(digits: str) -> str:
    """A UK phone number's digits in national form (+44 (0)20... -> 020...)."""
    if digits.startswith("44"):
        rest = digits[2:]
        return rest if rest.startswith("0") else "0" + rest
    return digits


def _phone_end(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the longest valid phone number from start ends (-1: none), and where to go on."""
    best, digits, previous, second = -1, "", -1, end
    for group in _DIGIT_GROUP.finditer(text, start, end):
        if previous >= 0:
            if not _PHONE_GAP.fullmatch(text, previous, group.start()):
                break
            second = min(second, group.start())
        digits += group.group()
        national = _national(digits)
        if len(national) > 11:
            break
        glued = _GLUE.match(text, group.end()) is not None
        if len(national) >= 10 and national[1] != "0" and not glued:
            best = group.end()
        previous = group.end()
    return best, (best if best >= 0 else second)


def _phones(text: str) -> list[Identifier]:
    """UK phone numbers: 10 or 11 digits in national form, spaces and brackets allowed."""
    found: list[Identifier] = []
    pos = 0
    while (run := _PHONE_RUN.search(text, pos)) is not None:
        end, pos = _phone_end(text, run.start(), run.end())
        if end > 0:
            found.append(Identifier(IdKind.PHONE, text[run.start():end], run.start(), end))
        pos = max(pos, run.start() + 1)
    return found


# --- dates of birth ---------------------------------------------------------------------

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
           "december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec")
_DATE = re.compile(
    r"(?<![\w/.\-])(?:(?P<d1>[0-9]{1,2})[/.\-](?P<m1>[0-9]{1,2})[/.\-](?:[0-9]{4}|[0-9]{2})"
    r"|[0-9]{4}-(?P<m2>[0-9]{1,2})-(?P<d2>[0-9]{1,2})"
    rf"|(?P<d3>[0-9]{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?:{_MONTHS})\.?,?\s+[0-9]{{4}}"
    rf"|(?:{_MONTHS})\.?\s+(?P<d4>[0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+[0-9]{{4}}"
    r")(?![\w/\-])", re.IGNORECASE)
_CUE = re.compile(r"(?<!\w)(?:born|birthday|birth\s*date|date\s+of\s+birth|d\.?\s?o\.?\s?b\.?)"
                  r"(?!\w)", re.IGNORECASE)
_CUE_REACH = 80  # characters after a cue where the date may start
_CUE_WORDS = 4   # words allowed between the cue and the date
_GAP_WORD = re.compile(r"[^\W_]+")


def _plausible(date: re.Match[str]) -> bool:
    """True when the day and month of a matched date are in range."""
    day = date.group("d1") or date.group("d2") or date.group("d3") or date.group("d4")
    month = date.group("m1") or date.group("m2") or "1"
    return 1 <= int(day) <= 31 and 1 <= int(month) <= 12


def _birth_dates(text: str) -> list[Identifier]:
    """Dates that follow a birth cue ("born", "DOB", "date of birth") within a few words."""
    found: dict[int, Identifier] = {}
    for cue in _CUE.finditer(text):
        date = _DATE.search(text, cue.end(), min(len(text), cue.end() + _CUE_REACH))
        if date is None or not _plausible(date):
            continue
        gap = text[cue.end():date.start()]
        if any(c in gap for c in ".!?\n") or len(_GAP_WORD.findall(gap)) > _CUE_WORDS:
            continue
        found[date.start()] = Identifier(IdKind.BIRTH_DATE, date.group(), *date.span())
    return list(found.values())


# --- names ------------------------------------------------------------------------------

_WORD = re.compile(
    r"(?<!\w)(?:[^\W\d_][\u0300-\u036f]*)+(?:['’‐\-](?:[^\W\d_][\u0300-\u036f]*)+)*(?!\w)")
TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lady",
                    "lord", "rev", "revd", "fr", "st"})
PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "das", "di", "do", "dos",
                       "du", "del", "della", "la", "le", "bin", "binti", "bint", "al", "el",
                       "ter", "ten", "y"})
_MONTH_NAMES = frozenset({"jan", "may", "june", "april", "august"})  # also first names
_MONTH_CUES = frozenset({"in", "of", "since", "until", "till", "by", "from", "during", "early",
                         "late", "mid", "next", "last", "this", "every", "before", "after",
                         "end", "start"})
_SKIP_BACK = frozenset(" \t\u00a0\"'“”‘’«»([{*•·–—-")
_ENDS = frozenset(".!?…\n\r\u2028\u2029")
_APOSTROPHES = str.maketrans({"’": "'"})


class _Cat(Enum):
    """What one word can be in a name."""

    OTHER = 0
    NAME = 1
    TITLE = 2
    PARTICLE = 3


class _Token(NamedTuple):
    """A word of the text (without a possessive 's) and its matching form."""

    start: int
    end: int
    norm: str


def normalise(text: str) -> str:
    """The form words and phrases are compared by: NFC, case-folded, one kind of apostrophe."""
    if text.isascii():
        return " ".join(text.lower().split())
    folded = unicodedata.normalize("NFC", text).casefold().translate(_APOSTROPHES)
    return " ".join(folded.split())


def _fold_word(word: str) -> str:
    """normalise() for one word, quicker."""
    if word.isascii():
        return word.lower()
    return unicodedata.normalize("NFC", word).casefold().translate(_APOSTROPHES)


@cache
def stop_words() -> frozenset[str]:
    """Capitalised words that are not names (resources/identifier_stopwords.txt)."""
    path = resource_path("identifier_stopwords.txt")
    words: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        words.update(_fold_word(w).removesuffix("'s") for w in line.split("#", 1)[0].split())
    return frozenset(words)


def _tokens(text: str) -> list[_Token]:
    """The words of text that stand alone (not glued to digits), possessives removed."""
    lowered = text.lower() if text.isascii() else None
    tokens = []
    for m in _WORD.finditer(text):
        start, end = m.span()
        if end - start > 2 and text[end - 2:end] in ("'s", "’s"):
            end -= 2
        norm = _fold_word(text[start:end]) if lowered is None else lowered[start:end]
        tokens.append(_Token(start, end, norm))
    return tokens


@lru_cache(maxsize=8)
def _known_words(known: tuple[str, ...]) -> Mapping[str, list[tuple[str, ...]]]:
    """Known names as words, by their first word (worked out once per list of names: a pack
    checks thousands of texts against the same names)."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for term in known:
        words = tuple(t.norm for t in _tokens(term))
        if words:
            by_first.setdefault(words[0], []).append(words)
    return by_first


def _known_mask(text: str, tokens: list[_Token], known: Iterable[str]) -> set[int]:
    """Indices of tokens that belong to an occurrence of a known name."""
    by_first = _known_words(tuple(known))
    masked: set[int] = set()
    for i, token in enumerate(tokens):
        for words in by_first.get(token.norm, ()):
            span = tokens[i:i + len(words)]
            if tuple(t.norm for t in span) == words and all(
                    not text[a.end:b.start].strip() for a, b in itertools.pairwise(span)):
                masked.update(range(i, i + len(words)))
    return masked


def _is_month(text: str, tokens: list[_Token], i: int) -> bool:
    """True when an ambiguous month name (May, June...) is used as a month here."""
    token = tokens[i]
    near = text[max(0, token.start - 4):token.start] + text[token.end:token.end + 4]
    return any(c.isdigit() for c in near) or (i > 0 and tokens[i - 1].norm in _MONTH_CUES)


def _may_name(first: str, norm: str) -> bool:
    """A quick first test: can a word starting with this letter be part of a name?"""
    return not first.islower() or norm in PARTICLES


def _category(text: str, tokens: list[_Token], i: int, blocked: Container[str]) -> _Cat:
    """What the i-th word can be in a name run."""
    token = tokens[i]
    word = text[token.start:token.end]
    first = word[0]
    if not (first.isupper() or first.istitle()):
        return _Cat.PARTICLE if first.islower() and token.norm in PARTICLES else _Cat.OTHER
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 2 or word.isupper() or token.norm in blocked:
        return _Cat.OTHER
    if token.norm in TITLES:
        return _Cat.TITLE
    if token.norm in _MONTH_NAMES:
        return _Cat.OTHER if _is_month(text, tokens, i) else _Cat.NAME
    return _Cat.OTHER if token.norm in stop_words() else _Cat.NAME


def _joins(text: str, before: _Token, after: _Token, before_cat: _Cat) -> bool:
    """True when two words are close enough to be one name ("Mary Jones", "Mr. Khan")."""
    gap = text[before.end:after.start]
    if gap in (" ", "\u00a0"):
        return True
    return before_cat is _Cat.TITLE and gap in (". ", ".\u00a0")


def _runs(text: str, tokens: list[_Token], cats: list[_Cat]) -> list[list[int]]:
    """Runs of adjacent name words, trimmed to start and end with a name or title."""
    runs: list[list[int]] = []
    current: list[int] = []
    for i, cat in enumerate(cats):
        if current and (cat is _Cat.OTHER or not _joins(
                text, tokens[current[-1]], tokens[i], cats[current[-1]])):
            runs.append(current)
            current = []
        if cat is not _Cat.OTHER and (current or cat is not _Cat.PARTICLE):
            current.append(i)
    runs.append(current)
    return [run for run in (_trim(r, cats) for r in runs) if run]


def _trim(run: list[int], cats: list[_Cat]) -> list[int]:
    """A run without particles at either end or titles at the end; empty if no name."""
    while run and cats[run[0]] is _Cat.PARTICLE:
        run = run[1:]
    while run and cats[run[-1]] in (_Cat.PARTICLE, _Cat.TITLE):
        run = run[:-1]
    return run if any(cats[i] is _Cat.NAME for i in run) else []


def _starts_sentence(text: str, start: int) -> bool:
    """True when a word starts a sentence, a line or a list item."""
    i = start - 1
    while i >= 0 and text[i] in _SKIP_BACK:
        i -= 1
    return i < 0 or text[i] in _ENDS


def _names(text: str, known: Iterable[str], ignored: Container[str]) -> list[Identifier]:
    """Capitalised words and runs of them that look like names of people or places."""
    tokens = _tokens(text)
    masked = _known_mask(text, tokens, known)
    cats = [_Cat.OTHER if i in masked or not _may_name(text[t.start], t.norm)
            else _category(text, tokens, i, ignored) for i, t in enumerate(tokens)]
    runs = _runs(text, tokens, cats)
    opening = [cats[r[0]] is _Cat.NAME and _starts_sentence(text, tokens[r[0]].start)
               for r in runs]
    seen = {tokens[i].norm for run, first in zip(runs, opening, strict=True) if not first
            for i in run if cats[i] is _Cat.NAME}
    found = []
    for run, first in zip(runs, opening, strict=True):
        if first and tokens[run[0]].norm not in seen:
            run = _trim(run[1:], cats)  # "Visited Leeds": the first word stays
        if run:
            start, end = tokens[run[0]].start, tokens[run[-1]].end
            found.append(Identifier(IdKind.NAME, text[start:end], start, end))
    return [f for f in found if not _is_ignored(f, ignored)]


def _is_ignored(found: Identifier, ignored: Container[str]) -> bool:
    """True when the worker confirmed this name, with or without its title."""
    norm = normalise(found.text)
    words = norm.replace(". ", " ").split(" ")
    while words and words[0].rstrip(".") in TITLES:
        words = words[1:]
    return norm in ignored or " ".join(words) in ignored


# --- putting it together -----------------------------------------------------------------

def detect(text: str, known: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Identifier]:
    """Every identifier in text, sorted by position and not overlapping."""
    ignored = frozenset(normalise(w) for w in ignore)
    candidates = [  # earlier kinds win where two overlap
        *_simple(IdKind.EMAIL, _EMAIL, text), *_nhs_numbers(text), *_ni_numbers(text),
        *_simple(IdKind.POSTCODE, _POSTCODE, text), *_phones(text), *_birth_dates(text),
        *_names(text, known, ignored),
    ]
    taken = bytearray(len(text))
    chosen = []
    for found in candidates:
        if 1 not in taken[found.start:found.end]:
            taken[found.start:found.end] = b"\x01" * (found.end - found.start)
            chosen.append(found)
    chosen = [f for f in chosen if normalise(f.text) not in ignored]
    return sorted(chosen, key=lambda f: f.start)


def replace_all(text: str, found: Sequence[Identifier], keep: Container[str] = ()) -> str:
    """Text with each found identifier replaced by its placeholder, except those kept."""
    parts: list[str] = []
    position = 0
    for item in sorted(found, key=lambda f: (f.start, -f.end)):
        if item.start < position or item.text in keep:
            continue
        if text[item.start:item.end] != item.text:
            raise ValueError(f"identifier {item.text!r} is not at {item.start} in this text")
        parts += [text[position:item.start], placeholder(item.kind)]
        position = item.end
    parts.append(text[position:])
    return "".join(parts)
