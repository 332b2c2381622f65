"""The goal and attempt item models on their own, without a window."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from carejournal.core.goals import Attempt, FallibilityAnswer, Goal, GoalStatus, Outcome
from carejournal.services.journal import Journal
from carejournal.ui.practice.goals_model import (
    ENTRY_ID_ROLE,
    ID_ROLE,
    ITEM_ROLE,
    AttemptsModel,
    GoalsModel,
    asked_text,
    goal_info_text,
    short_text,
)
from tests.conftest import draft

WHEN = dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)
DAY = dt.date(2026, 3, 2)


def _goal(goal_id: int, person: str, text: str = "Walk to the shop", **counts: object) -> Goal:
    return Goal(goal_id, person, text, GoalStatus.ACTIVE, WHEN, **counts)  # type: ignore[arg-type]


def _attempt(attempt_id: int, outcome: Outcome, note: str = "", entry_id: int | None = None,
             summary: str = "") -> Attempt:
    return Attempt(attempt_id, 1, DAY, outcome, note, entry_id, summary)


def test_models_are_consistent_under_qt_checks(qtbot) -> None:
    goals, attempts = GoalsModel(), AttemptsModel()
    for model in (goals, attempts):
        QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    goals.set_goals([_goal(1, "Ann"), _goal(2, "Bo")])
    attempts.set_attempts([_attempt(1, Outcome.PARTLY)])
    goals.set_goals([])
    attempts.set_attempts([])


def test_goal_rows_show_words_status_and_counts_grouped_by_person(qtbot) -> None:
    model = GoalsModel()
    model.set_goals([
        _goal(1, "Ann", "Get the bus", managed=2, partly=1, not_yet=3,
              last_attempt_on=dt.date(2026, 3, 9)),
        _goal(2, "Ann", "Cook on Sundays"), _goal(3, "Bo", "Go to the football")])
    cells = [model.index(0, c).data() for c in range(model.columnCount())]
    assert cells[:6] == ["Ann", "Get the bus", "Active", "2", "1", "3"]
    assert "2026" in cells[6] and "9" in cells[6]
    assert model.index(1, GoalsModel.PERSON).data() == "", "a name shows once per group"
    assert model.index(2, GoalsModel.PERSON).data() == "Bo"
    assert model.index(1, GoalsModel.LAST).data() == "", "no attempts yet"
    assert model.headerData(GoalsModel.GOAL, Qt.Orientation.Horizontal) == \
        "Goal, in their own words"
    assert model.headerData(GoalsModel.NOT_YET, Qt.Orientation.Horizontal) == "Not this time"


def test_goal_roles_give_id_item_and_spoken_text(qtbot) -> None:
    model = GoalsModel()
    goal = _goal(7, "Ann", "Get the bus", managed=1)
    model.set_goals([_goal(6, "Ann"), goal])
    index = model.index(1, GoalsModel.PERSON)
    assert index.data(ID_ROLE) == 7 and index.data(ITEM_ROLE) == goal
    spoken = index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("Ann: Get the bus. Active.") and "Managed 1" in spoken, \
        "screen readers hear the person even where the name is not repeated"
    assert model.index(1, GoalsModel.GOAL).data(Qt.ItemDataRole.ToolTipRole) == "Get the bus"
    assert model.index(1, GoalsModel.MANAGED).data(Qt.ItemDataRole.TextAlignmentRole) == \
        int(Qt.AlignmentFlag.AlignCenter)
    assert model.row_of(7) == 1 and model.row_of(99) == -1
    assert model.goal_at(1) == goal and model.goal_at(2) is None
    assert model.rowCount(model.index(0, 0)) == 0, "a table has no children"


def test_attempt_rows_are_numbered_with_outcome_note_and_linked_entry(qtbot) -> None:
    model = AttemptsModel()
    model.set_attempts([_attempt(1, Outcome.NOT_THIS_TIME, "Too busy"),
                        _attempt(2, Outcome.PARTLY, "", 40, "Walked to the stop"),
                        _attempt(3, Outcome.MANAGED, "", 41, "")])
    first = [model.index(0, c).data() for c in range(model.columnCount())]
    assert first[0] == "1" and "2026" in first[1]
    assert first[2:] == ["Not this time", "Too busy", ""]
    assert model.index(1, AttemptsModel.OUTCOME).data() == "Partly"
    assert model.index(1, AttemptsModel.ENTRY).data() == "Walked to the stop"
    assert model.index(2, AttemptsModel.ENTRY).data() == "(no text yet)"
    assert [model.index(r, 0).data(ENTRY_ID_ROLE) for r in range(3)] == [None, 40, 41]
    assert model.index(2, AttemptsModel.NOTE).data(ENTRY_ID_ROLE) == 41, "on every column"
    spoken = model.index(1, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("Try 2,") and "Partly" in spoken and "Walked to the stop" in spoken
    assert model.attempt_at(0).note == "Too busy" and model.attempt_at(5) is None


def test_models_refresh_from_the_service_after_changes(journal: Journal, qtbot) -> None:
    entry_id = journal.add(draft("Tried the bus", people=("Ann",)))
    goal = journal.goals.add("Ann", "Get the bus to the market")
    goals, attempts = GoalsModel(), AttemptsModel()
    goals.set_goals(journal.goals.list())
    assert goals.index(0, GoalsModel.MANAGED).data() == "0"
    resets: list[bool] = []
    goals.modelReset.connect(lambda: resets.append(True))
    journal.goals.attempt(goal.id, Outcome.MANAGED, DAY, "On her own", entry_id)
    journal.goals.set_status(goal.id, GoalStatus.ACHIEVED)
    goals.set_goals(journal.goals.list())
    attempts.set_attempts(journal.goals.attempts(goal.id))
    assert resets == [True]
    assert goals.index(0, GoalsModel.MANAGED).data() == "1"
    assert goals.index(0, GoalsModel.STATUS).data() == "Achieved"
    assert attempts.index(0, AttemptsModel.ENTRY).data() == "Tried the bus"
    assert attempts.index(0, AttemptsModel.NOTE).data() == "On her own"


def test_goal_info_counts_tries_in_whole_sentences(qtbot) -> None:
    assert goal_info_text(_goal(1, "Ann")).startswith("No attempts logged yet.")
    assert goal_info_text(_goal(1, "Ann", partly=1)) == "1 attempt so far."
    assert goal_info_text(_goal(1, "Ann", partly=1, managed=2)) == "3 attempts so far."
    paused = Goal(1, "Ann", "Walk", GoalStatus.PAUSED, WHEN, managed=2)
    assert "paused" in goal_info_text(paused) and "active again" in goal_info_text(paused)


def test_the_answer_to_the_question_is_shown_plural_aware(journal: Journal, qtbot) -> None:
    assert asked_text(DAY, 1).endswith("took 1 attempt.")
    assert asked_text(DAY, 9).endswith("took 9 attempts.")
    assert "not sure" in asked_text(DAY, None)
    goal = journal.goals.add("Ann", "Take her tablets herself")
    ended = journal.goals.set_status(goal.id, GoalStatus.UNATTAINABLE, FallibilityAnswer(12))
    info = goal_info_text(ended)
    assert "marked unattainable" in info and info.endswith("took 12 attempts.")


def test_long_goals_are_cut_for_headings_only(qtbot) -> None:
    assert short_text("Walk to the shop") == "Walk to the shop"
    cut = short_text("word " * 100)
    assert len(cut) <= 120 and cut.endswith("word…")
