"""File › Copy for Social Work England…: each field of SWE's CPD record, as `carejournal
export --format swe-cpd` writes it, shown read-only with a Copy button that puts exactly that
field on the clipboard, names protected; every button reached by Tab and named for a screen
reader."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QPushButton

from carejournal.core.domain import EntryKind
from carejournal.services.accounts import plan_account, write_swe
from carejournal.services.journal import Journal
from carejournal.ui.cpd.swe import SweDialog
from tests.conftest import draft
from tests.ui.tab_walk import activate, assert_reaches_all, assert_reading_order, walk

SECRETS = ("Mary", "Jones", "Acacia")


def mary(journal: Journal) -> int:
    return journal.add(draft(
        "Mary Jones and the handover.", kind=EntryKind.REFLECTION, model="driscoll",
        people=("Mary Jones",), title="Handover",
        sections=(("what", "Mary Jones was upset at 14 Acacia Avenue."),
                  ("so-what", "I learnt that Mary Jones needs time before she decides."),
                  ("now-what", "I slow down and ask Mary first."))))


def open_dialog(qtbot: Any, journal: Journal, entry_id: int) -> SweDialog:
    dialog = SweDialog(journal, entry_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_each_copy_button_puts_exactly_its_protected_field_on_the_clipboard(
        qtbot: Any, journal: Journal, tmp_path: Path) -> None:
    entry_id = mary(journal)
    dialog = open_dialog(qtbot, journal, entry_id)
    exported = tmp_path / "swe.txt"
    write_swe(plan_account(journal, entry_id), exported)  # what the command line writes
    blocks = exported.read_text(encoding="utf-8")
    clipboard = QGuiApplication.clipboard()
    for key, button in dialog.copy_buttons.items():
        clipboard.setText("before")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        copied = clipboard.text()
        assert copied == dialog.texts[key] and copied.strip(), key
        assert f"==\n{copied}\n" in blocks, f"{key} is not the export's block"
        for secret in SECRETS:
            assert secret not in copied, f"{secret} in the {key} field"
        field = dialog.fields[key]
        shown = field.text() if hasattr(field, "text") else field.toPlainText()
        assert shown == copied and field.isReadOnly()
    assert "I learnt that M.J. needs time" in dialog.texts["learnt"]
    assert dialog.status.text() == ("“What impact has this had on your practice and the people "
                                    "you work with?” is on the clipboard: paste it into the "
                                    "form.")
    assert "14 Acacia Avenue" in dialog.found.text(), "the worker sees what was replaced"


def test_the_buttons_are_named_and_an_empty_field_has_nothing_to_copy(
        qtbot: Any, journal: Journal) -> None:
    entry_id = journal.add(draft("Tea with Sam.", kind=EntryKind.REFLECTION, model="driscoll",
                                 people=("Sam",), sections=(("what", "Tea."),)))
    dialog = open_dialog(qtbot, journal, entry_id)
    names = [b.accessibleName() for b in dialog.findChildren(QPushButton)
             if b in dialog.copy_buttons.values()]
    assert names == ["Copy the type of CPD", "Copy the description", "Copy the date",
                     "Copy what I learnt", "Copy the impact on my practice and people"]
    assert not dialog.copy_buttons["impact"].isEnabled()
    assert dialog.fields["impact"].placeholderText() == "Nothing written for this part."


def test_tab_reaches_every_copy_button_in_reading_order(qtbot: Any, journal: Journal) -> None:
    dialog = open_dialog(qtbot, journal, mary(journal))
    activate(dialog)
    QApplication.processEvents()
    fields = walk(dialog.fields["type"])
    assert_reaches_all(fields, dialog)
    for key, button in dialog.copy_buttons.items():
        assert fields.index(dialog.fields[key]) + 1 == fields.index(button), \
            f"{key}: Tab goes from the words to their Copy button"
    assert_reading_order(fields, dialog.fields["type"].parentWidget())


def test_the_action_opens_it_for_the_open_entry(qtbot: Any, filled: Journal,
                                                make_window: Any) -> None:
    window = make_window()
    window.actions_.copy_for_swe.trigger()
    assert "Open the entry to copy" in window.statusBar().currentMessage()
    assert not window.findChildren(SweDialog)
    window.open_entry(filled.rows()[0].id)
    window.actions_.copy_for_swe.trigger()
    [dialog] = window.findChildren(SweDialog)
    dialog.close()
