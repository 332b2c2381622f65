"""In-process timings on the heavy journal: full-text search, opening entries, the timeline,
the language lens, the Patterns view, preparing supervision and its pack, and importing
jrnl's export of every entry into a new journal."""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.core import Recorder, percentile, time_runs
from benchmarks.inprocess_ui import (
    bench_editor,
    bench_lens,
    bench_spelling,
    bench_start_up_stall,
    bench_timeline,
    each_timed,
)

if TYPE_CHECKING:
    from carejournal.services.journal import Journal

SEARCH_WORDS = 100
SEARCH_LIMIT = 50
SEARCH_P95_MS = 20
SAMPLE_ENTRIES = 400
OPENED = 50
PREP_DAYS = 91
PACK_MS = 5_000
IMPORT_MS = 10_000
HEAVY_RUNS = 3  # whole imports and packs take seconds each
_TOKEN = re.compile(r"[^\W\d_]{3,}")


def bench_inprocess(rec: Recorder, runs: int, journal_path: Path, jrnl_json: Path,
                    today: dt.date, cold_patterns: bool = True) -> None:
    """Every in-process measurement, on the journal at journal_path (left as it was)."""
    from benchmarks.patterns import bench_patterns
    from carejournal.core.domain import EntryFilter
    from carejournal.services.journal import Journal

    journal = Journal.open(journal_path)
    try:
        ids = [r.id for r in journal.rows(EntryFilter())]
        rec.section(f"In-process ({len(ids):,} entries)")
        bench_search(rec, journal, ids)
        bench_open(rec, journal, ids)
        bench_timeline(rec, runs, journal)
        bench_calendar(rec, runs, journal, today)
        bench_lens(rec, runs)
        bench_spelling(rec, runs)
        bench_start_up_stall(rec, min(runs, 3), journal)
        rec.section("Patterns view")
        bench_patterns(rec, runs, journal, today, cold=cold_patterns)
        rec.section("Supervision and import")
        bench_supervision(rec, runs, journal, today)
    finally:
        journal.close()
    bench_import(rec, runs, jrnl_json)


