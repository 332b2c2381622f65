"""Rough timings on a 20,000-entry demo journal: `make bench`.

Builds the journal in a temporary folder, then times the CLI (as real subprocesses,
interpreter start included), the journal service in-process, and the window in a fresh
subprocess (offscreen). Prints a table and writes bench/out/results.json.

    python bench/run.py [--entries N] [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "out" / "results.json"
ENTRIES = 20_000
RUNS = 5
GUI_RUNS = 3
WINDOW_SEARCHES = ("cup tea", "visit", "v")


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def _median_ms(samples: Sequence[float]) -> float:
    return _ms(statistics.median(samples))


def time_call(fn: Callable[[], Any], runs: int) -> tuple[list[float], Any]:
    """Call fn runs times (after one untimed warm-up); return the times and the last result."""
    result = fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        samples.append(time.perf_counter() - start)
    return samples, result


def cli_command() -> list[str]:
    """The installed `carejournal` script beside this interpreter, or `python -m carejournal`."""
    script = Path(sys.executable).parent / "carejournal"
    return [str(script)] if script.exists() else [sys.executable, "-m", "carejournal"]


def child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "CAREJOURNAL_JOURNAL"}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def run_cli(journal: Path, args: list[str]) -> str:
    done = subprocess.run([*cli_command(), "--journal", str(journal), *args],
                          capture_output=True, text=True, env=child_env(), check=False)
    if done.returncode != 0:
        raise SystemExit(f"bench: carejournal {' '.join(args)} failed:\n{done.stderr}")
    return done.stdout


# -- the window, measured in a fresh interpreter ----------------------------------------------
def gui_child(journal_path: str, settings_path: str) -> dict[str, Any]:
    """Runs in the subprocess: open the window on the journal and time what a person waits for."""
    start = time.perf_counter()
    from PySide6.QtCore import QSettings

    from carejournal.app import make_application
    from carejournal.journal import Journal
    from carejournal.ui.main_window import MainWindow

    imported = time.perf_counter()
    app = make_application([sys.argv[0]])
    journal = Journal.open(Path(journal_path), create=True)
    opened = time.perf_counter()
    window = MainWindow(journal, QSettings(settings_path, QSettings.Format.IniFormat))
    built = time.perf_counter()
    window.show()
    app.processEvents()
    painted = time.perf_counter()
    painted_epoch = time.time()
    window.patterns.warm_timer.stop()  # its background import would skew the timed searches
    none_refs = sys.getrefcount(None)
    result: dict[str, Any] = {
        "first_paint_epoch": painted_epoch,
        "import_s": imported - start,
        "app_and_open_s": opened - imported,
        "construct_s": built - opened,
        "show_first_paint_s": painted - built,
        "construct_and_show_s": painted - opened,
        "total_in_process_s": painted - start,
        "matplotlib_loaded": "matplotlib" in sys.modules,
        "rows_shown": window.timeline.model.rowCount(),
    }

    filters = window.timeline.filters

    def search(text: str) -> Callable[[], int]:
        def go() -> int:
            filters.search.setText(text)
            filters.flush_search()
            app.processEvents()
            return window.timeline.model.rowCount()
        return go

    searches: dict[str, Any] = {}
    for text in (*WINDOW_SEARCHES, ""):
        samples = []
        for _ in range(RUNS):
            search("" if text else "cup tea")()  # start from a different list
            begin = time.perf_counter()
            shown = search(text)()
            samples.append(time.perf_counter() - begin)
        searches[text] = {"samples_s": samples, "rows": shown}
    result["search_refresh"] = searches

    view = window.timeline.view
    scrolls = []
    for _ in range(RUNS):
        view.scrollToTop()
        app.processEvents()
        begin = time.perf_counter()
        view.scrollToBottom()
        app.processEvents()
        scrolls.append(time.perf_counter() - begin)
    result["scroll_to_bottom_s"] = scrolls
    # PySide6 6.12.0 on Python 3.11 loses a reference to None each time a Python model's
    # data() returns None to C++; once the count reaches zero the process aborts. Searching
    # and scrolling create no lasting references to None, so any change here is that leak.
    result["none_refcount_drift"] = sys.getrefcount(None) - none_refs
    window.autosaver.discard()
    window.close()
    journal.close()
    return result


def run_gui(journal: Path, tmp: Path, index: int) -> dict[str, Any]:
    settings = tmp / f"settings-{index}.ini"
    spawned = time.time()
    begin = time.perf_counter()
    done = subprocess.run(
        [sys.executable, __file__, "--gui-child", str(journal), str(settings)],
        capture_output=True, text=True, env=child_env(), check=False)
    wall = time.perf_counter() - begin
    lines = done.stdout.strip().splitlines()
    if not lines:
        raise SystemExit(f"bench: the window subprocess failed:\n{done.stderr}")
    result = json.loads(lines[-1])  # printed (and flushed) before the process exits
    result["subprocess_wall_s"] = wall
    result["spawn_to_first_paint_s"] = result["first_paint_epoch"] - spawned
    result["exit_code"] = done.returncode
    result["stderr_tail"] = done.stderr.strip().splitlines()[-6:]
    return result


# -- the whole run -------------------------------------------------------------------------------
def bench(entries: int, runs: int) -> tuple[list[tuple[str, float, int, str]], dict[str, Any]]:
    from lens_bench import bench_check, bench_highlight
    from patterns_bench import bench_patterns
    from supervision_bench import bench_supervision

    from carejournal.demo import fill_demo
    from carejournal.domain import EntryFilter
    from carejournal.journal import Journal

    rows: list[tuple[str, float, int, str]] = []
    data: dict[str, Any] = {
        "entries": entries, "runs": runs, "python": platform.python_version(),
        "platform": platform.platform(), "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "results": {},
    }

    def record(key: str, label: str, samples: list[float], note: str = "",
               **extra: Any) -> None:
        rows.append((label, _median_ms(samples), len(samples), note))
        data["results"][key] = {"label": label, "median_ms": _median_ms(samples),
                                "samples_ms": [_ms(s) for s in samples], "note": note, **extra}

    with tempfile.TemporaryDirectory(prefix="carejournal-bench-") as folder:
        tmp = Path(folder)
        path = tmp / "journal.sqlite"
        begin = time.perf_counter()
        journal = Journal.open(path, create=True)
        added = fill_demo(journal, count=entries)
        built = time.perf_counter() - begin
        size_mb = path.stat().st_size / 1e6
        record("build", f"build journal (fill_demo {added:,})", [built],
               f"{size_mb:.1f} MB file")
        print(f"built {added:,} entries in {built:.1f}s; timing…", file=sys.stderr)

        try:
            for key, args, text, limit in (
                    ("search_cup_tea", ["search", "cup tea"], "cup tea", None),
                    ("search_visit_n20", ["search", "visit", "-n", "20"], "visit", 20)):
                samples, out = time_call(lambda a=args: run_cli(path, a), runs)
                hits = sum(1 for line in out.splitlines() if line[:6].strip().isdigit())
                record(f"cli_{key}", f"cli: carejournal {' '.join(args)}", samples,
                       f"{hits:,} rows printed", rows=hits)
                flt = EntryFilter(text=text, limit=limit)
                samples, found = time_call(lambda f=flt: journal.rows(f), runs)
                record(f"rows_{key}", f"  in-process rows(text={text!r}"
                       + (f", limit={limit})" if limit else ")"), samples,
                       f"{len(found):,} rows", rows=len(found))

            samples, out = time_call(lambda: run_cli(path, ["list", "-n", "20"]), runs)
            record("cli_list_n20", "cli: carejournal list -n 20", samples,
                   f"{len(out.splitlines())} lines")
            samples, found = time_call(lambda: journal.rows(EntryFilter()), runs)
            record("rows_all", "in-process rows(EntryFilter()) all", samples,
                   f"{len(found):,} rows", rows=len(found))
            bench_patterns(record, runs, journal)
            bench_supervision(record, runs, journal)
            samples, _ = time_call(lambda: run_cli(path, ["--version"]), runs)
            record("cli_version", "cli: carejournal --version (baseline)", samples,
                   "interpreter start + CLI imports")
        finally:
            journal.close()

        bench_check(record, runs)
        bench_highlight(record, runs)
        guis = [run_gui(path, tmp, i) for i in range(GUI_RUNS)]
        data["window_runs"] = guis
        first = guis[0]
        record("gui_first_paint", "window: fresh process, spawn to first paint",
               [g["spawn_to_first_paint_s"] for g in guis], "wall, incl. interpreter start")
        record("gui_import", "  import PySide6 + carejournal.ui", [g["import_s"] for g in guis])
        record("gui_open", "  QApplication + Journal.open", [g["app_and_open_s"] for g in guis])
        record("gui_construct", "  MainWindow(...) construct", [g["construct_s"] for g in guis],
               f"{first['rows_shown']:,} rows loaded")
        record("gui_show", "  show() + processEvents (first paint)",
               [g["show_first_paint_s"] for g in guis])
        record("gui_construct_and_show", "  construct + first paint",
               [g["construct_and_show_s"] for g in guis])
        loaded = any(g["matplotlib_loaded"] for g in guis)
        data["matplotlib_loaded_after_show"] = loaded
        data["window_exit_codes"] = [g["exit_code"] for g in guis]
        data["none_refcount_drift"] = [g["none_refcount_drift"] for g in guis]
        for text in (*WINDOW_SEARCHES, ""):
            samples = [s for g in guis for s in g["search_refresh"][text]["samples_s"]]
            shown = first["search_refresh"][text]["rows"]
            label = f"window: search refresh {text!r}" if text else "window: clear search"
            record(f"gui_search_{text or 'clear'}".replace(" ", "_"), label, samples,
                   f"{shown:,} rows shown", rows=shown)
        record("gui_scroll_bottom", "window: scrollToBottom + processEvents",
               [s for g in guis for s in g["scroll_to_bottom_s"]])
    return rows, data


def print_table(rows: list[tuple[str, float, int, str]], data: dict[str, Any]) -> None:
    width = max(len(r[0]) for r in rows)
    print(f"{'measurement':<{width}}  {'median ms':>10}  {'runs':>4}  note")
    print(f"{'-' * width}  {'-' * 10}  {'-' * 4}  {'-' * 28}")
    for label, median, count, note in rows:
        print(f"{label:<{width}}  {median:>10,.1f}  {count:>4}  {note}")
    print("matplotlib in sys.modules after the window's first paint: "
          f"{data['matplotlib_loaded_after_show']}")
    codes, drift = data["window_exit_codes"], data["none_refcount_drift"]
    print(f"window subprocess exit codes: {codes}; refcount of None after searching "
          f"and scrolling changed by {drift}")
    if any(codes) or min(drift) < -1000:
        print("WARNING: the window process lost references to None and/or crashed on exit "
              "(see none_refcount_drift and stderr_tail in results.json).")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=ENTRIES)
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--gui-child", nargs=2, metavar=("JOURNAL", "SETTINGS"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.gui_child:
        print(json.dumps(gui_child(*args.gui_child)), flush=True)
        return 0
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    begin = time.perf_counter()
    rows, data = bench(args.entries, args.runs)
    data["total_s"] = round(time.perf_counter() - begin, 1)
    print_table(rows, data)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(f"total {data['total_s']}s; wrote {os.path.relpath(OUT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
