"""The plans-and-attempts panel and its dialogs, driven as a worker would."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from carejournal.core.domain import EntryKind, InvalidInput
from carejournal.core.goals import FallibilityAnswer, Goal, GoalStatus, Outcome
from carejournal.core.templates import questions
from carejournal.services.journal import Journal
from carejournal.ui.practice.goal_question import GoalDialog, GoalQuestionDialog
from carejournal.ui.practice.goals_model import AttemptsModel, GoalsModel
from carejournal.ui.practice.goals_view import GoalsPanel
from tests.conftest import draft

TODAY = dt.date.today()


@pytest.fixture
def panel(journal: Journal, qtbot) -> GoalsPanel:
    """The panel as its own window, on the test journal."""
    made = GoalsPanel(journal, window=True)
    qtbot.addWidget(made)
    made.show()
    return made


def _when_modal(action: Callable[[QDialog], None], seen: list[QDialog] | None = None) -> None:
    """Once a modal dialog opens, hand it to action (which must close it)."""
    def run() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        if seen is not None:
            seen.append(dialog)
        action(dialog)
    QTimer.singleShot(0, run)


def _fill_goal(person: str, text: str) -> Callable[[QDialog], None]:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, GoalDialog)
        dialog.person.setCurrentText(person)
        dialog.text.setText(text)
        dialog.accept()
    return fill


def _log(panel: GoalsPanel, outcome: Outcome, note: str = "", days_ago: int = 0) -> None:
    form = panel.form
    form.outcome.setCurrentIndex(form.outcome.findData(outcome.value))
    form.day.setDate(QDate(TODAY - dt.timedelta(days=days_ago)))
    form.note.setText(note)
    assert panel.log_attempt()


def _goal_with_attempts(journal: Journal, count: int, person: str = "Ann") -> Goal:
    goal = journal.goals.add(person, "Take my tablets myself")
    for _ in range(count):
        journal.goals.attempt(goal.id, Outcome.NOT_THIS_TIME, TODAY)
    return journal.goals.get(goal.id)


def test_no_goals_yet_explains_what_they_are_for(panel: GoalsPanel, journal: Journal) -> None:
    assert panel.stack.currentIndex() == 0
    words = " ".join(label.text() for label in panel.stack.currentWidget().findChildren(QLabel))
    assert "own words" in words and "Every attempt counts" in words and "many tries" in words
    _when_modal(_fill_goal("Ann", "Get the bus to the market"))
    panel.empty_add_button.click()
    assert [(g.person, g.text) for g in journal.goals.list()] == \
        [("Ann", "Get the bus to the market")]
    assert panel.stack.currentIndex() == 1
    assert panel.current_goal().text == "Get the bus to the market"


def test_adding_a_goal_selects_it_and_offers_known_people(journal: Journal, panel: GoalsPanel,
                                                          qtbot) -> None:
    journal.add(draft("Tea", people=("Sam",)))
    journal.goals.add("Ann", "Walk to the shop")
    panel.refresh()
    offered: list[str] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, GoalDialog)
        offered.extend(dialog.person.itemText(i) for i in range(dialog.person.count()))
        assert "own words" in dialog.text.placeholderText()
        _fill_goal("Sam", "Plant tomatoes this spring")(dialog)
    _when_modal(fill)
    with qtbot.waitSignal(panel.goals_changed, timeout=1000):
        panel.add_button.click()
    assert {"Ann", "Sam"} <= set(offered)
    assert panel.current_goal().text == "Plant tomatoes this spring"
    assert panel.goals_model.rowCount() == 2


def test_a_problem_adding_keeps_the_dialog_open_with_the_words(journal: Journal, qtbot) -> None:
    saved: list[tuple[str, str]] = []

    def save(person: str, text: str) -> None:
        journal.goals.add(person, text)
        saved.append((person, text))
    dialog = GoalDialog(["Ann"], save)
    qtbot.addWidget(dialog)
    dialog.text.setText("Walk to the shop")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and not saved
    assert dialog.error.isVisibleTo(dialog) and dialog.error.text().startswith("Whose goal")
    assert dialog.text.text() == "Walk to the shop", "nothing typed is lost"
    dialog.person.setCurrentText("Ann")
    dialog.accept()
    assert saved == [("Ann", "Walk to the shop")]
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_rewording_changes_only_the_words(journal: Journal, panel: GoalsPanel) -> None:
    goal = journal.goals.add("Ann", "Walk to the shop")
    panel.refresh()

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, GoalDialog)
        assert not dialog.person.isEnabled() and dialog.text.text() == "Walk to the shop"
        dialog.text.setText("Walk to the corner shop and back")
        dialog.accept()
    _when_modal(fill)
    panel.reword_button.click()
    assert journal.goals.get(goal.id).text == "Walk to the corner shop and back"
    assert "corner shop" in panel.heading.text()


def test_logging_attempts_with_enter_and_a_linked_entry(journal: Journal, panel: GoalsPanel,
                                                        qtbot) -> None:
    ann = journal.add(draft("Walked to the stop together", people=("Ann",), day=TODAY))
    journal.add(draft("Bo's visit", people=("Bo",), day=TODAY))
    goal = journal.goals.add("Ann", "Get the bus")
    panel.refresh()
    offered = [panel.form.entry.itemData(i) for i in range(panel.form.entry.count())]
    assert offered == [None, ann], "only the person's own entries are offered"
    panel.form.outcome.setCurrentIndex(panel.form.outcome.findData(Outcome.PARTLY.value))
    panel.form.entry.setCurrentIndex(1)
    panel.form.note.setText("Got on with me beside her")
    qtbot.keyClick(panel.form.note, Qt.Key.Key_Return)
    _log(panel, Outcome.NOT_THIS_TIME, "Too busy", days_ago=1)
    attempts = journal.goals.attempts(goal.id)
    assert [(a.outcome, a.note, a.entry_id) for a in attempts] == [
        (Outcome.NOT_THIS_TIME, "Too busy", None), (Outcome.PARTLY, "Got on with me beside her",
                                                    ann)]
    assert panel.attempts_model.rowCount() == 2
    assert panel.attempts_model.index(1, AttemptsModel.ENTRY).data() == \
        "Walked to the stop together"
    assert panel.goals_model.index(0, GoalsModel.NOT_YET).data() == "1"
    assert panel.form.note.text() == "" and panel.form.entry.currentData() is None
    assert "2 attempts so far." in panel.info.text()


def test_a_linked_entry_opens_on_enter_or_the_button(journal: Journal, panel: GoalsPanel,
                                                     qtbot) -> None:
    entry_id = journal.add(draft("Walked to the stop", people=("Ann",)))
    goal = journal.goals.add("Ann", "Get the bus")
    journal.goals.attempt(goal.id, Outcome.NOT_THIS_TIME, TODAY)
    journal.goals.attempt(goal.id, Outcome.PARTLY, TODAY, "", entry_id)
    panel.refresh()
    opened: list[int] = []
    panel.open_entry_requested.connect(opened.append)
    view = panel.attempts_view
    view.setCurrentIndex(panel.attempts_model.index(0, 0))
    assert not panel.open_entry_button.isEnabled(), "no entry linked to the first try"
    qtbot.keyClick(view, Qt.Key.Key_Return)
    view.setCurrentIndex(panel.attempts_model.index(1, 0))
    assert panel.open_entry_button.isEnabled()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    panel.open_entry_button.click()
    assert opened == [entry_id, entry_id]


def test_choosing_a_goal_or_a_person_shows_its_attempts(journal: Journal,
                                                        panel: GoalsPanel) -> None:
    bus = journal.goals.add("Ann", "Get the bus")
    cook = journal.goals.add("Bo", "Cook on Sundays")
    journal.goals.attempt(cook.id, Outcome.MANAGED, TODAY, "Roast chicken")
    panel.refresh()
    assert panel.current_goal().id == bus.id and panel.attempts_model.rowCount() == 0
    panel.goals_view.setCurrentIndex(panel.goals_model.index(1, GoalsModel.GOAL))
    assert panel.attempts_model.index(0, AttemptsModel.NOTE).data() == "Roast chicken"
    panel.person_filter.setCurrentIndex(panel.person_filter.findData("Ann"))
    assert [panel.goals_model.goal_at(r).id for r in range(panel.goals_model.rowCount())] == \
        [bus.id]
    assert panel.goals_view.isColumnHidden(GoalsModel.PERSON)
    panel.person_filter.setCurrentIndex(panel.person_filter.findText("Everyone"))
    assert panel.goals_model.rowCount() == 2
    assert not panel.goals_view.isColumnHidden(GoalsModel.PERSON)


def test_a_person_without_goals_is_told_so(journal: Journal, panel: GoalsPanel) -> None:
    journal.add(draft("Tea", people=("Sam",)))
    journal.goals.add("Ann", "Get the bus")
    panel.refresh()
    panel.person_filter.setCurrentIndex(panel.person_filter.findData("Sam"))
    assert panel.current_goal() is None
    assert panel.heading.text() == "Sam has no goals written down yet."
    assert not panel.reword_button.isEnabled() and not panel.form.isEnabled()


def test_pausing_stops_logging_and_achieving_is_recorded(journal: Journal,
                                                         panel: GoalsPanel) -> None:
    goal = journal.goals.add("Ann", "Get the bus")
    panel.refresh()
    panel.status_actions[GoalStatus.PAUSED].trigger()
    assert journal.goals.get(goal.id).status is GoalStatus.PAUSED
    assert not panel.form.isEnabled() and not panel.log_attempt()
    assert "paused" in panel.info.text() and panel.message.text() == "Goal paused."
    panel.status_actions[GoalStatus.ACTIVE].trigger()
    _log(panel, Outcome.MANAGED)
    panel.status_actions[GoalStatus.ACHIEVED].trigger()
    assert journal.goals.get(goal.id).status is GoalStatus.ACHIEVED
    assert panel.goals_model.index(0, GoalsModel.STATUS).data() == "Achieved"
    assert panel.status_actions[GoalStatus.ACHIEVED].isChecked()


def test_a_problem_from_the_service_is_shown_and_the_note_kept(
        journal: Journal, panel: GoalsPanel, dialogs: list[tuple[str, tuple]]) -> None:
    goal = journal.goals.add("Ann", "Get the bus")
    panel.refresh()
    journal.goals.set_status(goal.id, GoalStatus.PAUSED)  # elsewhere, e.g. from the CLI
    panel.form.note.setText("Got to the stop")
    assert not panel.log_attempt()
    assert [name for name, _args in dialogs] == ["warning"]
    assert "make it active first" in dialogs[0][1][2]
    assert panel.form.note.text() == "Got to the stop"
    assert journal.goals.attempts(goal.id) == []


def _answer(own: int | None, reflection: str) -> Callable[[QDialog], None]:
    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, GoalQuestionDialog)
        dialog.own_attempts.setValue(own or 0)
        dialog.reflection.setPlainText(reflection)
        dialog.end_button.click()
    return answer


def test_discontinuing_after_few_attempts_asks_first(journal: Journal, panel: GoalsPanel,
                                                     qtbot) -> None:
    goal = _goal_with_attempts(journal, 2)
    panel.refresh()
    seen: list[QDialog] = []
    added: list[int] = []
    opened: list[int] = []
    panel.entry_added.connect(added.append)
    panel.open_entry_requested.connect(opened.append)
    _when_modal(_answer(9, "Nine goes at stopping smoking."), seen)
    panel.status_actions[GoalStatus.DISCONTINUED].trigger()
    assert len(seen) == 1
    ended = journal.goals.get(goal.id)
    assert ended.status is GoalStatus.DISCONTINUED and ended.own_attempts == 9
    assert ended.asked_at is not None
    reflection = journal.get(ended.reflection_id)
    assert reflection.kind is EntryKind.FALLIBILITY and reflection.people == ("Ann",)
    assert "Nine goes" in reflection.body and added == [ended.reflection_id]
    assert "saved as an own-fallibility entry" in panel.message.text()
    assert panel.reflection_button.isVisibleTo(panel)
    assert panel.info.text().endswith("took 9 attempts.")
    panel.reflection_button.click()
    assert opened == [ended.reflection_id]


def test_not_sure_and_no_reflection_still_ends_the_goal(journal: Journal,
                                                        panel: GoalsPanel) -> None:
    goal = _goal_with_attempts(journal, 0)
    panel.refresh()
    _when_modal(_answer(None, "  "))
    assert panel.change_status(GoalStatus.UNATTAINABLE)
    ended = journal.goals.get(goal.id)
    assert ended.status is GoalStatus.UNATTAINABLE and ended.asked_at is not None
    assert ended.own_attempts is None and ended.reflection_id is None
    assert panel.message.text() == "Goal marked as unattainable."
    assert not panel.reflection_button.isVisibleTo(panel)


def test_keeping_the_goal_going_changes_nothing(journal: Journal, panel: GoalsPanel) -> None:
    goal = _goal_with_attempts(journal, 1)
    panel.refresh()

    def keep(dialog: QDialog) -> None:
        assert isinstance(dialog, GoalQuestionDialog)
        dialog.reflection.setPlainText("Maybe not")
        dialog.keep_button.click()
    _when_modal(keep)
    panel.status_actions[GoalStatus.DISCONTINUED].trigger()
    kept = journal.goals.get(goal.id)
    assert kept.status is GoalStatus.ACTIVE and kept.asked_at is None
    assert journal.count() == 0, "no reflection entry"
    assert panel.status_actions[GoalStatus.ACTIVE].isChecked(), "the menu shows it as it was"
    assert panel.message.text() == "Nothing was changed. The goal stays as it was."


def test_a_failed_save_asks_again_with_the_answer_kept(
        journal: Journal, panel: GoalsPanel, monkeypatch: pytest.MonkeyPatch,
        dialogs: list[tuple[str, tuple]]) -> None:
    goal = _goal_with_attempts(journal, 1)
    panel.refresh()
    real = journal.goals.set_status
    failures = iter([InvalidInput("the disk is busy")])

    def flaky(*args: object) -> Goal:
        error = next(failures, None)
        if error is not None:
            raise error
        return real(*args)  # type: ignore[arg-type]
    monkeypatch.setattr(journal.goals, "set_status", flaky)
    reopened: list[str] = []

    def check_then_end(dialog: QDialog) -> None:
        assert isinstance(dialog, GoalQuestionDialog)
        reopened.append(dialog.reflection.toPlainText())
        dialog.end_button.click()

    def first(dialog: QDialog) -> None:
        _when_modal(check_then_end)
        _answer(3, "Three goes")(dialog)
    _when_modal(first)
    assert panel.change_status(GoalStatus.DISCONTINUED)
    assert [name for name, _args in dialogs] == ["warning"]
    assert reopened == ["Three goes"]
    assert journal.goals.get(goal.id).own_attempts == 3


def test_the_threshold_setting_decides_when_to_ask(journal: Journal, panel: GoalsPanel,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    journal.settings.set_attempts_threshold(2)
    goal = _goal_with_attempts(journal, 2)
    panel.refresh()
    asked: list[bool] = []
    with monkeypatch.context() as patch:
        patch.setattr(GoalQuestionDialog, "exec", lambda _self: asked.append(True) or 0)
        assert panel.change_status(GoalStatus.DISCONTINUED), "two tries meet a threshold of 2"
    assert asked == []
    ended = journal.goals.get(goal.id)
    assert ended.status is GoalStatus.DISCONTINUED and ended.asked_at is None
    journal.settings.set_attempts_threshold(3)
    panel.change_status(GoalStatus.ACTIVE)
    _when_modal(_answer(4, ""))
    assert panel.change_status(GoalStatus.UNATTAINABLE), "two tries are few against three"
    assert journal.goals.get(goal.id).own_attempts == 4


def test_the_question_dialog_words_and_answer(journal: Journal, qtbot) -> None:
    asked = questions()
    dialog = GoalQuestionDialog(_goal_with_attempts(journal, 1), GoalStatus.UNATTAINABLE, 5)
    qtbot.addWidget(dialog)
    words = [label.text() for label in dialog.findChildren(QLabel)]
    for text in (asked.goal, asked.goal_detail, asked.goal_invitation):
        assert text in words
    assert any("“Take my tablets myself”" in w and "unattainable" in w for w in words)
    assert dialog.count_text(journal.goals.get(1), 5) == \
        "It has had 1 attempt so far. CareJournal asks this before a goal ends after fewer " \
        "than 5 attempts."
    assert dialog.end_button.text() == "&End the goal"
    assert dialog.keep_button.text() == "&Keep the goal going"
    assert dialog.own_attempts.text() == "Not sure"
    assert dialog.answer() == FallibilityAnswer(None, "")
    dialog.own_attempts.setValue(12)
    dialog.reflection.setPlainText("Twelve goes at giving up sugar.")
    assert dialog.answer() == FallibilityAnswer(12, "Twelve goes at giving up sugar.")


def test_the_attempt_count_wording_never_glues_plurals(journal: Journal, qtbot) -> None:
    dialog = GoalQuestionDialog(_goal_with_attempts(journal, 0), GoalStatus.DISCONTINUED, 1)
    qtbot.addWidget(dialog)
    assert dialog.count_text(_goal_with_attempts(journal, 0), 1) == (
        "No attempts have been logged for it yet. CareJournal asks this before a goal ends "
        "without a single attempt.")
    assert dialog.count_text(_goal_with_attempts(journal, 3), 5).startswith(
        "It has had 3 attempts so far.")
    assert "discontinue" in dialog.ending_text(_goal_with_attempts(journal, 0),
                                               GoalStatus.DISCONTINUED)


def test_it_is_a_non_modal_window_of_about_900_by_600(journal: Journal, qtbot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    window = GoalsPanel(journal, host, window=True)
    assert window.isWindow() and not window.isModal() and window.parent() is host
    assert (window.width(), window.height()) == (900, 600)
    assert window.windowTitle() == "Plans and attempts"
    assert not GoalsPanel(journal, host).isWindow(), "or embedded in another widget"


def test_every_control_is_named_for_screen_readers(journal: Journal, panel: GoalsPanel,
                                                   qtbot) -> None:
    journal.goals.add("Ann", "Get the bus")
    panel.refresh()
    dialog = GoalQuestionDialog(journal.goals.get(1), GoalStatus.DISCONTINUED, 5)
    qtbot.addWidget(dialog)
    goal_dialog = GoalDialog(["Ann"], lambda _p, _t: None)
    qtbot.addWidget(goal_dialog)
    kinds = (QComboBox, QLineEdit, QAbstractSpinBox, QPlainTextEdit, QPushButton, QTableView)
    for widget in (panel, dialog, goal_dialog):
        controls = [w for w in widget.findChildren(QWidget) if isinstance(w, kinds)
                    and not isinstance(w.parent(), QAbstractSpinBox | QComboBox)]
        unnamed = [w for w in controls if not w.accessibleName()]
        assert controls and not unnamed, unnamed
    labels = [label for label in panel.findChildren(QLabel) if "&" in label.text()]
    assert labels and all(label.buddy() is not None for label in labels)


def test_tab_goes_from_the_person_to_the_log_button_in_order(journal: Journal,
                                                             panel: GoalsPanel) -> None:
    journal.goals.add("Ann", "Get the bus")
    panel.refresh()
    wanted = [panel.person_filter, panel.add_button, panel.goals_view, panel.reword_button,
              panel.status_button, panel.attempts_view, panel.form.day, panel.form.outcome,
              panel.form.entry, panel.form.note, panel.form.log_button]
    chain: list[QWidget] = []
    widget = panel.person_filter
    for _ in range(200):
        if widget in wanted and widget not in chain:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    assert chain == wanted


def test_refresh_keeps_the_choice_and_what_is_being_typed(journal: Journal,
                                                          panel: GoalsPanel) -> None:
    journal.goals.add("Ann", "Get the bus")
    second = journal.goals.add("Ann", "Cook on Sundays")
    panel.refresh()
    panel.select_goal(second.id)
    panel.form.note.setText("half typed")
    new_entry = journal.add(draft("Talked about Sunday", people=("Ann",), day=TODAY))
    panel.refresh()
    assert panel.current_goal().id == second.id
    assert panel.form.note.text() == "half typed"
    assert panel.form.entry.findData(new_entry) > 0
