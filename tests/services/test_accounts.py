"""An NMC reflective account and Social Work England's CPD fields made from one entry:
the model's sections land under the form's prompts, and no listed person or detected
identifier survives, read back from the DOCX (python-docx), the PDF (pdftotext) and the
Markdown."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest

from carejournal.core.accounts import account_form, make_account, parts_of
from carejournal.core.cpd import Theme
from carejournal.core.domain import EntryKind
from carejournal.core.registration import Register
from carejournal.core.templates import fallibility, models
from carejournal.pack.write import PackFormat
from carejournal.services.accounts import plan_account, swe_record, write_account, write_swe
from carejournal.services.journal import Journal
from tests.conftest import draft
from tests.services.test_packs_reading import pdf_pages

SECTIONS = (
    ("description", "Mary Jones fell in the lounge at 14 Acacia Avenue; I stayed with her."),
    ("feelings", "I felt shaken. Her son rang on 07700 900123."),
    ("evaluation", "The falls plan worked; the handover did not."),
    ("analysis", "Her NHS number 943 476 5919 was on the wrong form, so Bilal waited."),
    ("conclusion", "I should have checked the bed rails first."),
    ("action-plan", "I now check footwear and rails at the start of every shift."),
)
SECRETS = ("mary", "jones", "acacia", "07700 900123", "943 476 5919", "bilal")


@pytest.fixture
def entry(journal: Journal) -> int:
    return journal.add(draft("After the fall.", kind=EntryKind.REFLECTION, model="gibbs",
                             sections=SECTIONS, people=("Mary Jones", "Bilal Ahmed"),
                             day=dt.date(2026, 3, 3)))


def test_every_model_maps_only_its_own_sections() -> None:
    form = account_form()
    keys = {m.key: {s.key for s in m.sections} for m in models()}
    keys[EntryKind.FALLIBILITY.value] = {s.key for s in fallibility().sections}  # by kind
    for model, parts in form.mapping.items():
        listed = [k for keys_ in parts.values() for k in keys_]
        assert len(listed) == len(set(listed)), model
        assert set(listed) == keys[model], f"{model}: every section placed once"
    assert set(form.mapping) == set(keys) - {"free"}


def test_an_own_fallibility_note_keeps_the_area_of_life_off_the_form(
        journal: Journal) -> None:
    """The area of the worker's own life (drink, medication...) is a private choice: it
    once opened "What did you learn?" as its key ("diet-smoking")."""
    entry = journal.add(draft(
        "I was short with a colleague after a bad night.", kind=EntryKind.FALLIBILITY,
        sections=(("area", "sleep"), ("treated", "With patience, and a second chance."),
                  ("expectations", "That one bad morning is not the whole of me."))))
    parts = parts_of(journal.get(entry))
    flat = " ".join(t for texts in parts.values() for t in texts)
    assert "sleep" not in flat
    assert parts["learnt"] == ["With patience, and a second chance.",
                               "That one bad morning is not the whole of me."]


def test_gibbs_sections_land_under_the_prompts(journal: Journal, entry: int) -> None:
    parts = parts_of(journal.get(entry))
    assert parts["nature"][0] == "After the fall."
    assert parts["changed"] == ["I now check footwear and rails at the start of every shift."]
    account = make_account(journal.get(entry), (Theme.PEOPLE, Theme.SAFETY), "Para 19.")
    plan = plan_account(journal, entry, code_text="Code 19 says so, and the NMC agrees.")
    assert not {d.text for d in plan.detected} & {"Code", "NMC"}  # the form's own words
    assert account.answer("code") == "Para 19."
    assert account.theme_line == "Prioritise people, Preserve safety"


@pytest.mark.parametrize("fmt", list(PackFormat))
def test_the_account_holds_no_identifier_in_any_format(journal: Journal, entry: int,
                                                       tmp_path: Path,
                                                       fmt: PackFormat) -> None:
    plan = plan_account(journal, entry, (Theme.SAFETY,))
    assert {d.text.casefold() for d in plan.detected} >= {"14 acacia avenue"}
    out = tmp_path / f"account.{fmt.value}"
    write_account(journal, plan, out, fmt)
    if fmt is PackFormat.DOCX:
        text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    elif fmt is PackFormat.PDF:
        text = "\n".join(pdf_pages(out))
    else:
        text = out.read_text("utf-8")
    flat = " ".join(text.split())
    for secret in SECRETS:
        assert secret not in flat.casefold(), f"{secret!r} survived in {fmt.value}"
    assert "How did you change or improve your practice as a result?" in flat
    assert "I now check footwear and rails at the start of every shift." in flat
    assert "Preserve safety" in flat
    assert journal.cpd.accounts() == [(entry, dt.date.today())]


def test_writing_an_account_counts_towards_revalidation(journal: Journal, entry: int,
                                                        tmp_path: Path) -> None:
    journal.cpd.set_register(Register.NMC)
    journal.cpd.set_revalidation_on(dt.date.today() + dt.timedelta(days=300))
    plan = plan_account(journal, entry)
    write_account(journal, plan, tmp_path / "a.md", PackFormat.MARKDOWN)
    write_account(journal, plan, tmp_path / "b.md", PackFormat.MARKDOWN)  # the same entry
    assert "reflective accounts 1 of 5" in journal.cpd.status().text


def test_swe_fields_are_copy_ready_and_protected(journal: Journal, entry: int,
                                                 tmp_path: Path) -> None:
    plan = plan_account(journal, entry)
    labels = [label for label, _text in swe_record(plan)]
    assert labels == ["Type of CPD", "Description of the CPD activity and why it is relevant",
                      "Date", "What did you learn?",
                      "What impact has this had on your practice and the people you work with?"]
    out = tmp_path / "swe.txt"
    write_swe(plan, out)
    text = out.read_text("utf-8")
    assert "== Date ==\nTuesday 3 March 2026\n" in text
    for secret in SECRETS:
        assert secret not in text.casefold(), f"{secret!r} survived"
    assert journal.cpd.accounts() == []  # an SWE record is not an NMC reflective account


@pytest.mark.parametrize("fmt", [PackFormat.DOCX, PackFormat.PDF])
def test_the_revalidation_summary_lists_records_hours_and_feedback(
        journal: Journal, tmp_path: Path, fmt: PackFormat) -> None:
    from carejournal.core.cpd import FeedbackDraft, LearningDraft
    from carejournal.services.accounts import write_summary

    today = dt.date.today()
    journal.add(draft("x", people=("Mary Jones",)))
    journal.cpd.set_register(Register.NMC)
    journal.cpd.set_revalidation_on(today + dt.timedelta(days=100))
    journal.cpd.add_learning(LearningDraft(
        "Study day", "Dysphagia", today, today, 390, 300, (Theme.SAFETY,),
        "I check the IDDSI level before Mary Jones eats."))
    journal.cpd.add_feedback(FeedbackDraft(today, "relative", "Mary's daughter (07700 900123) "
                                           "said I explained clearly."))
    out = tmp_path / f"summary.{fmt.value}"
    write_summary(journal, out, fmt)
    if fmt is PackFormat.DOCX:
        document = docx.Document(str(out))
        text = "\n".join([p.text for p in document.paragraphs]
                         + [c.text for t in document.tables for row in t.rows
                            for c in row.cells])
    else:
        text = "\n".join(pdf_pages(out))
    flat = " ".join(text.split())
    assert "Revalidation summary" in flat and "Dysphagia" in flat
    assert "1 record, 6.5 hours, of which 5 participatory." in flat  # once "1 records"
    assert "1 piece of feedback." in flat and "from a relative" in flat
    assert "CPD 6.5 of 35 hours (5 of 20 participatory), feedback 1 of 5" in flat
    for secret in ("mary jones", "mary's", "jones", "07700 900123"):  # ("summary")
        assert secret not in flat.casefold(), f"{secret!r} survived"


def test_a_social_workers_summary_has_no_nmc_columns_and_keeps_a_guides_title(
        journal: Journal, tmp_path: Path) -> None:
    """Participatory hours and the Code's themes are the NMC's; a detected word the worker
    keeps (a guide's title the detector takes for a name) stays as written."""
    from carejournal.core.cpd import FeedbackDraft, LearningDraft
    from carejournal.services.accounts import write_summary

    today = dt.date.today()
    journal.add(draft("x", people=("Mary Jones",)))
    journal.cpd.set_register(Register.SWE)
    for topic in ("Making Safeguarding Personal", "Strengths-based practice"):
        journal.cpd.add_learning(LearningDraft("Reading", topic, today, today, 240, 0, (),
                                               "I ask Mary Jones what she wants first."))
    journal.cpd.add_feedback(FeedbackDraft(today, "occupational therapist", "Clear notes."))
    out = tmp_path / "summary.md"
    written = write_summary(journal, out, PackFormat.MARKDOWN, keep=("Personal",))
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# CPD summary")
    assert "| Dates | Method | Topic | Hours |\n" in text and "Participatory" not in text
    assert "2 records, 8 hours." in text and "from an occupational therapist" in text
    assert "Making Safeguarding Personal" in text and "Mary Jones" not in text
    assert "Personal" not in [d.text for d in written.replaced]
