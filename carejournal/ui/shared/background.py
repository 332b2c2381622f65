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
_threads: set[threading.Thread] = set()  # started here and not yet finished


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
        try:
            with collector_paused():
                work(*args)
        finally:
            with _lock:
                _threads.discard(threading.current_thread())

    thread = threading.Thread(target=run, name=name, daemon=True)
    with _lock:
        _threads.add(thread)
    thread.start()
    return thread


def wait_for_all(timeout_s: float = 30.0) -> list[str]:
    """Wait (up to timeout_s in all) for background work to finish; the names still running.

    Closing, locking or reopening a journal waits here first, so no worker still reads or
    writes the journal (or a pack made from it) once it is closed.
    """
    import time

    deadline = time.monotonic() + timeout_s
    with _lock:
        running = [t for t in _threads if t is not threading.current_thread()]
    for thread in running:
        thread.join(max(0.0, deadline - time.monotonic()))
    return [t.name for t in running if t.is_alive()]
