"""`carejournal supervision`, `status`, `person` and `prepare`, through main() on real files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from carejournal.core.supervision import ActionStatus
from carejournal.services.journal import Journal
from tests.cli.helpers import cli, cli_json, ok, refused
from tests.conftest import draft

TODAY = dt.date.today()


def days(n: int) -> str:
    return (TODAY + dt.timedelta(days=n)).isoformat()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """A journal with a held session (one action), a planned one, and entries between."""
    where = tmp_path / "j.sqlite"
    journal = Journal.open(where, create=True)
    try:
        journal.add(draft("The service user refused his lunch. Jo was aggressive.",
                          day=TODAY - dt.timedelta(days=3), people=("Jo Bloggs",)))
        journal.add(draft("Mary was kind and funny at tea.", day=TODAY - dt.timedelta(days=2),
                          people=("Mary",)))
        journal.add(draft("Long ago.", day=TODAY - dt.timedelta(days=90)))
    finally:
        journal.close()
    return where


def test_sessions_are_added_listed_and_actions_marked(capsys: pytest.CaptureFixture[str],
                                                      path: Path) -> None:
    assert "Recorded supervision session 1" in ok(
        capsys, path, "supervision", "add", "--date", days(-14), "--supervisor", "Priya")
    ok(capsys, path, "supervision", "action", "1", "Read the falls policy", "--due", days(-7))
    sessions = cli_json(capsys, path, "supervision", "list")
    assert sessions[0]["supervisor"] == "Priya"
    action = sessions[0]["actions"][0]
    assert (action["text"], action["status"]) == ("Read the falls policy", "open")
    assert "Marked action 1 in progress" in ok(capsys, path, "supervision", "mark", "1",
                                               "in progress")
    shown = ok(capsys, path, "supervision", "show", "1")
    assert "in progress: Read the falls policy" in shown
    assert "not a status" in refused(capsys, path, "supervision", "mark", "1", "sort of")
    assert "no supervision session 9" in refused(capsys, path, "supervision", "show", "9")


def test_status_prints_the_prompt_only_when_near(capsys: pytest.CaptureFixture[str],
                                                 path: Path) -> None:
    assert "No supervision session is planned" in ok(capsys, path, "status")
    assert ok(capsys, path, "status", "--quiet") == ""
    ok(capsys, path, "supervision", "add", "--date", days(10))
    assert "Next supervision" in ok(capsys, path, "status")
    assert ok(capsys, path, "status", "--quiet") == ""
    ok(capsys, path, "supervision", "add", "--date", days(1))
    line = ok(capsys, path, "status", "--quiet")
    assert line.startswith("Supervision tomorrow: time for your no us and them check?")
    journal = Journal.open(path, create=True)
    try:
        journal.settings.set_prompt_days(0)
    finally:
        journal.close()
    assert ok(capsys, path, "status", "--quiet") == "", "the setting is honoured"


def test_since_last_supervision_in_list_check_and_stats(capsys: pytest.CaptureFixture[str],
                                                        path: Path) -> None:
    assert "no supervision session" in refused(capsys, path, "list",
                                               "--since-last-supervision")
    ok(capsys, path, "supervision", "add", "--date", days(-5))
    rows = cli_json(capsys, path, "list", "--since-last-supervision")
    assert len(rows) == 2, "the entry from 90 days ago is left out"
    code, out, _err = cli(capsys, path, "check", "--since-last-supervision")
    assert code == 1 and "service user" in out
    stats = cli_json(capsys, path, "stats", "--since-last-supervision")
    assert stats["period"]["since"] == days(-5)


def test_person_names_and_aliases(capsys: pytest.CaptureFixture[str], path: Path) -> None:
    ok(capsys, path, "person", "jo bloggs", "--nickname", "JoJo", "--alias", "Resident A")
    people = cli_json(capsys, path, "person")
    jo = next(p for p in people if p["name"] == "Jo Bloggs")
    assert (jo["nicknames"], jo["alias"]) == (["JoJo"], "Resident A")
    assert "nobody called" in refused(capsys, path, "person", "Nobody", "--alias", "X")


def test_prepare_walks_every_step(capsys: pytest.CaptureFixture[str], path: Path) -> None:
    assert "no supervision session is planned" in refused(capsys, path, "prepare", "show")
    ok(capsys, path, "supervision", "add", "--date", days(-20))
    ok(capsys, path, "supervision", "action", "1", "Try Gibbs for a week")
    ok(capsys, path, "supervision", "add", "--date", days(2))
    shown = ok(capsys, path, "prepare", "show")
    assert "Try Gibbs for a week" in shown
    assert "2. Language: 3 findings before, 3 now" in shown
    assert "Jo Bloggs" in shown and "only problems noted" in shown
    ok(capsys, path, "prepare", "mark", "1", "done")
    ok(capsys, path, "prepare", "reword", "2", "--to", "did not want")
    ok(capsys, path, "prepare", "keep", "1", "--reason", "He said it himself")
    ok(capsys, path, "prepare", "question", "2")
    ok(capsys, path, "prepare", "strength", "jo bloggs", "--text", "Made us all laugh")
    ok(capsys, path, "prepare", "bring", "1")
    ok(capsys, path, "prepare", "ask", "How do I raise the rota?")
    ok(capsys, path, "prepare", "move", "3", "1")
    shown = ok(capsys, path, "prepare", "show")
    assert "3 findings before, 2 now" in shown
    assert "kept: He said it himself" in shown
    agenda = shown[shown.index("7. Agenda"):]
    assert agenda.index("How do I raise the rota?") < agenda.index("aggressive")
    assert "there is no finding 9" in refused(capsys, path, "prepare", "keep", "9",
                                              "--reason", "x")
    journal = Journal.open(path, create=True)
    try:
        assert journal.supervision.session(1).actions[0].status is ActionStatus.DONE
        assert journal.get(1).body == ("The service user did not want his lunch. "
                                       "Jo was aggressive.")
        assert journal.supervision.revisions(1)[0].texts["body"].startswith(
            "The service user refused")
    finally:
        journal.close()


def test_prepare_entries_choice_is_checked(capsys: pytest.CaptureFixture[str],
                                           path: Path) -> None:
    ok(capsys, path, "supervision", "add", "--date", days(2))
    assert "Bringing 1 chosen entries" in ok(capsys, path, "prepare", "entries", "2")
    assert "not an entry id" in refused(capsys, path, "prepare", "entries", "2,x")
    assert "1 of 2 brought" in ok(capsys, path, "prepare", "show")


def test_actions_take_and_show_the_function_they_serve(capsys: pytest.CaptureFixture[str],
                                                       path: Path) -> None:
    ok(capsys, path, "supervision", "add", "--date", days(-14))
    ok(capsys, path, "supervision", "action", "1", "Book the course", "--function",
       "development")
    ok(capsys, path, "supervision", "action", "1", "Ask for a debrief")
    actions = cli_json(capsys, path, "supervision", "show", "1")["actions"]
    assert [a["function"] for a in actions] == ["development", None]
    assert "Book the course [development]" in ok(capsys, path, "supervision", "show", "1")
    ok(capsys, path, "supervision", "function", "2", "support")
    ok(capsys, path, "supervision", "function", "1", "none")
    actions = cli_json(capsys, path, "supervision", "show", "1")["actions"]
    assert [a["function"] for a in actions] == [None, "support"]
    assert "not a function" in refused(capsys, path, "supervision", "function", "1", "gossip")
    assert "no agreed action 9" in refused(capsys, path, "supervision", "function", "9",
                                           "support")


def test_prepare_brings_a_situation_how_i_am_and_tags(capsys: pytest.CaptureFixture[str],
                                                      path: Path) -> None:
    ok(capsys, path, "supervision", "add", "--date", days(2))
    assert "1 of 4 stages" in ok(capsys, path, "prepare", "situation", "2")
    ok(capsys, path, "prepare", "stage", "action", "Ask Mary what she would like next time.")
    assert "stays out of the pack" in ok(capsys, path, "prepare", "how",
                                         "Tired after three nights.")
    assert "will be in the pack" in ok(capsys, path, "prepare", "how", "--include")
    ok(capsys, path, "prepare", "ask", "Can I swap a night shift?")
    ok(capsys, path, "prepare", "tag", "1", "management")
    shown = cli_json(capsys, path, "prepare", "show", "--json")
    assert shown["situation"]["entry_id"] == 2
    assert shown["situation"]["stages"]["experience"] == "Mary was kind and funny at tea."
    assert shown["situation"]["stages"]["action"] == "Ask Mary what she would like next time."
    assert shown["how_i_am"] == {"text": "Tired after three nights.", "include": True}
    assert shown["agenda"][0]["function"] == "management"
    text = ok(capsys, path, "prepare", "show")
    assert "5. A situation to bring" in text and "What I'll try: Ask Mary" in text
    assert "[question; management]" in text
    assert "not among the entries" in refused(capsys, path, "prepare", "situation", "3")
    assert "no agenda item 4" in refused(capsys, path, "prepare", "tag", "4", "support")
    ok(capsys, path, "prepare", "situation", "none")
    assert cli_json(capsys, path, "prepare", "show", "--json")["situation"] is None
