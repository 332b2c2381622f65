"""Work the window needs soon but not for its first paint: run at once, or just after it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 2000  # a window that is never painted (say, minimised) still gets the work


class StartUp(QObject):
    """Holds start-up work until `watched` first paints when deferring; else runs it at once."""

    def __init__(self, watched: QWidget, defer: bool) -> None:
        super().__init__(watched)
        self.deferring = defer
        self.pending: list[Callable[[], None]] = []
        if defer:
            watched.installEventFilter(self)
            QTimer.singleShot(FALLBACK_MS, self, self.flush)

    def run(self, work: Callable[[], None]) -> None:
        """Do this work now, or once the first paint is on screen."""
        if self.deferring:
            self.pending.append(work)
        else:
            work()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self.flush)  # queued behind the paint itself
        return False

    def flush(self) -> None:
        """Run the held work (once); later work runs at once."""
        self.deferring = False
        work, self.pending = self.pending, []
        for step in work:
            step()
