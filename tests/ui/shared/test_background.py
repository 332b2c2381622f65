"""Background work pauses Python's cycle collector, so Qt objects are never freed off the
window's thread, and the collector comes back when the last piece of work ends."""

from __future__ import annotations

import gc
import threading

import pytest

from carejournal.ui.shared import background


@pytest.fixture(autouse=True)
def _no_work_left_over() -> None:
    """Work an earlier test's window started (loading the lexicon or a dictionary) may still
    run and hold the collector paused: wait for it, so each test starts from rest."""
    assert background.wait_for_all(60) == []


def test_the_collector_is_paused_while_work_runs_and_back_after(qtbot) -> None:
    assert gc.isenabled()
    release, seen = threading.Event(), []

    def work() -> None:
        seen.append(gc.isenabled())
        release.wait(5)

    first = background.start(work, name="one")
    second = background.start(work, name="two")
    release.set()
    first.join(5)
    second.join(5)
    assert seen == [False, False]
    assert not gc.isenabled(), "a worker must not turn the collector on (it could run there)"
    qtbot.waitUntil(gc.isenabled, timeout=2000)  # the window's thread does


def test_a_collector_switched_off_before_stays_off() -> None:
    gc.disable()
    try:
        with background.collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_work_that_fails_still_brings_the_collector_back(qtbot) -> None:
    def fail() -> None:
        raise ValueError("boom")

    thread = background.start(fail, name="fails")
    thread.join(5)
    qtbot.waitUntil(gc.isenabled, timeout=2000)


def test_waiting_for_all_work_brings_the_collector_back_at_once() -> None:
    thread = background.start(lambda: None, name="quick")
    thread.join(5)
    assert background.wait_for_all(5) == []
    assert gc.isenabled()


# -- run: the outcome comes back on the window's thread ------------------------------------
def _told_on(qtbot, owner, work, *args):
    """Run work through background.run; return (outcome, the thread it was told on)."""
    told: list[tuple[object, threading.Thread]] = []
    background.run(work, *args, done=lambda outcome: told.append(
        (outcome, threading.current_thread())), owner=owner, name="test-run")
    qtbot.waitUntil(lambda: bool(told), timeout=5000)
    return told[0]


def test_run_brings_the_result_back_to_the_windows_thread(qtbot) -> None:
    from PySide6.QtCore import QObject

    worker_threads: list[threading.Thread] = []

    def work(a: int, b: int) -> int:
        worker_threads.append(threading.current_thread())
        return a + b

    outcome, thread = _told_on(qtbot, QObject(), work, 2, 3)
    assert outcome == 5
    assert worker_threads and worker_threads[0] is not threading.main_thread()
    assert thread is threading.main_thread()


def test_run_brings_an_error_back_as_the_exception(qtbot) -> None:
    from PySide6.QtCore import QObject

    def fail() -> None:
        raise OSError("the disk is full")

    outcome, thread = _told_on(qtbot, QObject(), fail)
    assert isinstance(outcome, OSError) and str(outcome) == "the disk is full"
    assert thread is threading.main_thread()


def test_a_cancelled_or_orphaned_task_tells_nobody(qtbot) -> None:
    from PySide6.QtCore import QObject

    release, told = threading.Event(), []
    owner, other = QObject(), QObject()
    cancelled = background.run(release.wait, 5, done=told.append, owner=owner, name="one")
    background.run(release.wait, 5, done=told.append, owner=other, name="two")
    cancelled.cancel()
    other.deleteLater()
    qtbot.wait(10)  # the owner is deleted before the work ends
    release.set()
    assert background.wait_for_all(5) == []
    qtbot.wait(50)
    assert told == []


def test_teardown_waits_for_work_started_with_run(qtbot) -> None:
    from PySide6.QtCore import QObject

    release, finished = threading.Event(), []

    def work() -> None:
        release.wait(5)
        finished.append(True)

    background.run(work, done=lambda _outcome: None, owner=QObject(), name="slow")
    threading.Timer(0.2, release.set).start()
    assert background.wait_for_all(5) == []
    assert finished == [True], "wait_for_all returned only once the work was done"


def test_work_begun_before_the_collector_is_back_does_not_keep_it_off_for_good() -> None:
    thread = background.start(lambda: None, name="first")
    thread.join(5)
    assert not gc.isenabled()  # due back on, once the window's thread runs
    with background.collector_paused():  # more work begins before that
        pass
    assert gc.isenabled()


def test_the_collector_waits_for_a_worker_to_end_not_only_its_work(qtbot) -> None:
    """A worker runs a little Python after its work (leaving the pause, ending the thread).
    A collection there freed a closed dialog off the window's thread and deadlocked the two
    (seen in a full run, in the unlock dialog's tests): the window's thread turns the
    collector back on only once the worker has ended."""
    leave = threading.Event()

    def worker() -> None:
        with background.collector_paused():
            pass
        leave.wait(10)  # alive, and able to allocate, after its work

    thread = threading.Thread(target=worker, name="on-its-way-out", daemon=True)
    with background._lock:
        background._threads.add(thread)  # as start() does
    thread.start()
    qtbot.wait(300)  # the worker's "back on" reached the window's thread, which looked again
    assert thread.is_alive() and not gc.isenabled()
    leave.set()
    thread.join(5)
    qtbot.waitUntil(gc.isenabled, timeout=2000)
