"""`carejournal chart NAME --out FILE`: one chart to a PNG or SVG file, without a window."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from carejournal.charts import CHARTS, NAMES, ChartSpec
from carejournal.cli.commands import chart as cli_chart
from carejournal.cli.main import main
from carejournal.core.domain import ActDone, Decision, EntryKind
from carejournal.core.goals import FallibilityAnswer, GoalStatus, Outcome
from carejournal.services.journal import Journal
from tests.cli.helpers import ok, refused
from tests.conftest import draft

Capture = pytest.CaptureFixture[str]
D = dt.date
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def filled(journal_path: Path) -> Path:
    """Entries around the new year (Ann, Sam) and Ann's goal, ended after one try."""
    journal = Journal.open(journal_path, create=True)
    tea = journal.kindness.find("a cup of tea")
    journal.add(draft("Ann chose the film and we watched it together.", day=D(2025, 12, 29),
                      people=("Ann",),
                      decisions=(Decision("Picked the film together", "co-production"),)))
    journal.add(draft("Had a cup of tea together.", kind=EntryKind.KINDNESS,
                      day=D(2025, 12, 30), people=("Sam",), acts=(ActDone(tea.id),)))
    goal = journal.goals.add("Ann", "Take the bus to town")
    journal.goals.attempt(goal.id, Outcome.PARTLY, D(2025, 12, 31))
    journal.goals.set_status(goal.id, GoalStatus.DISCONTINUED, FallibilityAnswer())
    journal.close()
    return journal_path


@pytest.fixture(autouse=True)
def new_year(monkeypatch: pytest.MonkeyPatch) -> dt.date:
    """Make today 1 January 2026 for the command."""
    monkeypatch.setattr(cli_chart, "today", lambda: D(2026, 1, 1))
    return D(2026, 1, 1)


def test_a_chart_is_saved_as_svg_from_the_journals_own_series(capsys: Capture, filled: Path,
                                                              tmp_path: Path) -> None:
    out = tmp_path / "kinds.svg"
    printed = ok(capsys, filled, "chart", "kinds", "--out", str(out))
    assert printed == f"Saved the kinds chart (2025-12-05 to 2026-01-01) to {out}.\n"
    text = out.read_text(encoding="utf-8")
    assert "<title>Entries per week</title>" in text
    assert ">29 Dec</text>" in text and ">Interaction</text>" in text


def test_a_png_in_the_dark_theme(capsys: Capture, filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "days.PNG"
    ok(capsys, filled, "chart", "streaks", "--dark", "--period", "3m", "--out", str(out))
    assert out.read_bytes().startswith(PNG_SIGNATURE)


def test_acts_weekly_draws_from_the_acts_series(capsys: Capture, filled: Path,
                                                tmp_path: Path) -> None:
    out = tmp_path / "acts.svg"
    ok(capsys, filled, "chart", "acts", "--out", str(out))
    assert ">A cup of tea</text>" in out.read_text(encoding="utf-8")
    weekly = tmp_path / "weekly.svg"
    ok(capsys, filled, "chart", "acts_weekly", "--out", str(weekly))
    assert "<title>Little things per week</title>" in weekly.read_text(encoding="utf-8")


def test_dates_and_a_person_choose_what_is_drawn(capsys: Capture, filled: Path,
                                                 tmp_path: Path) -> None:
    ann = tmp_path / "ann.svg"
    printed = ok(capsys, filled, "chart", "plans", "--since", "2025-12-24", "--until",
                 "2026-01-07", "--person", "ann", "--out", str(ann))
    assert "(2025-12-24 to 2026-01-07)" in printed
    text = ann.read_text(encoding="utf-8")
    assert ">Ann: Take the bus to town</text>" in text and ">ended early</text>" in text
    sam = tmp_path / "sam.svg"
    printed = ok(capsys, filled, "chart", "plans", "--since", "2025-12-24", "--person", "Sam",
                 "--out", str(sam))
    assert printed.endswith("so it says so in words.\n")
    assert "No attempts at goals recorded" in sam.read_text(encoding="utf-8")


def test_an_empty_journal_still_gives_a_friendly_picture(capsys: Capture, journal_path: Path,
                                                         tmp_path: Path) -> None:
    out = tmp_path / "d.svg"
    ok(capsys, journal_path, "chart", "decisions", "--period", "12m", "--out", str(out))
    assert "No decisions recorded in this period yet." in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("spec", CHARTS, ids=[spec.key for spec in CHARTS])
def test_every_declared_chart_is_drawn_by_its_name(capsys: Capture, filled: Path,
                                                   tmp_path: Path, spec: ChartSpec) -> None:
    out = tmp_path / f"{spec.key}.svg"
    printed = ok(capsys, filled, "chart", spec.key, "--period", "3m", "--out", str(out))
    assert printed.startswith(f"Saved the {spec.key} chart (2025-10-03 to 2026-01-01) to {out}.")
    assert f"<title>{spec.words.title}</title>" in out.read_text(encoding="utf-8")


def test_the_help_names_every_declared_chart_in_order(capsys: Capture, filled: Path) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--journal", str(filled), "chart", "--help"])
    assert done.value.code == 0
    assert "NAME one of: " + ", ".join(NAMES) + " " in " ".join(capsys.readouterr().out.split())


def test_an_unknown_chart_lists_the_names(capsys: Capture, filled: Path,
                                          tmp_path: Path) -> None:
    err = refused(capsys, filled, "chart", "pie", "--out", str(tmp_path / "p.png"))
    assert "unknown chart 'pie': choose one of " + ", ".join(NAMES) in err


@pytest.mark.parametrize("file_name", ["chart.pdf", "chart"])
def test_only_png_and_svg_are_written(capsys: Capture, filled: Path, tmp_path: Path,
                                      file_name: str) -> None:
    err = refused(capsys, filled, "chart", "kinds", "--out", str(tmp_path / file_name))
    assert "must end in .png or .svg" in err
    assert not (tmp_path / file_name).exists()


def test_an_unwritable_place_is_one_line(capsys: Capture, filled: Path,
                                         tmp_path: Path) -> None:
    missing = tmp_path / "no such folder" / "k.png"
    err = refused(capsys, filled, "chart", "kinds", "--out", str(missing))
    assert err == f"carejournal: cannot write {missing}: No such file or directory\n"


@pytest.mark.parametrize("args", [
    ("--period", "3m", "--since", "2025-12-01"),
    ("--since", "2026-01-05", "--until", "2026-01-01"),
    ("--period", "7w"),
])
def test_contradictory_dates_are_refused(capsys: Capture, filled: Path, tmp_path: Path,
                                         args: tuple[str, ...]) -> None:
    refused(capsys, filled, "chart", "kinds", *args, "--out", str(tmp_path / "k.png"))
    assert not (tmp_path / "k.png").exists()


def test_the_out_option_is_required(capsys: Capture, filled: Path) -> None:
    assert "--out" in refused(capsys, filled, "chart", "kinds")


def test_chart_never_imports_qt(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "k.png"
    script = (
        "import sys\n"
        "from carejournal.cli.main import main\n"
        f"code = main(['--journal', {str(filled)!r}, 'chart', 'kinds', '--out', {str(out)!r}])\n"
        "loaded = sorted({m.split('.')[0] for m in sys.modules} & {'PySide6', 'shiboken6'})\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('matplotlib.pyplot',"
        " 'matplotlib.backends.backend_qt')))\n"
        "sys.stderr.write(f'{code} {loaded} {qt}')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.stderr == "0 [] []"
    assert out.read_bytes().startswith(PNG_SIGNATURE)
