"""Details of the preparation's pages: the suggested sentence, long sentences, questions
brought and taken back, empty periods, and a name for every input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
    QWizard,
)

from carejournal.core.preparation import AgendaItem, AgendaKind, Step
from carejournal.core.supervision import Session
from carejournal.services.journal import Journal
from carejournal.ui.supervision.page_agenda import AgendaPage
from carejournal.ui.supervision.page_language import (
    LanguagePage,
    first_alternative,
    is_whole,
    suggestion,
)
from carejournal.ui.supervision.page_people import StrengthsPage
from carejournal.ui.supervision.page_power import PowerPage
from carejournal.ui.supervision.wizard import PrepareWizard
from tests.conftest import draft
from tests.ui.supervision.prep_journal import TODAY, fill


def _wizard(journal: Journal, qtbot, step: Step = Step.ENTRIES) -> PrepareWizard:
    prep = journal.supervision.prepare_next(TODAY)
    prep.step = step
    wizard = PrepareWizard(journal, prep)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


@pytest.fixture
def filled_wizard(journal: Journal, qtbot) -> Iterator[PrepareWizard]:
    fill(journal)
    yield _wizard(journal, qtbot)


@pytest.mark.parametrize(("context", "wording", "alternatives", "expected"), [
    ("The service user refused lunch.", "service user", ("<their name>", "the person I support"),
     "The person I support refused lunch."),
    ("She met a service user today.", "service user", ("the person I support",),
     "She met the person I support today."),
    ("Refused lunch again.", "Refused", ("said no to",), "Said no to lunch again."),
    ("He was aggressive.", "aggressive", ("<describe what happened>",), "He was aggressive."),
    ("Jo was aggressive at tea.", "aggressive", ("was frightened and lashed out",),
     "Jo was frightened and lashed out at tea."),
    ("He is a service user.", "service user", ("the person I support",),
     "He is the person I support."),
])
def test_the_suggested_sentence(context: str, wording: str, alternatives: tuple[str, ...],
                                expected: str) -> None:
    assert suggestion(context, wording, alternatives) == expected


def test_first_alternative_and_whole_sentences() -> None:
    assert first_alternative("Refused", ("<their words>", "declined")) == "Declined"
    assert first_alternative("case", ("<their name>",)) == "case"
    assert is_whole("A sentence.") and not is_whole("\u2026part of a long one\u2026")


def test_a_long_sentence_rewords_only_the_words(journal: Journal, qtbot) -> None:
    journal.supervision.add(Session(dt.date(2026, 11, 26)))
    long = "At lunch " + "we talked about the garden and the weather, " * 8 + \
        "and then she refused the soup."
    entry = journal.add(draft(long, day=dt.date(2026, 11, 20)))
    wizard = _wizard(journal, qtbot, Step.LANGUAGE)
    page = wizard.currentPage()
    assert isinstance(page, LanguagePage)
    assert not is_whole(page.current().context)
    assert "new words" in page.sentence_label.text()
    assert page.sentence.toPlainText() == "said no to"
    page.reword_current()
    assert journal.get(entry).body.endswith("and then she said no to the soup.")
    assert journal.supervision.revisions(entry)[0].texts["body"] == long


def test_strength_question_and_power_question_can_be_taken_back(
        filled_wizard: PrepareWizard) -> None:
    wizard = filled_wizard
    wizard.next()
    wizard.next()
    strengths = wizard.currentPage()
    assert isinstance(strengths, StrengthsPage)
    strengths.table.setCurrentCell(1, StrengthsPage.PERSON)
    assert strengths.current_name() == "Mary Jones"
    assert not strengths.question_button.isEnabled(), "Mary's strengths were noted"
    strengths.table.setCurrentCell(0, StrengthsPage.PERSON)
    assert strengths.question_button.isEnabled()
    strengths.bring_question()
    assert wizard.prep.brought("strength:Jo Bloggs")
    assert strengths.table.item(0, StrengthsPage.SEEN).text() == "Brought as a question"
    assert not strengths.question_button.isEnabled()
    wizard.next()
    power = wizard.currentPage()
    assert isinstance(power, PowerPage)
    question = power.power.questions[1]
    power.toggle_question(question)
    power.toggle_question(question)
    assert not power.is_brought(question)
    assert power.question_buttons[1].text() == "Bring to supervision"
    for _ in range(3):  # the situation, how I am, the agenda
        wizard.next()
    agenda = wizard.currentPage()
    assert isinstance(agenda, AgendaPage)
    assert [a.kind for a in wizard.prep.agenda] == [AgendaKind.STRENGTH]
    agenda.remove_current()
    assert wizard.prep.agenda == [] and agenda.stack.currentIndex() == 0


def test_removing_an_entry_from_the_agenda_unmarks_it(filled_wizard: PrepareWizard,
                                                      journal: Journal) -> None:
    wizard = filled_wizard
    entries = wizard.currentPage()
    entry_id = entries.model.rows[0].id
    entries.set_discuss(entry_id, True)
    for _ in range(6):
        wizard.next()
    agenda = wizard.currentPage()
    assert isinstance(agenda, AgendaPage) and agenda.list.count() == 1
    agenda.remove_current()
    assert wizard.prep.to_discuss == []
    assert journal.supervision.prepare_next(TODAY).to_discuss == []


def test_an_empty_period_says_so_kindly_on_every_page(journal: Journal, qtbot) -> None:
    journal.supervision.add(Session(dt.date(2026, 11, 26)))
    wizard = _wizard(journal, qtbot)
    entries = wizard.currentPage()
    assert entries.stack.currentIndex() == 0 and "That is all right" in entries.empty.text()
    assert "nothing to look back on" in entries.actions_area.widget().findChildren(
        QWidget)[0].text()
    wizard.next()
    assert wizard.currentPage().stack.currentIndex() == 0
    assert wizard.currentPage().counts.text() == "Before: 0 · Now: 0 · kept 0 · questions 0"
    wizard.next()
    assert wizard.currentPage().stack.currentIndex() == 0
    wizard.next()
    power = wizard.currentPage()
    assert not power.figure.isVisibleTo(power)
    assert "No decisions were noted" in power.figure_text.text()
    wizard.next()
    situation = wizard.currentPage()
    assert situation.entry.count() == 1 and situation.none_text.isVisibleTo(situation)
    for _ in range(3):
        wizard.next()
    export = wizard.currentPage()
    export.check()
    assert "Nothing else that could identify someone" in export.found_text.text()


def test_every_input_has_a_name_for_screen_readers(filled_wizard: PrepareWizard) -> None:
    wizard = filled_wizard
    for _ in range(7):
        wizard.next()
    assert wizard.currentId() == int(Step.EXPORT)
    kinds = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QRadioButton,
             QAbstractItemView)
    unnamed = [type(w).__name__ for kind in kinds for w in wizard.findChildren(kind)
               if w.window() is wizard and not w.accessibleName()
               and not isinstance(w, QHeaderView)
               and not isinstance(w.parent(), QAbstractSpinBox)]
    assert unnamed == []


def _mnemonics(widgets: list[QWidget]) -> list[str]:
    found = []
    for widget in widgets:
        text = widget.text().replace("&&", "")
        if widget.isVisible() and "&" in text:
            found.append(text[text.index("&") + 1].casefold())
    return found


def test_no_page_uses_a_mnemonic_twice(filled_wizard: PrepareWizard) -> None:
    wizard = filled_wizard
    for step in Step:
        assert wizard.currentId() == int(step)
        page = wizard.currentPage()
        labels = [w for w in page.findChildren(QLabel) if w.buddy() is not None]
        buttons = page.findChildren(QAbstractButton) + [
            wizard.button(b) for b in (QWizard.WizardButton.BackButton,
                                       QWizard.WizardButton.NextButton,
                                       QWizard.WizardButton.FinishButton,
                                       QWizard.WizardButton.CancelButton)]
        letters = _mnemonics(labels + buttons)
        assert len(letters) == len(set(letters)), (step, sorted(letters))
        wizard.next()


def test_a_goal_ending_reflection_stands_under_its_goal_not_the_off_days(
        filled_wizard: PrepareWizard) -> None:
    wizard = filled_wizard
    for _ in range(3):
        wizard.next()
    power = wizard.currentPage()
    assert isinstance(power, PowerPage)
    goals, own = power.goals.text(), power.mirrors.text()
    assert goals.index("Go swimming on Fridays") < goals.index("many tries to get to the gym")
    assert "reflection on ending it (20 Nov 2026)" in goals
    assert "gym" not in own and "Go swimming" not in own
    assert "late twice" in own or "I was late" in own


def test_no_page_of_the_wizard_shows_an_iso_date(filled_wizard: PrepareWizard) -> None:
    import re

    from PySide6.QtCore import QAbstractListModel
    from PySide6.QtWidgets import QAbstractItemView, QLabel

    wizard = filled_wizard
    wizard.prep.bring(AgendaItem(AgendaKind.ENTRY, "To discuss: Lunch (2026-11-05)",
                                 "entry:old"))  # as an earlier version stored it
    iso = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
    seen: list[str] = []
    for _ in range(6):
        page = wizard.currentPage()
        texts = [wizard.windowTitle(), page.title(), page.subTitle()]
        texts += [label.text() for label in page.findChildren(QLabel)]
        for view in page.findChildren(QAbstractItemView):
            model = view.model()
            columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
            texts += [str(model.index(r, c).data() or "") for r in range(model.rowCount())
                      for c in range(columns)]
        seen += texts
        assert not [t for t in texts if iso.search(t)], page.title()
        wizard.next()
    assert any("26 Nov 2026" in t or "26 November 2026" in t for t in seen)
    assert any("5 Nov 2026" in t for t in seen), "the old agenda item reads as the rest"
