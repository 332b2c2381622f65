"""Work off the window's thread, safely, with its outcome brought back to the window's thread.

run() is the one way the window does slow work (the journal's check, unlocking, encrypting,
salvaging, writing a pack, copying off the laptop): it starts the work in a thread, and hands
its result, or the exception it raised, to a callback on the thread that asked for it. The
work can be let go of (Task.cancel, or by deleting the task's owner: a closed dialog), and is
waited for on teardown (wait_for_all, from ui/teardown.py).

Python's cycle collector is paused meanwhile. A collection that runs in a background thread
can free Qt objects (closed windows and dialogs caught in reference cycles) away from the
thread that owns them, which crashes Qt. So while background work runs, collections wait;
the window's thread turns the collector back on once it is done (never the worker: a
collection could start at its very next allocation). The pause is short: an import, or
writing one pack.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

T = TypeVar("T")
Runner = Callable[..., Any]  # start's signature: runner(work, *args, name=...)

_lock = threading.Lock()
_running = 0
_was_enabled = True
_owed = False  # the last work ended off the window's thread: the collector is due back on
_threads: set[threading.Thread] = set()  # started here (the ended ones go at the next resume)
RECHECK_MS = 20  # how soon the window's thread looks again for workers still on their way out
# Tasks whose outcome is not yet delivered. A task has no Qt parent: deleting its owner (a
# closed window) cancels it instead of deleting it while its worker may be signalling it,
# which crashed the interpreter. Held here until its outcome arrives.
_pending: set[Task] = set()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause cyclic garbage collection for the duration (nested and concurrent uses too)."""
    global _running, _was_enabled, _owed
    with _lock:
        if _running == 0:
            if not _owed:  # (owed: it is off only until the window's thread turns it on)
                _was_enabled = gc.isenabled()
            _owed = False
            gc.disable()
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            last = _running == 0 and _was_enabled
            on_window_thread = threading.current_thread() is threading.main_thread()
            if last and not on_window_thread:
                _owed = True
        if last and on_window_thread:
            _resume_collector()
        elif last:
            # Not here: once on, the collector may run at this thread's next allocation and
            # free Qt objects off the window's thread. The window's thread turns it on.
            _RESUMER.due.emit()


def _resume_collector() -> None:
    """Turn the collector back on if no background work runs (on the window's thread).

    Only once every worker thread has ended, not merely its work: a worker still runs a
    little Python on its way out, and a collection started there freed a closed dialog off
    the window's thread and deadlocked the two (Qt's lock against Python's). Until then it
    looks again shortly."""
    global _owed
    with _lock:
        here = threading.current_thread()
        alive = {t for t in _threads if t.is_alive() and t is not here}
        _threads.intersection_update(alive | {here})  # the ended ones are let go of
        ready = _running == 0 and _was_enabled
        if ready and not alive:
            gc.enable()
            _owed = False
    if ready and alive:
        _RESUMER.later()


class _Resumer(QObject):
    """Brings a worker's "collector back on" to the window's thread, where it was made."""

    due = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.due.connect(self.resume, Qt.ConnectionType.QueuedConnection)

    @Slot()
    def resume(self) -> None:
        _resume_collector()

    def later(self) -> None:
        """Look again in a moment (a worker is still on its way out)."""
        QTimer.singleShot(RECHECK_MS, self, self.resume)


_RESUMER = _Resumer()  # made on import, on the window's thread


def start(work: Callable[..., Any], *args: Any, name: str) -> threading.Thread:
    """Run work(*args) in a daemon thread with the collector paused; return the thread."""
    def run() -> None:  # nothing after the pause: the window's thread lets go of the thread
        with collector_paused():
            work(*args)

    thread = threading.Thread(target=run, name=name, daemon=True)
    with _lock:
        _threads.add(thread)
    thread.start()
    return thread


class Task(QObject):
    """One piece of work run by run(): `finished` carries its result, or the Exception it
    raised, on the thread the task lives in (the window's), unless it was cancelled."""

    finished = Signal(object)
    _outcome = Signal(object)  # crosses from the worker's thread

    def __init__(self, owner: QObject | None = None) -> None:
        super().__init__(owner)
        self.cancelled = False
        self._outcome.connect(self._deliver)

    def cancel(self, _deleted: object = None) -> None:
        """Let go of the outcome: `finished` is not emitted. (The work runs to its end, and
        wait_for_all still waits for it.) Also called when the owner is deleted."""
        self.cancelled = True

    def relay(self, work: Callable[..., Any], *args: Any) -> None:
        """Run work(*args) (in the worker's thread) and send back its result or exception."""
        try:
            outcome: object = work(*args)
        except Exception as exc:
            outcome = exc
        try:
            self._outcome.emit(outcome)
        except RuntimeError:
            pass  # the owner (a dialog, the window) was closed and deleted meanwhile

    def _deliver(self, outcome: object) -> None:
        with _lock:
            _pending.discard(self)
        if not self.cancelled:
            self.finished.emit(outcome)


def run(work: Callable[..., T], *args: Any, done: Callable[[T | Exception], Any],
        owner: QObject | None, name: str, runner: Runner = start) -> Task:
    """Run work(*args) off the window's thread; call done(result or exception) back on it.

    The task belongs to owner: once the owner is deleted, done is not called (the task
    itself lives on until the outcome arrives). runner starts the thread (tests pass one
    that runs the work at once).
    """
    task = Task()
    if owner is not None:
        owner.destroyed.connect(task.cancel)
    with _lock:
        _pending.add(task)
    task.finished.connect(done)
    runner(task.relay, work, *args, name=name)
    return task


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
    if threading.current_thread() is threading.main_thread():
        _resume_collector()
    return [t.name for t in running if t.is_alive()]
