"""Bidirectional controls never reach a pack: a right-to-left override typed or pasted into an
entry would make a reader of the pack see words in another order than the one written."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from carejournal.pack.document import (
    Bullets,
    Document,
    Heading,
    Image,
    Paragraph,
    Table,
    clean_document,
    clean_text,
)
from carejournal.pack.write import PackFormat, render
from tests.cli.helpers import cli, ok
from tests.pack.samples import png
from tests.pack.test_pdf import read_pdf

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
RLO, PDF_ = "\u202e", "\u202c"  # right-to-left override, pop directional formatting


def has_bidi(text: str) -> bool:
    return any(char in BIDI for char in text)


def test_clean_text_removes_every_bidirectional_control_and_keeps_the_words() -> None:
    assert clean_text(f"a{BIDI}b") == "ab"
    assert clean_text("Arabic \u0645\u0631\u062d\u0628\u0627 and Hebrew \u05e9\u05dc\u05d5\u05dd") \
        == "Arabic \u0645\u0631\u062d\u0628\u0627 and Hebrew \u05e9\u05dc\u05d5\u05dd"


def test_every_text_of_a_document_is_cleaned() -> None:
    dirty = f"x{RLO}y{PDF_}"
    doc = Document(dirty, dirty, (
        Heading(dirty), Paragraph(dirty, "quote"), Bullets((dirty, dirty)),
        Table((dirty,), ((dirty,), (dirty,))), Image(png(40, 20), dirty, dirty)))
    assert not has_bidi(repr(clean_document(doc)))
    assert "xy" in repr(clean_document(doc))


@pytest.fixture
def exported(capsys: pytest.CaptureFixture[str], journal_path: Path,
             tmp_path: Path) -> dict[str, Path]:
    """A pack in each format of a journal whose entry holds a right-to-left override."""
    ok(capsys, journal_path, "add", "--kind", "interaction", "--title", f"Title {RLO}gnp.exe",
       f"Made tea, then {RLO}txt.exe{PDF_} was left on the desk.")
    made = {}
    for fmt in PackFormat:
        out = tmp_path / f"pack.{fmt.value}"
        code, _out, err = cli(capsys, journal_path, "export", "--since", "2000-01-01",
                              "--out", str(out))
        assert code == 0, err
        made[fmt.value] = out
    return made


def test_the_markdown_pack_has_no_bidirectional_controls(exported: dict[str, Path]) -> None:
    text = exported["md"].read_text(encoding="utf-8")
    assert "txt.exe was left on the desk" in text
    assert not has_bidi(text)


def test_the_word_pack_has_no_bidirectional_controls(exported: dict[str, Path]) -> None:
    with zipfile.ZipFile(exported["docx"]) as archive:
        parts = {name: archive.read(name).decode("utf-8") for name in archive.namelist()
                 if name.endswith(".xml")}
    assert any("txt.exe" in part for part in parts.values())
    assert not [name for name, part in parts.items() if has_bidi(part)]


def test_the_pdf_pack_has_no_bidirectional_controls(exported: dict[str, Path],
                                                    tmp_path: Path) -> None:
    text = " ".join(read_pdf(exported["pdf"].read_bytes(), tmp_path))
    assert "txt.exe" in text
    assert not has_bidi(text)


def test_an_unclean_document_is_cleaned_on_the_way_to_every_writer() -> None:
    doc = Document("Pack", "", (Paragraph(f"left {RLO}right"),))
    for fmt in PackFormat:
        data = render(doc, fmt)
        if fmt is PackFormat.MARKDOWN:
            assert not has_bidi(data.decode("utf-8"))
        if fmt is PackFormat.DOCX:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                assert not has_bidi(archive.read("word/document.xml").decode("utf-8"))
