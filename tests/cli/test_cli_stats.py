"""`carejournal stats`: the patterns of practice as tables and as JSON."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from carejournal.cli.commands import stats as cli_stats
from carejournal.core.domain import ActDone, Decision, EntryKind
from carejournal.core.goals import FallibilityAnswer, GoalStatus, Outcome
from carejournal.services.journal import Journal
from tests.cli.helpers import cli_json, ok, refused
from tests.conftest import draft

Capture = pytest.CaptureFixture[str]
D = dt.date
YEAR_END = ("--since", "2025-12-24", "--until", "2026-01-07")


@pytest.fixture
def filled(journal_path: Path) -> Path:
    """Three entries around the new year (Ann, Sam, nobody) and Ann's goal, ended early."""
    journal = Journal.open(journal_path, create=True)
    tea = journal.kindness.find("a cup of tea")
    journal.add(draft("The service user was non-compliant but showed real strength.",
                      day=D(2025, 12, 29), people=("Ann",),
                      decisions=(Decision("Planned it together", "co-production"),)))
    journal.add(draft("Had a cup of tea together.", kind=EntryKind.KINDNESS,
                      day=D(2025, 12, 30), people=("Sam",), acts=(ActDone(tea.id),)))
    journal.add(draft("Thought about the week.", kind=EntryKind.REFLECTION,
                      day=D(2026, 1, 5)))
    goal = journal.goals.add("Ann", "Take the bus to town")
    journal.goals.attempt(goal.id, Outcome.PARTLY, D(2025, 12, 31))
    journal.goals.set_status(goal.id, GoalStatus.DISCONTINUED, FallibilityAnswer())
    journal.close()
    return journal_path


@pytest.fixture
def new_year(monkeypatch: pytest.MonkeyPatch) -> dt.date:
    """Make today 1 January 2026 for the command."""
    monkeypatch.setattr(cli_stats, "today", lambda: D(2026, 1, 1))
    return D(2026, 1, 1)


def test_the_default_is_four_weeks_ending_today(capsys: Capture, filled: Path,
                                                new_year: dt.date) -> None:
    data = cli_json(capsys, filled, "stats")
    assert list(data) == ["period", "kinds", "acts", "lens", "balance", "decisions",
                          "streaks", "plans"]
    assert data["period"] == {"since": "2025-12-05", "until": "2026-01-01", "person": None}
    assert data["kinds"]["weeks"] == ["2025-12-01", "2025-12-08", "2025-12-15", "2025-12-22",
                                      "2025-12-29"]
    assert data["kinds"]["counts"]["kindness"] == [0, 0, 0, 0, 1]
    assert data["streaks"] == {"days": {"2025-12-29": 1, "2025-12-30": 1}, "current": 0,
                               "longest": 2}


def test_json_has_every_series_for_the_dates_given(capsys: Capture, filled: Path) -> None:
    data = cli_json(capsys, filled, "stats", *YEAR_END)
    assert data["period"] == {"since": "2025-12-24", "until": "2026-01-07", "person": None}
    assert data["acts"]["by_act"] == [{"act": "A cup of tea", "count": 1}]
    assert data["lens"]["words"] == [0, 19, 4]
    assert data["lens"]["per_1000"]["labels"] == [0.0, 52.63, 0.0]
    assert data["balance"] == {"weeks": ["2025-12-22", "2025-12-29", "2026-01-05"],
                               "strengths": [0, 1, 0], "problems": [0, 1, 0]}
    assert data["decisions"]["with_share"] == [None, 1.0, None]
    assert data["decisions"]["by_rung"][-1] == {"rung": "co-production",
                                                "label": "Co-production", "count": 1}
    assert data["plans"] == {"threshold": 5, "goals": [{
        "goal": 1, "person": "Ann", "text": "Take the bus to town", "status": "discontinued",
        "managed": 0, "partly": 1, "not_this_time": 0, "ended_early": True}]}


