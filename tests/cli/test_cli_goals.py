"""`carejournal goal ...`, including the question before a goal is ended after few attempts."""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

import pytest

from carejournal.core.templates import questions
from carejournal.services.journal import Journal
from tests.cli.helpers import cli_json, ok, refused
from tests.conftest import draft

Capture = pytest.CaptureFixture[str]


class Terminal(io.StringIO):
    """Standard input that says it is a terminal, with the worker's typed answers."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def goals(journal_path: Path) -> Path:
    """Entry 1 mentions Ann; goal 1 (Ann) has one attempt, goal 2 (Bo) none."""
    journal = Journal.open(journal_path, create=True)
    journal.add(draft("Tried the bus", people=("Ann",)))
    journal.close()
    return journal_path


def make_goals(capsys: Capture, path: Path) -> None:
    assert ok(capsys, path, "goal", "add", "ann", "Get the bus to the market") == (
        "Added goal 1 for Ann: “Get the bus to the market”.\n")
    ok(capsys, path, "goal", "attempt", "1", "partly", "--date", "2026-03-02", "--note",
       "Got to the stop", "--entry", "1")
    ok(capsys, path, "goal", "add", "Bo", "Cook on Sundays")


def test_goals_with_attempts_by_outcome(capsys: Capture, goals: Path) -> None:
    make_goals(capsys, goals)
    out = ok(capsys, goals, "goal", "attempt", "1", "Not this time", "--date", "2026-03-05")
    assert out == ("Logged an attempt at goal 1 (not this time). "
                   "So far: 2 attempts: 1 partly, 1 not this time.\n")
    ok(capsys, goals, "goal", "attempt", "1", "managed")
    ann, bo = cli_json(capsys, goals, "goal", "list")
    assert (ann["person"], ann["attempts"], ann["outcomes"]) == (
        "Ann", 3, {"managed": 1, "partly": 1, "not-this-time": 1})
    assert ann["last_attempt_on"] == dt.date.today().isoformat()
    assert (bo["attempts"], bo["status"], bo["asked_at"]) == (0, "active", None)
    listed = ok(capsys, goals, "goal", "list")
    assert "Get the bus to the market  (3 attempts: 1 managed, 1 partly, 1 not this time)" \
        in listed
    assert "Cook on Sundays  (no attempts yet)" in listed
    [shown] = cli_json(capsys, goals, "goal", "show", "1")
    assert shown["attempt_log"][0] == {
        "id": 1, "date": "2026-03-02", "outcome": "partly", "note": "Got to the stop",
        "entry_id": 1, "entry_summary": "Tried the bus"}
    text = ok(capsys, goals, "goal", "show", "1")
    assert text.startswith("Goal 1 · Ann · active\nGet the bus to the market\n3 attempts")
    assert "  2026-03-02  partly         Got to the stop  (entry 1: Tried the bus)\n" in text
    assert "  2026-03-05  not this time\n" in text


def test_list_filters_by_person_and_status(capsys: Capture, goals: Path) -> None:
    assert ok(capsys, goals, "goal", "list").startswith("No goals yet.")
    make_goals(capsys, goals)
    ok(capsys, goals, "goal", "status", "2", "paused")
    assert [g["id"] for g in cli_json(capsys, goals, "goal", "list", "--person", "ANN")] == [1]
    assert [g["id"] for g in cli_json(capsys, goals, "goal", "list", "--status", "paused")] == [2]
    assert [g["id"] for g in cli_json(capsys, goals, "goal", "list", "--status",
                                      "paused,active")] == [1, 2]
    assert ok(capsys, goals, "goal", "list", "--status", "achieved") == "No goals match.\n"


def test_reword_pause_achieve_and_reopen_ask_nothing(capsys: Capture, goals: Path) -> None:
    make_goals(capsys, goals)
    assert ok(capsys, goals, "goal", "reword", "2", "Cook a Sunday roast") == (
        "Reworded goal 2: “Cook a Sunday roast”.\n")
    assert ok(capsys, goals, "goal", "status", "2", "paused") == "Goal 2 is now paused.\n"
    assert "make it active first" in refused(capsys, goals, "goal", "attempt", "2", "managed")
    ok(capsys, goals, "goal", "status", "2", "active")
    assert ok(capsys, goals, "goal", "status", "2", "Achieved") == "Goal 2 is now achieved.\n"


@pytest.mark.parametrize(("args", "words"), [
    (["attempt", "1", "maybe"], ["unknown outcome 'maybe'", "managed, partly, not-this-time"]),
    (["status", "1", "frozen"], ["unknown status 'frozen'", "paused, achieved, discontinued"]),
    (["list", "--status", "done"], ["unknown status 'done'"]),
    (["show", "9"], ["there is no goal 9"]),
    (["attempt", "9", "managed"], ["there is no goal 9"]),
    (["attempt", "1", "managed", "--entry", "99"], ["There is no entry 99."]),
    (["attempt", "1", "managed", "--date", "2099-01-01"], ["cannot be in the future"]),
    (["add", "Ann", "   "], ["a goal needs a few words"]),
    (["add", " ", "Swim"], ["whose goal is it?"]),
    (["discontinue", "1", "--own-attempts", "lots"], ["'lots' is not a whole number"]),
])
def test_bad_goal_input_is_refused(capsys: Capture, goals: Path, args: list[str],
                                   words: list[str]) -> None:
    make_goals(capsys, goals)
    err = refused(capsys, goals, "goal", *args)
    for word in words:
        assert word in err
    assert cli_json(capsys, goals, "goal", "list")[0]["attempts"] == 1


def test_ending_early_without_a_terminal_explains_the_question(capsys: Capture, goals: Path,
                                                               monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    make_goals(capsys, goals)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    err = refused(capsys, goals, "goal", "discontinue", "1")
    assert "goal 1 has had 1 attempt (fewer than 5)" in err
    assert questions().goal in err and "--own-attempts N" in err and "--go-on" in err
    assert "unattainable" not in err
    refused(capsys, goals, "goal", "status", "2", "unattainable")
    assert [g["status"] for g in cli_json(capsys, goals, "goal", "list")] == ["active"] * 2


def test_answering_with_flags_keeps_a_reflection(capsys: Capture, goals: Path) -> None:
    make_goals(capsys, goals)
    out = ok(capsys, goals, "goal", "discontinue", "1", "--unattainable", "--own-attempts", "9",
             "--reflection", "Nine goes at stopping smoking. One more try for Ann.")
    assert out.startswith("Goal 1 is now unattainable.\n")
    assert "your own hardest change took 9 attempts; your reflection is entry 2." in out
    assert out.endswith("Read your reflection with: carejournal show 2\n")
    [goal] = cli_json(capsys, goals, "goal", "show", "1")
    assert (goal["status"], goal["own_attempts"], goal["reflection_id"]) == (
        "unattainable", 9, 2)
    assert goal["asked_at"] is not None
    [entry] = cli_json(capsys, goals, "show", "2")
    assert (entry["kind"], entry["people"], entry["title"]) == (
        "fallibility", ["Ann"], "Get the bus to the market")
    assert "your own hardest change took 9 attempts" in ok(capsys, goals, "goal", "show", "1")


def test_going_on_without_answering_is_recorded(capsys: Capture, goals: Path) -> None:
    make_goals(capsys, goals)
    out = ok(capsys, goals, "goal", "discontinue", "2", "--go-on")
    assert out == ("Goal 2 is now discontinued.\n"
                   "You went on without answering; the journal notes that you were asked.\n")
    [goal] = cli_json(capsys, goals, "goal", "show", "2")
    assert goal["asked_at"] is not None and goal["own_attempts"] is None
    assert goal["reflection_id"] is None


def test_enough_attempts_end_without_asking(capsys: Capture, goals: Path) -> None:
    make_goals(capsys, goals)
    ok(capsys, goals, "settings", "attempts-threshold", "1")
    assert ok(capsys, goals, "goal", "discontinue", "1") == "Goal 1 is now discontinued.\n"
    assert cli_json(capsys, goals, "goal", "show", "1")[0]["asked_at"] is None


def test_at_a_terminal_the_question_is_asked(capsys: Capture, goals: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    make_goals(capsys, goals)
    monkeypatch.setattr(sys, "stdin", Terminal("lots\n12\nTwelve tries to stop smoking.\n"))
    out = ok(capsys, goals, "goal", "discontinue", "1")
    asked = questions()
    assert asked.goal in out and asked.goal_detail in out and asked.goal_invitation in out
    assert "Please type a whole number" in out
    assert "Goal 1 is now discontinued." in out and "carejournal show 2" in out
    [goal] = cli_json(capsys, goals, "goal", "show", "1")
    assert (goal["own_attempts"], goal["reflection_id"]) == (12, 2)
    [entry] = cli_json(capsys, goals, "show", "2")
    assert entry["body"] == "Twelve tries to stop smoking."


def test_at_a_terminal_blank_answers_go_on(capsys: Capture, goals: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    make_goals(capsys, goals)
    monkeypatch.setattr(sys, "stdin", Terminal("\n"))  # then end of input
    out = ok(capsys, goals, "goal", "status", "2", "discontinued")
    assert "You went on without answering" in out
    [goal] = cli_json(capsys, goals, "goal", "show", "2")
    assert goal["asked_at"] is not None and goal["reflection_id"] is None
