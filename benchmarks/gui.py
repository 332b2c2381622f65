"""GUI cold start against a bare PySide6 window (the floor), and the window's peak memory.

Each start is a fresh interpreter, timed from spawn (time.time() in the parent) to the
first paint of the list (time.time() in the child, printed back as JSON):

- the floor: `import sqlalchemy.orm`, a QApplication and a QMainWindow holding a QListView
  (uniform item sizes) over a QStringListModel with as many rows as the journal has;
- CareJournal: `carejournal.app.main(journal=...)`, the composition `carejournal-gui` runs,
  with throwaway settings. The child only wraps what the app calls (Journal.open, MainWindow,
  the test hook, close_journal) to time the steps; the app itself is unchanged.

    python -m benchmarks.gui JOURNAL [--runs N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.core import Recorder, child_env

MARK = "BENCH-GUI "  # the child's result line starts with this
RSS_TARGET_MB = 250.0
RATIO_TARGET = 1.3
SEARCH_TEXT = "visit"
PAINT_TIMEOUT_S = 30.0
CHILD_TIMEOUT_S = 300.0  # a modal dialog nobody answers fails the run instead of hanging


# -- in the child ---------------------------------------------------------------------------
def peak_rss_mb() -> float:
    """This process's peak resident set size in megabytes.

    On Linux, VmHWM of this process's own memory: getrusage's ru_maxrss is carried over from
    the parent through fork and exec, so a child of a big parent would report the parent's.
    """
    import resource

    try:
        for line in Path("/proc/self/status").read_text(encoding="utf-8").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def cpu_seconds() -> float:
    """CPU time this process has used so far, interpreter start included (user + system)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def paint_watcher(widget: Any, on_paint: Callable[[], None]) -> Any:
    """An event filter on widget that calls on_paint once, at its first Paint event."""
    from PySide6.QtCore import QEvent, QObject

    class Watcher(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                on_paint()
            return False

    watcher = Watcher()
    widget.installEventFilter(watcher)
    return watcher


def rows_in_view(view: Any) -> int:
    """How many rows the list view's viewport has room for."""
    height = view.sizeHintForRow(0) if view.model().rowCount() else 0
    return view.viewport().height() // height + 1 if height > 0 else 0


def emit(result: dict[str, Any]) -> None:
    """Hand the result to the parent."""
    print(MARK + json.dumps(result), flush=True)


def floor_child(rows: int, began: float) -> dict[str, Any]:
    """The floor: a bare window with a list of `rows` rows, and sqlalchemy.orm imported."""
    import sqlalchemy.orm  # noqa: F401
    from PySide6.QtCore import QStringListModel
    from PySide6.QtWidgets import QApplication, QListView, QMainWindow

    imported = time.perf_counter()
    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    view = QListView()
    view.setUniformItemSizes(True)
    model = QStringListModel([f"Entry {n}: a short summary of the day" for n in range(rows)])
    view.setModel(model)
    window.setCentralWidget(view)
    window.resize(1280, 800)
    painted: list[float] = []
    watcher = paint_watcher(view.viewport(), lambda: painted.extend(
        (time.time(), time.perf_counter(), cpu_seconds())))
    window.show()
    deadline = time.perf_counter() + PAINT_TIMEOUT_S
    while not painted and time.perf_counter() < deadline:
        app.processEvents()
    if not painted:
        raise SystemExit("benchmarks.gui: the floor window never painted")
    del watcher
    return {"first_paint_epoch": painted[0], "import_s": imported - began,
            "rows_shown": model.rowCount(), "rss_mb": peak_rss_mb(), "cpu_s": painted[2],
            "total_in_process_s": painted[1] - began}


class AppProbe:
    """Wraps the app's own steps to time them, and measures once the timeline is painted."""

    def __init__(self, began: float, warm: bool) -> None:
        self.began = began
        self.warm = warm
        self.marks: dict[str, float] = {}
        self.result: dict[str, Any] = {}
        self.watcher: Any = None

    def install(self) -> None:
        """Wrap Journal.open, MainWindow, the test hook and close_journal in carejournal.app."""
        import carejournal.app as app_module
        from carejournal.ui import test_hook

        self.marks["imported"] = time.perf_counter()
        real_journal, real_window = app_module.Journal, app_module.MainWindow
        real_hook, probe = test_hook.maybe_run, self

        class TimedJournal:
            @staticmethod
            def open(*args: Any, **kwargs: Any) -> Any:
                probe.marks["opening"] = time.perf_counter()
                journal = real_journal.open(*args, **kwargs)
                probe.marks["opened"] = time.perf_counter()
                return journal

        def timed_window(*args: Any, **kwargs: Any) -> Any:
            window = real_window(*args, **kwargs)
            probe.marks["built"] = time.perf_counter()
            return window

        def hook(window: Any) -> None:
            real_hook(window)
            probe.arm(window)

        app_module.Journal = TimedJournal  # type: ignore[misc, assignment]
        app_module.MainWindow = timed_window  # type: ignore[misc, assignment]
        app_module.close_journal = lambda window: window.journal.close()  # no backup
        test_hook.maybe_run = hook

    def arm(self, window: Any) -> None:
        """Called by the app after show(), before its event loop: wait for the first paint."""
        self.marks["shown"] = time.perf_counter()
        self.watcher = paint_watcher(window.timeline.view.viewport(),
                                     lambda: self.painted(window))

    def painted(self, window: Any) -> None:
        """The timeline's first paint: note what is loaded, then measure the rest."""
        from PySide6.QtCore import QTimer

        self.marks["painted"] = time.perf_counter()
        self.result.update(
            first_paint_epoch=time.time(),
            cpu_s=cpu_seconds(),
            matplotlib_loaded="matplotlib" in sys.modules,
            spylls_loaded="spylls" in sys.modules,  # the spelling dictionary: after the paint
            rows_shown=window.timeline.model.rowCount(),
            rows_visible=rows_in_view(window.timeline.view),
            rows_total=window.journal.count())
        QTimer.singleShot(0, lambda: self.finish(window))

    def finish(self, window: Any) -> None:
        """Search once, scroll to the bottom, read the peak RSS, then quit the app."""
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        while not window.start_up.done or window.timeline.model.rowCount() < \
                self.result["rows_total"]:  # the rest of the rows, after the first paint
            app.processEvents()
        self.marks["loaded"] = time.perf_counter()
        self.result["loaded_epoch"] = time.time()
        window.patterns.warm_timer.stop()  # warmed below, on purpose, after the RSS reading
        filters = window.timeline.filters
        filters.search.setText(SEARCH_TEXT)
        filters.flush_search()
        app.processEvents()
        self.result["search_rows"] = window.timeline.model.rowCount()
        filters.search.setText("")
        filters.flush_search()
        window.timeline.view.scrollToBottom()
        app.processEvents()
        self.result["rss_mb"] = peak_rss_mb()
        if self.warm:
            window.patterns.warm_up()
            if window.patterns.warm_thread is not None:
                window.patterns.warm_thread.join()
            self.result["rss_warm_mb"] = peak_rss_mb()
        window.autosaver.discard()
        app.quit()

    def summary(self) -> dict[str, Any]:
        """The timings of each step, in seconds."""
        m = self.marks
        return self.result | {
            "import_s": m["imported"] - self.began,
            "app_s": m["opening"] - m["imported"],  # QApplication, the journal's lock
            "open_s": m["opened"] - m["opening"],
            "construct_s": m["built"] - m["opened"],
            "first_paint_s": m["painted"] - m["built"],  # show, event loop, first paint
            "rest_s": m["loaded"] - m["painted"],  # the other rows and start-up work
            "total_in_process_s": m["painted"] - self.began}


def app_child(journal: str, began: float, warm: bool) -> dict[str, Any]:
    """CareJournal: the app as `carejournal-gui` runs it, on this journal."""
    probe = AppProbe(began, warm)
    probe.install()
    from carejournal.app import main

    code = main(journal=journal)
    if code != 0 or "first_paint_epoch" not in probe.result:
        raise SystemExit(f"benchmarks.gui: the app ended ({code}) before its first paint")
    return probe.summary()


# -- in the parent --------------------------------------------------------------------------
def run_child(args: Sequence[str], home: Path) -> dict[str, Any]:
    """Spawn a child; its result with spawn_to_paint_s (wall, interpreter start included)."""
    env = child_env(XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"))
    spawned = time.time()
    done = subprocess.run([sys.executable, "-m", "benchmarks.gui", "--child", *args],
                          capture_output=True, text=True, env=env, check=False,
                          timeout=CHILD_TIMEOUT_S)
    lines = [line for line in done.stdout.splitlines() if line.startswith(MARK)]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"benchmarks.gui child {args[0]} failed ({done.returncode}):\n"
                           f"{done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(lines[-1][len(MARK):])
    result["spawn_to_paint_s"] = result["first_paint_epoch"] - spawned
    if "loaded_epoch" in result:
        result["spawn_to_loaded_s"] = result["loaded_epoch"] - spawned
    result["interpreter_s"] = result["child_began_epoch"] - spawned
    return result


def journal_rows(journal_path: Path) -> int:
    """How many entries the journal holds (the floor shows as many rows)."""
    from carejournal.services.journal import Journal

    journal = Journal.open(journal_path)
    try:
        return journal.count()
    finally:
        journal.close()


def bench_gui(rec: Recorder, runs: int, journal_path: Path, warm: bool = True) -> None:
    """Cold start to the timeline painted, against the floor; and peak RSS."""
    rows = journal_rows(journal_path)
    floors: list[dict[str, Any]] = []
    ours: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="carejournal-gui-bench-") as folder:
        for index in range(runs):  # alternate, so drift on the machine hits both alike
            floors.append(run_child(["floor", str(rows)], Path(folder) / f"floor-{index}"))
            ours.append(run_child(["app", str(journal_path)] + ([] if warm else ["--cold"]),
                                  Path(folder) / f"app-{index}"))
    record(rec, floors, ours, rows)


def record(rec: Recorder, floors: list[dict[str, Any]], ours: list[dict[str, Any]],
           rows: int) -> None:
    """Add the rows of the GUI section."""
    rec.section("GUI cold start and memory")
    floor = rec.add("gui_floor", f"floor: bare PySide6 window, {rows:,}-row list "
                    "+ import sqlalchemy.orm", [f["spawn_to_paint_s"] for f in floors],
                    note="spawn to first paint")
    starts = [o["spawn_to_paint_s"] for o in ours]
    rec.add("gui_cold_start", "CareJournal: spawn to window shown, timeline painted", starts,
            ratio=statistics.median(starts) * 1000 / floor.median, ratio_of="floor",
            ratio_target=RATIO_TARGET, note=_start_note(ours))
    if any(o["matplotlib_loaded"] or o.get("spylls_loaded") or not _filled(o) for o in ours):
        rec.notes.append("GUI start: matplotlib or spylls was loaded, or the timeline was not "
                         "filled, at the first paint (see the cold start row).")
    rec.add("gui_loaded", "CareJournal: spawn to every row loaded, start-up work done",
            [o["spawn_to_loaded_s"] for o in ours],
            note="the rows below the first screen are read just after the first paint")
    for key, label in (("interpreter_s", "interpreter start (+ bench module)"),
                       ("import_s", "imports"),
                       ("app_s", "QApplication + journal lock"), ("open_s", "Journal.open"),
                       ("construct_s", "MainWindow(...) construct"),
                       ("first_paint_s", "show + event loop to first paint"),
                       ("rest_s", "after the first paint: the other rows, deferred work")):
        rec.add(f"gui_{key[:-2]}", f"  {label}", [o[key] for o in ours])
    floor_cpu = statistics.median(f["cpu_s"] for f in floors)
    rec.add("gui_floor_cpu", "floor: CPU time to first paint", [f["cpu_s"] for f in floors],
            note="user + system; steadier than wall time on a busy machine")
    cpu = [o["cpu_s"] for o in ours]
    rec.add("gui_cpu", "CareJournal: CPU time to first paint", cpu,
            note=f"{statistics.median(cpu) / floor_cpu:.2f}x the floor's")
    rec.add("gui_rss", "CareJournal peak RSS: open, search once, scroll to bottom",
            [o["rss_mb"] for o in ours], unit="MB", target=RSS_TARGET_MB,
            note=f"floor {min(f['rss_mb'] for f in floors):.0f} MB")
    if all("rss_warm_mb" in o for o in ours):
        rec.add("gui_rss_warm", "  peak RSS after the background matplotlib warm-up",
                [o["rss_warm_mb"] for o in ours], unit="MB")


def _filled(result: dict[str, Any]) -> bool:
    """True if the first paint showed a full screen of rows (or every row, if fewer)."""
    return result["rows_shown"] >= min(result["rows_total"], result["rows_visible"])


def _start_note(ours: list[dict[str, Any]]) -> str:
    first = ours[0]
    filled = all(_filled(o) for o in ours)
    loaded = any(o["matplotlib_loaded"] for o in ours)
    return (f"{first['rows_shown']:,} of {first['rows_total']:,} rows read, "
            f"{first['rows_visible']} in view{'' if filled else ' (NOT filled)'}; matplotlib "
            f"{'LOADED' if loaded else 'not loaded'} at first paint")


def child_main(args: list[str]) -> int:
    """`--child floor ROWS` or `--child app JOURNAL [--cold]`: print one result line."""
    began, began_epoch = time.perf_counter(), time.time()
    if args[0] == "floor":
        result = floor_child(int(args[1]), began)
    else:
        result = app_child(args[1], began, warm="--cold" not in args)
    result["child_began_epoch"] = began_epoch
    emit(result)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--child"]:
        return child_main(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("journal", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    rec = Recorder(runs=args.runs)
    bench_gui(rec, args.runs, args.journal)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
