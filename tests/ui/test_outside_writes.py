"""The window notices entries another program added while it was in the background."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QWidget

from carejournal.services.journal import Journal
from carejournal.ui.main_window import MainWindow
from tests.conftest import draft


def _away_and_back(qtbot, window: MainWindow, meanwhile) -> None:
    """Another window takes the focus, something happens, the journal window gets it back."""
    other = QWidget()
    qtbot.addWidget(other)
    with qtbot.waitActive(other):
        other.show()
        other.activateWindow()
    meanwhile()
    with qtbot.waitActive(window):
        window.activateWindow()


def test_an_entry_added_in_the_terminal_shows_on_coming_back(
        filled: Journal, journal_path: Path, make_window, qtbot) -> None:
    window = make_window()
    assert window.timeline.model.rowCount() == 4

    def terminal() -> None:
        done = subprocess.run(
            [sys.executable, "-m", "carejournal", "--journal", str(journal_path), "add",
             "--kind", "reflection", "--date", "2026-03-09", "Written in the terminal."],
            capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        assert window.timeline.model.rowCount() == 4, "nothing read while away"
    _away_and_back(qtbot, window, terminal)
    assert window.timeline.model.rowCount() == 5
    assert window.timeline.model.index(0).data() == "Written in the terminal."
    assert window.count_label.text() == "5 entries"


def test_entries_trashed_by_a_second_journal_leave_the_list(
        filled: Journal, journal_path: Path, make_window, qtbot) -> None:
    window = make_window()
    window.timeline.select_row(0)
    gone = window.timeline.current_id()

    def second_writer() -> None:
        other = Journal.open(journal_path)
        try:
            other.trash([gone])
            other.add(draft("Another one.", day=dt.date(2026, 1, 1)))
        finally:
            other.close()
    _away_and_back(qtbot, window, second_writer)
    assert window.timeline.model.row_of(gone) == -1
    assert window.timeline.model.rowCount() == 4


def test_coming_back_with_nothing_new_reads_nothing(filled: Journal, make_window,
                                                    qtbot) -> None:
    window = make_window()
    told: list[object] = []
    window.changes.changed.connect(told.append)
    _away_and_back(qtbot, window, lambda: None)
    assert told == []
