"""Which words of a text a spell checker should look at.

A word is letters, perhaps with apostrophes inside ("don't", "Liam’s"); a hyphen ends one,
so each part of "well-being" is looked up on its own. Left alone: numbers and anything with a
digit in it ("5th", "B12"), web addresses and e-mail addresses, words in capitals ("NHS",
"CQC", written that way on purpose) and words joined by underscores (a file or field name).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Letters and digits with inner apostrophes; digits and underscores are caught here so the
# whole token can be skipped ("5th" is never looked up as "th").
TOKEN = re.compile(r"\w+(?:['’]\w+)*")
# The same, letters only: a token with a digit or underscore in it never matches, as no word
# boundary falls inside it. One regex pass finds nearly all of a text's words to look up.
WORD = re.compile(r"\b[^\W\d_]+(?:['’][^\W\d_]+)*\b")
# Web and e-mail addresses, skipped whole (their words are not prose).
ADDRESS = re.compile(
    r"(?:https?://|ftp://|www\.)\S+"  # a web address
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # an e-mail address
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:co\.uk|org\.uk|gov\.uk|nhs\.uk|ac\.uk|com|org|net|uk)\b"
    r"(?:/\S*)?",  # a bare domain such as nhs.uk or example.co.uk/page
    re.IGNORECASE)
# Whether a text may hold an address at all (most do not, and then ADDRESS is not run).
ADDRESS_HINT = re.compile(r"@|://|www\.|\.(?:uk|com|org|net)\b", re.IGNORECASE)
DIGIT_OR_UNDERSCORE = re.compile(r"[\d_]")
LONGEST_WORD = 60  # longer runs of letters are not words (a pasted key, a hash)


def checkable_words(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, word) of each word to look up, in order."""
    spans = addresses(text)
    index = 0
    for match in WORD.finditer(text):
        start, end = match.span()
        if spans:
            while index < len(spans) and spans[index][1] <= start:
                index += 1
            if index < len(spans) and spans[index][0] < end:
                continue  # part of an address
        word = match.group()
        if should_check(word):
            yield start, end, word


def addresses(text: str) -> list[tuple[int, int]]:
    """Where the web and e-mail addresses are (most texts have none: checked cheaply)."""
    return [m.span() for m in ADDRESS.finditer(text)] if ADDRESS_HINT.search(text) else []


def should_check(word: str) -> bool:
    """False for words a spell checker should leave alone (numbers, capitals, names_like_this)."""
    if len(word) > LONGEST_WORD:
        return False
    if not word.isalpha():  # digits, underscores or apostrophes: look closer
        if DIGIT_OR_UNDERSCORE.search(word):
            return False
        word = word.replace("'", "").replace("’", "")
    return not (len(word) > 1 and word.isupper())
