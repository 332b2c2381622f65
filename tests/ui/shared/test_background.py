"""Background work pauses Python's cycle collector, so Qt objects are never freed off the
window's thread, and the collector comes back when the last piece of work ends."""

from __future__ import annotations

import gc
import threading

import pytest

from carejournal.ui.shared import background


def test_the_collector_is_paused_while_work_runs_and_back_after() -> None:
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
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off() -> None:
    gc.disable()
    try:
        with background.collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_work_that_fails_still_brings_the_collector_back() -> None:
    def fail() -> None:
        raise ValueError("boom")

    thread = background.start(fail, name="fails")
    thread.join(5)
    assert gc.isenabled()
