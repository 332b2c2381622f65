"""How the CLI prints entries: plain text for people, JSON for scripts."""

from __future__ import annotations

import json
import sys
from typing import Any

from carejournal.domain import Entry, EntryRow, occurred_at_iso


def row_json(row: EntryRow) -> dict[str, Any]:
    """A timeline row as a JSON object (a snippet of the text instead of the body)."""
    data: dict[str, Any] = {
        "id": row.id,
        "kind": row.kind.value,
        "occurred_at": occurred_at_iso(row.occurred_on, row.occurred_time),
        "shift": row.shift,
        "title": row.title,
        "summary": row.summary,
        "people": list(row.people),
        "tags": list(row.tags),
    }
    if row.snippet:
        data["snippet"] = row.snippet
    return data


def entry_json(entry: Entry) -> dict[str, Any]:
    """A whole entry as a JSON object."""
    return {
        "id": entry.id,
        "kind": entry.kind.value,
        "occurred_at": occurred_at_iso(entry.occurred_on, entry.occurred_time),
        "shift": entry.shift,
        "title": entry.title,
        "body": entry.body,
        "people": list(entry.people),
        "tags": list(entry.tags),
        "feeling": ({"score": entry.feeling.score, "word": entry.feeling.word}
                    if entry.feeling else None),
        "created_at": entry.created_at.isoformat(timespec="seconds"),
        "updated_at": entry.updated_at.isoformat(timespec="seconds"),
        "in_trash": entry.deleted_at is not None,
        "little_things": [{"act_id": a.act_id, "act": a.label, "note": a.note}
                          for a in entry.acts],
    }


def print_json(data: object) -> None:
    """Print JSON, keeping non-ASCII text readable where the terminal allows."""
    utf8 = (sys.stdout.encoding or "").lower().replace("-", "") == "utf8"
    print(json.dumps(data, ensure_ascii=not utf8, indent=2))


def _when(row: EntryRow | Entry) -> str:
    when = row.occurred_on.isoformat()
    if row.occurred_time:
        when += " " + row.occurred_time.strftime("%H:%M")
    return when


def print_rows(rows: list[EntryRow], empty: str, snippets: bool = False) -> None:
    """One line per entry: id, when, kind, summary, people."""
    if not rows:
        print(empty)
        return
    for row in rows:
        people = f"  ({', '.join(row.people)})" if row.people else ""
        print(f"{row.id:>6}  {_when(row):<16}  {row.kind.value:<11}  {row.summary}{people}")
        if snippets and row.snippet:
            print(f"{'':>8}{' '.join(row.snippet.split())}")


def print_entry(entry: Entry) -> None:
    """An entry in full, headed by its details."""
    print(f"Entry {entry.id} · {entry.kind.value} · {_when(entry)}"
          + (f" · {entry.shift} shift" if entry.shift else ""))
    if entry.deleted_at:
        print("(in the trash)")
    if entry.people:
        print("People: " + ", ".join(entry.people))
    if entry.tags:
        print("Tags: " + ", ".join(entry.tags))
    for act in entry.acts:
        print(f"Little thing: {act.label}" + (f" — {act.note}" if act.note else ""))
    if entry.feeling:
        print(f"Feeling: {entry.feeling.score}/5 {entry.feeling.word}".rstrip())
    if entry.title:
        print(f"\n{entry.title}")
    print(f"\n{entry.body}")
