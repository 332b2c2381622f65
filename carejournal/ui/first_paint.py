"""Work the window needs soon but not for its first paint: run at once, or just after it.

After the paint the held steps run one per turn of the event loop, so a click or a key
pressed meanwhile is handled between them rather than after all of them. Work asked for
while steps are still held (a step that starts a background load, say) joins the end of
the queue: the steps already held run first, so a thread started by a later step does not
share the interpreter with them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 2000  # a window that is never painted (say, minimised) still gets the work


class StartUp(QObject):
    """Holds start-up work until `watched` first paints when deferring; else runs it at once."""

    def __init__(self, watched: QWidget, defer: bool,
                 alive: Callable[[], bool] = lambda: True) -> None:
        super().__init__(watched)
        self.deferred = defer  # whether this window's start-up work waits for its first paint
        self.deferring = defer
        self.alive = alive  # False once the window's journal is closed: held work is dropped
        self.pending: list[Callable[[], None]] = []
        self._queued = False  # a _step is queued on the event loop
        if defer:
            watched.installEventFilter(self)
            QTimer.singleShot(FALLBACK_MS, self, self.flush)

    @property
    def done(self) -> bool:
        """True once every held step has run."""
        return not self.deferring and not self.pending

    def run(self, work: Callable[[], None]) -> None:
        """Do this work now, or once the first paint is on screen and the steps held before
        it have run."""
        if self.deferring or self.pending:
            self.pending.append(work)
            if not self.deferring:
                self._queue()
        else:
            work()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self._queued = True
            QTimer.singleShot(0, self, self._step)  # queued behind the paint itself
        return False

    def cancel(self) -> None:
        """Drop the held work (the window is being taken down with its journal)."""
        self.pending.clear()
        self.deferring = False

    def _step(self) -> None:
        """Run the next held step, and queue the one after it."""
        self._queued = False
        self.deferring = False
        if not self.alive():
            self.cancel()
        if not self.pending:
            return
        work = self.pending.pop(0)
        self._queue()  # queued first, so a step that fails does not stop the others
        work()
        self._queue()  # the work may have asked for more

    def _queue(self) -> None:
        """Queue a _step on the event loop if work is held and none is queued."""
        if self.pending and not self._queued:
            self._queued = True
            QTimer.singleShot(0, self, self._step)

    def flush(self) -> None:
        """Run every held step now (once); later work runs at once."""
        self.deferring = False
        if not self.alive():
            self.cancel()
        while self.pending:
            self.pending.pop(0)()
