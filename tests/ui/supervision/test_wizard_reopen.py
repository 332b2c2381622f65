"""Closing the preparation half-way and coming back to it; opening it from the window when
a session is planned, and asking for the next session's date when none is."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from carejournal.core.preparation import Step
from carejournal.core.supervision import Session
from carejournal.services.journal import Journal
from carejournal.ui.supervision import wizard as prepare_wizard
from carejournal.ui.supervision.entries_model import EntryChoiceModel
from carejournal.ui.supervision.page_entries import EntriesPage
from carejournal.ui.supervision.page_language import LanguagePage
from carejournal.ui.supervision.prepare_common import qdate
from carejournal.ui.supervision.wizard import NextSessionDialog, PrepareWizard, open_prepare_wizard
from tests.ui.supervision.prep_journal import TODAY, Prepared, fill

CHECK = Qt.ItemDataRole.CheckStateRole


def _open(journal: Journal, qtbot) -> PrepareWizard:
    wizard = PrepareWizard(journal, journal.supervision.prepare_next(TODAY))
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def test_closing_half_way_and_reopening_restores_choices_and_step(journal: Journal,
                                                                  qtbot) -> None:
    ids: Prepared = fill(journal)
    first = _open(journal, qtbot)
    entries = first.currentPage()
    assert isinstance(entries, EntriesPage)
    model = entries.model
    row = [r.id for r in model.rows].index(ids.tea)
    model.setData(model.index(row, EntryChoiceModel.BRING), Qt.CheckState.Unchecked, CHECK)
    entries.set_discuss(ids.gibbs, True)
    first.next()
    language = first.currentPage()
    assert isinstance(language, LanguagePage)
    assert "aggressive" not in [i.finding.text for i in language.items], "tea was left out"
    language.list.setCurrentItem(language.list.topLevelItem(
        [i.finding.text for i in language.items].index("case")))
    language.reason.setText("It was a court case")
    language.keep_current()
    first.reject()  # "Close for now" (or Escape)
    assert not first.isVisible()

    again = _open(journal, qtbot)
    assert again.currentId() == int(Step.LANGUAGE)
    page = again.currentPage()
    assert isinstance(page, LanguagePage)
    kept = {i.finding.text: i.kept.reason for i in page.items if i.kept is not None}
    assert kept == {"case": "It was a court case"}
    assert page.counts.text() == "Before: 4 · Now: 4 · kept 1 · questions 0"
    again.back()
    entries = again.currentPage()
    assert isinstance(entries, EntriesPage)
    state = {r.id: (r.id in entries.model.chosen, r.id in entries.model.discuss)
             for r in entries.model.rows}
    assert state[ids.tea] == (False, False)
    assert state[ids.gibbs] == (True, True)
    assert state[ids.lunch] == (True, False)


def test_the_period_can_change_and_is_kept(journal: Journal, qtbot) -> None:
    ids = fill(journal)
    wizard = _open(journal, qtbot)
    page = wizard.currentPage()
    page.set_period(dt.date(2026, 10, 15), TODAY)
    assert ids.before in [r.id for r in page.model.rows]
    page.until.setDate(qdate(dt.date(2026, 10, 1)))
    assert "ends before it starts" in page.message.text()
    assert wizard.prep.until == TODAY, "an impossible period is not taken"
    page.choose_all(False)
    assert page.summary.text().startswith("0 of")
    wizard.close()
    saved = journal.supervision.prepare_next(TODAY)
    assert (saved.since, saved.entry_ids) == (dt.date(2026, 10, 15), [])


def test_open_prepare_wizard_with_a_planned_session(journal: Journal, qtbot) -> None:
    fill(journal)
    parent = QWidget()
    qtbot.addWidget(parent)
    wizard = open_prepare_wizard(parent, journal, TODAY)
    assert wizard is not None and wizard.isVisible()
    assert wizard.windowTitle() == "Prepare for supervision on Thursday 26 November 2026"
    assert wizard.prep.session_id == journal.supervision.next_session(TODAY).id
    wizard.close()


def test_next_session_dialog_suggests_a_week_ahead(qtbot) -> None:
    dialog = NextSessionDialog(TODAY)
    qtbot.addWidget(dialog)
    assert dialog.date.date().toPython() == TODAY + dt.timedelta(days=7)
    assert dialog.date.minimumDate().toPython() == TODAY
    assert dialog.date.accessibleName() and dialog.supervisor.accessibleName()
    dialog.supervisor.setText("  Alex,   team leader ")
    dialog.date.setDate(dialog.date.date().addDays(3))
    assert dialog.session() == Session(TODAY + dt.timedelta(days=10), "  Alex,   team leader ")


@pytest.mark.parametrize("accepted", [True, False])
def test_no_session_planned_asks_for_one(journal: Journal, qtbot, monkeypatch,
                                         accepted: bool) -> None:
    journal.supervision.add(Session(dt.date(2026, 11, 1), "Alex"))

    def answer(dialog: NextSessionDialog) -> int:
        dialog.supervisor.setText("Alex")
        dialog.date.setDate(dialog.date.date().addDays(2))
        return QDialog.DialogCode.Accepted if accepted else QDialog.DialogCode.Rejected
    monkeypatch.setattr(NextSessionDialog, "exec", answer)
    wizard = open_prepare_wizard(None, journal, TODAY)
    if not accepted:
        assert wizard is None
        assert journal.supervision.next_session(TODAY) is None
        return
    qtbot.addWidget(wizard)
    planned = journal.supervision.next_session(TODAY)
    assert (planned.held_on, planned.supervisor) == (TODAY + dt.timedelta(days=9), "Alex")
    assert wizard.prep.session_id == planned.id
    assert wizard.prep.since == dt.date(2026, 11, 1), "since the session before"
    assert wizard.windowTitle().endswith("Wednesday 2 December 2026")
    wizard.close()


def test_a_problem_opening_is_said_calmly(journal: Journal, monkeypatch,
                                          dialogs: list) -> None:
    def broken(*_args: object) -> None:
        raise OSError("the disk went away")
    monkeypatch.setattr(prepare_wizard, "load_or_plan", broken)
    assert open_prepare_wizard(None, journal, TODAY) is None
    assert dialogs[0][0] == "warning" and "the disk went away" in dialogs[0][1][2]
