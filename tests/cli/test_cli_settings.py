"""`carejournal actions`, `shifts` and `settings`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from carejournal.core.domain import ActionItem, EntryKind
from carejournal.services.journal import Journal
from tests.cli.helpers import cli_json, ok, refused
from tests.conftest import draft

Capture = pytest.CaptureFixture[str]
TODAY = dt.date.today()


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


@pytest.fixture
def planned(journal_path: Path) -> Path:
    """Action items 1-5 on entry 1 (overdue, today, in 3 days, in 40 days, no date), one
    done (6), and one due on an entry in the trash (7)."""
    journal = Journal.open(journal_path, create=True)
    journal.add(draft("Plan", kind=EntryKind.REFLECTION, model="gibbs", actions=(
        ActionItem("Ring Ann's daughter", days(-2)), ActionItem("Book the room", TODAY),
        ActionItem("Read the policy", days(3)), ActionItem("Ask for training", days(40)),
        ActionItem("Say thanks"), ActionItem("Already done", days(-1), days(-1)))))
    journal.trash([journal.add(draft("Binned", kind=EntryKind.REFLECTION, model="gibbs",
                                     actions=(ActionItem("Hidden", days(-1)),)))])
    journal.close()
    return journal_path


# -- actions ----------------------------------------------------------------------------------
def test_actions_lists_open_items_with_review_dates(capsys: Capture, planned: Path) -> None:
    assert [a["id"] for a in cli_json(capsys, planned, "actions")] == [1, 2, 3, 4]
    assert [a["id"] for a in cli_json(capsys, planned, "actions", "--due")] == [1, 2]
    assert [a["id"] for a in cli_json(capsys, planned, "actions", "--days", "7")] == [1, 2, 3]
    first, *_, last = cli_json(capsys, planned, "actions")
    assert first == {"id": 1, "text": "Ring Ann's daughter", "review_on": days(-2).isoformat(),
                     "due": True, "entry_id": 1, "entry_summary": "Plan"}
    assert last["due"] is False
    text = ok(capsys, planned, "actions", "--due")
    assert f"    1  {days(-2).isoformat()} due  Ring Ann's daughter  (entry 1: Plan)\n" in text


def test_ticking_an_action_off_and_on_again(capsys: Capture, planned: Path) -> None:
    assert ok(capsys, planned, "actions", "done", "1", "--date", "yesterday") == (
        f"Marked action item 1 done on {days(-1).isoformat()}.\n")
    assert [a["id"] for a in cli_json(capsys, planned, "actions", "--due")] == [2]
    [entry] = cli_json(capsys, planned, "show", "1")
    assert entry["actions"][0]["done_on"] == days(-1).isoformat()
    assert "[x] 1  Ring Ann's daughter" in ok(capsys, planned, "show", "1")
    assert ok(capsys, planned, "actions", "done", "1", "--undo") == (
        "Action item 1 is open again.\n")
    assert [a["id"] for a in cli_json(capsys, planned, "actions", "--due")] == [1, 2]
    assert "there is no action item 99" in refused(capsys, planned, "actions", "done", "99")
    assert "not a whole number of days" in refused(capsys, planned, "actions", "--days", "-1")


def test_no_actions(capsys: Capture, journal_path: Path) -> None:
    assert ok(capsys, journal_path, "actions") == "No open action items with a review date.\n"
    assert ok(capsys, journal_path, "actions", "--due") == "Nothing is due for review.\n"


# -- shifts -----------------------------------------------------------------------------------
def test_usual_shifts(capsys: Capture, journal_path: Path) -> None:
    assert ok(capsys, journal_path, "shifts").startswith("No usual shifts yet.")
    assert ok(capsys, journal_path, "shifts", "add", "early", "07:00-15:00",
              "--days", "mon,Tue") == "Added the early shift: 07:00–15:00, mon,tue.\n"
    ok(capsys, journal_path, "shifts", "add", "night", "22:00-07:00")
    assert ok(capsys, journal_path, "shifts", "add", "EARLY", "07:30-15:30") == (
        "Changed the EARLY shift: 07:30–15:30, every day.\n")
    listed = cli_json(capsys, journal_path, "shifts")
    assert listed == {"reminders": True, "shifts": [
        {"name": "EARLY", "start": "07:30", "end": "15:30", "days": [], "overnight": False},
        {"name": "night", "start": "22:00", "end": "07:00", "days": [], "overnight": True}]}
    assert ok(capsys, journal_path, "shifts") == (
        "EARLY         07:30–15:30  every day\nnight         22:00–07:00  every day\n"
        "Reminders after a shift: on\n")
    assert ok(capsys, journal_path, "shifts", "remove", "early") == "Removed the EARLY shift.\n"
    assert "yours are night" in refused(capsys, journal_path, "shifts", "remove", "late")
    assert "Missing one is never counted" in ok(capsys, journal_path, "shifts", "reminders",
                                                "off")
    assert cli_json(capsys, journal_path, "shifts")["reminders"] is False
    ok(capsys, journal_path, "shifts", "reminders", "on")
    assert cli_json(capsys, journal_path, "shifts")["reminders"] is True


@pytest.mark.parametrize(("args", "words"), [
    (["add", "late", "2pm-10pm"], ["invalid hours '2pm-10pm'"]),
    (["add", "late", "14:00-14:00"], ["starts and ends at the same time"]),
    (["add", "late", "14:00-22:00", "--days", "funday"], ["unknown day 'funday'"]),
    (["reminders", "maybe"], ["invalid choice: 'maybe'"]),
])
def test_bad_shifts_are_refused(capsys: Capture, journal_path: Path, args: list[str],
                                words: list[str]) -> None:
    err = refused(capsys, journal_path, "shifts", *args)
    for word in words:
        assert word in err


# -- settings ---------------------------------------------------------------------------------
def test_settings(capsys: Capture, journal_path: Path) -> None:
    assert cli_json(capsys, journal_path, "settings") == {
        "attempts-threshold": 5, "shift-reminders": "on", "shifts": 0}
    assert ok(capsys, journal_path, "settings", "attempts-threshold") == "5\n"
    assert ok(capsys, journal_path, "settings", "attempts-threshold", "3") == (
        "attempts-threshold is now 3.\n")
    ok(capsys, journal_path, "settings", "shift-reminders", "OFF")
    assert cli_json(capsys, journal_path, "settings", "attempts-threshold") == {
        "attempts-threshold": 3}
    text = ok(capsys, journal_path, "settings")
    assert text.startswith("attempts-threshold  3  (ending a goal")
    assert "shift-reminders     off\n" in text


@pytest.mark.parametrize(("args", "words"), [
    (["attempts-threshold", "0"], ["from 1 to 100, not 0"]),
    (["attempts-threshold", "five"], ["a whole number, such as 5, not 'five'"]),
    (["shift-reminders", "maybe"], ["on or off, not 'maybe'"]),
    (["colour", "blue"], ["invalid choice: 'colour'", "attempts-threshold", "shift-reminders"]),
])
def test_bad_settings_are_refused(capsys: Capture, journal_path: Path, args: list[str],
                                  words: list[str]) -> None:
    err = refused(capsys, journal_path, "settings", *args)
    for word in words:
        assert word in err
    assert ok(capsys, journal_path, "settings", "attempts-threshold") == "5\n"
