"""The pack as a supervisor reads it, in all three formats from one real journal: the
agenda, the figures and the entries to discuss first, a contents list whose page numbers
are where the headings land (PDF), "[place]" for places, a goal-ending reflection under the
person's goal, and no ISO date anywhere."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from carejournal.core.domain import EntryKind
from carejournal.core.goals import FallibilityAnswer, GoalStatus, Outcome
from carejournal.core.supervision import Session
from carejournal.pack.write import PackFormat
from carejournal.services.journal import Journal
from carejournal.services.packs import plan_pack, write_plan
from tests.conftest import draft

TODAY = dt.date.today()
FRONT = ("Agenda", "The period in figures", "Entries to discuss")
REST = ("Actions agreed last time", "Power and fallibility", "Language check",
        "Strengths and problems noted", "Other entries brought", "The period in charts",
        "How identities were protected")
ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
REFLECTION = "Giving up smoking took me nine goes, so two tries is no test."


@pytest.fixture(scope="module")
def packs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One journal, its pack written as PDF, Word and Markdown."""
    folder = tmp_path_factory.mktemp("packs")
    journal = Journal.open(folder / "j.sqlite", create=True)
    try:
        day = TODAY - dt.timedelta(days=3)
        journal.supervision.add(Session(TODAY - dt.timedelta(days=30), "Priya"))
        journal.supervision.add(Session(TODAY + dt.timedelta(days=2), "Priya"))
        for n in range(12):  # enough to run over several pages
            journal.add(draft("We sat together and talked about the week. " * 30, day=day,
                              title=f"Everyday visit {n}", people=("Fern",)))
        chosen = journal.add(draft("We went to Whitby for chips. Fern chose the bench.",
                                   day=day, title="A trip out", people=("Fern",)))
        journal.add(draft("I snapped at a colleague when I was tired.", EntryKind.FALLIBILITY,
                          day, title="Tired and short"))
        goal = journal.goals.add("Fern", "Swim on Fridays")
        journal.goals.attempt(goal.id, Outcome.NOT_THIS_TIME, day)
        journal.goals.set_status(goal.id, GoalStatus.DISCONTINUED,
                                 FallibilityAnswer(9, REFLECTION))
        prep = journal.supervision.prepare_next(TODAY)
        journal.preparing.set_discuss(prep, chosen, True)
        journal.preparing.bring_question(prep, "How do I share the plan?")
        plan = plan_pack(journal, prep)
        paths = {}
        for fmt in PackFormat:
            paths[fmt.value] = folder / f"pack.{fmt.value}"
            write_plan(plan, paths[fmt.value], fmt)
    finally:
        journal.close()
    return paths


def pdf_pages(path: Path) -> list[str]:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          text=True, check=True, timeout=60).stdout
    return text.split("\f")[:-1]


def docx_paragraphs(path: Path) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs]