def test_a_person_in_any_case_keeps_their_entries_and_goals(capsys: Capture,
                                                            filled: Path) -> None:
    data = cli_json(capsys, filled, "stats", *YEAR_END, "--person", " sam ")
    assert data["period"]["person"] == "Sam"
    assert data["kinds"]["counts"]["kindness"] == [0, 1, 0]
    assert data["kinds"]["counts"]["interaction"] == [0, 0, 0]
    assert data["plans"]["goals"] == []


def test_a_longer_period_can_end_on_another_day(capsys: Capture, filled: Path) -> None:
    data = cli_json(capsys, filled, "stats", "--period", "3m", "--until", "2026-01-01")
    assert data["period"]["since"] == "2025-10-03"
    assert data["period"]["until"] == "2026-01-01"
    assert len(data["kinds"]["weeks"]) == 14


def test_tables_show_each_series_week_by_week(capsys: Capture, filled: Path) -> None:
    lines = ok(capsys, filled, "stats", *YEAR_END).splitlines()
    assert lines[0] == ("Patterns from 2025-12-24 to 2026-01-07, all entries. "
                        "Weeks are named by their Monday.")
    for expected in (
            "  week        interaction  kindness  fallibility  reflection",
            "  2025-12-29            1         1            0           0",
            "  A cup of tea      1",
            "  week        words  labels  blame  power  jargon  othering  infantilising  "
            "medicalising  objectifying",
            "  2025-12-29     19    52.6   52.6    0.0     0.0       0.0            0.0"
            "           0.0           0.0",
            "  2025-12-29          1         1",
            "  Co-production          1",
            "  2025-12-22          0     -",
            "  2025-12-29          1  100%",
            "Days with entries: 3 of 15",
            "  2025-12-22           .   .   .   .   .",
            "  2025-12-29   1   1   .   .   .   .   .",
            "  Longest run in this period: 2 days.",
            "  1*    Ann           0       1              0  discontinued  Take the bus to town",
            "  * ended after fewer than 5 attempts in all: worth a second look together."):
        assert expected in lines, expected
    assert not any("Current run" in line for line in lines), "the period is over"


def test_the_current_run_shows_while_the_period_is_going(capsys: Capture, filled: Path,
                                                         new_year: dt.date) -> None:
    out = ok(capsys, filled, "stats")
    assert "  Current run: 0 days. Longest run in this period: 2 days.\n" in out
    assert "Days without writing are normal." in out


def test_an_empty_journal_gets_friendly_empty_tables(capsys: Capture, journal_path: Path,
                                                     new_year: dt.date) -> None:
    Journal.open(journal_path, create=True).close()
    out = ok(capsys, journal_path, "stats")
    assert "  None recorded in this period." in out
    assert "  No goals were tried, set or ended in this period." in out
    assert "Days with entries: 0 of 28" in out


@pytest.mark.parametrize(("args", "words"), [
    (("--since", "2026-13-01"), "date"),
    (("--since", "2026-01-07", "--until", "2026-01-01"), "before it starts"),
    (("--period", "3m", "--since", "2026-01-01"), "not both"),
    (("--period", "5w"), "invalid choice"),
])
def test_bad_input_is_refused_in_one_line(capsys: Capture, filled: Path,
                                          args: tuple[str, ...], words: str) -> None:
    assert words in refused(capsys, filled, "stats", *args)


def test_stats_imports_neither_qt_nor_matplotlib(filled: Path) -> None:
    script = (
        "import sys\n"
        "from carejournal.cli.main import main\n"
        f"code = main(['--journal', {str(filled)!r}, 'stats', '--json'])\n"
        "drawn = sorted({m.split('.')[0] for m in sys.modules} & "
        "{'PySide6', 'shiboken6', 'matplotlib'})\n"
        "sys.stderr.write(f'{code} {drawn}')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.stderr == "0 []"
    assert '"kinds"' in result.stdout
