"""The whole preparation for supervision, walked through the real wizard: entries and an
agreed action, rewording, keeping and questioning wordings, a strength, a power question,
the agenda, the identifier check and a Markdown pack written in the background."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from carejournal.core.preparation import AgendaKind, Stage, Step
from carejournal.core.supervision import ActionStatus, Function
from carejournal.services.journal import Journal
from carejournal.ui.supervision.entries_model import EntryChoiceModel
from carejournal.ui.supervision.page_agenda import AgendaPage
from carejournal.ui.supervision.page_entries import EntriesPage
from carejournal.ui.supervision.page_export import ExportPage
from carejournal.ui.supervision.page_how import HowIAmPage
from carejournal.ui.supervision.page_language import LanguagePage
from carejournal.ui.supervision.page_people import StrengthsPage
from carejournal.ui.supervision.page_power import PowerPage
from carejournal.ui.supervision.page_situation import SituationPage
from carejournal.ui.supervision.wizard import PrepareWizard
from tests.ui.supervision.prep_journal import TODAY, Prepared, fill

CHECK = Qt.ItemDataRole.CheckStateRole


@pytest.fixture
def ids(journal: Journal) -> Prepared:
    return fill(journal)


@pytest.fixture
def wizard(journal: Journal, ids: Prepared, qtbot) -> PrepareWizard:
    opened = PrepareWizard(journal, journal.supervision.prepare_next(TODAY))
    qtbot.addWidget(opened)
    with qtbot.waitActive(opened):
        opened.show()
        opened.activateWindow()
    return opened


def _row_of(model: EntryChoiceModel, entry_id: int) -> int:
    return [r.id for r in model.rows].index(entry_id)


def _select(page: LanguagePage, wording: str) -> None:
    rows = [i.finding.text for i in page.items]
    page.list.setCurrentItem(page.list.topLevelItem(rows.index(wording)))


def _entries_step(wizard: PrepareWizard, journal: Journal, ids: Prepared, qtbot) -> None:
    page = wizard.currentPage()
    assert isinstance(page, EntriesPage)
    model = page.model
    shown = [r.id for r in model.rows]
    assert ids.lunch in shown and ids.before not in shown, "only the period's entries"
    model.setData(model.index(_row_of(model, ids.late), EntryChoiceModel.BRING),
                  Qt.CheckState.Unchecked, CHECK)
    chosen = [r.id for r in journal.preparing.chosen(wizard.prep)]
    assert ids.late not in chosen and ids.lunch in chosen
    page.view.setCurrentIndex(model.index(_row_of(model, ids.gibbs), EntryChoiceModel.BRING))
    qtbot.mouseClick(page.discuss_button, Qt.MouseButton.LeftButton)
    assert wizard.prep.to_discuss == [ids.gibbs]
    assert "1 to discuss" in page.summary.text()
    assert model.data(model.index(_row_of(model, ids.gibbs), EntryChoiceModel.DISCUSS),
                      CHECK) == Qt.CheckState.Checked
    box = page.status_boxes[ids.action]
    box.setCurrentIndex(box.findData(ActionStatus.IN_PROGRESS.value))
    held = journal.supervision.previous_to(journal.preparing.session_of(wizard.prep))
    assert held.actions[0].status is ActionStatus.IN_PROGRESS


def _language_step(wizard: PrepareWizard, journal: Journal, ids: Prepared, qtbot) -> None:
    page = wizard.currentPage()
    assert isinstance(page, LanguagePage)
    # "aggressive and difficult": both are about Jo (the lens reads a shared "was")
    assert page.counts.text() == "Before: 6 · Now: 6 · kept 0 · questions 0"
    _select(page, "service user")
    assert page.sentence.toPlainText() == "Mary Jones refused lunch.", "her name, from the entry"
    assert "service" in page.why.text() and "the person I support" in page.alternatives.text()
    page.sentence.setPlainText("Mary said no to lunch today.")
    qtbot.mouseClick(page.reword_button, Qt.MouseButton.LeftButton)
    assert journal.get(ids.lunch).body == "Mary said no to lunch today. Mary was non-compliant."
    history = journal.supervision.revisions(ids.lunch)
    assert history[0].texts["body"] == ("The service user refused lunch. "
                                        "Mary was non-compliant.")
    assert "original wording" in page.message.text()
    _select(page, "non-compliant")
    assert not page.keep_button.isEnabled(), "a reason is needed first"
    page.reason.setText("Quoting the care plan's words")
    qtbot.mouseClick(page.keep_button, Qt.MouseButton.LeftButton)
    _select(page, "aggressive")
    qtbot.mouseClick(page.question_button, Qt.MouseButton.LeftButton)
    assert page.counts.text() == "Before: 6 · Now: 4 · kept 1 · questions 1"
    kept = [i for i in page.items if i.kept is not None]
    assert [(i.finding.text, i.kept.reason) for i in kept] == [
        ("non-compliant", "Quoting the care plan's words")]
    assert page.list.topLevelItem(0).text(LanguagePage.CHOICE).startswith("Kept")
    _select(page, "aggressive")
    assert page.undo_button.isEnabled() and not page.question_button.isEnabled()


def _strengths_step(wizard: PrepareWizard, qtbot) -> None:
    page = wizard.currentPage()
    assert isinstance(page, StrengthsPage)
    assert page.current_name() == "Jo Bloggs", "starts with someone who needs a look"
    assert "only problems" in page.prompt.text()
    assert "what did you see" in page.table.item(0, StrengthsPage.SEEN).text()
    assert not page.add_button.isEnabled()
    page.strength.setText("Jo made everyone laugh at tea")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert wizard.prep.strengths == {"Jo Bloggs": "Jo made everyone laugh at tea"}
    assert page.table.item(0, StrengthsPage.SEEN).text() == "Jo made everyone laugh at tea"
    assert not page.current().needs_strength


def _power_step(wizard: PrepareWizard, qtbot) -> None:
    page = wizard.currentPage()
    assert isinstance(page, PowerPage)
    assert page.figure.text() == "50%"
    assert "1 of 2 decisions" in page.figure_text.text()
    question = page.power.questions[0]
    qtbot.mouseClick(page.question_buttons[0], Qt.MouseButton.LeftButton)
    assert page.is_brought(question)
    assert page.question_buttons[0].text() == "Take off the agenda"
    assert wizard.prep.agenda[-1].kind is AgendaKind.POWER


def _agenda_step(wizard: PrepareWizard, qtbot) -> list[str]:
    page = wizard.currentPage()
    assert isinstance(page, AgendaPage)
    kinds = [a.kind for a in wizard.prep.agenda]
    assert kinds == [AgendaKind.ENTRY, AgendaKind.LANGUAGE, AgendaKind.POWER]
    assert page.list.count() == 3
    page.question.setText("How do I say no to extra shifts kindly?")
    qtbot.mouseClick(page.question_button, Qt.MouseButton.LeftButton)
    assert page.list.currentRow() == 3
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.mouseClick(page.up_button, Qt.MouseButton.LeftButton)
    order = [a.text for a in wizard.prep.agenda]
    assert order[1] == "How do I say no to extra shifts kindly?"
    assert page.list.currentRow() == 1
    page.list.setCurrentRow(0)
    qtbot.keyClick(page.list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert wizard.prep.agenda[1].kind is AgendaKind.ENTRY
    page.goal.setText("Use Gibbs for one hard day a month")
    page.goal.setFocus()  # the worker types in the field, so it has the focus
    qtbot.keyClick(page.goal, Qt.Key.Key_Return)
    assert wizard.currentPage() is page, "Enter in the field adds the goal, nothing more"
    assert wizard.prep.agenda[-1].kind is AgendaKind.DEVELOPMENT
    return [a.text for a in wizard.prep.agenda]


def _situation_step(wizard: PrepareWizard, qtbot) -> None:
    page = wizard.currentPage()
    assert isinstance(page, SituationPage)
    assert page.entry.currentText() == "No situation"
    assert not page.boxes[Stage.EXPERIENCE].isEnabled()
    page.entry.setCurrentIndex(1)
    page.entry.activated.emit(1)
    situation = wizard.prep.situation
    assert situation is not None and situation.entry_id == page.entry.itemData(1)
    happened = page.boxes[Stage.EXPERIENCE].toPlainText()
    assert happened and happened == situation.words(Stage.EXPERIENCE), "filled from the entry"
    page.boxes[Stage.ACTION].setFocus()
    qtbot.keyClicks(page.boxes[Stage.ACTION], "Ask Mary Jones first")
    qtbot.keyClick(page.boxes[Stage.ACTION], Qt.Key.Key_Return)  # a new line, not Next
    assert wizard.currentPage() is page
    assert page.boxes[Stage.ACTION].toPlainText() == "Ask Mary Jones first\n"
    assert wizard.prep.situation.words(Stage.ACTION) == "Ask Mary Jones first"


def _how_step(wizard: PrepareWizard, qtbot) -> None:
    page = wizard.currentPage()
    assert isinstance(page, HowIAmPage)
    assert not page.include.isChecked(), "it is the worker's: out of the pack until ticked"
    page.words.setFocus()
    qtbot.keyClicks(page.words, "Tired after nights; a debrief would help.")
    assert wizard.prep.how_i_am.text == "Tired after nights; a debrief would help."
    assert not wizard.prep.how_i_am.include


def _tag_first(wizard: PrepareWizard) -> None:
    page = wizard.currentPage()
    assert isinstance(page, AgendaPage)
    page.list.setCurrentRow(0)
    assert page.function.currentText() == "No function", "a new item starts untagged"
    page.function.setCurrentIndex(page.function.findData("support"))
    page.function.activated.emit(page.function.currentIndex())
    assert wizard.prep.agenda[0].function is Function.SUPPORT
    assert page.list.item(0).text().endswith("[Support]")


def _export_step(wizard: PrepareWizard, journal: Journal, tmp_path: Path, qtbot,
                 dialogs: list) -> Path:
    page = wizard.currentPage()
    assert isinstance(page, ExportPage)
    assert not page.export_button.isEnabled(), "nothing is written before the check"
    page.worker.setText("Sam Carer")
    page.worker.editingFinished.emit()
    assert journal.settings.worker_name() == "Sam Carer"
    names = [page.people.item(n, ExportPage.PERSON).text() for n in range(page.people.rowCount())]
    mary = names.index("Mary Jones")
    assert page.people.item(mary, ExportPage.SHOWN).text() == "M.J."
    page.people.item(mary, ExportPage.ALIAS).setText("Rose")
    assert {p.name: p.alias for p in journal.supervision.people()}["Mary Jones"] == "Rose"
    assert page.people.item(mary, ExportPage.SHOWN).text() == "Rose"
    jo = names.index("Jo Bloggs")
    page.people.item(jo, ExportPage.NICKNAMES).setText("Jo, Joey")
    assert {p.name: p.nicknames for p in journal.supervision.people()}["Jo Bloggs"] == (
        "Jo", "Joey")
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    found = {page.found.item(n, ExportPage.FOUND).text(): n for n in range(page.found.rowCount())}
    assert "SW1A 1AA" in found
    row = found["SW1A 1AA"]
    assert page.found.item(row, ExportPage.KIND).text() == "postcode"
    assert page.found.item(row, ExportPage.REPLACE).checkState() == Qt.CheckState.Checked
    assert page.keep() == set()
    assert page.export_button.isEnabled()
    next(b for b in page.formats.buttons() if b.property("format") == "md").setChecked(True)
    page.choose_path = lambda: tmp_path / "pack"  # type: ignore[method-assign]
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert page.writing and page.busy.isVisible() or page.written is not None
    qtbot.waitUntil(lambda: not page.writing, timeout=20_000)
    assert page.written is not None and "saved" in page.result.text()
    assert [d[0] for d in dialogs] == ["information"]
    return tmp_path / "pack.md"


def test_walk_the_whole_preparation(wizard: PrepareWizard, journal: Journal, ids: Prepared,
                                    tmp_path: Path, qtbot, dialogs: list) -> None:
    assert wizard.windowTitle() == "Prepare for supervision on Thursday 26 November 2026"
    _entries_step(wizard, journal, ids, qtbot)
    wizard.next()
    _language_step(wizard, journal, ids, qtbot)
    wizard.next()
    _strengths_step(wizard, qtbot)
    wizard.next()
    _power_step(wizard, qtbot)
    wizard.next()
    _situation_step(wizard, qtbot)
    wizard.next()
    _how_step(wizard, qtbot)
    wizard.next()
    agenda = _agenda_step(wizard, qtbot)
    _tag_first(wizard)
    wizard.next()
    pack = _export_step(wizard, journal, tmp_path, qtbot, dialogs)
    text = pack.read_text(encoding="utf-8")
    for real in ("Mary", "Jones", "Bloggs", "SW1A"):
        assert real not in text
    assert not re.search(r"\bJo\b", text)
    assert "Rose" in text and "Sam Carer" in text
    assert "How do I say no to extra shifts kindly?" in text
    assert "Quoting the care plan's words" in text
    assert "A situation to work through" in text and "Ask Rose first" in text
    assert "How I am" not in text and "Tired after nights" not in text
    assert text.index("## Support") < text.index("## Not yet tagged")
    saved = journal.supervision.prepare_next(TODAY)
    assert saved.step is Step.EXPORT
    assert [a.text for a in saved.agenda] == agenda
    assert saved.strengths == {"Jo Bloggs": "Jo made everyone laugh at tea"}
