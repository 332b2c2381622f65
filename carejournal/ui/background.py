"""Work off the window's thread, safely: Python's cycle collector is paused meanwhile.

A collection that runs in a background thread can free Qt objects (closed windows and
dialogs caught in reference cycles) away from the thread that owns them, which crashes
Qt. So while background work runs, collections wait; the window's thread collects as
usual once it is done. The pause is short: an import, or writing one pack.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

_lock = threading.Lock()
_running = 0
_was_enabled = True


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause cyclic garbage collection for the duration (nested and concurrent uses too)."""
    global _running, _was_enabled
    with _lock:
        if _running == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if _running == 0 and _was_enabled:
                gc.enable()


def start(work: Callable[..., Any], *args: Any, name: str) -> threading.Thread:
    """Run work(*args) in a daemon thread with the collector paused; return the thread."""
    def run() -> None:
        with collector_paused():
            work(*args)

    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()
    return thread
