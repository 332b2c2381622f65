"""Import Markdown files, one entry each: the date from front matter ('date: 2024-05-01')
or from the file name (e.g. 2024-05-01-visit.md); title, tags and kind from front matter,
or the title from a first '# heading'."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from carejournal.core.import_plan import ImportPlan, PlannedEntry
from carejournal.exchange.errors import ImportProblem
from carejournal.exchange.reading import read_text
from carejournal.exchange.text_entries import parse_when, planned, split_tags

MAX_MARKDOWN_BYTES = 20 * 1024 * 1024  # one Markdown file
_NAME_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def read_markdown(paths: Sequence[Path]) -> ImportPlan:
    """The plan of Markdown files, or ImportProblem naming the file and the problem."""
    return ImportPlan(entries=tuple(
        parse_markdown(read_text(p, MAX_MARKDOWN_BYTES), p.name, i) for i, p in enumerate(paths)))


def parse_markdown(text: str, name: str, ref: int = 0) -> PlannedEntry:
    """One entry from a Markdown file's text and name."""
    meta, body, line = _front_matter(text, name)
    date_text = meta.get("date") or _date_in_name(name)
    if not date_text:
        raise ImportProblem(name, "no date: put it in the file name (2024-05-01-note.md) "
                                  "or in front matter (date: 2024-05-01)")
    where = f"{name}, line {line}" if "date" in meta else name
    title = meta.get("title", "")
    if not title:
        first, _, rest = body.lstrip("\n").partition("\n")
        if first.startswith("# "):
            title, body = first[2:], rest
    return planned(ref, name, parse_when(date_text, where), body, title.strip("\"'"),
                   split_tags(meta.get("tags", "").strip("[]")), meta.get("kind", ""))


def _date_in_name(name: str) -> str:
    found = _NAME_DATE.search(name)
    return found.group(0) if found else ""


def _front_matter(text: str, name: str) -> tuple[dict[str, str], str, int]:
    """Simple 'key: value' front matter between '---' lines, the body, the date's line."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text, 1
    meta: dict[str, str] = {}
    date_line = 1
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() in ("---", "..."):
            return meta, "\n".join(lines[number:]), date_line
        key, sep, value = line.partition(":")
        if sep and key.strip():
            meta[key.strip().lower()] = value.strip()
            date_line = number if key.strip().lower() == "date" else date_line
    raise ImportProblem(name, "the front matter that starts on line 1 never ends (no '---')")
