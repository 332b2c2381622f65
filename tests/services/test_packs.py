"""The supervision pack end to end: a real journal, `carejournal export` to PDF, DOCX and
Markdown, read back with real readers; no listed name or detected identifier survives."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from carejournal.core.domain import EntryKind
from carejournal.core.supervision import AgreedAction, Session
from carejournal.services.journal import Journal
from tests.cli.helpers import cli
from tests.conftest import draft

TODAY = dt.date.today()
SECRETS = ("Mary Jones", "Mags", "Jones", "943 476 5919", "LS6 2AB", "07700 900123",
           "mary@example.org", "Bartholomew")
BODY = ("Mary Jones (Mags to her friends) was non-compliant about the annual review. "
        "Her NHS number 943 476 5919 and postcode LS6 2AB were on the form. "
        "We rang her nephew on 07700 900123 and wrote to mary@example.org.\n\n"
        "Annual garden show next week. Ann showed me the leaflet; Bartholomew from the church "
        "came.")


@pytest.fixture
def path(tmp_path: Path) -> Path:
    where = tmp_path / "j.sqlite"
    journal = Journal.open(where, create=True)
    try:
        journal.add(draft(BODY, day=TODAY - dt.timedelta(days=3), title="Review with Mags",
                          people=("Mary Jones", "Ann")))
        journal.add(draft("", kind=EntryKind.REFLECTION, day=TODAY - dt.timedelta(days=2),
                          model="gibbs", people=("Ann",),
                          sections=(("description", "Ann chose the menu."),
                                    ("feelings", "Proud of Ann."))))
        journal.supervision.set_names("Mary Jones", ["Mags"], "")
        journal.supervision.add(Session(TODAY - dt.timedelta(days=20), "Priya",
                                        actions=(AgreedAction("Read the policy", "me"),)))
        journal.supervision.add(Session(TODAY + dt.timedelta(days=2), "Priya"))
    finally:
        journal.close()
    return where


def pdf_text(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; `make test` installs it "
                    "when it can")
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True)
    return done.stdout


def docx_text(path: Path) -> tuple[str, list[str]]:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    return "\n".join(parts), headings


def export(capsys: pytest.CaptureFixture[str], path: Path, out: Path, *extra: str
           ) -> tuple[int, str, str]:
    return cli(capsys, path, "export", "--out", str(out), *extra)


def assert_protected(text: str) -> None:
    flat = " ".join(text.split())
    for secret in SECRETS:
        assert secret not in flat, f"{secret!r} survived"
    assert "Annual garden show" in flat, "a name inside another word is not replaced"
    assert "M.J." in flat and "[NHS number]" in flat and "[postcode]" in flat


# In the order a supervisor reads them: what the session is about first, then the rest.
SECTIONS = ("Agenda", "The period in figures", "Entries to discuss", "Actions agreed last time",
            "Power and fallibility", "Language check", "Strengths and problems noted",
            "Other entries brought", "How identities were protected")


def test_pdf_pack_reads_back_with_every_section_and_no_identities(
        capsys: pytest.CaptureFixture[str], path: Path, tmp_path: Path) -> None:
    out = tmp_path / "pack.pdf"
    code, stdout, err = export(capsys, path, out)
    assert code == 0, err
    assert "Wrote the supervision pack" in stdout
    assert "NHS number" in err and "943 476 5919" in err, "each replacement is listed"
    text = pdf_text(out)
    for heading in SECTIONS:
        assert heading in text
    assert "Read the policy" in text and "Ann chose the menu" not in text
    assert_protected(text)


def test_docx_pack_has_real_headings_and_no_identities(capsys: pytest.CaptureFixture[str],
                                                       path: Path, tmp_path: Path) -> None:
    out = tmp_path / "pack.docx"
    assert export(capsys, path, out)[0] == 0
    text, headings = docx_text(out)
    for heading in SECTIONS:
        assert heading in headings
    assert [h for h in headings if h in SECTIONS] == list(SECTIONS)
    assert "Description" in headings, "reflective models keep their section headings"
    assert_protected(text)


def test_markdown_pack_and_keeping_a_confirmed_word(capsys: pytest.CaptureFixture[str],
                                                    path: Path, tmp_path: Path) -> None:
    out = tmp_path / "pack.md"
    code, _out, err = export(capsys, path, out, "--keep", "Bartholomew")
    assert code == 0
    text = out.read_text(encoding="utf-8")
    assert "Bartholomew" in text and "Kept" in err
    assert "943 476 5919" not in text and "Mary Jones" not in text
    assert oct(out.stat().st_mode & 0o777) == oct(0o600), "a pack is private to its owner"


def test_an_empty_period_still_gives_a_valid_pack(capsys: pytest.CaptureFixture[str],
                                                  path: Path, tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    since = (TODAY + dt.timedelta(days=1)).isoformat()
    code, _out, err = export(capsys, path, out, "--since", since, "--until", since)
    assert code == 0, err
    assert "No entries were chosen for this pack." in pdf_text(out)
    md = tmp_path / "empty.md"
    assert export(capsys, path, md, "--since", since, "--until", since)[0] == 0
    assert "No entries were chosen" in md.read_text(encoding="utf-8")


def test_only_the_chosen_entries_are_exported(capsys: pytest.CaptureFixture[str],
                                              path: Path, tmp_path: Path) -> None:
    out = tmp_path / "two.md"
    assert export(capsys, path, out, "--entries", "2")[0] == 0
    text = out.read_text(encoding="utf-8")
    assert "chose the menu" in text and "garden show" not in text


def test_an_unwritable_path_is_reported_and_leaves_nothing(
        capsys: pytest.CaptureFixture[str], path: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code, out, err = export(capsys, path, blocker / "pack.pdf")
    assert code == 2 and out == ""
    assert "Could not write" in err
    missing = tmp_path / "no-such-folder" / "pack.docx"
    assert export(capsys, path, missing)[0] == 2
    assert not missing.parent.exists()
    left = [n for n in os.listdir(tmp_path) if not n.startswith("j.sqlite")]
    assert left == ["a-file"], "no temporary file is left behind"


def test_a_name_found_once_is_replaced_everywhere(capsys: pytest.CaptureFixture[str],
                                                  path: Path, tmp_path: Path) -> None:
    journal = Journal.open(path, create=True)
    try:
        journal.add(draft("Bartholomew rang. Later we met Bartholomew at the shop.",
                          day=TODAY - dt.timedelta(days=1)))
        journal.add(draft("Bartholomew came.", kind=EntryKind.FALLIBILITY,
                          day=TODAY - dt.timedelta(days=1)))
    finally:
        journal.close()
    out = tmp_path / "pack.md"
    assert export(capsys, path, out)[0] == 0
    text = out.read_text(encoding="utf-8")
    assert "Bartholomew" not in text, "also where it opens a sentence"
    assert "Own fallibility: Own fallibility" not in text
    assert "Own fallibility (Own fallibility)" not in text


def test_since_last_supervision_and_an_explicit_format(capsys: pytest.CaptureFixture[str],
                                                       path: Path, tmp_path: Path) -> None:
    out = tmp_path / "pack-without-suffix"
    code, _out, err = export(capsys, path, out, "--since-last-supervision", "--format", "docx")
    assert code == 0, err
    text, headings = docx_text(out)
    assert "Other entries brought" in headings and "Description" in headings
    assert_protected(text)
    both = export(capsys, path, tmp_path / "x.md", "--since", TODAY.isoformat(),
                  "--since-last-supervision")
    assert both[0] == 2 and "not both" in both[2]
