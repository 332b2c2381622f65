"""Runs the real window (__main__ -> app.main) and types into a new entry until it is killed.

For tests/test_kill_while_typing.py. Once the window's start-up has run, it presses New Entry
and types TEXT into the entry text, one key every TICK_MS, through Qt's own key events
(QTest); after PAUSE_AFTER keys it stops for PAUSE_MS, long enough for the autosave to store
the entry, then goes on typing. It prints `TYPED n` after each key and `DRAFT` after each
draft the draft keeper writes. Run as `python tests/typing_driver.py --journal FILE`.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from carejournal.core.domain import EntryKind
from carejournal.ui import test_hook
from carejournal.ui.editor.autosave import AUTOSAVE_DELAY_MS

if TYPE_CHECKING:
    from carejournal.ui.main_window import MainWindow

TICK_MS = 40  # 25 keys a second: a fast typist, who gives the draft keeper the most to keep
PAUSE_AFTER = 20
PAUSE_MS = AUTOSAVE_DELAY_MS + 300
TEXT = ("Sat with Mary by the window while she waited for her daughter. She told me about "
        "the farm where she grew up, the dog called Bess and the long walk to school in the "
        "snow, and I wrote it down so that the next shift can ask her about it too.")


def type_steadily(window: MainWindow) -> None:
    """Start a new entry after start-up and type TEXT into it at a steady pace."""
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest

    typed = 0
    timer = QTimer(window, interval=TICK_MS)

    def key() -> None:
        nonlocal typed
        if typed == len(TEXT) or not window.isVisible():  # nobody types into a closed window
            timer.stop()
            return
        QTest.keyClicks(window.editor.body, TEXT[typed])
        typed += 1
        print(f"TYPED {typed}", flush=True)
        if typed == PAUSE_AFTER:
            timer.stop()
            QTimer.singleShot(PAUSE_MS, timer.start)

    def start() -> None:
        window.draft_keeper.written.connect(lambda: print("DRAFT", flush=True))
        window.new_entry(EntryKind.INTERACTION)
        timer.timeout.connect(key)
        timer.start()

    window.start_up.run(start)


if __name__ == "__main__":
    test_hook.maybe_run = type_steadily  # app.main calls it once the window is shown
    from carejournal.__main__ import main

    raise SystemExit(main(sys.argv[1:]))
