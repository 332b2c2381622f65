"""Import jrnl's JSON export (`jrnl --export json`): title, body, date, time, tags, starred.

Each becomes a reflection; jrnl's '@' is dropped from tags; a starred entry gets the tag
'starred'."""

from __future__ import annotations

from pathlib import Path

from carejournal.core.import_plan import ImportPlan, PlannedEntry
from carejournal.exchange.errors import ImportProblem
from carejournal.exchange.fields import Record
from carejournal.exchange.json_format import loads
from carejournal.exchange.reading import read_text
from carejournal.exchange.text_entries import parse_when, planned


def read_jrnl(path: Path) -> ImportPlan:
    """The plan of a jrnl JSON export, or ImportProblem naming the entry and the problem."""
    return parse_jrnl(read_text(path), path.name)


def parse_jrnl(text: str, where: str) -> ImportPlan:
    """The plan of jrnl JSON text."""
    top = Record(loads(text, where), where)
    if "entries" not in top.value:
        raise ImportProblem(where, "this is not a jrnl export (it has no \"entries\" list)")
    return ImportPlan(entries=tuple(_entry(i, r) for i, r in enumerate(top.records("entries"))))


def _entry(index: int, r: Record) -> PlannedEntry:
    where = f"{r.where.split(',')[0]}, entry {index + 1}"
    day = r.text("date", limit=40)
    time = r.text("time", "", limit=40)
    tags = r.texts("tags")
    if r.optional_bool("starred"):
        tags = [*tags, "starred"]
    return planned(index, where, parse_when(f"{day} {time}".strip(), where), r.text("body", ""),
                   r.text("title", ""), tags)