def spread(items: Sequence[int], count: int) -> list[int]:
    """count items evenly spread over the sequence (all of them if there are fewer)."""
    if len(items) <= count:
        return list(items)
    return [items[i * (len(items) - 1) // (count - 1)] for i in range(count)]


def search_words(journal: Journal, ids: Sequence[int], count: int = SEARCH_WORDS) -> list[str]:
    """count words from the journal's own text, from the most common to the rarest."""
    counts: Counter[str] = Counter()
    for entry_id in spread(ids, SAMPLE_ENTRIES):
        entry = journal.get(entry_id)
        counts.update(set(_TOKEN.findall(f"{entry.title} {entry.body}".casefold())))
    ranked = sorted(counts, key=lambda w: (-counts[w], w))
    return [ranked[i] for i in sorted(set(spread(range(len(ranked)), count)))]


def bench_search(rec: Recorder, journal: Journal, ids: Sequence[int]) -> None:
    """Search as the app does (top 50 with snippets), once per word after a warm-up."""
    from carejournal.core.domain import EntryFilter

    words = search_words(journal, ids)
    found: dict[str, int] = {}

    def search(word: str) -> None:
        rows = journal.rows(EntryFilter(text=word, limit=SEARCH_LIMIT))
        if rows and not rows[0].snippet:
            raise RuntimeError(f"searching for {word!r} gave rows without snippets")
        found[word] = len(rows)
    for word in words[:5]:
        search(word)  # untimed: warm the page cache and the statement cache
    samples = each_timed(search, words)
    full = sum(1 for n in found.values() if n == SEARCH_LIMIT)
    rec.add("fts_p50", f"Search: top {SEARCH_LIMIT} with snippets, p50 over {len(words)} words",
            samples, note=f"{full} of the words fill all {SEARCH_LIMIT} rows")
    p95 = percentile(samples, 0.95)
    rec.add("fts_p95", f"Search: top {SEARCH_LIMIT} with snippets, p95 over {len(words)} words",
            [p95], target=SEARCH_P95_MS, note=f"slowest {max(samples) * 1000:.1f} ms")


def bench_open(rec: Recorder, journal: Journal, ids: Sequence[int]) -> None:
    """Read entries in full from across the journal, then show them in the editor."""
    chosen = spread(ids, OPENED)
    journal.get(chosen[0])
    rec.add("open_entry", "Open an entry: journal.get", each_timed(journal.get, chosen),
            note=f"{len(chosen)} entries across the journal")
    bench_editor(rec, journal, chosen)


def bench_calendar(rec: Recorder, runs: int, journal: Journal, today: dt.date) -> None:
    """The month view's days with entries (this month's), and "on this day" for today."""
    samples, days = time_runs(lambda: journal.days_with_entries(today.year, today.month), runs)
    rec.add("calendar_month", "Calendar: days with entries in one month", samples,
            note=f"{len(days)} days with entries")
    samples, found = time_runs(lambda: journal.on_this_day(today, limit=3), runs)
    rec.add("on_this_day", "On this day: entries from earlier years", samples,
            note=f"{len(found)} shown")


def bench_supervision(rec: Recorder, runs: int, journal: Journal, today: dt.date) -> None:
    """Prepare for a session covering 3 months, and write its PDF pack."""
    from carejournal.core.supervision import Session

    session_id = journal.supervision.add(Session(today + dt.timedelta(days=1), "Team leader"))
    try:
        _prepare_and_pack(rec, runs, journal, today, session_id)
    finally:
        journal.supervision.delete(session_id)


def _prepare_and_pack(rec: Recorder, runs: int, journal: Journal, today: dt.date,
                      session_id: int) -> None:
    from carejournal.pack.write import PackFormat
    from carejournal.services.packs import plan_pack, write_plan

    prep = journal.supervision.preparation(session_id, today)
    prep.since, prep.until = today - dt.timedelta(days=PREP_DAYS), today
    steps = journal.preparing
    chosen = len(steps.chosen(prep))
    for key, label, call in (
            ("prep_entries", "Prepare: entries of the period", lambda: steps.period_rows(prep)),
            ("prep_language", "Prepare: language findings", lambda: steps.language(prep)),
            ("prep_strengths", "Prepare: strengths per person", lambda: steps.strengths(prep)),
            ("prep_power", "Prepare: power and fallibility", lambda: steps.power(prep))):
        samples, result = time_runs(call, runs)
        size = f", {len(result):,} rows" if isinstance(result, list) else ""
        rec.add(key, f"{label} (3 months)", samples, note=f"{chosen:,} entries{size}")
    with tempfile.TemporaryDirectory(prefix="carejournal-pack-") as folder:
        out = Path(folder) / "pack.pdf"
        plans, writes, totals = [], [], []
        for _ in range(min(runs, HEAVY_RUNS)):
            begin = time.perf_counter()
            plan = plan_pack(journal, prep)
            middle = time.perf_counter()
            write_plan(plan, out, PackFormat.PDF)
            end = time.perf_counter()
            plans.append(middle - begin)
            writes.append(end - middle)
            totals.append(end - begin)
        size = out.stat().st_size / 1e3
    rec.add("prep_plan", "Pack: gather + find identifiers (3 months)", plans,
            note=f"{len(plan.detected)} identifiers found")
    rec.add("pack_pdf_write", "Pack: write the PDF (3 months)", writes, note=f"{size:,.0f} kB")
    rec.add("pack_pdf", "Pack: export a 3-month PDF pack (gather + write)", totals,
            target=PACK_MS, note=f"{chosen:,} entries")


def bench_import(rec: Recorder, runs: int, jrnl_json: Path) -> None:
    """Import jrnl's JSON export into a new empty journal, as `carejournal import` does."""
    from carejournal.services.importing import import_files
    from carejournal.services.journal import Journal

    expected = len(json.loads(jrnl_json.read_text(encoding="utf-8"))["entries"])
    samples = []
    for n in range(min(runs, HEAVY_RUNS)):
        with tempfile.TemporaryDirectory(prefix="carejournal-import-") as folder:
            journal = Journal.open(Path(folder) / f"import{n}.db", create=True)
            try:
                begin = time.perf_counter()
                report = import_files(journal, "jrnl", [jrnl_json])
                samples.append(time.perf_counter() - begin)
                count = journal.count()
            finally:
                journal.close()
        if report.entries_added != expected or count != expected:
            raise RuntimeError(f"the import added {report.entries_added} entries "
                               f"({count} in the journal), not {expected}")
    rec.add("import_jrnl", f"Import jrnl's JSON export of {expected:,} entries (new journal)",
            samples, target=IMPORT_MS, note="checked: every entry arrived")
