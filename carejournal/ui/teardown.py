"""Take a window down with its journal: nothing that outlives it may touch the file again.

On close, lock, restore, encrypt or decrypt the composition root closes the journal, runs a
step, and opens a new window. Timers, the tray icon and workers of the old window must not
run on after that: a shift-reminder timer that survived a reopen once opened the newly
encrypted file without its key. So before the journal closes, every timer in the window's
tree is stopped, the tray icon hidden, background work waited for, and the window deleted.
The journal's engine refuses to reconnect after close (carejournal.store.engine.Gate), so a
queued callback that still fires only finds a closed journal.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QSystemTrayIcon

from carejournal.ui.shared import background

_log = logging.getLogger(__name__)


def stop_timers(root: QObject) -> int:
    """Stop every timer in root's tree of children; return how many were running."""
    running = [t for t in root.findChildren(QTimer) if t.isActive()]
    for timer in running:
        timer.stop()
    return len(running)


def take_down(window: QObject) -> None:
    """Stop what the window runs on its own, before its journal is closed."""
    start_up = getattr(window, "start_up", None)
    if start_up is not None:
        start_up.cancel()  # work held for after the first paint would read the closed journal
    stop_timers(window)
    for tray in window.findChildren(QSystemTrayIcon):
        tray.hide()
    still = background.wait_for_all()
    if still:
        _log.warning("background work still running at close: %s", ", ".join(still))
    window.blockSignals(True)
    window.deleteLater()
