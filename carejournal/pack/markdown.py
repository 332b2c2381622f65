"""Render a pack Document as Markdown: plain text whose structure user text cannot break."""

from __future__ import annotations

import re

from carejournal.pack.document import (
    Block,
    Bullets,
    Contents,
    Document,
    Heading,
    Image,
    PageBreak,
    Paragraph,
    Table,
    clean_text,
)

_INLINE = re.compile(r"([\\`*_\[\]<>|~#])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
_LINE_START = ("-", "+", "=", ":")


def escape(text: str) -> str:
    """Escape one line of user text so it can never become a heading, list, table or markup."""
    line = _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", text.strip()))
    if line.startswith(_LINE_START):
        return "\\" + line
    return _ORDERED.sub(r"\1\\\2", line)


def _lines(text: str) -> list[str]:
    """The lines of user text, each escaped; runs of blank lines become one empty line."""
    out: list[str] = []
    for raw in clean_text(text).split("\n"):
        line = escape(raw)
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


def _paragraphs(text: str) -> list[list[str]]:
    """User text as paragraphs of escaped lines (blank lines separate paragraphs)."""
    paragraphs: list[list[str]] = [[]]
    for line in _lines(text):
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return [p for p in paragraphs if p]


def _flow(text: str, indent: str = "", wrap: str = "") -> str:
    """User text as Markdown paragraphs, single line breaks kept as hard breaks."""
    joiner = "\\\n" + indent
    return ("\n\n" + indent).join(joiner.join(f"{wrap}{line}{wrap}" for line in p)
                                  for p in _paragraphs(text))


def _one_line(text: str) -> str:
    """User text squeezed onto one line (headings, captions)."""
    return " ".join(line for line in _lines(text) if line)


def _cell(text: str) -> str:
    """A table cell: one line, line breaks shown as <br>."""
    return "<br>".join(line for line in _lines(text) if line)


def _heading(block: Heading) -> str:
    """A heading one level below the document title."""
    return "#" * (block.level + 1) + " " + (_one_line(block.text) or "\u00a0")


def _paragraph(block: Paragraph) -> str:
    """A paragraph; a quote becomes a block quote, a note is set in italics."""
    if block.style == "quote":
        return "> " + _flow(block.text, "> ").replace("\n\n> ", "\n>\n> ")
    return _flow(block.text, wrap="*" if block.style == "note" else "")


def _bullets(block: Bullets) -> str:
    """A bulleted or numbered list; multi-line items stay inside their item."""
    out: list[str] = []
    for number, item in enumerate(block.items, start=1):
        marker = f"{number}. " if block.numbered else "- "
        out.append(marker + (_flow(item, " " * len(marker)) or "\u00a0"))
    return "\n".join(out)


def _table(block: Table) -> str:
    """A pipe table with a header row."""
    lines = ["| " + " | ".join(_cell(h) for h in block.header) + " |",
             "|" + "|".join("---" for _ in block.header) + "|"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows]
    return "\n".join(lines)


def _image(block: Image) -> str:
    """No picture files in Markdown: the caption in italics, then the data in words."""
    caption = _one_line(block.caption)
    parts = [f"*{caption}*"] if caption else []
    alt = _flow(block.alt)
    return "\n\n".join(parts + ([alt] if alt else []))


def slug(text: str, taken: dict[str, int]) -> str:
    """The anchor GitHub (and most Markdown viewers) give a heading: small letters, spaces
    as hyphens, punctuation dropped; a repeated one gets -1, -2..."""
    plain = re.sub(r"[^\w\- ]", "", _plain(text).lower()).replace(" ", "-")
    seen = taken.get(plain)
    taken[plain] = 0 if seen is None else seen + 1
    return plain if seen is None else f"{plain}-{seen + 1}"


def _plain(text: str) -> str:
    """Heading text as a viewer shows it: one line, spaces joined."""
    return " ".join(clean_text(text).split())


def _contents(block: Contents, anchors: list[tuple[Heading, str]]) -> str:
    """A linked list of the sections, smaller headings indented under theirs."""
    lines = [f"## {_one_line(block.title) or 'Contents'}", ""]
    for heading, anchor in anchors:
        indent = "" if heading.level == 1 else "  "
        lines.append(f"{indent}- [{_one_line(heading.text) or anchor}](#{anchor})")
    return "\n".join(lines)


def _anchors(doc: Document) -> list[tuple[Heading, str]]:
    """Every listed heading with its anchor, counting every heading (and the contents'
    own) as a viewer does."""
    taken: dict[str, int] = {}
    slug(doc.title or "Supervision pack", taken)
    found: list[tuple[Heading, str]] = []
    for block in doc.blocks:
        if isinstance(block, Contents):
            slug(block.title or "Contents", taken)
        elif isinstance(block, Heading):
            anchor = slug(block.text, taken)
            if block.in_contents:
                found.append((block, anchor))
    return found


def _block(block: Block) -> str:
    """One block as Markdown text (may be empty; the contents are drawn by render)."""
    match block:
        case Contents():
            return ""
        case Heading():
            return _heading(block)
        case Paragraph():
            return _paragraph(block)
        case Bullets():
            return _bullets(block)
        case Table():
            return _table(block)
        case Image():
            return _image(block)
        case PageBreak():
            return "---"
    raise TypeError(f"Unknown pack block: {block!r}")


def render_markdown(doc: Document) -> str:
    """The whole document as Markdown, ending with a newline."""
    parts = ["# " + (_one_line(doc.title) or "Supervision pack")]
    subtitle = _one_line(doc.subtitle)
    if subtitle:
        parts.append(f"*{subtitle}*")
    anchors = _anchors(doc)
    parts += [text for text in (_contents(b, anchors) if isinstance(b, Contents) else _block(b)
                                for b in doc.blocks) if text]
    return "\n\n".join(parts) + "\n"
