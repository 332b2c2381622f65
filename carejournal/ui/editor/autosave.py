"""Autosave: save a moment after the last keystroke, and whenever asked to flush."""

from __future__ import annotations

import enum
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

AUTOSAVE_DELAY_MS = 1500
RETRY_MS = 10_000  # while not saved, try again this often even if nothing is typed


class SaveState(enum.Enum):
    """Where the editor's text stands."""

    SAVED = "saved"
    PENDING = "pending"
    FAILED = "failed"


class AutoSaver(QObject):
    """Calls `save` once typing pauses. `save` returns None on success or a message.

    A failed save stays FAILED ("Not saved") until a save works: typing more does not hide
    it, and saving is tried again on the next edit and every RETRY_MS meanwhile.
    """

    state_changed = Signal(object, str)

    def __init__(self, save: Callable[[], str | None], delay_ms: int = AUTOSAVE_DELAY_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self.state = SaveState.SAVED
        self.message = ""
        self.timer = QTimer(self, singleShot=True, interval=delay_ms)
        self.timer.timeout.connect(self.flush)
        self.retry_timer = QTimer(self, interval=RETRY_MS)
        self.retry_timer.timeout.connect(self.flush)

    def schedule(self) -> None:
        """Note a change; save after the pause (restarting the pause on each change)."""
        if self.state is not SaveState.FAILED:  # "Not saved" stays until a save works
            self._set(SaveState.PENDING, "")
        self.timer.start()

    def fail(self, message: str) -> None:
        """Something else failed to write (the crash draft): the text is not safe either."""
        self._set(SaveState.FAILED, message)
        self.timer.start()  # the save itself is tried soon, and reports its own problem

    def flush(self) -> bool:
        """Save now if anything is pending or failed; True if everything is saved."""
        self.timer.stop()
        if self.state is SaveState.SAVED:
            return True
        problem = self._save()
        if problem is None:
            self._set(SaveState.SAVED, "")
            return True
        self._set(SaveState.FAILED, problem)
        return False

    def discard(self) -> None:
        """Forget pending changes (after they were dealt with elsewhere)."""
        self.timer.stop()
        self._set(SaveState.SAVED, "")

    def _set(self, state: SaveState, message: str) -> None:
        changed = state is not self.state or message != self.message
        self.state, self.message = state, message
        if state is SaveState.FAILED:
            if not self.retry_timer.isActive():
                self.retry_timer.start()
        else:
            self.retry_timer.stop()
        if changed:
            self.state_changed.emit(state, message)
