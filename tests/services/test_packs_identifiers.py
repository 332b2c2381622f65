"""End to end: a pack exported from a journal whose entries hold identifiers written in
untidy, real-world formats carries none of them, and leaves harmless details alone."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import docx
import pytest

from carejournal.core.supervision import Session
from carejournal.pack.write import PackFormat
from carejournal.services.journal import Journal
from carejournal.services.packs import plan_pack, write_plan
from tests.conftest import draft

TODAY = dt.date.today()
ENTRIES = (
    "mary jones was low today. Jones said she misses the garden. MRS JONES later smiled. "
    "Her NHS no. is 943.476.5919 and the old letter had 4526 0181 55. NI number "
    "ab-12-34-56-c, postcode ls6  3ab, son on 0044 7700 900 123, e-mail jo dot smith at "
    "gmail dot com.",
    "Bilal Ahmed was born on the third of May 1938; his birthday is 3rd May. He lives at "
    "14 acacia avenue. MRN RXH123456, CHI 0101339011, H&C number 361 215 4729. His son "
    "drives AB12 CDE. AHMED asked for the radio. We sat with PETER WALSH and mr khan.",
    "Supervision thoughts: room 12 at 10:30, the 38 bus, tea was £2.50, the match ended 2-1 "
    "and paracetamol 500mg at 14.00. We talked about the garden centre in Harrogate.",
)
SECRETS = ("mary jones", "jones", "943.476.5919", "4526 0181 55", "ab-12-34-56-c", "ls6  3ab",
           "0044 7700 900 123", "jo dot smith", "gmail dot com", "bilal", "ahmed",
           "third of may 1938", "3rd may", "14 acacia avenue", "rxh123456", "0101339011",
           "361 215 4729", "ab12 cde", "peter walsh", "khan")
HARMLESS = ("room 12 at 10:30", "the 38 bus", "£2.50", "ended 2-1", "500mg at 14.00",
            "Harrogate")


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    opened = Journal.open(tmp_path / "j.sqlite", create=True)
    for days, body in enumerate(ENTRIES, start=1):
        opened.add(draft(body, day=TODAY - dt.timedelta(days=days),
                         people=("Mary Jones", "Bilal Ahmed")))
    opened.supervision.add(Session(TODAY + dt.timedelta(days=3), "Priya"))
    return opened


def test_a_markdown_pack_holds_none_of_the_untidy_identifiers(journal: Journal,
                                                               tmp_path: Path) -> None:
    try:
        plan = plan_pack(journal, journal.supervision.prepare_next(TODAY))
        out = tmp_path / "pack.md"
        write_plan(plan, out, PackFormat.MARKDOWN, keep={"Harrogate"})
    finally:
        journal.close()
    text = out.read_text(encoding="utf-8")
    folded = text.casefold()
    for secret in SECRETS:
        assert secret not in folded, f"{secret!r} survived"
    digits = re.sub(r"[^0-9]", "", text)
    for number in ("9434765919", "4526018155", "7700900123", "0101339011", "3612154729"):
        assert number not in digits, f"{number} survived"
    flat = " ".join(text.split()).replace("\\[", "[").replace("\\]", "]")  # Markdown escapes
    for kept in HARMLESS:
        assert kept in flat, f"{kept!r} was altered"
    assert "[NHS number]" in flat and "[e-mail address]" in flat and "[address]" in flat


EVERYDAY_NAMES = ("I will ring Will tomorrow.", "She picked a rose for Rose.",
                  "WILL was upset, so we hope to visit.")


@pytest.mark.parametrize("form", [PackFormat.MARKDOWN, PackFormat.DOCX])
def test_a_listed_name_that_is_an_everyday_word_is_replaced_only_where_it_is_a_name(
        form: PackFormat, tmp_path: Path) -> None:
    journal = Journal.open(tmp_path / "j.sqlite", create=True)
    try:
        for days, body in enumerate(EVERYDAY_NAMES, start=1):
            journal.add(draft(body, day=TODAY - dt.timedelta(days=days),
                              people=("Will Baker", "Rose Hill")))
        journal.supervision.add(Session(TODAY + dt.timedelta(days=3), "Priya"))
        plan = plan_pack(journal, journal.supervision.prepare_next(TODAY))
        out = tmp_path / f"pack.{form.value}"
        write_plan(plan, out, form)
    finally:
        journal.close()
    if form is PackFormat.DOCX:
        text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    else:
        text = out.read_text(encoding="utf-8")
    flat = " ".join(text.split())
    assert "I will ring W.B. tomorrow." in flat, "the verb stays, the name goes"
    assert "She picked a rose for R.H." in flat
    assert "W.B. was upset, so we hope to visit." in flat
    assert not re.search(r"\b(?:Will|WILL|Rose|ROSE|Baker|Hill)\b", flat), flat
