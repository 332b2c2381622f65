"""The JSON export's layout: one line a key and one a record, the same values as the document."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from carejournal.core.domain import EntryKind, Feeling
from carejournal.exchange.json_format import dumps
from carejournal.services.journal import Journal
from carejournal.services.json_export import document, export_json
from tests.conftest import draft


def test_each_record_is_one_line_and_the_values_match_the_document(tmp_path: Path) -> None:
    journal = Journal.open(tmp_path / "j.sqlite", create=True)
    try:
        journal.add(draft("Tea, then a \"walk\"\nin the rain – ☂", people=("Zoë",),
                          feeling=Feeling(4, "calm")))
        journal.add(draft("Sorry I was late", kind=EntryKind.FALLIBILITY))
        out = tmp_path / "all.json"
        assert export_json(journal, out) == 2
        plain = document(journal)
    finally:
        journal.close()
    text = out.read_text(encoding="utf-8")
    saved = json.loads(text)
    saved.pop("exported_at"), plain.pop("exported_at")
    assert saved == plain  # dates written by dumps as the plain document has them
    entry_lines = [line for line in text.splitlines() if '"occurred_on": ' in line]
    assert len(entry_lines) == 2 and "☂" in entry_lines[0] and '\\n' in entry_lines[0]
    assert saved["entries"][0]["feeling"] == {"score": 4, "word": "calm"}


def test_dumps_writes_dates_as_iso_text_and_refuses_what_json_cannot_hold() -> None:
    when = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)
    text = dumps({"at": when, "days": [dt.date(2026, 3, 2), dt.time(9, 30)], "none": []})
    assert json.loads(text) == {"at": "2026-03-02T09:30:00+00:00",
                                "days": ["2026-03-02", "09:30:00"], "none": []}
    with pytest.raises(ValueError):
        dumps({"bad": float("nan")})
