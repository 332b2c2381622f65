"""The in-process benchmark runs on a tiny journal and records every row (values not judged)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from benchmarks.core import Recorder
from benchmarks.inprocess import bench_inprocess, search_words, spread
from carejournal.core.domain import EntryFilter
from carejournal.services.demo import fill_demo
from carejournal.services.journal import Journal

TODAY = dt.date(2026, 11, 20)
EXPECTED = (
    "fts_p50", "fts_p95", "open_entry", "open_entry_editor", "timeline_fill", "timeline_page",
    "timeline_scroll_all", "calendar_month", "on_this_day", "lens_build", "lens_check_10k",
    "lens_balance_10k", "lens_load_10k",
    "lens_rehighlight", "lens_keystroke", "spelling_load", "spelling_check_10k_new",
    "spelling_check_10k", "spelling_check_10k_again", "spelling_suggest", "spelling_load_10k",
    "spelling_keystroke", "patterns_warm_up", "patterns_series_12m",
    "patterns_open_warm", "patterns_switch_4w", "patterns_switch_12m", "patterns_switch_3m",
    "patterns_open_warm_all", "patterns_switch_4w_all", "patterns_switch_12m_all",
    "patterns_switch_3m_all", "patterns_open_cold", "patterns_open_after_warm_up",
    "prep_entries", "prep_language", "prep_strengths", "prep_power", "prep_plan",
    "pack_pdf_write", "pack_pdf", "import_jrnl")
WITH_TARGETS = {"fts_p95": 20, "lens_check_10k": 50, "lens_keystroke": 2,
                "spelling_keystroke": 5,
                "patterns_open_warm": 500, "patterns_open_cold": 1500, "patterns_switch_3m": 300,
                "pack_pdf": 5000, "import_jrnl": 10000}


@pytest.fixture
def tiny(tmp_path: Path) -> tuple[Path, Path]:
    """A 40-entry journal and a jrnl export of the same entries."""
    path = tmp_path / "j.sqlite"
    journal = Journal.open(path, create=True)
    try:
        fill_demo(journal, count=40, today=TODAY)
        entries = [journal.get(r.id) for r in journal.rows(EntryFilter())]
    finally:
        journal.close()
    exported = {"tags": {}, "entries": [
        {"title": e.title, "body": e.body, "date": e.occurred_on.isoformat(), "time": "09:30",
         "tags": [f"@{t}" for t in e.tags], "starred": False} for e in entries]}
    jrnl = tmp_path / "jrnl.json"
    jrnl.write_text(json.dumps(exported), encoding="utf-8")
    return path, jrnl


@pytest.mark.slow  # the whole in-process benchmark on a tiny journal: make test-all
def test_bench_inprocess_records_every_row(tiny: tuple[Path, Path]) -> None:
    path, jrnl = tiny
    journal = Journal.open(path)
    try:
        sessions = journal.supervision.sessions()  # the sample's own, and its next one
    finally:
        journal.close()
    rec = Recorder(runs=1)
    bench_inprocess(rec, 1, path, jrnl, TODAY)
    keys = [m.key for m in rec.all()]
    assert sorted(keys) == sorted(EXPECTED)
    for measure in rec.all():
        assert measure.samples and all(s > 0 for s in measure.samples), measure.key
    for key, target in WITH_TARGETS.items():
        assert rec.get(key).target == target
    assert len(rec.get("fts_p50").samples) == 100  # one search per word
    assert "every entry arrived" in rec.get("import_jrnl").note
    journal = Journal.open(path)
    try:
        assert journal.supervision.sessions() == sessions  # the bench left them as they were
    finally:
        journal.close()


def test_search_words_run_from_common_to_rare_and_repeat(tmp_path: Path) -> None:
    journal = Journal.open(tmp_path / "w.sqlite", create=True)
    try:
        fill_demo(journal, count=40, today=TODAY)
        ids = [r.id for r in journal.rows(EntryFilter())]
        words = search_words(journal, ids, count=10)
        assert words == search_words(journal, ids, count=10)
        assert len(words) == 10 == len(set(words))
        hits = [len(journal.rows(EntryFilter(text=w))) for w in words]
        assert hits[0] >= hits[-1] >= 1
    finally:
        journal.close()


def test_spread_takes_both_ends_evenly() -> None:
    assert spread(range(10), 4) == [0, 3, 6, 9]
    assert spread([1, 2], 5) == [1, 2]
