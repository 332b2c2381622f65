"""The PDF pack read back with a real reader (poppler's pdftotext)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from carejournal.pack.document import Document, Heading, Paragraph, Table
from carejournal.pack.pdf_text import choose_fonts, font_folder, text_maker
from carejournal.pack.pdf_writer import render_pdf
from tests.pack.samples import ALT, CURLY, EMOJI, LONG_CELL, NAMES, empty, sample


def read_pdf(data: bytes, where: Path) -> list[str]:
    """The text of each page, as pdftotext reads it."""
    reader = shutil.which("pdftotext")
    if reader is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; `make test` installs it "
                    "when it can")
    path = where / "pack.pdf"
    path.write_bytes(data)
    text = subprocess.run([reader, "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          text=True, check=True, timeout=60).stdout
    return text.split("\f")[:-1]


def flat(text: str) -> str:
    """Text with every run of whitespace as one space."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The sample pack's pages as text."""
    return read_pdf(render_pdf(sample()), tmp_path_factory.mktemp("pdf"))


def test_title_headings_and_sections_are_there(pages: list[str]) -> None:
    text = "\n".join(pages)
    assert pages[0].lstrip().startswith(f"Supervision pack for {NAMES[0]}")
    for heading in ("Actions from the last session", "Summary", "Entries", "What happened",
                    "Tuesday 3 March, early shift", "Language check", "Agenda"):
        assert heading in text
    assert "2 March to 16 March 2026 \u2014 supervisor: Siobhán" in text


def test_table_cells_and_unicode_names_survive(pages: list[str]) -> None:
    text = flat(" ".join(pages))
    for cell in ("Owner", "Status", "supervisor", "in progress", "12 Mar", "labels the person"):
        assert cell in text
    for name in NAMES:
        assert name in text
    assert flat(CURLY) in text and EMOJI in text


def test_long_cell_is_kept_whole_across_pages(pages: list[str]) -> None:
    text = flat(" ".join(pages))
    assert text.count("she used herself, so I kept it.") == LONG_CELL.count("so I kept it.")


def test_long_document_has_several_pages_numbered_in_the_footer(pages: list[str]) -> None:
    assert len(pages) > 2
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
    assert "ENDOFLONGPARAGRAPH" in " ".join(pages)
    assert pages[-1].lstrip().startswith("Agenda")  # the page break before the agenda


def test_table_header_repeats_on_every_page_it_spans(tmp_path: Path) -> None:
    rows = tuple((f"row {n}", f"Łukasz said {n}") for n in range(160))
    doc = Document("Many rows", "", (Heading("Rows"), Table(("When", "What was said"), rows)))
    pages = read_pdf(render_pdf(doc), tmp_path)
    assert len(pages) > 2
    assert all("What was said" in page for page in pages)
    assert all(f"row {n}" in " ".join(pages) for n in range(160))


def test_metadata_has_the_title_but_no_author(tmp_path: Path) -> None:
    data = render_pdf(sample())
    assert b"/Author" not in data
    info = shutil.which("pdfinfo")
    if info is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    (tmp_path / "p.pdf").write_bytes(data)
    out = subprocess.run([info, str(tmp_path / "p.pdf")], capture_output=True, text=True,
                         check=True).stdout
    assert f"Supervision pack for {NAMES[0]}" in out and "Page size:" in out and "A4" in out


def test_unicode_font_is_embedded_with_an_oblique_for_quotes() -> None:
    if font_folder() is None:
        pytest.skip("matplotlib's DejaVu fonts are not installed")
    data = render_pdf(sample())
    assert b"DejaVuSansBold" in data and b"DejaVuSansOblique" in data
    assert b"/Subtype /Image" in data


def test_core_font_fallback_keeps_text_readable(tmp_path: Path) -> None:
    pages = read_pdf(render_pdf(sample(), choose_fonts(search=False)), tmp_path)
    text = flat(" ".join(pages))
    assert "Zoë" in text and "Siobhán" in text and "Lukasz" in text
    assert "[smiling face with smiling eyes]" in text
    assert "\"I'd rather do it myself,\" she said." in text
    assert "Page 1 of" in text


def test_characters_the_font_lacks_are_described_not_lost() -> None:
    safe = text_maker(choose_fonts(search=False))
    assert safe("Łukasz \u2014 \U0001f9d1\U0001f3fd ok\u2026") == "Lukasz - [adult] ok..."
    unicode_safe = text_maker(choose_fonts(Path("/nonexistent")), {ord(c) for c in "ab \n"})
    assert unicode_safe("ab\U0001f9d1\u200d\nb") == "ab[adult]\nb"


def test_empty_document_is_a_valid_one_page_pdf(tmp_path: Path) -> None:
    data = render_pdf(empty())
    assert data.startswith(b"%PDF-")
    pages = read_pdf(data, tmp_path)
    assert len(pages) == 1
    assert "Nothing to bring this time" in pages[0] and "Page 1 of 1" in pages[0]


def test_image_alt_text_is_stored_for_screen_readers() -> None:
    assert f"/Alt ({ALT})".encode() in render_pdf(sample())


def test_importing_the_package_is_cheap_and_never_loads_matplotlib() -> None:
    script = (
        "import sys\n"
        "import carejournal.pack\n"
        "print(sorted(m for m in ('fpdf', 'docx') if m in sys.modules))\n"
        "from carejournal.pack.pdf_writer import render_pdf\n"
        "render_pdf(carejournal.pack.Document('t', '', ()))\n"
        "print('matplotlib' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.split("\n")[:2] == ["[]", "False"]


def test_text_that_looks_like_a_page_count_placeholder_is_left_alone(tmp_path: Path) -> None:
    doc = Document("T", "", (Paragraph("I typed {nb} and {~cj-pages} here."),))
    pages = read_pdf(render_pdf(doc), tmp_path)
    assert "I typed {nb} and {~cj-pages} here." in pages[0]


def test_a_long_contents_list_runs_over_pages_and_still_gives_the_right_pages(
        tmp_path: Path) -> None:
    import re

    from carejournal.pack.document import Contents

    blocks: list = [Paragraph("Cover line"), Contents()]
    for n in range(1, 91):
        blocks += [Heading(f"Section {n}", 1 if n % 3 else 2, listed=True),
                   Paragraph("Words about it. " * (n % 7 * 20))]
    title = "A very long heading " * 12
    blocks += [Heading(title, 1), Paragraph("The end.")]
    pages = read_pdf(render_pdf(Document("Pack", "", tuple(blocks))), tmp_path)
    contents = "\n".join(p for p in pages if "...." in p)
    listed = {name.strip(): int(page) for name, page in
              re.findall(r"^(.+?) ?\.{4,} ?(\d+)$", contents, re.MULTILINE)}
    assert len([n for n in listed if n.startswith("Section ")]) == 90
    assert pages.index(next(p for p in pages if "Section 1\n" in p)) >= 1
    for n in (1, 2, 45, 89, 90):
        lines = [line.strip() for line in pages[listed[f"Section {n}"] - 1].splitlines()]
        assert f"Section {n}" in lines
    cut = [name for name in listed if name.startswith("A very long heading")]
    assert cut and cut[0].endswith("\u2026"), "a heading too long for one line is cut"
