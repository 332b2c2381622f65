"""Asks for CareJournal to be locked after some minutes without keyboard, mouse or touch use.

One application-wide event filter restarts a single-shot timer on each use; nothing else
is done per event. When the timer runs out, `lock_requested` is emitted once, and the lock
stays quiet (the filter removed) until `restart()` after the journal is unlocked again.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

# The events that show someone is at the computer (not paint, focus or timer events).
USE_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate, QEvent.Type.TabletPress,
})
MINUTE_MS = 60_000


class IdleLock(QObject):
    """Emits `lock_requested` after `minutes` without use; 0 minutes: never."""

    lock_requested = Signal()

    def __init__(self, parent: QObject | None = None, minutes: int = 0) -> None:
        super().__init__(parent)
        self.minutes = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._time_up)
        self._filtering = False
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int) -> None:
        """Lock after this many idle minutes from now on (0 stops the lock); counts afresh."""
        self.minutes = max(0, int(minutes))
        self.restart()

    def restart(self) -> None:
        """Start counting idle time from now (after unlocking, or after a change)."""
        if self.minutes <= 0:
            self.stop()
            return
        self.timer.setInterval(self.minutes * MINUTE_MS)
        self.timer.start()
        self._watch(True)

    def stop(self) -> None:
        """Stop counting and stop watching for use, until `restart()`."""
        self.timer.stop()
        self._watch(False)

    def is_watching(self) -> bool:
        """True while the event filter is installed (counting idle time)."""
        return self._filtering

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        """Restart the timer on keyboard, mouse and touch use; never swallows an event."""
        if event.type() in USE_EVENTS:
            self.timer.start()
        return False

    def _time_up(self) -> None:
        self.stop()
        self.lock_requested.emit()

    def _watch(self, on: bool) -> None:
        app = QCoreApplication.instance()
        if app is None or on == self._filtering:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._filtering = on

    def deleteLater(self) -> None:  # Qt's name
        """Remove the filter first, then let Qt delete the object."""
        self.stop()
        super().deleteLater()
