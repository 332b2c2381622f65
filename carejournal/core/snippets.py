"""Search snippets: the words around a match, with the matched words marked.

The store marks each match with two control characters no entry's text holds (SQLite's
snippet() puts them around the matched words), so a bracket written in an entry is never
taken for a mark. The command line shows the marks as [brackets]; the window in bold.
"""

from __future__ import annotations

import html

MATCH_OPEN = "\x02"
MATCH_CLOSE = "\x03"


def parts(snippet: str) -> list[tuple[str, bool]]:
    """The snippet's pieces in order, each with True if it is a matched word; runs of
    white space (new lines included) become one space."""
    text = " ".join(snippet.split())
    pieces: list[tuple[str, bool]] = []
    for i, chunk in enumerate(text.replace(MATCH_CLOSE, MATCH_OPEN).split(MATCH_OPEN)):
        matched = i % 2 == 1
        if chunk:
            pieces.append((chunk, matched))
    return pieces


def plain(snippet: str) -> str:
    """The snippet with no marks."""
    return "".join(text for text, _ in parts(snippet))


def bracketed(snippet: str) -> str:
    """The snippet with each match between [brackets], as the command line shows it."""
    return snippet.replace(MATCH_OPEN, "[").replace(MATCH_CLOSE, "]")


def as_html(snippet: str) -> str:
    """The snippet as HTML: every text escaped, each match in <b>."""
    return "".join(f"<b>{html.escape(text)}</b>" if hit else html.escape(text)
                   for text, hit in parts(snippet))
