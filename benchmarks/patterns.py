"""Patterns view timings: opening it (matplotlib warm, and cold in a fresh process) and
switching the period, on an already-open journal.

"Painted" means what a person waits for: the view on screen with the charts in sight drawn
(charts scrolled out of sight are drawn when they come into view). "All drawn" also renders
every chart, the upper bound.

    python -m benchmarks.patterns --cold|--warmed JOURNAL YYYY-MM-DD
        (the fresh-process half, used by bench_patterns; prints seconds)
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchmarks.core import Recorder, child_env

if TYPE_CHECKING:
    from carejournal.services.journal import Journal
    from carejournal.ui.patterns.view import PatternsView

SWITCHES = ("4w", "12m", "3m")
COLD_RUNS = 3
SIZE = (1280, 800)
OPEN_WARM_MS = 500
OPEN_COLD_MS = 1500
SWITCH_MS = 300


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
    from carejournal.ui.patterns.view import PatternsView

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


def bench_patterns(rec: Recorder, runs: int, journal: Journal, today: dt.date,
                   cold: bool = True) -> None:
    """Time the Patterns view on this open journal: warm open, period switches, cold open."""
    from carejournal.core.patterns import PeriodChoice, period_for
    from carejournal.ui.patterns import chart_adapter

    app = _app()
    begin = time.perf_counter()
    chart_adapter.warm_up()  # what the window does in the background after start-up
    rec.add("patterns_warm_up", "Patterns: import matplotlib + charts (background warm-up)",
            [time.perf_counter() - begin], note="0 if this process had them already")
    period = period_for(PeriodChoice.MONTHS_12, today)
    samples = [_series(journal, period, today) for _ in range(runs)]
    rec.add("patterns_series_12m", "Patterns: journal.patterns.all(12 months)", samples)
    for all_drawn, tag, how in ((False, "", "painted"), (True, "_all", "all drawn")):
        _open_and_switch(rec, runs, journal, today, app, all_drawn, tag, how)
    if cold:
        found = [run_cold(journal.path, today) for _ in range(min(runs, COLD_RUNS))]
        rec.add("patterns_open_cold", "Patterns: open in a fresh process (cold)",
                [c["open_s"] for c in found], target=OPEN_COLD_MS,
                note="imports matplotlib on the spot")
        rec.add("patterns_open_after_warm_up",
                "Patterns: open in a fresh process after the background warm-up",
                [c["open_after_warm_up_s"] for c in found], target=OPEN_WARM_MS,
                note="warm-up joined first")


def _open_and_switch(rec: Recorder, runs: int, journal: Journal, today: dt.date, app: Any,
                     all_drawn: bool, tag: str, how: str) -> None:
    opens: list[float] = []
    switches: dict[str, list[float]] = {choice: [] for choice in SWITCHES}
    charts = 0
    for _ in range(runs):
        begin = time.perf_counter()
        view = _open(journal, today, app, all_drawn)
        opens.append(time.perf_counter() - begin)
        charts = len(view.cards)
        _finish(view)
        for choice in SWITCHES:
            switches[choice].append(_switch(view, app, choice, all_drawn))
        view.close()
        view.deleteLater()
        _settle(app)
    bound = {} if all_drawn else {"target": OPEN_WARM_MS}
    rec.add(f"patterns_open_warm{tag}", f"Patterns: open the view, matplotlib warm ({how})",
            opens, note=f"{charts} charts; first sample is the first open", **bound)
    for choice in SWITCHES:
        bound = {} if all_drawn else {"target": SWITCH_MS}
        rec.add(f"patterns_switch_{choice}{tag}", f"Patterns: switch period to {choice} ({how})",
                switches[choice], **bound)


def _series(journal: Journal, period: Any, today: dt.date) -> float:
    begin = time.perf_counter()
    journal.patterns.all(period, today)
    return time.perf_counter() - begin


def run_cold(journal_path: Path, today: dt.date) -> dict[str, float]:
    """The cold half, each in a fresh interpreter (the real window, opening from the menu)."""
    found: dict[str, float] = {}
    for flag, key in (("--cold", "open_s"), ("--warmed", "open_after_warm_up_s")):
        done = subprocess.run([sys.executable, "-m", "benchmarks.patterns", flag,
                               str(journal_path), today.isoformat()], capture_output=True,
                              text=True, env=child_env(), check=False)
        lines = done.stdout.strip().splitlines()
        if done.returncode != 0 or not lines:
            raise RuntimeError(f"the patterns subprocess failed:\n{done.stderr[-2000:]}")
        found[key] = float(lines[-1])
    return found


def cold_child(journal_path: str, today_text: str, warm_first: bool) -> float:
    """In a fresh process: the main window, then View › Patterns; seconds to painted."""
    import tempfile

    from PySide6.QtCore import QSettings

    from carejournal.services.journal import Journal
    from carejournal.ui.main_window import MainWindow

    app = _app()
    today = dt.date.fromisoformat(today_text)
    journal = Journal.open(Path(journal_path))
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(journal, settings,
                            clock=lambda: dt.datetime.combine(today, dt.time(12)))
        window.show()
        _settle(app)
        if "matplotlib" in sys.modules:
            raise RuntimeError("the window imported matplotlib at start-up")
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
    raise SystemExit(main(sys.argv[1:]))
