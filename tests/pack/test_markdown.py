"""The Markdown pack: structure from the blocks only, never from what the worker wrote."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from carejournal.pack.document import Bullets, Document, Heading, Image, Paragraph, Table
from carejournal.pack.markdown import escape, render_markdown
from tests.pack.samples import ALT, CURLY, EMOJI, LONG_CELL, NAMES, TRICKY, empty, sample

STRUCTURE = re.compile(r"^(#|>|[-+*=]|\d+[.)](\s|$)|\||    |\t|```|~~~)")
UNESCAPED_PIPE = re.compile(r"(?<!\\)(?:\\\\)*\|")


def lines(doc: Document) -> list[str]:
    """The rendered Markdown, line by line."""
    return render_markdown(doc).split("\n")


def test_headings_come_only_from_heading_blocks() -> None:
    headings = [line for line in lines(sample()) if line.startswith("#")]
    assert headings == [f"# Supervision pack for {NAMES[0]}", "## Actions from the last session",
                        "## Summary", "## Entries", "### Tuesday 3 March, early shift",
                        "#### What happened", "## Language check", "## Agenda"]


def test_user_text_cannot_make_headings_tables_or_lists() -> None:
    text = render_markdown(Document("T", "", (Paragraph(TRICKY),)))
    body = text.split("\n")[2:]
    assert body == ["\\# not a heading\\", "\\| pipe \\| cell \\|\\", "\\- not a list\\",
                    "1\\. not numbered\\", "\\*\\*not bold\\*\\*", ""]
    assert not any(STRUCTURE.match(line) for line in body)


def test_tables_are_pipe_tables_with_one_row_per_record() -> None:
    table_lines = [line for line in lines(sample()) if line.startswith("|")]
    assert table_lines[:4] == ["| Action | Owner | Due | Status |", "|---|---|---|---|",
                               "| Ask Siobhán about the \u201cwalk to town\u201d plan | me | "
                               "12 Mar | done |",
                               f"| Read the policy and note two questions for {NAMES[2]} | "
                               "supervisor | 20 Mar | in progress |"]
    assert len(table_lines) == 4 + 4
    assert table_lines[-1] == f"| refused | frames a choice as defiance | {LONG_CELL} |"


def test_cells_with_pipes_and_line_breaks_stay_in_their_cell() -> None:
    doc = Document("T", "", (Table(("A | B", "C"), (("x | y\nz", "# w"),)),))
    rows = [line for line in lines(doc) if line.startswith("|")]
    assert rows[0] == "| A \\| B | C |"
    assert rows[2] == "| x \\| y<br>z | \\# w |"
    assert all(len(UNESCAPED_PIPE.findall(row)) == 3 for row in rows)


def test_quotes_notes_lists_and_unicode() -> None:
    text = render_markdown(sample())
    assert f"> {CURLY}" in text
    assert "*People appear by their initials.*" in text
    assert "- Decisions made with people: 9 of 14\n- Goals ended early: 1" in text
    assert "1. How do I share the plan?\n2. What do they want too?" in text
    assert all(name in text for name in NAMES) and EMOJI in text
    assert "\n---\n" in text


def test_images_become_caption_and_alt_text() -> None:
    doc = Document("T", "", (Image(b"\x89PNG", "Decisions *by* rung", ALT),))
    assert render_markdown(doc) == f"# T\n\n*Decisions \\*by\\* rung*\n\n{ALT}\n"


def test_multi_line_items_and_quotes_stay_inside_their_block() -> None:
    doc = Document("T", "", (Bullets(("first\n# second", "third"), numbered=True),
                             Paragraph("one\n\ntwo", "quote")))
    assert render_markdown(doc).split("\n")[2:] == [
        "1. first\\", "   \\# second", "2. third", "", "> one", ">", "> two", ""]


def test_empty_document_is_its_title() -> None:
    assert render_markdown(empty()) == "# Nothing to bring this time\n"
    assert render_markdown(Document("", "", (Heading("  "),))) == \
        "# Supervision pack\n\n## \u00a0\n"


@given(st.text())
def test_no_text_in_a_paragraph_ever_starts_a_markdown_structure(text: str) -> None:
    body = render_markdown(Document("T", "", (Paragraph(text),))).split("\n")[2:]
    assert not any(STRUCTURE.match(line) for line in body)
    assert not any(UNESCAPED_PIPE.search(line) for line in body)


@given(st.lists(st.text(), min_size=1, max_size=4))
def test_no_text_in_a_cell_adds_or_removes_a_column(cells: list[str]) -> None:
    doc = Document("T", "", (Table(tuple(f"h{n}" for n in range(len(cells))), (tuple(cells),)),))
    row = [line for line in lines(doc) if line.startswith("|")][2]
    assert len(UNESCAPED_PIPE.findall(row)) == len(cells) + 1


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_escaping_keeps_every_letter(text: str) -> None:
    kept = re.sub(r"\\(.)", r"\1", escape(text))
    assert [c for c in kept if c.isalnum()] == [c for c in text.strip() if c.isalnum()]


def test_the_contents_link_each_listed_heading_by_the_anchor_viewers_give_it() -> None:
    from carejournal.pack.document import Contents

    doc = Document("Pack", "", (Contents(), Heading("Agenda"), Heading("Notes", 2),
                                Heading("Tuesday 3 March 2026 \u00b7 [place] *trip*", 2,
                                        listed=True),
                                Heading("Agenda"), Heading("Contents")))
    text = render_markdown(doc)
    assert "## Contents\n\n- [Agenda](#agenda)\n" in text
    assert "  - [Tuesday 3 March 2026 \u00b7 \\[place\\] \\*trip\\*]" \
           "(#tuesday-3-march-2026--place-trip)" in text
    assert "- [Agenda](#agenda-1)" in text and "- [Contents](#contents-1)" in text
    assert "(#notes)" not in text, "only listed headings"
    assert text.index("## Contents") < text.index("## Agenda")
