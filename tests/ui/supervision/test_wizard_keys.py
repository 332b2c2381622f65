"""The preparation wizard with the keyboard: Enter does one thing, in the field that has the
focus; Tab leaves the next session's date for the supervisor's name; every page tabs in the
order it is shown and back. Real key presses."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from carejournal.core.preparation import AgendaKind, Step
from carejournal.services.journal import Journal
from carejournal.ui.supervision.page_agenda import AgendaPage
from carejournal.ui.supervision.page_export import ExportPage
from carejournal.ui.supervision.wizard import NextSessionDialog, PrepareWizard
from tests.ui.supervision.prep_journal import TODAY, fill
from tests.ui.tab_walk import (
    activate,
    assert_reaches_all,
    assert_reading_order,
    assert_walks_back,
    focused,
    walk,
)

ENTER = Qt.Key.Key_Return


@pytest.fixture
def wizard(journal: Journal, qtbot) -> PrepareWizard:
    fill(journal)
    opened = PrepareWizard(journal, journal.supervision.prepare_next(TODAY))
    qtbot.addWidget(opened)
    opened.resize(1000, 700)
    opened.show()
    activate(opened)
    return opened


def go_to(wizard: PrepareWizard, step: Step) -> None:
    while wizard.currentId() < int(step):
        wizard.next()
    activate(wizard)


def test_enter_on_the_question_adds_it_and_stays_on_step_5(wizard: PrepareWizard) -> None:
    go_to(wizard, Step.AGENDA)
    page = wizard.page_for(Step.AGENDA)
    assert isinstance(page, AgendaPage)
    page.question.setFocus()
    QTest.keyClicks(page.question, "How do I say no kindly?")
    QTest.keyClick(page.question, ENTER)
    assert wizard.step() is Step.AGENDA
    assert [i.text for i in wizard.prep.agenda if i.kind is AgendaKind.QUESTION] == \
        ["How do I say no kindly?"]
    assert focused() is page.question and page.question.text() == ""
    QTest.keyClicks(focused(), "And a second")
    QTest.keyClick(focused(), ENTER)
    assert wizard.step() is Step.AGENDA
    assert len([i for i in wizard.prep.agenda if i.kind is AgendaKind.QUESTION]) == 2


def test_enter_in_the_name_on_the_cover_does_not_close_the_wizard(wizard: PrepareWizard
                                                                  ) -> None:
    go_to(wizard, Step.EXPORT)
    page = wizard.page_for(Step.EXPORT)
    assert isinstance(page, ExportPage)
    page.worker.setFocus()
    QTest.keyClicks(page.worker, "Robin")
    QTest.keyClick(page.worker, ENTER)
    assert wizard.isVisible() and wizard.step() is Step.EXPORT
    assert wizard.result() == 0


def test_enter_on_a_button_still_presses_it(wizard: PrepareWizard) -> None:
    next_button = wizard.button(wizard.WizardButton.NextButton)
    next_button.setFocus()
    QTest.keyClick(next_button, ENTER)
    assert wizard.step() is Step.LANGUAGE


def test_tab_leaves_the_next_sessions_date_for_the_supervisor(qtbot) -> None:
    dialog = NextSessionDialog(TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    activate(dialog)
    dialog.date.setFocus()
    QTest.keyClick(dialog.date, Qt.Key.Key_Tab)
    assert focused() is dialog.supervisor
    QTest.keyClicks(focused(), "Sam")
    assert dialog.supervisor.text() == "Sam"
    assert dialog.session().supervisor == "Sam"
    QTest.keyClick(focused(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is dialog.date


@pytest.mark.parametrize("step", list(Step), ids=lambda s: s.name.lower())
def test_every_page_tabs_in_the_order_it_is_shown(wizard: PrepareWizard, step: Step) -> None:
    go_to(wizard, step)
    page = wizard.page_for(step)
    fields = walk(wizard.button(wizard.WizardButton.CancelButton))
    on_page = [f for f in fields if page.isAncestorOf(f)]
    assert on_page, "Tab never reaches the page"
    assert_reaches_all(on_page, page)
    assert_reading_order(on_page, page)
    assert_walks_back(fields)
