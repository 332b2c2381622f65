"""Joins the Patterns view to the main window, and warms matplotlib up after start-up."""

from __future__ import annotations

import datetime as dt
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer

from carejournal.core.changes import Changes
from carejournal.ui.shared import background
from carejournal.ui.shared.problems import PROBLEMS

if TYPE_CHECKING:
    from carejournal.ui.main_window import MainWindow
    from carejournal.ui.patterns.chart_adapter import ChartHit
    from carejournal.ui.patterns.view import PatternsView

WARM_UP_DELAY_MS = 1500  # after the window first appears, so start-up itself stays quick


class PatternsController(QObject):
    """Opens the Patterns window, and shows in the timeline the entries behind a click."""

    def __init__(self, window: MainWindow,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(window)
        self.window = window
        self.today = today
        self.view: PatternsView | None = None
        self.warm_thread: threading.Thread | None = None
        self.warm_timer = QTimer(self, singleShot=True, interval=WARM_UP_DELAY_MS)
        self.warm_timer.timeout.connect(self.warm_up)
        window.installEventFilter(self)
        window.actions_.show_patterns.triggered.connect(self.show_patterns)
        window.changes.changed.connect(self._journal_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Show:
            self.window.removeEventFilter(self)
            self.warm_timer.start()
        return False

    def warm_up(self) -> None:
        """Import matplotlib in a background thread, so the first open is quick."""
        if self.warm_thread is not None or "matplotlib.backends.backend_qtagg" in sys.modules:
            return
        self.warm_thread = background.start(_warm_quietly, name="warm-up-charts")

    def show_patterns(self) -> None:
        """Open (or bring forward) the Patterns window, up to date."""
        if self.view is None:
            from carejournal.ui.patterns.view import PatternsView

            try:
                self.view = PatternsView(self.window.journal, self.today, self.window)
            except PROBLEMS as exc:
                self.window.statusBar().showMessage(str(exc), 5000)
                return
            self.view.show_entries.connect(self.show_entries)
        elif self.view.stale:
            self.view.refresh()
        self.view.show()
        self.view.raise_()
        self.view.activateWindow()

    def show_entries(self, hit: ChartHit, person: str) -> None:
        """Filter the timeline to the entries behind a click, and bring the journal forward."""
        window = self.window
        if window.trash_mode:
            window.actions_.show_trash.setChecked(False)
        window.timeline.filters.show_range(hit.since, hit.until, hit.kind, person)
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()
        window.timeline.view.setFocus()
        if hit.label:
            window.statusBar().showMessage(
                self.tr("Showing the entries behind: {mark}").format(mark=hit.label), 8000)

    def _journal_changed(self, changes: Changes) -> None:
        if self.view is not None and changes.touches_entries:
            self.view.stale = True  # redrawn when next shown or activated, not on every save
            if self.view.isVisible() and self.view.isActiveWindow():
                self.view.refresh()


def _warm_quietly() -> None:
    from carejournal.ui.patterns import chart_adapter  # (and the patterns it draws) after start-up

    try:
        chart_adapter.warm_up()
    except Exception:  # a failed warm-up only means a slower first open
        return
