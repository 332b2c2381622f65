"""Identifiers written as numbers or codes: health and care numbers (NHS, CHI, H&C, hospital
numbers), National Insurance numbers, postcodes, phone numbers, e-mail addresses (also
spelt out in words), street addresses and vehicle registrations.

Each finder returns (kind, start, end) spans; identifiers.detect() puts them together. Where
a well-kept library knows a format better than a pattern could, it is used: python-stdnum
checks NHS numbers and phonenumbers reads UK phone numbers in every prefix and grouping.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

import phonenumbers
from stdnum.gb import nhs

from carejournal.privacy.kinds import IdKind

Span = tuple[IdKind, int, int]

# Every number or code has a digit, and most of a text has none: the patterns below are run
# only on the stretches around digits (a cue or a street name may stand this far away).
_REACH = 48
_DIGITS = re.compile(r"[0-9]+")
_SPACE = re.compile(r"\s")


def _digit_windows(text: str) -> tuple[tuple[int, int], ...]:
    """The windows of text, worked out once per text: the scanners of one detect() all ask.
    Remembered by a digest of the text, never the text itself (nothing of an entry may
    outlive a lock)."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
    windows = _WINDOWS.get(digest)
    if windows is None:
        windows = _windows_of(text)
        _WINDOWS.clear()  # only the last text's
        _WINDOWS[digest] = windows
    return windows


_WINDOWS: dict[bytes, tuple[tuple[int, int], ...]] = {}  # by a digest of the last text


def _windows_of(text: str) -> tuple[tuple[int, int], ...]:
    """The stretches of text within _REACH characters of a digit, widened to whole words."""
    windows: list[tuple[int, int]] = []
    for run in _DIGITS.finditer(text):
        low = max(0, text.rfind(" ", 0, max(0, run.start() - _REACH)))
        after = _SPACE.search(text, min(len(text), run.end() + _REACH))
        high = after.start() if after else len(text)
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(high, windows[-1][1]))
        else:
            windows.append((low, high))
    return tuple(windows)


