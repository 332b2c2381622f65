"""A hook for end-to-end tests of the real app, switched on by CAREJOURNAL_TEST_HOOK.

`type-then-wait`: start a new entry, type into it, and print DRAFT-SAVED once the draft
keeper has written the draft; the autosave is held back, as if typing never paused, so
the test can kill the process mid-sentence without racing a clock.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from carejournal.core.domain import EntryKind

if TYPE_CHECKING:
    from carejournal.ui.main_window import MainWindow

HOOK_ENV = "CAREJOURNAL_TEST_HOOK"
TEXT_ENV = "CAREJOURNAL_TEST_TEXT"
DEFAULT_TEXT = "Sat with Mary while she waited for her daughter, and she told me ab"
SAVED_LINE = "DRAFT-SAVED"
_HELD_BACK_MS = 24 * 60 * 60 * 1000


def maybe_run(window: MainWindow) -> None:
    """Run the hook named in CAREJOURNAL_TEST_HOOK on the window, once (no hook: nothing)."""
    if os.environ.get(HOOK_ENV) != "type-then-wait" or window.property("test_hook_ran"):
        return
    from PySide6.QtTest import QTest  # only a test drives the app

    from carejournal.ui.editor.draft_keeper import install

    window.setProperty("test_hook_ran", True)
    keeper = install(window)
    keeper.written.connect(lambda: print(SAVED_LINE, flush=True))
    window.autosaver.timer.setInterval(_HELD_BACK_MS)
    window.new_entry(EntryKind.INTERACTION)
    QTest.keyClicks(window.editor.body, os.environ.get(TEXT_ENV, DEFAULT_TEXT))
