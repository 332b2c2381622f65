"""Preparation and pack timings on an already-open journal (the lead passes the 20,000-entry
one): the steps a worker waits for, and writing the pack in each format.

The preparation covers the 4 weeks before the next session, as it does for most workers.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from carejournal.journal import Journal

Record = Callable[..., None]  # record(key, label, samples, note="")


def _timed(call: Callable[[], object], runs: int) -> tuple[list[float], object]:
    samples, result = [], None
    for _ in range(runs):
        begin = time.perf_counter()
        result = call()
        samples.append(time.perf_counter() - begin)
    return samples, result


def bench_supervision(record: Record, runs: int, journal: Journal,
                      today: dt.date | None = None) -> None:
    """Time each preparation step and the export to PDF, DOCX and Markdown."""
    from carejournal.pack.export import plan_pack, write_plan
    from carejournal.pack.write import PackFormat
    from carejournal.supervision import Session

    today = today or dt.date.today()
    journal.supervision.add(Session(today - dt.timedelta(days=28), "Team leader"))
    journal.supervision.add(Session(today + dt.timedelta(days=2), "Team leader"))
    prep = journal.supervision.prepare_next(today)
    steps = journal.preparing
    chosen = len(steps.chosen(prep))
    for key, label, call in (
            ("prep_entries", "prepare: entries of the period", lambda: steps.period_rows(prep)),
            ("prep_language", "prepare: language findings", lambda: steps.language(prep)),
            ("prep_strengths", "prepare: strengths per person", lambda: steps.strengths(prep)),
            ("prep_power", "prepare: power and fallibility", lambda: steps.power(prep)),
            ("prep_plan", "prepare: gather pack + find identifiers",
             lambda: plan_pack(journal, prep))):
        samples, result = _timed(call, runs)
        size = len(result) if isinstance(result, list) else ""
        record(key, label, samples, f"{chosen:,} entries" + (f", {size:,} rows" if size
                                                             else ""))
    plan = plan_pack(journal, prep)
    with tempfile.TemporaryDirectory(prefix="carejournal-pack-") as folder:
        for fmt in PackFormat:
            out = Path(folder) / f"pack.{fmt.value}"
            samples, _ = _timed(lambda f=fmt, o=out: write_plan(plan, o, f), runs)
            record(f"pack_{fmt.value}", f"pack: write {fmt.value} ({chosen:,} entries)",
                   samples, f"{out.stat().st_size / 1e3:,.0f} kB, "
                            f"{len(plan.detected)} identifiers found")