def _scan(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Every match of pattern near a digit (see _digit_windows)."""
    for low, high in _digit_windows(text):
        yield from pattern.finditer(text, low, high)

# --- health and care numbers ------------------------------------------------------------

# Ten digits in any grouping (3-3-4, 3-4-3, 2-4-4, with spaces, dots or dashes); never
# part of a longer run of digits.
_TEN = re.compile(r"(?<![\w+.\-/:£$€])(?<![0-9][ .\-])((?:[0-9][ .\-]?){9}[0-9])(?!\w)"
                  r"(?![ .\-/:]?[0-9])")
_HEALTH_CUES = (
    (IdKind.CHI_NUMBER, re.compile(r"(?<!\w)chi(?:\s+(?:number|no\.?|num))?(?!\w)", re.I)),
    (IdKind.HC_NUMBER, re.compile(r"(?<!\w)(?:h\s?&\s?c|h\s?and\s?c|health\s+and\s+care)"
                                  r"(?:\s+(?:number|no\.?))?(?!\w)", re.I)),
    (IdKind.NHS_NUMBER, re.compile(r"(?<!\w)(?:nhs|health\s+service)(?:\s+(?:number|no\.?|num))?"
                                   r"(?!\w)", re.I)),
)
_CUE_BEFORE = 40  # characters before a number where its cue may stand


def _cued_kind(text: str, start: int) -> IdKind | None:
    """The health-number kind named just before start ("CHI no.", "NHS number"), if any."""
    before = text[max(0, start - _CUE_BEFORE):start]
    if any(c in before for c in ".!?\n") and not re.search(r"no\.\s*:?\s*$", before, re.I):
        before = re.split(r"[.!?\n]\s", before)[-1]
    best: tuple[int, IdKind] | None = None
    for kind, cue in _HEALTH_CUES:
        for m in cue.finditer(before):
            if best is None or m.end() > best[0]:
                best = (m.end(), kind)
    return best[1] if best else None


def health_numbers(text: str) -> Iterator[Span]:
    """NHS, CHI and H&C numbers: ten digits in any grouping. A valid modulus-11 check digit
    is enough (CHI numbers use the same check); a wrong one still counts after a cue
    ("NHS no", "CHI", "H&C number"), as a mistyped number still points at someone."""
    for m in _scan(_TEN, text):
        digits = re.sub(r"[^0-9]", "", m.group())
        cued = _cued_kind(text, m.start())
        if cued is None and not nhs.is_valid(digits):
            continue
        yield (cued or IdKind.NHS_NUMBER, m.start(), m.end())


_HOSPITAL_CUE = re.compile(
    r"(?<!\w)(?:mrn|hospital\s+(?:number|no\.?|num|id)|(?:patient|record|unit|case|medical"
    r"\s+record)\s+(?:number|no\.?)|hosp\.?\s+no\.?|k\s?number)\s*(?:is|was|:|#|-)?\s*"
    r"(?P<number>[a-z]{0,3}[ \-]?[0-9][0-9 \-/]{3,12}[0-9a-z]?)(?<![ \-/])(?!\w)", re.I)
_HOSPITAL_CODE = re.compile(r"(?<![\w/£$€])[A-Z]{1,3}[0-9]{6,8}[A-Z]?(?!\w)")


def hospital_numbers(text: str) -> Iterator[Span]:
    """Hospital and record numbers: after a cue ("MRN", "hospital number"), or written as a
    trust code and digits ("RXH123456")."""
    for m in _scan(_HOSPITAL_CUE, text):
        yield (IdKind.HOSPITAL_NUMBER, m.start("number"), m.end("number"))
    for m in _scan(_HOSPITAL_CODE, text):
        yield (IdKind.HOSPITAL_NUMBER, m.start(), m.end())


# --- National Insurance numbers ----------------------------------------------------------

_NI = re.compile(
    r"(?<![\w\-])([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])[ \-.]?[0-9]{2}[ \-.]?[0-9]{2}[ \-.]?"
    r"[0-9]{2}(?:[ \-.]?[A-D](?!\w))?(?!\w)(?!-[0-9])", re.I)
_NI_EXCLUDED = frozenset({"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"})
_SHORT_WORDS = frozenset("am an as at be by go he me my no of oh ok on or so to up us we ye "
                         "pm".split())


def ni_numbers(text: str) -> Iterator[Span]:
    """National Insurance numbers in any case, with spaces, dashes or dots, with or without
    the suffix letter (no library checks these: python-stdnum has none for the UK)."""
    for m in _scan(_NI, text):
        prefix = m.group(1)
        if prefix.upper() in _NI_EXCLUDED:
            continue
        spaced = text[m.end(1):m.end(1) + 1] == " "
        if not prefix.isupper() and spaced and prefix.lower() in _SHORT_WORDS:
            continue  # "on 12 34 56" is a word and three numbers
        yield (IdKind.NI_NUMBER, m.start(), m.end())


# --- postcodes ---------------------------------------------------------------------------

_POSTCODE = re.compile(
    r"(?<![\w£$€])(?:(?:[A-PR-UWYZ][0-9][0-9A-HJKPSTUW]?|[A-PR-UWYZ][A-HK-Y][0-9]"
    r"[0-9ABEHMNPRVWXY]?)[ \u00a0]{0,3}(?P<inward>[0-9][ABD-HJLNP-UW-Z]{2})|GIR ?0AA)(?!\w)",
    re.IGNORECASE)
_UNITS = frozenset({"mg", "ml", "mm", "hr", "hz", "lb"})


def postcodes(text: str) -> Iterator[Span]:
    """UK postcodes in any case and spacing ("SW1A 1AA", "sw1a1aa", "LS6  3AB"), except a
    dose in small letters ("B12 1mg")."""
    for m in _scan(_POSTCODE, text):
        inward = m.group("inward") or ""
        if inward[1:] in _UNITS:
            continue
        yield (IdKind.POSTCODE, m.start(), m.end())


# --- phone numbers -----------------------------------------------------------------------

_PHONE_START = ("0", "+", "(")


def phones(text: str) -> Iterator[Span]:
    """UK phone numbers as phonenumbers reads them (+44, 0044, (0), any grouping), kept
    when they are written as a whole number (a leading 0, + or bracket) of 9 or 10 national
    digits; the hand-written reader below adds the ones phonenumbers joins or splits
    wrongly (two numbers side by side). phonenumbers reads only the stretches that could be
    a number (it is slow on long texts)."""
    for run in _scan(_CANDIDATE, text):
        if sum(c.isdigit() for c in run.group()) < 9:
            continue
        window = text[run.start():min(len(text), run.end() + 12)]  # room for "ext 12"
        for match in phonenumbers.PhoneNumberMatcher(window, "GB",
                                                     leniency=phonenumbers.Leniency.POSSIBLE):
            national = str(match.number.national_number)
            if match.raw_string.startswith(_PHONE_START) and len(national) in (9, 10) \
                    and national[0] != "0":
                yield (IdKind.PHONE, run.start() + match.start, run.start() + match.end)
    yield from _plain_phones(text)


_CANDIDATE = re.compile(r"(?<![\w+])(?:\+|\(|0)[0-9()\- .\u00a0]{8,}[0-9]")
_PHONE_RUN = re.compile(r"(?<![\w+])(?:\+44|00 ?44|\(0|0)[0-9()\- \u00a0]*")
_DIGIT_GROUP = re.compile(r"[0-9]+")
_GLUE = re.compile(r"\w")
_PHONE_GAP = re.compile(r"[ \u00a0\-]?[()]?[ \u00a0\-]?")


def _national(digits: str) -> str:
    """A UK phone number's digits in national form (+44 (0)20... -> 020...)."""
    for prefix in ("0044", "44"):
        if digits.startswith(prefix):
            rest = digits[len(prefix):]
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


def _plain_phones(text: str) -> Iterator[Span]:
    """UK phone numbers: 10 or 11 digits in national form, spaces and brackets allowed."""
    for low, high in _digit_windows(text):
        pos = low
        while (run := _PHONE_RUN.search(text, pos, high)) is not None:
            end, pos = _phone_end(text, run.start(), run.end())
            if end > 0:
                yield (IdKind.PHONE, run.start(), end)
            pos = max(pos, run.start() + 1)


# --- e-mail addresses --------------------------------------------------------------------

_EMAIL = re.compile(r"(?<![\w.%+\-])[\w.%+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_DOT = r"(?:\s*(?:\(dot\)|\[dot\])\s*|\s+dot\s+|\.)"
_AT = r"(?:\s*(?:\(at\)|\[at\]|@)\s*|\s+at\s+)"
_TLD = r"(?:com|org|net|uk|gov|nhs|ac|edu|info|me|io|ie|scot|wales)"
_SPELT_EMAIL = re.compile(
    rf"(?<![\w.])(?P<local>[\w+\-]+(?:(?:{_DOT}|\s*(?:_|underscore)\s*)[\w+\-]+){{0,3}})"
    rf"{_AT}(?P<domain>[\w\-]+(?:{_DOT}[\w\-]+){{0,3}}){_DOT}{_TLD}(?!\w)", re.I)
_MAIL_HOSTS = frozenset({"gmail", "googlemail", "hotmail", "yahoo", "outlook", "live",
                         "icloud", "btinternet", "aol", "nhs", "sky", "virginmedia",
                         "protonmail", "msn", "me", "mail"})


def emails(text: str) -> Iterator[Span]:
    """E-mail addresses, also spelt out ("jo dot smith at gmail dot com", "jo(at)nhs.net").
    Written "x at y.com" with real dots, it counts only when the part before "at" has a dot,
    an underscore or a digit, or y is a mail host ("looked at bbc.co.uk" is not one)."""
    for m in _EMAIL.finditer(text):
        yield (IdKind.EMAIL, m.start(), m.end())
    if not _EMAILISH.search(text):
        return
    seen: set[int] = set()
    for at in _AT_WORD.finditer(text):
        if not _DOMAIN_AHEAD.match(text, at.end()):
            continue
        low = max(0, at.start() - _LOCAL_REACH)
        for m in _SPELT_EMAIL.finditer(text, low, min(len(text), at.end() + _DOMAIN_REACH)):
            if m.start() in seen or not m.start() <= at.start() < m.end():
                continue
            seen.add(m.start())
            if _spelt_email_ok(m):
                yield (IdKind.EMAIL, m.start(), m.end())


_EMAILISH = re.compile(r"@|\(at\)|\[at\]|\bdot\b|[a-z]\.[a-z]", re.I)
_AT_WORD = re.compile(r"(?<!\w)at(?!\w)|\(at\)|\[at\]|@", re.I)
_DOMAIN_AHEAD = re.compile(r"\s*[\w\-]+(?:\.(?=\w)|\s*(?:\(dot\)|\[dot\])|\s+dot\s)", re.I)
_LOCAL_REACH, _DOMAIN_REACH = 60, 80


def _spelt_email_ok(m: re.Match[str]) -> bool:
    """True when a spelt-out address is one (see emails())."""
    whole = m.group().lower()
    spelt = "dot" in whole or "(at)" in whole or "[at]" in whole or "@" in whole
    host = re.split(r"\W+", m.group("domain").lower())[0]
    return spelt or bool(re.search(r"[._0-9]", m.group("local"))) or host in _MAIL_HOSTS


# --- street addresses --------------------------------------------------------------------

_STREETS = ("road|rd|street|st|avenue|ave|lane|ln|close|drive|dr|way|crescent|cres|court|ct|"
            "gardens|gdns|place|pl|terrace|grove|walk|mews|row|parade|square|sq|boulevard|"
            "hill|croft|fold|wynd|vale")
_ADDRESS_WORD = r"(?!(?:the|a|an|to|on|in|at|of|and|or|for|from|with|down|up|along|past|" \
                r"across|into|near|by|my|her|his|their|our|its|per|times|mins?|minutes?|" \
                r"hours?|hrs?|days?|weeks?|miles?|yards?|metres?|steps?|seconds?)\b)[a-z][a-z'\-]+"
# "housing close by", "a way of": close and way are words too, before these.
_ADVERB_AFTER = re.compile(r"\s+(?:by|to|up|down|in|on|at|of|with)\b", re.I)
_ADDRESS = re.compile(
    rf"(?<![\w£$€.:/])(?:flat\s+[0-9]+[a-z]?,?\s+)?[0-9]{{1,4}}[a-z]?,?\s+"
    rf"(?:{_ADDRESS_WORD}\s+){{1,3}}(?:{_STREETS})(?!\w)\.?", re.I)
_LIVES = re.compile(
    rf"(?<!\w)(?:lives|lived|living|moved|address\s+is|staying)\s+(?:on|at|in|to)\s+"
    rf"(?P<street>(?:{_ADDRESS_WORD}\s+){{1,3}}(?:{_STREETS}))(?!\w)", re.I)


def addresses(text: str) -> Iterator[Span]:
    """Street addresses in any case: a house number and a street ("14 acacia avenue",
    "Flat 2, 7 Mill Lane"), or a street after "lives on", "moved to"."""
    for m in _scan(_ADDRESS, text):
        end = m.end() - 1 if m.group().endswith(".") else m.end()
        if not _adverb(text, m.start(), end):
            yield (IdKind.ADDRESS, m.start(), end)
    lowered = text.lower()
    if not any(cue in lowered for cue in ("live", "moved", "address", "staying")):
        return
    for m in _LIVES.finditer(text):
        if not _adverb(text, m.start("street"), m.end("street")):
            yield (IdKind.ADDRESS, m.start("street"), m.end("street"))


def _adverb(text: str, start: int, end: int) -> bool:
    """True when a street ending in "close" or "way" is an adverb or a noun after all."""
    last = text[start:end].rsplit(None, 1)[-1].lower()
    return last in ("close", "way") and _ADVERB_AFTER.match(text, end) is not None


# --- vehicle registrations ---------------------------------------------------------------

_VEHICLE = re.compile(
    r"(?<![\w£$€])(?:[A-Z]{2}[0-9]{2}[ \u00a0]?[A-Z]{3}"  # current: AB12 CDE
    r"|[A-Z][0-9]{1,3}[ \u00a0]?[A-Z]{3}"                   # prefix: A123 BCD
    r"|[A-Z]{3}[ \u00a0]?[0-9]{1,3}[A-Z])(?!\w)")            # suffix: ABC 123D
# Three-letter words a sentence in capitals may hold ("GIVE B12 AND FOLATE").
_CAPITAL_WORDS = frozenset("and the for but not was has had are you her his all any can "
                           "due now new off one our out per two use via day bed tea pot".split())
_VEHICLE_CUE = re.compile(
    r"(?<!\w)(?:reg(?:istration)?(?:\s+(?:number|no\.?|plate))?|number\s*plate|car\s+reg)"
    r"\s*(?:is|was|:|-)?\s*(?P<plate>[a-z]{1,3}[ \u00a0]?[0-9]{1,4}[ \u00a0]?[a-z]{0,3}"
    r"|[0-9]{1,4}[ \u00a0]?[a-z]{1,3})(?!\w)", re.I)


def vehicles(text: str) -> Iterator[Span]:
    """Vehicle registrations in capitals (current, prefix and suffix formats), and any
    format, in any case, after "reg" or "number plate"."""
    for m in _scan(_VEHICLE, text):
        letters = re.findall(r"[A-Z]+", m.group())
        if not any(part.lower() in _CAPITAL_WORDS for part in letters):
            yield (IdKind.VEHICLE, m.start(), m.end())
    for m in _scan(_VEHICLE_CUE, text):
        if any(c.isdigit() for c in m.group("plate")) and any(
                c.isalpha() for c in m.group("plate")):
            yield (IdKind.VEHICLE, m.start("plate"), m.end("plate"))
