"""The quiet note in the editor when a saved entry holds what looks like an identifier: shown
after a save (autosave included), never for plain capitalised names, dismissable per entry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt

from carejournal.core.domain import EntryKind
from carejournal.privacy.identifiers import IdKind, detect
from carejournal.services.journal import Journal
from carejournal.ui.editor.entry_editor import EntryEditor
from carejournal.ui.editor.identifier_notice import found_in, notice_text
from carejournal.ui.main_window import MainWindow
from tests.conftest import draft

NHS = "943 476 5919"  # check digit: 299 mod 11 = 2, 11 - 2 = 9


def _write(window: MainWindow, qtbot, text: str) -> EntryEditor:
    """Type text into the open entry and let the autosave fire, as after the pause."""
    editor = window.editor
    editor.body.setPlainText(text)
    assert window.autosaver.timer.isActive(), "an edit should have started the autosave"
    window.autosaver.timer.timeout.emit()
    assert window.autosaver.message == ""
    return editor


def test_an_nhs_number_and_a_postcode_bring_one_calm_line_after_saving(
        window: MainWindow, qtbot) -> None:
    assert [f.kind for f in detect(NHS)] == [IdKind.NHS_NUMBER], "a valid NHS number"
    window.new_entry(EntryKind.INTERACTION)
    editor = window.editor
    editor.body.setPlainText(f"Rang about her NHS number {NHS} and the post to SW1A 1AA.")
    assert editor.identity.isHidden(), "nothing is said while typing, before the save"
    _write(window, qtbot, editor.body.toPlainText())
    assert editor.entry_id is not None
    assert editor.identity.isVisible()
    assert editor.identity.text.text() == (
        "This entry holds what looks like an NHS number and a postcode. They stay on this "
        "computer, and supervision packs replace them.")
    assert NHS in editor.identity.text.toolTip()
    assert editor.identity.close_button.accessibleName() == "Dismiss this note"


def test_a_capitalised_name_that_is_not_a_known_person_says_nothing(
        window: MainWindow, qtbot) -> None:
    text = "Went to the shops with Bartholomew and we laughed a lot."
    assert [f.kind for f in detect(text)] == [IdKind.NAME], "the detector does see the name"
    window.new_entry(EntryKind.INTERACTION)
    editor = _write(window, qtbot, text)
    assert editor.entry_id is not None
    assert editor.identity.isHidden()


def test_dismissing_hides_it_for_the_entry_until_something_new_is_saved(
        window: MainWindow, qtbot) -> None:
    window.new_entry(EntryKind.INTERACTION)
    editor = _write(window, qtbot, f"Her NHS number is {NHS}.")
    assert editor.identity.isVisible()
    assert "It stays on this computer" in editor.identity.text.text()
    qtbot.mouseClick(editor.identity.close_button, Qt.MouseButton.LeftButton)
    assert editor.identity.isHidden()
    _write(window, qtbot, f"Her NHS number is {NHS}. We had tea.")
    assert editor.identity.isHidden(), "the same number again: still dismissed"
    _write(window, qtbot, f"Her NHS number is {NHS}. Her son is on 07700 900123.")
    assert editor.identity.isVisible(), "a phone number is new: the note comes back"
    assert "an NHS number and a phone number" in editor.identity.text.text()
    _write(window, qtbot, "We had tea.")
    assert editor.identity.isHidden(), "nothing left to mention"


def test_opening_stored_entries_shows_the_note_only_where_it_belongs(
        journal: Journal, make_window: Callable[[], MainWindow]) -> None:
    holding = journal.add(draft("Wrote to jo.bloggs@example.org about the visit.",
                                day=dt.date(2026, 3, 1)))
    plain = journal.add(draft("A quiet afternoon.", day=dt.date(2026, 3, 2)))
    window = make_window()
    window.open_entry(holding)
    assert window.editor.identity.isVisible()
    assert "an e-mail address" in window.editor.identity.text.text()
    window.open_entry(plain)
    assert window.editor.identity.isHidden()
    window.new_entry(EntryKind.INTERACTION)
    assert window.editor.identity.isHidden()


def test_every_text_of_an_entry_is_read_but_names_never_count() -> None:
    found = found_in(draft("Met Bartholomew in Leeds.", strengths="Call 07700 900123 or "
                           "07700 900456; born 12/03/1950."), known=("Sam",))
    assert [f.kind for f in found] == [IdKind.PHONE, IdKind.PHONE, IdKind.BIRTH_DATE]
    assert notice_text(found) == (
        "This entry holds what looks like phone numbers and a date of birth. They stay on "
        "this computer, and supervision packs replace them.")
    three = found_in(draft(f"{NHS}, LS1 4AP and AB 12 34 56 C."))
    assert ("an NHS number, a National Insurance number and a postcode. They"
            in notice_text(three)), "kinds in a fixed order"
