"""Patterns view timings: opening it (matplotlib warm, and cold in a fresh process) and
switching the period, on an already-open journal (the lead passes the 20,000-entry one).

"Painted" means what a person waits for: the view on screen with the charts in sight drawn
(charts scrolled out of sight are drawn when they come into view). "All drawn" also renders
every chart, the upper bound.

    python bench/patterns_bench.py --cold|--warmed JOURNAL YYYY-MM-DD
        (the fresh-process half, used by bench_patterns; prints seconds)
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from carejournal.journal import Journal
    from carejournal.ui.patterns_view import PatternsView

Record = Callable[..., None]  # record(key, label, samples, note="")
SWITCHES = ("4w", "12m", "3m")
COLD_RUNS = 3
SIZE = (1280, 800)


def _app() -> Any:
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([sys.argv[0]])


def _settle(app: Any) -> None:
    for _ in range(3):
        app.processEvents()


def _render_all(view: PatternsView) -> None:
    view.draw_all()
    for card in view.cards.values():
        card.canvas.render_now()


def _finish(view: PatternsView) -> None:
    """Untimed: draw the charts out of sight, as the view does when idle, so that work does
    not fall into the next measurement."""
    view.idle_timer.stop()
    _render_all(view)


def _open(journal: Journal, today: dt.date, app: Any, all_drawn: bool) -> PatternsView:
    from carejournal.ui.patterns_view import PatternsView

    view = PatternsView(journal, lambda: today)
    view.resize(*SIZE)
    view.show()
    _settle(app)
    if all_drawn:
        _render_all(view)
    return view


def _switch(view: PatternsView, app: Any, choice: str, all_drawn: bool) -> float:
    begin = time.perf_counter()
    view.period.setCurrentIndex(view.period.findData(choice))
    _settle(app)
    if all_drawn:
        _render_all(view)
    seconds = time.perf_counter() - begin
    _finish(view)
    return seconds


def bench_patterns(record: Record, runs: int, journal: Journal,
                   today: dt.date | None = None) -> None:
    """Time the Patterns view on this open journal: warm open, period switches, cold open."""
    from carejournal.patterns import PeriodChoice, period_for
    from carejournal.ui import chart_adapter

    today = today or dt.date.today()
    app = _app()
    begin = time.perf_counter()
    chart_adapter.warm_up()  # what the window does in the background after start-up
    record("patterns_warm_up", "patterns: import matplotlib + charts (background warm-up)",
           [time.perf_counter() - begin], "0 if this process had them already")
    samples = [journal_all(journal, period_for(PeriodChoice.MONTHS_12, today), today)
               for _ in range(runs)]
    record("patterns_series_12m", "patterns: journal.patterns.all(12 months)", samples)
    for all_drawn, tag, how in ((False, "", "painted"), (True, "_all", "all drawn")):
        opens, switches = [], {choice: [] for choice in SWITCHES}
        for _ in range(runs):
            begin = time.perf_counter()
            view = _open(journal, today, app, all_drawn)
            opens.append(time.perf_counter() - begin)
            _finish(view)
            for choice in SWITCHES:
                switches[choice].append(_switch(view, app, choice, all_drawn))
            view.close()
            view.deleteLater()
            _settle(app)
        record(f"patterns_open_warm{tag}", f"patterns: open the view, matplotlib warm ({how})",
               opens, f"{len(view.cards)} charts; first sample is the first open")
        for choice in SWITCHES:
            record(f"patterns_switch_{choice}{tag}",
                   f"patterns: switch period to {choice} ({how})", switches[choice])
    cold = [run_cold(journal.path, today) for _ in range(COLD_RUNS)]
    record("patterns_open_cold", "patterns: open the view in a fresh process (cold)",
           [c["open_s"] for c in cold], "imports matplotlib on the spot")
    record("patterns_open_after_warm_up", "patterns: open after the background warm-up",
           [c["open_after_warm_up_s"] for c in cold], "fresh process, warm-up joined first")


def journal_all(journal: Journal, period: Any, today: dt.date) -> float:
    begin = time.perf_counter()
    journal.patterns.all(period, today)
    return time.perf_counter() - begin


def run_cold(journal_path: Path, today: dt.date) -> dict[str, float]:
    """The cold half, each in a fresh interpreter (the real window, opening from the menu)."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    found: dict[str, float] = {}
    for flag, key in (("--cold", "open_s"), ("--warmed", "open_after_warm_up_s")):
        done = subprocess.run([sys.executable, __file__, flag, str(journal_path),
                               today.isoformat()], capture_output=True, text=True, env=env,
                              check=False)
        lines = done.stdout.strip().splitlines()
        if done.returncode != 0 or not lines:
            raise SystemExit(f"bench: the patterns subprocess failed:\n{done.stderr}")
        found[key] = float(lines[-1])
    return found


def cold_child(journal_path: str, today_text: str, warm_first: bool) -> float:
    """In a fresh process: the main window, then View › Patterns; seconds to painted."""
    import tempfile

    from PySide6.QtCore import QSettings

    from carejournal.journal import Journal
    from carejournal.ui.main_window import MainWindow

    app = _app()
    today = dt.date.fromisoformat(today_text)
    journal = Journal.open(Path(journal_path), create=True)
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(journal, settings,
                            clock=lambda: dt.datetime.combine(today, dt.time(12)))
        window.show()
        _settle(app)
        assert "matplotlib" not in sys.modules, "the window imported matplotlib at start-up"
        if warm_first:
            window.patterns.warm_up()
            window.patterns.warm_thread.join()
        begin = time.perf_counter()
        window.actions_.show_patterns.trigger()
        window.patterns.view.resize(*SIZE)
        _settle(app)
        seconds = time.perf_counter() - begin
        window.close()
    journal.close()
    return seconds


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[0] in ("--cold", "--warmed"):
        print(cold_child(argv[1], argv[2], warm_first=argv[0] == "--warmed"), flush=True)
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    raise SystemExit(main(sys.argv[1:]))
