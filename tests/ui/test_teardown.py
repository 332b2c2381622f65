"""Closing, locking or re-encrypting takes the old window down: nothing of it runs on."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings, QTimer

from carejournal.app import close_journal, open_window
from carejournal.core.errors import JournalClosed
from carejournal.services import encryption
from carejournal.services.journal import Journal
from carejournal.store.keyfile import KdfCost
from carejournal.ui.after_close import Session
from carejournal.ui.main_window import MainWindow
from carejournal.ui.shared import background
from carejournal.ui.teardown import stop_timers
from tests.conftest import draft
from tests.invariant.driving import open_descriptors

CHEAP = KdfCost(time_cost=1, memory_kib=64, parallelism=1)


def deleted_files_of(path: Path) -> list[str]:
    return [t for t in open_descriptors(path) if t.endswith("(deleted)")]


def running(timer: QTimer) -> bool:
    """Whether the timer still runs (a timer Qt has deleted with its window does not)."""
    return shiboken6.isValid(timer) and timer.isActive()


def opened(session: Session, settings: QSettings, qtbot) -> MainWindow:
    window = open_window(session, settings, create=True)
    assert isinstance(window, MainWindow)
    window.start_up.flush()  # the editor and the controllers, as after the first paint
    qtbot.waitUntil(lambda: window.journal.writes_held is None, timeout=10_000)  # full check
    return window


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads /proc/self/fd")
def test_encrypting_from_the_window_leaves_no_timer_to_reopen_the_file(
        tmp_path: Path, settings: QSettings, qtbot, caplog) -> None:
    session = Session(tmp_path / "journal.sqlite")
    old = opened(session, settings, qtbot)
    reminder = old.practice.reminder
    assert reminder.timer.isActive()
    old_journal = old.journal

    timer = reminder.timer
    close_journal(old)  # as app.run does once the window asked to be encrypted
    assert not running(timer), "the shift reminder's timer outlived its journal"
    session.key = encryption.encrypt(session.path, "a long passphrase", cost=CHEAP).key
    new = opened(session, settings, qtbot)
    written = [new.journal.add(draft(f"After encrypting, note {n}.")) for n in range(3)]

    assert reminder.check() is None  # a tick that still came finds the old journal closed
    with pytest.raises(JournalClosed):
        old_journal.count()
    assert "not a database" not in caplog.text
    other = sqlite3.connect(session.path)  # another program opens and closes the file
    other.close()
    assert deleted_files_of(session.path) == []
    assert [new.journal.row(e) is not None for e in written] == [True] * 3
    close_journal(new)


def test_take_down_stops_every_timer_and_waits_for_workers(window: MainWindow) -> None:
    extra = QTimer(window.practice, interval=50)
    extra.start()
    finished = []
    background.start(lambda: finished.append(True), name="short-work")
    assert stop_timers(window) >= 1
    assert not extra.isActive()
    assert background.wait_for_all() == []
    assert finished == [True]


def test_a_closed_journal_is_never_reconnected(journal_path: Path) -> None:
    journal = Journal.open(journal_path, create=True)
    settings = journal.settings  # a service made before the close, as a controller holds one
    journal.close()
    assert journal.closed
    with pytest.raises(JournalClosed):
        settings.attempts_threshold()
    with pytest.raises(JournalClosed):
        journal.rows()
