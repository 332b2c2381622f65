"""Quick capture after a shift: an interaction, a little thing or an own-fallibility note."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from carejournal.core.domain import EntryKind, InvalidInput
from carejournal.core.errors import JournalError
from carejournal.core.shifts import parse_shift
from carejournal.core.templates import fallibility
from carejournal.services.journal import Journal
from carejournal.ui.editor.quick_capture import Capture, QuickCaptureDialog, save_capture
from tests.conftest import draft

MONDAY = dt.date(2026, 11, 23)


@pytest.fixture
def known(journal: Journal) -> Journal:
    """A journal that knows Sam and Jo, and the worker's late shift."""
    journal.add(draft("Walk to the shop.", people=("Sam", "Jo")))
    journal.settings.set_shifts([parse_shift("late", "14:00-22:00")])
    return journal


@pytest.fixture
def dialog(known: Journal, qtbot) -> QuickCaptureDialog:
    """The quick capture for Monday's late shift, open."""
    opened = QuickCaptureDialog(known, MONDAY, "late")
    qtbot.addWidget(opened)
    opened.show()
    return opened


def _save(dialog: QuickCaptureDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_prefilled_with_the_date_and_shift(dialog: QuickCaptureDialog) -> None:
    assert dialog.date.date().toPython() == MONDAY
    assert dialog.shift.currentText() == "late"
    assert dialog.current_kind() is EntryKind.INTERACTION
    people = [dialog.person.itemText(i) for i in range(dialog.person.count())]
    assert {"Sam", "Jo"} <= set(people)
    assert not dialog.form.isRowVisible(dialog.act), "the act is only for a little thing"


def test_the_prompt_follows_the_choice(dialog: QuickCaptureDialog) -> None:
    dialog.kinds[EntryKind.FALLIBILITY].click()
    assert dialog.question.text() == fallibility().body_question
    assert "off day" in dialog.hint.text()
    dialog.kinds[EntryKind.KINDNESS].click()
    assert dialog.form.isRowVisible(dialog.act)
    assert dialog.question.text() == "A few words about it (optional)"
    dialog.kinds[EntryKind.INTERACTION].click()
    assert dialog.question.text() == "What happened? What did they want?"


def test_saving_an_interaction(dialog: QuickCaptureDialog, known: Journal) -> None:
    dialog.person.setCurrentText("Sam")
    dialog.text.setPlainText("Sam showed me the garden he planted.")
    _save(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.isHidden()
    entry = known.get(dialog.saved_id)  # type: ignore[arg-type]
    assert (entry.kind, entry.occurred_on, entry.shift, entry.people, entry.body) == (
        EntryKind.INTERACTION, MONDAY, "late", ("Sam",),
        "Sam showed me the garden he planted.")


def test_saving_a_little_thing(known: Journal, qtbot) -> None:
    known.kindness.retire_act(known.kindness.find("hug"))
    dialog = QuickCaptureDialog(known, MONDAY, "late", kind=EntryKind.KINDNESS)
    qtbot.addWidget(dialog)
    offered = [dialog.act.itemText(i) for i in range(dialog.act.count())]
    assert "A hug" not in offered, "retired acts are not offered"
    dialog.act.setCurrentIndex(dialog.act.findText("A cup of tea"))
    dialog.person.setCurrentText("Jo")
    dialog.text.setPlainText("Two sugars")
    _save(dialog)
    entry = known.get(dialog.saved_id)  # type: ignore[arg-type]
    tea = known.kindness.find("cup-of-tea")
    assert (entry.kind, entry.shift, entry.people, entry.title) == (
        EntryKind.KINDNESS, "late", ("Jo",), "A cup of tea")
    assert [(a.act_id, a.note) for a in entry.acts] == [(tea.id, "Two sugars")]
    assert [(x.label, x.people, x.occurred_on) for x in known.kindness.logged()] == [
        ("A cup of tea", "Jo", MONDAY)]


def test_a_little_thing_needs_no_words(dialog: QuickCaptureDialog, known: Journal) -> None:
    dialog.kinds[EntryKind.KINDNESS].click()
    dialog.act.setCurrentIndex(dialog.act.findText("A smile"))
    _save(dialog)
    assert known.get(dialog.saved_id).title == "A smile"  # type: ignore[arg-type]


def test_saving_an_own_fallibility_note(dialog: QuickCaptureDialog, known: Journal) -> None:
    dialog.kinds[EntryKind.FALLIBILITY].click()
    dialog.text.setPlainText("I snapped at a colleague when I was tired.")
    _save(dialog)
    entry = known.get(dialog.saved_id)  # type: ignore[arg-type]
    assert (entry.kind, entry.shift, entry.people, entry.model, entry.acts) == (
        EntryKind.FALLIBILITY, "late", (), "fallibility", ())
    assert entry.body == "I snapped at a colleague when I was tired."


def test_nothing_written_is_pointed_out(dialog: QuickCaptureDialog, known: Journal) -> None:
    dialog.text.setPlainText("   ")
    _save(dialog)
    assert not dialog.isHidden() and not dialog.error.isHidden()
    assert "Write a few words" in dialog.error.text()
    assert known.count() == 1


def test_a_failed_save_keeps_the_words(dialog: QuickCaptureDialog, known: Journal,
                                       monkeypatch) -> None:
    def busy(*_args: object, **_kw: object) -> int:
        raise JournalError("The journal file is busy.")
    monkeypatch.setattr(known, "add", busy)
    words = "A long evening; Jo was worried about tomorrow."
    dialog.person.setCurrentText("Jo")
    dialog.text.setPlainText(words)
    _save(dialog)
    assert not dialog.isHidden() and dialog.result() != QDialog.DialogCode.Accepted
    assert "The journal file is busy." in dialog.error.text()
    assert "still here" in dialog.error.text()
    assert dialog.text.toPlainText() == words and dialog.person.currentText() == "Jo"
    monkeypatch.undo()
    _save(dialog)
    assert dialog.isHidden() and known.get(dialog.saved_id).body == words  # type: ignore[arg-type]


def test_cancel_asks_before_throwing_words_away(dialog: QuickCaptureDialog, dialogs) -> None:
    dialog.text.setPlainText("Half a thought")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert [kind for kind, _args in dialogs] == ["question"]
    assert not dialog.isHidden(), "the test's answer was Cancel: keep writing"
    dialog.text.clear()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert dialog.isHidden() and len(dialogs) == 1, "nothing written: no question"


def test_several_people_separated_by_commas(dialog: QuickCaptureDialog, known: Journal) -> None:
    dialog.person.setCurrentText("Sam, Jo,  Alex ")
    dialog.text.setPlainText("Lunch together.")
    _save(dialog)
    assert set(known.get(dialog.saved_id).people) == {"Sam", "Jo", "Alex"}  # type: ignore[arg-type]


def test_save_capture_refuses_a_little_thing_without_an_act(known: Journal) -> None:
    with pytest.raises(InvalidInput, match="little thing"):
        save_capture(known, Capture(EntryKind.KINDNESS, MONDAY))
    hug = known.kindness.find("hug")
    known.kindness.retire_act(hug)
    with pytest.raises(InvalidInput):
        save_capture(known, Capture(EntryKind.KINDNESS, MONDAY, act_id=hug.id))
    assert known.count() == 1
