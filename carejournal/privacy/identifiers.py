"""Find what could identify someone in free text: numbers, postcodes, contacts, names.

Plain Python, used by the supervision pack export (list each one for the worker to replace
or confirm) and, quietly, when an entry is saved. Numbers, codes and contacts are found in
numbers.py. Names are found with a simple rule: a capitalised word, not at the start of a
sentence, not all capitals, not a common word (resources/identifier_stopwords.txt), not a
person already handled; and, in any case and anywhere, a word after a title ("mrs jones"),
a name the worker listed, or a full name in capitals ("MARY JONES"). A listed word that is
also an everyday English word (resources/everyday_words.txt: "Brown", "Will", "Rose") is a
name only where something says so: see _said_to_be_name.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Container, Iterable, Mapping, Sequence
from enum import Enum
from functools import cache, lru_cache
from typing import NamedTuple

from carejournal.core.resources import resource_path
from carejournal.privacy import numbers
from carejournal.privacy.kinds import Identifier, IdKind

__all__ = ["IdKind", "Identifier", "detect", "everyday", "label", "name_spans", "placeholder",
           "replace_all"]


_LABELS = {
    IdKind.NHS_NUMBER: "NHS number",
    IdKind.NI_NUMBER: "National Insurance number",
    IdKind.POSTCODE: "postcode",
    IdKind.PHONE: "phone number",
    IdKind.EMAIL: "e-mail address",
    IdKind.BIRTH_DATE: "date of birth",
    IdKind.NAME: "name",
    IdKind.CHI_NUMBER: "CHI number",
    IdKind.HC_NUMBER: "Health and Care number",
    IdKind.HOSPITAL_NUMBER: "hospital number",
    IdKind.ADDRESS: "street address",
    IdKind.VEHICLE: "vehicle registration",
    IdKind.PLACE: "place",
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
    IdKind.CHI_NUMBER: "[CHI number]",
    IdKind.HC_NUMBER: "[H&C number]",
    IdKind.HOSPITAL_NUMBER: "[hospital number]",
    IdKind.ADDRESS: "[address]",
    IdKind.VEHICLE: "[vehicle registration]",
    IdKind.PLACE: "[place]",
}


def label(kind: IdKind) -> str:
    """What a kind of identifier is called, in English (for the CLI and the pack)."""
    return _LABELS[kind]


def placeholder(kind: IdKind) -> str:
    """The text an identifier of this kind is replaced with, e.g. "[postcode]"."""
    return _PLACEHOLDERS[kind]


# --- dates of birth ---------------------------------------------------------------------

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
           "december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec")
_ORDINALS = ("first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
             "twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
             "nineteenth|twentieth|twenty[- ]?(?:first|second|third|fourth|fifth|sixth|"
             "seventh|eighth|ninth)|thirtieth|thirty[- ]?first")
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_YEAR = (rf"(?:[0-9]{{4}}|'[0-9]{{2}}|nineteen[- ](?:{_TENS})(?:[- ](?:{_UNITS}))?"
         rf"|nineteen[- ]hundred|two[- ]thousand(?:[- ]and)?(?:[- ](?:{_UNITS}|ten|eleven|"
         rf"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty))?)")
_DAY = rf"(?P<d3>[0-9]{{1,2}})(?:st|nd|rd|th)?|(?:{_ORDINALS})"
_DATE = re.compile(
    r"(?<![\w/.\-])(?:(?P<d1>[0-9]{1,2})[/.\-](?P<m1>[0-9]{1,2})(?:[/.\-](?:[0-9]{4}|[0-9]{2}))?"
    r"|[0-9]{4}-(?P<m2>[0-9]{1,2})-(?P<d2>[0-9]{1,2})"
    rf"|(?:the\s+)?(?:{_DAY})(?:\s+of)?\s+(?:{_MONTHS})\.?(?:,?\s+{_YEAR})?"
    rf"|(?:{_MONTHS})\.?\s+(?:the\s+)?(?:(?P<d4>[0-9]{{1,2}})(?:st|nd|rd|th)?|{_ORDINALS})"
    rf"(?:,?\s+{_YEAR})?"
    rf"|(?:in\s+)?(?:{_MONTHS})\.?,?\s+(?:of\s+)?{_YEAR}"
    rf"|(?:in\s+(?:the\s+year\s+)?)?(?:19|20)[0-9]{{2}}|(?:in\s+)?{_YEAR}"
    r")(?![\w/\-])", re.IGNORECASE)
_CUE = re.compile(r"(?<!\w)(?:born|birthday|birth\s*date|date\s+of\s+birth|d\.?\s?o\.?\s?b\.?"
                  r"|year\s+of\s+birth)(?!\w)", re.IGNORECASE)
_LEADING = re.compile(r"(?:in\s+(?:the\s+year\s+)?|the\s+)?", re.IGNORECASE)
_FULL_MONTH = re.compile(r"(?:january|february|march|april|may|june|july|august|september|"
                         r"october|november|december)\.$", re.IGNORECASE)
_CUE_REACH = 80  # characters after a cue where the date may start
_CUE_WORDS = 4   # words allowed between the cue and the date
_GAP_WORD = re.compile(r"[^\W_]+")


def _plausible(date: re.Match[str]) -> bool:
    """True when the day and month of a matched date are in range."""
    day = date.group("d1") or date.group("d2") or date.group("d3") or date.group("d4") or "1"
    month = date.group("m1") or date.group("m2") or "1"
    return 1 <= int(day) <= 31 and 1 <= int(month) <= 12


def _birth_dates(text: str) -> list[Identifier]:
    """Dates that follow a birth cue ("born", "DOB", "date of birth") within a few words:
    whole, in words, or partial ("born on the 3rd of May", "born in 1948")."""
    found: dict[int, Identifier] = {}
    for cue in _CUE.finditer(text):
        date = _DATE.search(text, cue.end(), min(len(text), cue.end() + _CUE_REACH))
        if date is None or not _plausible(date):
            continue
        gap = text[cue.end():date.start()]
        if any(c in gap for c in ".!?\n") or len(_GAP_WORD.findall(gap)) > _CUE_WORDS:
            continue
        lead = _LEADING.match(date.group())
        start = date.start() + (lead.end() if lead else 0)
        end = date.end() - (date.group().endswith(".") and _FULL_MONTH.search(
            date.group()) is not None)  # "...of April." ends a sentence
        found[start] = Identifier(IdKind.BIRTH_DATE, text[start:end], start, end)
    return list(found.values())


# --- names ------------------------------------------------------------------------------

# A word glued to a digit ("x2Ab") is not a name, and neither is one glued after a replacement
# ("0100000000Ab" became "[phone number]Ab"): replacing must not make new names.
_WORD = re.compile(
    r"(?<![\w\]])(?:[^\W\d_][\u0300-\u036f]*)+(?:['’‐\-](?:[^\W\d_][\u0300-\u036f]*)+)*"
    r"(?!\w)")
# The same words, quicker, for the usual text with no combining marks.
_PLAIN_WORD = re.compile(r"(?<![\w\]])[^\W\d_]+(?:['’‐\-][^\W\d_]+)*(?!\w)")
_COMBINING = re.compile(r"[\u0300-\u036f]")
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


@cache
def everyday_words() -> frozenset[str]:
    """Everyday English words (resources/everyday_words.txt, from SCOWL's common sizes), read
    the first time a listed name is checked, not at start-up."""
    path = resource_path("everyday_words.txt")
    return frozenset(w for line in path.read_text(encoding="utf-8").splitlines()
                     if (w := line.split("#", 1)[0].strip()))


def _tokens(text: str) -> list[_Token]:
    """The words of text that stand alone (not glued to digits), possessives removed."""
    lowered = _lowered(text)
    pattern = _WORD if lowered is None and _COMBINING.search(text) else _PLAIN_WORD
    tokens = []
    for m in pattern.finditer(text):
        start, end = m.span()
        if end - start > 2 and text[end - 2:end] in ("'s", "’s"):
            end -= 2
        norm = _fold_word(text[start:end]) if lowered is None else lowered[start:end]
        tokens.append(_Token(start, end, norm))
    return tokens


def _lowered(text: str) -> str | None:
    """Text folded as _fold_word folds each word, when that keeps every position (None:
    fold word by word)."""
    if text.isascii():
        return text.lower()
    if not all(_simple_letter(c) for c in set(text) if not c.isascii()):
        return None
    return text.casefold().replace("’", "'")


@cache
def _simple_letter(char: str) -> bool:
    """True when a character folds to one character and composes with nothing (so folding
    a text keeps every position and NFC changes nothing)."""
    return (char < "\u1100" and len(char.casefold()) == 1 and not unicodedata.combining(char)
            and unicodedata.is_normalized("NFC", char))


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


def _joins(text: str, before: _Token, after: _Token, before_cat: _Cat, comma: bool) -> bool:
    """True when two words are close enough to be one name ("Mary Jones", "Mr. Khan", and
    "Brown, Jane" where comma says a listed name is written surname first)."""
    gap = text[before.end:after.start]
    if gap in (" ", "\u00a0"):
        return True
    return (before_cat is _Cat.TITLE and gap in (". ", ".\u00a0")) or (comma and gap == ", ")


def _runs(text: str, tokens: list[_Token], cats: list[_Cat],
          commas: Container[int] = ()) -> list[list[int]]:
    """Runs of adjacent name words, trimmed to start and end with a name or title; a word
    in commas joins the next across a comma."""
    runs: list[list[int]] = []
    current: list[int] = []
    for i, cat in enumerate(cats):
        if current and (cat is _Cat.OTHER or not _joins(
                text, tokens[current[-1]], tokens[i], cats[current[-1]],
                current[-1] in commas)):
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


def _names(text: str, known: Iterable[str], ignored: Container[str],
           listed: Iterable[str] = ()) -> list[Identifier]:
    """Capitalised words and runs of them that look like names of people or places, and
    names in any case where something says they are names (a title, the worker's list)."""
    tokens = _tokens(text)
    masked = _known_mask(text, tokens, known)
    cats = [_Cat.OTHER if (text[t.start].islower() and t.norm not in PARTICLES) or i in masked
            else _category(text, tokens, i, ignored) for i, t in enumerate(tokens)]
    sure, commas = _any_case_names(text, tokens, cats, masked, _listed_words(tuple(listed)))
    runs = _runs(text, tokens, cats, commas)
    opening = [cats[r[0]] is _Cat.NAME and _starts_sentence(text, tokens[r[0]].start)
               for r in runs]
    seen = {tokens[i].norm for run, first in zip(runs, opening, strict=True) if not first
            for i in run if cats[i] is _Cat.NAME}
    found = []
    for run, first in zip(runs, opening, strict=True):
        if first and not _opens_with_name(text, tokens, run, cats, seen | sure):
            run = _trim(run[1:], cats)  # "Visited Leeds": the first word stays
        if run:
            start, end = tokens[run[0]].start, tokens[run[-1]].end
            kind = IdKind.PLACE if _is_place(text, tokens, run, sure) else IdKind.NAME
            found.append(Identifier(kind, text[start:end], start, end))
    return [f for f in found if not _is_ignored(f, ignored)]


# A capitalised name is a place (replaced by "[place]", not "[name]") when it ends in a word
# for a place ("Roundhay Park") or follows a word that leads to places ("at Tesco", "in
# Leeds", "went to Whitby"). Only the placeholder differs: a place is replaced all the same.
_PLACE_WORDS = frozenset(
    "park hospital centre center station school college university library church chapel "
    "mosque temple ward house lodge court hall surgery clinic market beach museum gardens "
    "zoo stadium cafe café pub inn arms hotel theatre cinema pier prison village town city "
    "shopping retail precinct mall".split())
_PLACE_BEFORE = frozenset("in at near outside inside".split())
# "at" or "in" after these is about a person ("shouted at Tom", "confidence in Tom").
_AT_PERSON = frozenset(
    "shouted looked smiled laughed yelled stared waved swore glared snapped pointed "
    "screamed shout look smile laugh yell stare wave swear glare snap point angry cross "
    "confidence faith interest trust belief spoke speaks speak said says written wrote "
    "sang sings sing talked talks chatted counted".split())
# "to" or "into" after these leads to a place ("went to Whitby", "moved into Elm Lodge").
_MOTION = frozenset(
    "went go goes going gone drove drive driving walked walk walking moved move moving "
    "travelled traveled travel trip journey came come coming headed heading bus train taxi "
    "way back returned return outing visit".split())


# Languages read as places after "in" ("counting in Farsi"): they stay "[name]".
_LANGUAGES = frozenset(
    "farsi urdu polish punjabi welsh gaelic arabic bengali gujarati somali romanian spanish "
    "french portuguese tagalog hindi yoruba igbo twi cantonese mandarin turkish kurdish "
    "pashto tamil english italian german russian greek makaton bsl lithuanian hungarian "
    "bulgarian ukrainian czech slovak shona swahili amharic tigrinya dari sylheti".split())


def _is_place(text: str, tokens: list[_Token], run: list[int], sure: set[str]) -> bool:
    """True when a capitalised run names a place, not a person: a word for a place ends
    it, or a word that leads to places comes before it; never a run with a name found by
    other means (a title, the worker's list), nor one followed by "'s" ("in Tom's room")."""
    if any(tokens[i].norm in sure or tokens[i].norm in _LANGUAGES for i in run):
        return False
    if tokens[run[-1]].norm in _PLACE_WORDS:
        return True
    end = tokens[run[-1]].end
    if text[end:end + 2] in ("'s", "’s") or run[0] == 0:
        return False
    before = tokens[run[0] - 1]
    if text[before.end:tokens[run[0]].start] != " ":
        return False
    earlier = tokens[run[0] - 2].norm if run[0] >= 2 else ""
    if before.norm in _PLACE_BEFORE:  # "In Leeds" opening a sentence too
        return earlier not in _AT_PERSON
    return before.norm in ("to", "into") and earlier in _MOTION


# Titles that mark the next word as a name in any case ("mrs jones", "MR KHAN"); "miss",
# "sir" and "st" are left out in small letters ("we miss her", "yes sir", "high st").
_SMALL_TITLES_TOO = frozenset({"mr", "mrs", "ms", "mx", "dr", "prof"})
_AFTER_TITLE_NOT_NAMES = frozenset({"appointment", "appointments", "visit", "visits",
                                    "surgery", "letter", "note", "notes", "review", "called",
                                    "rang", "came", "phoned", "wants", "thinks", "says",
                                    "prescribed", "visited", "will", "would", "and", "or"})
# Verbs that, straight after a sentence's first capitalised word, make it a person.
_PERSON_VERBS = frozenset(
    "said told asked shouted cried smiled laughed refused wanted agreed replied nodded "
    "sighed screamed whispered insisted complained admitted explained phoned rang texted "
    "hugged thanked apologised apologized swore yelled grinned wept sobbed kissed kicked "
    "pushed woke slept ate drank danced sang says tells asks wants chose chooses decided "
    "picked".split())
_ACRONYMS = frozenset("nhs gp cqc camhs amhp dols ppe prn mar dnr dnacpr sos asap ooh "
                      "a&e icu itu ot slt bmi ecg mri ct cpn spa nb ps".split())


class _Listed(NamedTuple):
    """The words of the names the worker listed, by what it takes to find them."""

    anywhere: frozenset[str]  # a name alone in any case ("okafor", "BILAL")
    everyday: frozenset[str]  # also an everyday word: a name where something says so
    pairs: frozenset[tuple[str, str]]  # words that follow each other in one listed name
    words: frozenset[str]  # all of them


@lru_cache(maxsize=8)
def _listed_words(listed: tuple[str, ...]) -> _Listed:
    """The words of the listed names (two letters or more, not titles): found anywhere, or,
    when they are everyday words, only where something says they are names. A common word
    (identifier_stopwords.txt: "May", "Best") or a particle ("van", "de") is found only
    beside the rest of its name."""
    anywhere: set[str] = set()
    everyday: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    for name in listed:
        words = [t.norm for t in _tokens(name)
                 if sum(c.isalpha() for c in t.norm) >= 2 and t.norm not in TITLES]
        pairs.update(itertools.pairwise(words))
        for word in words:
            if word in stop_words() or word in PARTICLES:
                continue
            (everyday if word in everyday_words() else anywhere).add(word)
    return _Listed(frozenset(anywhere), frozenset(everyday), frozenset(pairs),
                   frozenset(w for pair in pairs for w in pair) | anywhere | everyday)


def _any_case_names(text: str, tokens: list[_Token], cats: list[_Cat], masked: set[int],
                    listed: _Listed) -> tuple[set[str], set[int]]:
    """Mark as names, in cats, the words that are names whatever their case: listed names
    (everyday words among them where something says so), a word after a title, two or three
    words in capitals in a sentence that is not all capitals. Returns the words marked, and
    the indices of surnames written before a comma and the first name ("Brown, Jane")."""
    sure: set[str] = set()
    for i, token in enumerate(tokens):
        if i in masked or (token.norm not in listed.words and (
                i == 0 or tokens[i - 1].norm not in _SMALL_TITLES_TOO)):
            continue
        if _after_title(text, tokens, i, masked):
            cats[i - 1], cats[i] = _Cat.TITLE, _Cat.NAME
            sure.add(token.norm)
        elif token.norm in listed.anywhere or (
                token.norm in listed.everyday and _said_to_be_name(text, tokens, i)):
            cats[i] = _Cat.NAME
            sure.add(token.norm)
    commas: set[int] = set()
    for i, comma in _listed_pairs(text, tokens, masked, listed.pairs):
        if _ordinary_pair(text, tokens, i, listed.everyday):
            continue
        cats[i] = cats[i + 1] = _Cat.NAME
        sure.update((tokens[i].norm, tokens[i + 1].norm))
        if comma:
            commas.add(i)
    for run in _capital_runs(text, tokens, masked):
        for i in run:
            cats[i] = _Cat.NAME
            sure.add(tokens[i].norm)
    return sure, commas


def _listed_pairs(text: str, tokens: list[_Token], masked: set[int],
                  pairs: frozenset[tuple[str, str]]) -> list[tuple[int, bool]]:
    """Where two words of one listed name stand together in any case: in order ("jane
    brown"), or surname first before a comma ("brown, jane"; then True)."""
    found: list[tuple[int, bool]] = []
    if not pairs:
        return found
    for i, (a, b) in enumerate(itertools.pairwise(tokens)):
        if i in masked or i + 1 in masked:
            continue
        gap = text[a.end:b.start]
        if (a.norm, b.norm) in pairs and gap in (" ", "\u00a0"):
            found.append((i, False))
        elif (b.norm, a.norm) in pairs and gap == ", ":
            found.append((i, True))
    return found


def _ordinary_pair(text: str, tokens: list[_Token], i: int, everyday: frozenset[str]) -> bool:
    """True when two words of a listed name that are both everyday words stand together in
    small letters after "the", "a", "my"...: "the baker, will you", "up the rose hill"."""
    return (i > 0 and tokens[i - 1].norm in _NOT_BEFORE_NAMES
            and text[tokens[i].start].islower()
            and tokens[i].norm in everyday and tokens[i + 1].norm in everyday)


# Words before which an everyday word is not a name ("the rose", "her brown coat", "I will").
_NOT_BEFORE_NAMES = frozenset(
    "a an the this that these those my your his her its our their some any every each no "
    "another which what whose i you he she it we they".split())
# Verbs after which a word for a person's state says the word before was a person.
_LINKS = frozenset("was is seemed seems looked looks felt feels became got went".split())
_DEGREES = frozenset("very really quite a bit little more less so too rather much still "
                     "not also fairly extremely slightly".split())
_STATES = frozenset(
    "upset tired calm happy sad anxious angry agitated distressed settled unsettled asleep "
    "awake cheerful tearful withdrawn confused unwell poorly chatty restless grumpy worried "
    "frightened scared pleased delighted excited content relaxed sleepy drowsy weepy "
    "irritable aggressive lucid alert annoyed cross bored lonely".split())


def _said_to_be_name(text: str, tokens: list[_Token], i: int) -> bool:
    """True when a listed everyday word ("brown", "Will", "ROSE") is a name here: written
    with a capital not at a sentence start; in capitals alone in a line of small letters;
    or, with no "the", "her", "I"... before it, possessive ("rose's"), followed by a
    person's verb ("rose smiled") or by a person's state ("Grace was upset"), or opening a
    sentence before "and" and a capitalised name ("Will and Mary went")."""
    token = tokens[i]
    word = text[token.start:token.end]
    opening = _starts_sentence(text, token.start)
    if not opening and i > 0 and tokens[i - 1].norm in _NOT_BEFORE_NAMES:
        return False
    if word.isupper():
        return _alone_in_capitals(text, tokens, i) and _mostly_small(text, token.start)
    if word[0].isupper() and not opening:
        return True
    if text[token.end:token.end + 2] in ("'s", "’s"):
        return True
    after = tokens[i + 1:i + 5]
    if not after or text[token.end:after[0].start] != " ":
        return False
    if after[0].norm in _PERSON_VERBS:
        return True
    if opening and after[0].norm == "and" and len(after) > 1:  # "Will and Mary went"
        other = text[after[1].start:after[1].end]
        return other[0].isupper() and not other.isupper() and after[1].norm not in stop_words()
    return after[0].norm in _LINKS and _state_follows(text, after)


def _state_follows(text: str, after: list[_Token]) -> bool:
    """True when, after a linking verb (after[0]), a person's state comes within a few
    words in the same clause ("was upset", "seemed a bit tired")."""
    for before, token in itertools.pairwise(after):
        if text[before.end:token.start] != " ":
            return False
        if token.norm in _STATES:
            return True
        if token.norm not in _DEGREES:
            return False
    return False


def _alone_in_capitals(text: str, tokens: list[_Token], i: int) -> bool:
    """True when the words either side of the i-th are not in capitals (a shouted "I WILL
    NOT" is not a name)."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(tokens):
            word = text[tokens[j].start:tokens[j].end]
            if word.isupper() and len(word) >= 2:
                return False
    return True


def _after_title(text: str, tokens: list[_Token], i: int, masked: set[int]) -> bool:
    """True when the i-th word follows a title that makes it a name in any case."""
    if i == 0 or tokens[i - 1].norm not in _SMALL_TITLES_TOO or i - 1 in masked:
        return False
    title, token = tokens[i - 1], tokens[i]
    word = text[title.start:title.end]
    if title.norm not in _SMALL_TITLES_TOO or (word.islower() and title.norm == "miss"):
        return False
    if text[title.end:token.start] not in (" ", ". ", ".\u00a0", "\u00a0"):
        return False
    name = text[token.start:token.end]
    return (sum(c.isalpha() for c in name) >= 2 and token.norm not in stop_words()
            and token.norm not in _AFTER_TITLE_NOT_NAMES and token.norm not in TITLES
            and not (name[0].isupper() and not name.isupper()))


_CAPITALS = re.compile(r"(?<![\w'’\-])[A-ZÀ-Þ][A-ZÀ-Þ'’\-]{2,}(?: [A-ZÀ-Þ][A-ZÀ-Þ'’\-]{2,}){1,3}"
                       r"(?![\w'’\-])")


def _capital_runs(text: str, tokens: list[_Token], masked: set[int]) -> list[list[int]]:
    """Runs of two or three words in capitals ("MARY JONES") inside a sentence that is
    otherwise in small letters (a heading or a shout in capitals is left alone)."""
    if not _CAPITALS.search(text):
        return []
    index = {t.start: i for i, t in enumerate(tokens)}
    runs: list[list[int]] = []
    for m in _CAPITALS.finditer(text):
        if not _mostly_small(text, m.start()):
            continue
        current: list[int] = []
        for word in re.finditer(r"\S+", m.group()):
            i = index.get(m.start() + word.start())
            fits = (i is not None and i not in masked and tokens[i].norm not in stop_words()
                    and tokens[i].norm not in _ACRONYMS
                    and any(c in "AEIOUY" for c in word.group()))
            if fits and i is not None:
                current.append(i)
                continue
            if 2 <= len(current) <= 3:
                runs.append(current)
            current = []
        if 2 <= len(current) <= 3:
            runs.append(current)
    return runs


def _mostly_small(text: str, at: int) -> bool:
    """True when the line around position at has more small letters than capitals."""
    start = max(text.rfind("\n", 0, at), at - 200) + 1
    end = text.find("\n", at)
    line = text[start:end if end >= 0 else min(len(text), at + 200)]
    return sum(c.islower() for c in line) > sum(c.isupper() for c in line)


def _opens_with_name(text: str, tokens: list[_Token], run: list[int], cats: list[_Cat],
                     sure: set[str]) -> bool:
    """True when a run opening a sentence is a name after all: a word known to be a name,
    two name words ("Mary Jones was"), or a word a person's verb follows ("Tom said")."""
    first = tokens[run[0]]
    if first.norm in sure:
        return True
    if first.norm.endswith(("ed", "ing", "ly")):
        return False
    if sum(cats[i] is _Cat.NAME for i in run) >= 2:
        return True
    after = tokens[run[-1] + 1] if run[-1] + 1 < len(tokens) else None
    return after is not None and after.norm in _PERSON_VERBS and \
        text[tokens[run[-1]].end:after.start] == " "


def _is_ignored(found: Identifier, ignored: Container[str]) -> bool:
    """True when the worker confirmed this name, with or without its title."""
    norm = normalise(found.text)
    words = norm.replace(". ", " ").split(" ")
    while words and words[0].rstrip(".") in TITLES:
        words = words[1:]
    return norm in ignored or " ".join(words) in ignored


def everyday(word: str) -> bool:
    """True when a word of a listed name is also an everyday English word ("will", "Rose"),
    so that alone it is a name only where something says so (see name_spans)."""
    return normalise(word) in everyday_words()


def name_spans(text: str, listed: Iterable[str]) -> list[tuple[int, int]]:
    """Where in text the detector finds names, as (start, end), with the names the worker
    listed: an everyday word of one of them only where something says it is a name (a
    capital inside a sentence, a cue after it, a title before it, the rest of its name
    beside it). The pseudonymiser replaces such a word exactly where this says, so the two
    follow one rule."""
    return [(f.start, f.end) for f in _names(text, (), frozenset(), listed)]


# --- putting it together -----------------------------------------------------------------

def _numbers(text: str) -> list[Identifier]:
    """Numbers, codes and contacts, in the order they win where two overlap."""
    finders = (numbers.emails, numbers.health_numbers, numbers.ni_numbers,
               numbers.hospital_numbers, numbers.postcodes, numbers.phones, numbers.vehicles,
               numbers.addresses)
    return [Identifier(kind, text[start:end], start, end)
            for finder in finders for kind, start, end in finder(text)]


def detect(text: str, known: Iterable[str] = (), ignore: Iterable[str] = (),
           listed: Iterable[str] = ()) -> list[Identifier]:
    """Every identifier in text, sorted by position and not overlapping. Names in known
    are already handled (aliases); names in listed are people's names to find in any case
    and anywhere (a surname the aliases leave, "jones" or "JONES")."""
    ignored = frozenset(normalise(w) for w in ignore)
    candidates = [  # earlier kinds win where two overlap
        *_numbers(text), *_birth_dates(text), *_names(text, known, ignored, listed),
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