def markdown(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def in_order(found: list[str]) -> list[str]:
    return [h for h in found if h in FRONT + REST]


def test_the_word_pack_puts_the_agenda_figures_and_entries_to_discuss_first(
        packs: dict[str, Path]) -> None:
    headings = [t for style, t in docx_paragraphs(packs["docx"]) if style == "Heading 1"]
    assert in_order(headings) == [*FRONT, *REST]
    assert headings[:3] == list(FRONT), "nothing stands before the agenda"


def test_the_word_contents_link_to_the_headings_they_name(packs: dict[str, Path]) -> None:
    from docx.oxml.ns import qn

    body = docx.Document(str(packs["docx"])).element.body
    links = {link.get(qn("w:anchor")): "".join(t.text or "" for t in link.iter(qn("w:t")))
             for link in body.iter(qn("w:hyperlink"))}
    marks = {}
    for start in body.iter(qn("w:bookmarkStart")):
        paragraph = start.getparent()
        marks[start.get(qn("w:name"))] = "".join(t.text or "" for t in paragraph.iter(qn("w:t")))
    assert [links[a] for a in links if links[a] in FRONT + REST] == [*FRONT, *REST]
    for anchor, text in links.items():
        assert marks[anchor] == text, "each line of the contents links to its own heading"
    codes = "".join(t.text or "" for t in body.iter(qn("w:instrText")))
    assert "TOC " in codes, "Word can fill in the page numbers (Update Field)"


def test_the_markdown_pack_puts_them_first_with_a_linked_contents_list(
        packs: dict[str, Path]) -> None:
    text = markdown(packs["md"])
    headings = re.findall(r"^## (.+)$", text, re.MULTILINE)
    assert headings[0] == "Contents"
    assert in_order(headings) == [*FRONT, *REST]
    links = re.findall(r"^ *- \[(.+)\]\(#([\w-]+)\)$", text, re.MULTILINE)
    assert [name for name, _a in links if name in FRONT + REST] == [*FRONT, *REST]
    assert ("Agenda", "agenda") in links
    assert ("The period in figures", "the-period-in-figures") in links
    discussed = [a for name, a in links if "A trip out" in name]
    assert discussed and discussed[0].endswith("a-trip-out"), "entries to discuss are listed"


def test_the_pdf_contents_list_gives_the_page_each_heading_lands_on(
        packs: dict[str, Path]) -> None:
    pages = pdf_pages(packs["pdf"])
    assert len(pages) >= 4
    first = pages[0]
    assert "Contents" in first
    listed = dict(re.findall(r"^(.+?)(?: ?\.{3,}) ?(\d+)$", first, re.MULTILINE))
    listed = {name.strip(): int(page) for name, page in listed.items()}
    for heading in (*FRONT, *REST):
        assert heading in listed, f"{heading!r} is not in the contents"
        lines = [line.strip() for line in pages[listed[heading] - 1].splitlines()]
        assert heading in lines, f"{heading!r} is not on page {listed[heading]}"
    assert [listed[h] for h in (*FRONT, *REST)] == sorted(listed[h] for h in (*FRONT, *REST))
    assert listed["Agenda"] == 2, "the agenda starts straight after the contents"
    assert "A trip out" in first, "the entries to discuss are in the contents"


def test_places_read_as_place_and_people_as_their_alias(packs: dict[str, Path]) -> None:
    for text in (markdown(packs["md"]).replace("\\[", "[").replace("\\]", "]"),
                 "\n".join(t for _s, t in docx_paragraphs(packs["docx"]))):
        assert "We went to [place] for chips" in text
        assert "Whitby" not in text
        assert "Fern" not in text, "a name that is an everyday word, alone in a list too"


def test_the_goal_ending_reflection_is_under_the_goal_not_the_off_days(
        packs: dict[str, Path]) -> None:
    text = markdown(packs["md"])
    power = text[text.index("## Power and fallibility"):text.index("## Language check")]
    goals = power[power.index("### Goals ended after few attempts"):]
    own = goals.index("### My own fallibility")
    assert "Swim on Fridays" in goals[:own]
    assert "nine goes" in goals[:own], "the reflection stands under its goal"
    assert "Swim on Fridays" not in goals[own:], "not among the worker's own off days"
    assert "Tired and short" in goals[own:]


def test_no_iso_date_anywhere_in_any_format(packs: dict[str, Path]) -> None:
    texts = {"md": markdown(packs["md"]),
             "docx": "\n".join(t for _s, t in docx_paragraphs(packs["docx"]))
             + "\n".join(c.text for t in docx.Document(str(packs["docx"])).tables
                         for row in t.rows for c in row.cells),
             "pdf": "\n".join(pdf_pages(packs["pdf"]))}
    for fmt, text in texts.items():
        assert not ISO.findall(text), f"{fmt}: {ISO.findall(text)[:3]}"
        long = TODAY + dt.timedelta(days=2)
        assert f"{long.day} " in text and str(long.year) in text
