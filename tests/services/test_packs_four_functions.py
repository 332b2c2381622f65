"""Supervision's four functions in the pack, read back from the PDF (pdftotext), the Word
file (python-docx) and the Markdown: the agenda grouped by function with untagged items
last, the situation's four stages as their own section, "How I am" only when the worker
included it, and no listed person's name anywhere."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest

from carejournal.core.preparation import Preparation, Stage
from carejournal.core.supervision import Function, Session
from carejournal.pack.write import PackFormat
from carejournal.services.journal import Journal
from carejournal.services.packs import plan_pack, write_plan
from tests.conftest import draft
from tests.services.test_packs_reading import pdf_pages

TODAY = dt.date.today()
NAMES = ("Fern Ashworth", "Fern", "Ashworth", "Harold")
HOW = "Tired after four nights in a row; I would like a debrief about Harold."
GROUPS = ("Support", "Management", "Not yet tagged")


def _prepare(journal: Journal, include: bool) -> Preparation:
    day = TODAY - dt.timedelta(days=3)
    journal.supervision.add(Session(TODAY + dt.timedelta(days=2), "Priya"))
    trip = journal.add(draft("Fern Ashworth and I went to Whitby. Fern chose the bench.",
                             day=day, title="A trip out with Fern", people=("Fern Ashworth",)))
    journal.add(draft("Harold sang at tea.", day=day, people=("Harold",)))
    prep = journal.supervision.prepare_next(TODAY)
    steps = journal.preparing
    steps.bring_question(prep, "Can I swap the Friday shift?")
    steps.bring_question(prep, "How do I hand over to nights?")
    steps.bring_question(prep, "I felt low after Harold's fall.")
    steps.tag(prep, 0, Function.MANAGEMENT)
    steps.tag(prep, 2, Function.SUPPORT)
    situation = steps.bring_situation(prep, trip)
    assert situation.words(Stage.EXPERIENCE).startswith("Fern Ashworth and I went")
    steps.write_stage(prep, Stage.REFLECTION, "Fern seemed calmer by the sea.")
    steps.write_stage(prep, Stage.THINKING, "Choice matters more than the plan.")
    steps.write_stage(prep, Stage.ACTION, "Ask Fern where to go next time.")
    steps.how_i_am(prep, HOW, include)
    journal.supervision.save(prep)
    return prep


def _packs(folder: Path, include: bool) -> dict[PackFormat, Path]:
    journal = Journal.open(folder / "j.sqlite", create=True)
    try:
        plan = plan_pack(journal, _prepare(journal, include))
        paths = {}
        for fmt in PackFormat:
            paths[fmt] = folder / f"pack.{fmt.value}"
            write_plan(plan, paths[fmt], fmt)
    finally:
        journal.close()
    return paths


@pytest.fixture(scope="module")
def included(tmp_path_factory: pytest.TempPathFactory) -> dict[PackFormat, str]:
    return _texts(_packs(tmp_path_factory.mktemp("included"), True))


@pytest.fixture(scope="module")
def left_out(tmp_path_factory: pytest.TempPathFactory) -> dict[PackFormat, str]:
    return _texts(_packs(tmp_path_factory.mktemp("left_out"), False))


def _texts(paths: dict[PackFormat, Path]) -> dict[PackFormat, str]:
    return {PackFormat.PDF: "\n".join(pdf_pages(paths[PackFormat.PDF])),
            PackFormat.DOCX: "\n".join(p.text for p in
                                       docx.Document(str(paths[PackFormat.DOCX])).paragraphs),
            PackFormat.MARKDOWN: paths[PackFormat.MARKDOWN].read_text("utf-8")}


def _after(text: str, heading: str) -> str:
    """The text from the last place the heading stands (past the contents list)."""
    return text[text.rindex(heading):]


@pytest.mark.parametrize("fmt", list(PackFormat))
def test_the_agenda_is_grouped_by_function_untagged_last(
        included: dict[PackFormat, str], fmt: PackFormat) -> None:
    agenda = _after(included[fmt], "Agenda")
    places = [agenda.index(group) for group in GROUPS]
    assert places == sorted(places)
    assert agenda.index("Support") < agenda.index("I felt low after") < agenda.index(
        "Management") < agenda.index("Can I swap the Friday shift?") < agenda.index(
        "Not yet tagged") < agenda.index("How do I hand over to nights?")
    assert "Development" not in agenda[:agenda.index("Not yet tagged")]


@pytest.mark.parametrize("fmt", list(PackFormat))
def test_the_situation_has_its_own_section_with_the_four_stages(
        included: dict[PackFormat, str], fmt: PackFormat) -> None:
    section = _after(included[fmt], "A situation to work through")
    stages = ["What happened", "What I noticed", "What I make of it", "What I\u2019ll try"
              if "What I\u2019ll try" in section else "What I'll try"]
    places = [section.index(stage) for stage in stages]
    assert places == sorted(places)
    assert "and I went to" in section and "Choice matters more than the plan." in section


@pytest.mark.parametrize("fmt", list(PackFormat))
def test_how_i_am_is_in_the_pack_only_when_included(
        included: dict[PackFormat, str], left_out: dict[PackFormat, str],
        fmt: PackFormat) -> None:
    assert "How I am" in included[fmt]
    assert "Tired after four nights in a row" in " ".join(included[fmt].split())
    assert "How I am" not in left_out[fmt]
    assert "Tired after four nights" not in " ".join(left_out[fmt].split())


@pytest.mark.parametrize("fmt", list(PackFormat))
def test_no_listed_persons_name_appears(included: dict[PackFormat, str],
                                        left_out: dict[PackFormat, str],
                                        fmt: PackFormat) -> None:
    for text in (included[fmt], left_out[fmt]):
        words = " ".join(text.split())
        for name in NAMES:
            assert name not in words, f"{name} in the {fmt.value} pack"
