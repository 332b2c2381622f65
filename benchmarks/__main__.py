"""`make bench`: CareJournal's benchmark suite, side by side with jrnl, as a Markdown table.

    python -m benchmarks [--entries N] [--runs N] [--out FILE] [--only SECTION ...]
    python -m benchmarks --smoke --out FILE     (tiny data, one run: part of `make test`)

Builds a heavy user's journal (benchmarks/dataset.py, fixed seed) and the same entries in
jrnl's text format, in a temporary folder; runs each section; prints the report and writes
it to FILE (default benchmarks/RESULTS.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.core import ROOT, WARM_UP, Recorder

SECTIONS = ("gui", "inprocess", "cli", "encrypted")
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
SMOKE_ENTRIES = 60


def build(folder: Path, entries: int) -> tuple[Path, Path, Path, list[str]]:
    """The journal, the jrnl text journal, jrnl's JSON export of it; and lines for the header."""
    from benchmarks import dataset
    from benchmarks.peer import Jrnl

    begin = time.perf_counter()
    made = dataset.generate(entries)
    generated = time.perf_counter() - begin
    journal, text, export = (folder / "journal.sqlite", folder / "journal.txt",
                             folder / "jrnl-export.json")
    begin = time.perf_counter()
    dataset.write_carejournal(journal, made)
    written = time.perf_counter() - begin
    dataset.write_jrnl(text, made)
    how = "jrnl_export (jrnl is not installed)"
    if Jrnl.available():
        export.write_text(Jrnl(folder / "export-home", text).run(["--export", "json"]),
                          encoding="utf-8")
        how = "`jrnl --export json` of the text journal"
    else:
        dataset.write_jrnl_export(export, made)
    words = sum(len(e.body.split()) for e in made)
    lines = [f"Journal: {journal.stat().st_size / 1e6:.1f} MB SQLite, "
             f"{text.stat().st_size / 1e6:.1f} MB jrnl text, {words:,} words; generated in "
             f"{generated:.1f} s, written to SQLite in {written:.1f} s",
             f"The jrnl JSON imported below is {how}"]
    print(f"bench: built {len(made):,} entries", file=sys.stderr, flush=True)
    return journal, text, export, lines


def run(entries: int, runs: int, only: tuple[str, ...], smoke: bool) -> tuple[Recorder, list[str]]:
    """Every chosen section on fresh data."""
    from benchmarks.dataset import END

    rec = Recorder(runs)
    with tempfile.TemporaryDirectory(prefix="carejournal-bench-") as name:
        folder = Path(name)
        journal, text, export, lines = build(folder, entries)
        if "gui" in only:
            from benchmarks.gui import bench_gui

            bench_gui(rec, runs, journal)
        if "inprocess" in only:
            from benchmarks.inprocess import bench_inprocess

            bench_inprocess(rec, runs, journal, export, END + dt.timedelta(days=1),
                            cold_patterns=not smoke)
        if "encrypted" in only:
            from benchmarks.encrypted import bench_encrypted

            bench_encrypted(rec, runs, journal, folder)
        if "cli" in only:  # last: `add` changes both journals
            from benchmarks.cli_bench import CROSSOVER_SIZES, bench_cli

            bench_cli(rec, runs, journal, text, sizes=(0,) if smoke else CROSSOVER_SIZES)
    return rec, lines


def main(argv: list[str] | None = None) -> int:
    from benchmarks.report import render

    parser = argparse.ArgumentParser(prog="python -m benchmarks",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--only", nargs="+", choices=SECTIONS, default=list(SECTIONS))
    parser.add_argument("--smoke", action="store_true",
                        help=f"{SMOKE_ENTRIES} entries, one run, a one-size sweep")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    entries, runs = (SMOKE_ENTRIES, 1) if args.smoke else (args.entries, args.runs)
    WARM_UP["on"] = not args.smoke
    begin = time.perf_counter()
    rec, lines = run(entries, runs, tuple(args.only), args.smoke)
    lines.append(f"The whole run took {time.perf_counter() - begin:.0f} s")
    report = render(rec, entries, lines)
    print(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    print(f"bench: wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
