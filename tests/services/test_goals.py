"""Plans and attempts: goals, attempts, and the question before ending a goal early."""

from __future__ import annotations

import datetime as dt

import pytest

from carejournal.core.domain import EntryKind, InvalidInput
from carejournal.core.goals import (
    FallibilityAnswer,
    GoalStatus,
    Outcome,
    QuestionNotAsked,
    parse_choice,
)
from carejournal.services.journal import Journal
from tests.conftest import draft

DAY = dt.date(2026, 3, 2)


def test_a_goal_counts_its_attempts_by_outcome(journal: Journal) -> None:
    entry_id = journal.add(draft("Tried the bus", people=("Ann",)))
    goal = journal.goals.add("Ann", "  Get the bus to   the market ")
    assert (goal.person, goal.text, goal.status) == \
        ("Ann", "Get the bus to the market", GoalStatus.ACTIVE)
    journal.goals.attempt(goal.id, Outcome.PARTLY, DAY, "Got to the stop", entry_id)
    journal.goals.attempt(goal.id, Outcome.NOT_THIS_TIME, DAY + dt.timedelta(days=3))
    journal.goals.attempt(goal.id, Outcome.MANAGED, DAY + dt.timedelta(days=7))
    goal = journal.goals.get(goal.id)
    assert (goal.managed, goal.partly, goal.not_yet, goal.attempts) == (1, 1, 1, 3)
    assert goal.last_attempt_on == DAY + dt.timedelta(days=7)
    attempts = journal.goals.attempts(goal.id)
    assert [(a.outcome, a.entry_id, a.entry_summary) for a in attempts] == [
        (Outcome.PARTLY, entry_id, "Tried the bus"), (Outcome.NOT_THIS_TIME, None, ""),
        (Outcome.MANAGED, None, "")]


def test_goals_list_by_person_and_status(journal: Journal) -> None:
    a = journal.goals.add("Ann", "Walk to the shop")
    journal.goals.add("Bo", "Cook on Sundays")
    journal.goals.set_status(a.id, GoalStatus.PAUSED)
    assert [g.text for g in journal.goals.list(person="Ann")] == ["Walk to the shop"]
    assert [g.person for g in journal.goals.list(statuses=[GoalStatus.ACTIVE])] == ["Bo"]
    assert [g.person for g in journal.goals.list()] == ["Ann", "Bo"]


def test_ending_a_goal_after_few_attempts_asks_first(journal: Journal) -> None:
    goal = journal.goals.add("Ann", "Take her tablets herself")
    journal.goals.attempt(goal.id, Outcome.NOT_THIS_TIME, DAY)
    assert journal.goals.needs_question(goal, GoalStatus.DISCONTINUED)
    with pytest.raises(QuestionNotAsked, match="own hardest change"):
        journal.goals.set_status(goal.id, GoalStatus.UNATTAINABLE)
    assert journal.goals.get(goal.id).status is GoalStatus.ACTIVE, "nothing changed"
    ended = journal.goals.set_status(goal.id, GoalStatus.DISCONTINUED, FallibilityAnswer(
        own_attempts=9, reflection="Nine goes at stopping smoking. Maybe one more try."))
    assert ended.status is GoalStatus.DISCONTINUED
    assert ended.own_attempts == 9 and ended.asked_at is not None
    reflection = journal.get(ended.reflection_id)
    assert reflection.kind is EntryKind.FALLIBILITY and reflection.people == ("Ann",)
    assert reflection.title == "Take her tablets herself"


def test_the_worker_can_go_on_without_answering(journal: Journal) -> None:
    goal = journal.goals.add("Ann", "Swim a length")
    ended = journal.goals.set_status(goal.id, GoalStatus.DISCONTINUED, FallibilityAnswer())
    assert ended.status is GoalStatus.DISCONTINUED
    assert ended.asked_at is not None and ended.own_attempts is None
    assert ended.reflection_id is None and journal.count() == 0


def test_enough_attempts_or_other_statuses_do_not_ask(journal: Journal) -> None:
    journal.settings.set_attempts_threshold(2)
    goal = journal.goals.add("Ann", "Swim a length")
    assert not journal.goals.needs_question(goal, GoalStatus.PAUSED)
    assert not journal.goals.needs_question(goal, GoalStatus.ACHIEVED)
    for _ in range(2):
        journal.goals.attempt(goal.id, Outcome.NOT_THIS_TIME, DAY)
    ended = journal.goals.set_status(goal.id, GoalStatus.DISCONTINUED)
    assert ended.status is GoalStatus.DISCONTINUED and ended.asked_at is None


def test_attempts_only_on_active_goals_and_never_in_the_future(journal: Journal) -> None:
    goal = journal.goals.add("Ann", "Swim a length")
    with pytest.raises(InvalidInput, match="future"):
        journal.goals.attempt(goal.id, Outcome.MANAGED, dt.date.today() + dt.timedelta(days=9))
    journal.goals.set_status(goal.id, GoalStatus.ACHIEVED)
    with pytest.raises(InvalidInput, match="achieved"):
        journal.goals.attempt(goal.id, Outcome.MANAGED, DAY)
    with pytest.raises(InvalidInput, match="no goal 99"):
        journal.goals.attempt(99, Outcome.MANAGED, DAY)


def test_goal_input_is_checked(journal: Journal) -> None:
    with pytest.raises(InvalidInput, match="whose goal"):
        journal.goals.add("  ", "x")
    with pytest.raises(InvalidInput, match="own words"):
        journal.goals.add("Ann", "   ")
    with pytest.raises(InvalidInput, match="managed, partly, not-this-time"):
        parse_choice(Outcome, "nearly", "outcome")
    assert parse_choice(Outcome, "Not this time", "outcome") is Outcome.NOT_THIS_TIME


def test_emptying_the_trash_keeps_people_who_have_goals(journal: Journal) -> None:
    entry_id = journal.add(draft("x", people=("Ann",)))
    journal.goals.add("Ann", "Walk to the shop")
    journal.trash([entry_id])
    journal.empty_trash()
    assert journal.people() == ["Ann"]
    assert journal.goals.list()[0].person == "Ann"
