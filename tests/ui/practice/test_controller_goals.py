"""The goals window opened from the main window (Ctrl+G), and entries opened from it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from carejournal.core.goals import FallibilityAnswer, GoalStatus, Outcome
from carejournal.services.journal import Journal
from carejournal.ui.main_window import MainWindow
from tests.conftest import draft


def test_ctrl_g_opens_the_goals_window_on_this_journal(journal: Journal, make_window,
                                                      qtbot) -> None:
    journal.goals.add("Ann", "Walk to the shop on my own")
    window: MainWindow = make_window()
    qtbot.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    panel = window.practice.goals
    assert panel is not None and panel.isVisible() and panel.isWindow()
    assert panel.goals_model.rowCount() == 1
    journal.goals.add("Bo", "Cook on Sundays")
    window.actions_.show_goals.trigger()
    assert window.practice.goals is panel, "the same window, brought up to date"
    assert panel.goals_model.rowCount() == 2


def test_an_attempts_entry_opens_in_the_main_window(journal: Journal, make_window) -> None:
    entry_id = journal.add(draft("Got to the bus stop", people=("Ann",)))
    other = journal.add(draft("Unrelated", people=("Bo",)))
    goal = journal.goals.add("Ann", "Take the bus")
    journal.goals.attempt(goal.id, Outcome.PARTLY, dt.date(2026, 3, 2), entry_id=entry_id)
    window: MainWindow = make_window()
    window.timeline.filters.search.setText("Unrelated")
    window.timeline.filters._debounce.timeout.emit()  # the search runs, hiding the entry
    assert window.timeline.model.row_of(entry_id) < 0
    window.timeline.select(other, quiet=False)
    window.actions_.show_goals.trigger()
    panel = window.practice.goals
    panel.select_goal(goal.id)
    panel.attempts_view.setCurrentIndex(panel.attempts_model.index(0, 0))
    panel.open_entry_button.click()
    assert window.editor.entry_id == entry_id
    assert window.timeline.current_id() == entry_id, "the search that hid it was cleared"


def test_a_reflection_made_when_ending_a_goal_shows_in_the_timeline(journal: Journal,
                                                                    make_window) -> None:
    goal = journal.goals.add("Ann", "Swim a length")
    window: MainWindow = make_window()
    window.actions_.show_goals.trigger()
    ended = journal.goals.set_status(goal.id, GoalStatus.DISCONTINUED,
                                     FallibilityAnswer(4, "It took me four goes to learn."))
    window.practice.goals.entry_added.emit(ended.reflection_id)
    assert window.timeline.model.row_of(ended.reflection_id) >= 0
