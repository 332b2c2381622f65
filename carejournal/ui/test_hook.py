"""A hook for end-to-end tests of the real app, switched on by CAREJOURNAL_TEST_HOOK.

`type-then-wait`: start a new entry, type into it, and print DRAFT-SAVED once the draft
keeper has written the draft; the autosave is held back, as if typing never paused, so
the test can kill the process mid-sentence without racing a clock.

`first-paint`: print FIRST-PAINT, the time (seconds since the epoch) and the CPU time the
process has used (seconds, every thread) once the list first paints (the window, for an
empty journal's welcome page), then quit: how scripts/dist_check.py times the bundle's
window against the virtual environment's, from outside, the same way for both.
"""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING

from carejournal.core.domain import EntryKind

if TYPE_CHECKING:
    from carejournal.ui.main_window import MainWindow

HOOK_ENV = "CAREJOURNAL_TEST_HOOK"
TEXT_ENV = "CAREJOURNAL_TEST_TEXT"
DEFAULT_TEXT = "Sat with Mary while she waited for her daughter, and she told me ab"
SAVED_LINE = "DRAFT-SAVED"
PAINT_LINE = "FIRST-PAINT"
_HELD_BACK_MS = 24 * 60 * 60 * 1000


def maybe_run(window: MainWindow) -> None:
    """Run the hook named in CAREJOURNAL_TEST_HOOK on the window, once (no hook: nothing)."""
    hook = os.environ.get(HOOK_ENV)
    if window.property("test_hook_ran") or hook not in ("type-then-wait", "first-paint"):
        return
    window.setProperty("test_hook_ran", True)
    if hook == "first-paint":
        _quit_after_first_paint(window)
        return
    from PySide6.QtTest import QTest  # only a test drives the app

    from carejournal.ui.editor.draft_keeper import install

    keeper = install(window)
    keeper.written.connect(lambda: print(SAVED_LINE, flush=True))
    window.autosaver.timer.setInterval(_HELD_BACK_MS)
    window.new_entry(EntryKind.INTERACTION)
    QTest.keyClicks(window.editor.body, os.environ.get(TEXT_ENV, DEFAULT_TEXT))


def _quit_after_first_paint(window: MainWindow) -> None:
    """Print the time of the list's first paint (or the window's) and the CPU time used so
    far, then end the event loop."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class Watcher(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                print(f"{PAINT_LINE} {time.time():.6f} {time.process_time():.3f}", flush=True)
                QTimer.singleShot(0, QApplication.quit)
            return False

    viewport = window.timeline.view.viewport()
    watched = viewport if viewport.isVisible() else window  # no list: the welcome page
    watched.installEventFilter(Watcher(watched))
