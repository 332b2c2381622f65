"""Import entries from CSV with a column mapping: date and text required; title, tags, kind
optional. Without a mapping, columns named date, text, title, tags and kind are used."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from carejournal.core.import_plan import ImportPlan, PlannedEntry
from carejournal.exchange.errors import ImportProblem
from carejournal.exchange.reading import read_text
from carejournal.exchange.text_entries import parse_when, planned, split_tags

FIELDS = ("date", "text", "title", "tags", "kind")
MAX_FIELD_CHARS = 10_000_000  # one CSV field; a longer one is refused, naming its line


def parse_mapping(text: str) -> dict[str, str]:
    """'date=Day,text=Note' as {'date': 'Day', 'text': 'Note'}; unknown fields refused."""
    mapping: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        field, sep, column = part.partition("=")
        if not sep or field.strip() not in FIELDS or not column.strip():
            raise ImportProblem("--map", f"'{part}' should be FIELD=COLUMN, with FIELD one of "
                                         + ", ".join(FIELDS))
        mapping[field.strip()] = column.strip()
    return mapping


def preview(path: Path, rows: int = 5) -> tuple[list[str], list[list[str]]]:
    """The column names and the first rows of a CSV file, to choose the columns by; an
    ImportProblem if it cannot be read."""
    text = read_text(path)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [name.strip() for name in next(reader, [])]
        first = [row for row, _ in zip(reader, range(rows), strict=False)]
    except csv.Error as exc:
        raise ImportProblem(f"{path.name}, line {reader.line_num}", f"bad CSV ({exc})") from None
    if not header:
        raise ImportProblem(path.name, "the file is empty")
    return header, first


def guess_mapping(header: list[str]) -> dict[str, str]:
    """The columns a CSV file's header offers for each field, matched by name (any case)."""
    names = {name.casefold(): name for name in header}
    return {field: names[field] for field in FIELDS if field in names}


def mapping_text(mapping: dict[str, str]) -> str:
    """A mapping as --map takes it: 'date=Day,text=Note'."""
    return ",".join(f"{field}={column}" for field, column in mapping.items() if column)


def read_csv(path: Path, mapping: dict[str, str] | None = None) -> ImportPlan:
    """The plan of a CSV file, or ImportProblem naming the line and the problem."""
    return parse_csv(read_text(path), path.name, mapping or {})


def parse_csv(text: str, where: str, mapping: dict[str, str]) -> ImportPlan:
    """The plan of CSV text (the first row names the columns)."""
    csv.field_size_limit(MAX_FIELD_CHARS)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise ImportProblem(where, "the file is empty")
        columns = _columns(header, mapping, where)
        entries = [_entry(row, columns, f"{where}, line {reader.line_num}", index)
                   for index, row in enumerate(reader) if any(c.strip() for c in row)]
    except csv.Error as exc:
        raise ImportProblem(f"{where}, line {reader.line_num}", f"bad CSV ({exc})") from None
    return ImportPlan(entries=tuple(entries))


def _columns(header: list[str], mapping: dict[str, str], where: str) -> dict[str, int]:
    names = {name.strip().casefold(): i for i, name in enumerate(header)}
    columns: dict[str, int] = {}
    for field in FIELDS:
        wanted = mapping.get(field, field)
        if wanted.casefold() in names:
            columns[field] = names[wanted.casefold()]
        elif field in ("date", "text"):
            raise ImportProblem(f"{where}, line 1", f"there is no column '{wanted}' for the "
                                                    f"{field} (use --map {field}=COLUMN)")
    return columns


def _entry(row: list[str], columns: dict[str, int], where: str, index: int) -> PlannedEntry:
    def cell(field: str) -> str:
        at = columns.get(field)
        return row[at] if at is not None and at < len(row) else ""

    return planned(index, where, parse_when(cell("date"), where), cell("text"), cell("title"),
                   split_tags(cell("tags")), cell("kind"))
