"""The Word pack opened with python-docx, as a supervisor's word processor would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm, Mm

from carejournal.pack.document import Document, Image, Paragraph
from carejournal.pack.docx_writer import render_docx
from tests.pack.samples import ALT, CURLY, EMOJI, LONG_CELL, NAMES, TRICKY, empty, png, sample


def open_docx(data: bytes, where: Path) -> Any:
    """Write the bytes and open them again with python-docx."""
    path = where / "pack.docx"
    path.write_bytes(data)
    return docx.Document(str(path))


@pytest.fixture(scope="module")
def word(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The sample pack as a python-docx Document."""
    return open_docx(render_docx(sample()), tmp_path_factory.mktemp("docx"))


def styled(word: Any, style: str) -> list[str]:
    """Texts of the paragraphs in one style, in order."""
    return [p.text for p in word.paragraphs if p.style.name == style]


def test_title_and_headings_use_real_styles(word: Any) -> None:
    assert styled(word, "Title") == [f"Supervision pack for {NAMES[0]}"]
    assert styled(word, "Subtitle") == ["2 March to 16 March 2026 \u2014 supervisor: Siobhán"]
    assert styled(word, "Heading 1") == ["Actions from the last session", "Summary", "Entries",
                                         "Language check", "Agenda"]
    assert styled(word, "Heading 2") == ["Tuesday 3 March, early shift"]
    assert styled(word, "Heading 3") == ["What happened"]


def test_paragraph_text_is_kept_exactly(word: Any) -> None:
    texts = [p.text for p in word.paragraphs]
    assert TRICKY in texts  # line breaks kept, Markdown-like characters left alone
    assert styled(word, "Quote") == [CURLY]
    assert any(EMOJI in t for t in texts)
    assert any(t.endswith("ENDOFLONGPARAGRAPH") and len(t.split()) == 2000 for t in texts)
    note = next(p for p in word.paragraphs if p.text == "People appear by their initials.")
    assert note.runs[0].font.size.pt == pytest.approx(8.5)


def test_lists_use_list_styles_and_each_numbered_list_starts_again(word: Any) -> None:
    assert styled(word, "List Bullet") == ["Decisions made with people: 9 of 14",
                                           "Goals ended early: 1"]
    numbered = [p for p in word.paragraphs if p.style.name == "List Number"]
    assert [p.text for p in numbered] == ["Ask about the rota", "Talk about the fire drill",
                                          "How do I share the plan?", "What do they want too?"]
    first, second = (p._p.pPr.numPr for p in (numbered[0], numbered[2]))
    assert first is None or first.numId.val != second.numId.val
    num = word.part.numbering_part.element.num_having_numId(second.numId.val)
    assert num.find(qn("w:lvlOverride")).find(qn("w:startOverride")).get(qn("w:val")) == "1"


def test_tables_have_a_repeating_bold_header_and_every_cell(word: Any) -> None:
    actions, language = word.tables
    assert [c.text for c in actions.rows[0].cells] == ["Action", "Owner", "Due", "Status"]
    assert all(run.bold for c in actions.rows[0].cells for run in c.paragraphs[0].runs)
    assert actions.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert NAMES[2] in actions.rows[2].cells[0].text and actions.rows[2].cells[1].text == \
        "supervisor"
    assert [c.text for c in language.rows[2].cells] == ["refused", "frames a choice as defiance",
                                                        LONG_CELL]
    widths = [c.width for c in language.rows[0].cells]
    assert widths[2] > widths[0] and sum(widths) == pytest.approx(Mm(174), rel=0.01)


def test_image_is_about_15_cm_wide_with_alt_text_and_caption(word: Any) -> None:
    assert len(word.inline_shapes) == 1
    picture = word.inline_shapes[0]
    assert picture.width == pytest.approx(Cm(15), rel=0.01)
    assert picture.height == pytest.approx(Cm(7.5), rel=0.01)
    assert picture._inline.docPr.get("descr") == ALT
    assert styled(word, "Caption") == ["Decisions by rung of the ladder"]


def test_page_is_a4_with_page_numbers_and_no_author(word: Any) -> None:
    section = word.sections[0]
    assert section.page_width.mm == pytest.approx(210, abs=0.1)
    assert section.page_height.mm == pytest.approx(297, abs=0.1)
    footer = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "NUMPAGES" in footer and "Page " in footer
    props = word.core_properties
    assert props.title == f"Supervision pack for {NAMES[0]}"
    assert props.author == "" and props.last_modified_by == "" and props.comments == ""


def test_page_break_comes_before_the_agenda(word: Any) -> None:
    body = [p for p in word.paragraphs]
    agenda = next(n for n, p in enumerate(body) if p.text == "Agenda")
    assert 'w:br w:type="page"' in body[agenda - 1]._p.xml


def test_empty_document_and_odd_characters_still_make_a_valid_file(tmp_path: Path) -> None:
    word = open_docx(render_docx(empty()), tmp_path)
    assert [p.text for p in word.paragraphs] == ["Nothing to bring this time"]
    odd = Document("Bell\x07 title", "", (Paragraph("Form feed\x0c and NUL\x00 gone\r\nok"),))
    word = open_docx(render_docx(odd), tmp_path)
    assert [p.text for p in word.paragraphs] == ["Bell title", "Form feed and NUL gone\nok"]


def test_a_tall_picture_is_shrunk_to_fit_the_page(tmp_path: Path) -> None:
    doc = Document("T", "", (Image(png(300, 900), "Tall", "A tall chart."),))
    picture = open_docx(render_docx(doc), tmp_path).inline_shapes[0]
    assert picture.height == pytest.approx(Cm(17), rel=0.01)
    assert picture.width == pytest.approx(Cm(17) / 3, rel=0.01)
