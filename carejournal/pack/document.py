"""The supervision pack as plain blocks: what is said, not how it looks (no Qt, no SQL)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

PARAGRAPH_STYLES = ("", "note", "quote")
# Removed from every text of a pack: the control characters XML (so Word) refuses, and the
# bidirectional controls (embeddings, overrides and isolates U+202A-U+202E and U+2066-U+2069,
# the marks U+200E, U+200F and U+061C), which can make a reader see words in another order
# than the one written ("Trojan Source") and would carry a pasted override into the pack.
_REMOVED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff"
                      "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading; level 1 is the largest, 3 the smallest. Level-1 headings are in
    the contents list; listed puts a smaller one there too (or keeps a level 1 out)."""

    text: str
    level: int = 1
    listed: bool | None = None

    @property
    def in_contents(self) -> bool:
        """True when the contents list shows this heading."""
        return self.level == 1 if self.listed is None else self.listed

    def __post_init__(self) -> None:
        """Refuse levels the renderers do not know."""
        if self.level not in (1, 2, 3):
            raise ValueError(f"Heading level must be 1, 2 or 3, not {self.level!r}.")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Running text; style "note" is small print, "quote" is the worker's own words."""

    text: str
    style: str = ""

    def __post_init__(self) -> None:
        """Refuse styles the renderers do not know."""
        if self.style not in PARAGRAPH_STYLES:
            raise ValueError(f"Paragraph style must be one of {PARAGRAPH_STYLES}, "
                             f"not {self.style!r}.")


@dataclass(frozen=True, slots=True)
class Bullets:
    """A bulleted (or numbered) list of short items."""

    items: tuple[str, ...]
    numbered: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    """A table with one header row; every row has as many cells as the header."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def __post_init__(self) -> None:
        """Refuse ragged tables, which every format would draw differently."""
        if not self.header:
            raise ValueError("A table needs at least one column.")
        for number, row in enumerate(self.rows, start=1):
            if len(row) != len(self.header):
                raise ValueError(f"Table row {number} has {len(row)} cells, "
                                 f"the header has {len(self.header)}.")


@dataclass(frozen=True, slots=True)
class Image:
    """A PNG picture (a chart), its caption, and its data in words for those who cannot see it."""

    png: bytes
    caption: str
    alt: str


@dataclass(frozen=True, slots=True)
class PageBreak:
    """Start a new page (a thematic break in Markdown)."""


@dataclass(frozen=True, slots=True)
class Contents:
    """The contents list: every heading in_contents after it, with its page where the format
    has pages (PDF), a link where it has links (Markdown)."""

    title: str = "Contents"


Block = Heading | Paragraph | Bullets | Table | Image | PageBreak | Contents


def listed_headings(blocks: tuple[Block, ...]) -> list[Heading]:
    """The headings the contents list shows, in order."""
    return [b for b in blocks if isinstance(b, Heading) and b.in_contents]


@dataclass(frozen=True, slots=True)
class Document:
    """A whole pack: title and subtitle for the cover, then the blocks in order."""

    title: str
    subtitle: str = ""
    blocks: tuple[Block, ...] = ()


def clean_text(text: str) -> str:
    """Text safe for every format: newlines unified, control and bidirectional characters
    removed."""
    unified = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    return _REMOVED.sub("", unified)


def _clean_block(block: Block) -> Block:
    """The block with each of its texts cleaned (clean_text)."""
    match block:
        case Heading() | Paragraph():
            return replace(block, text=clean_text(block.text))
        case Bullets():
            return replace(block, items=tuple(map(clean_text, block.items)))
        case Table():
            return replace(block, header=tuple(map(clean_text, block.header)),
                           rows=tuple(tuple(map(clean_text, row)) for row in block.rows))
        case Image():
            return replace(block, caption=clean_text(block.caption), alt=clean_text(block.alt))
        case Contents():
            return replace(block, title=clean_text(block.title))
    return block


def clean_document(doc: Document) -> Document:
    """The document with every text cleaned, before any writer sees it (pack/write.py)."""
    return Document(clean_text(doc.title), clean_text(doc.subtitle),
                    tuple(map(_clean_block, doc.blocks)))
