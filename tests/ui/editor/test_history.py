"""An entry's earlier wording: the editor offers it once the entry was reworded while preparing
for supervision, and the dialog shows the original beside the wording now."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt

from carejournal.core.domain import EntryKind
from carejournal.core.supervision import Session
from carejournal.services.journal import Journal
from carejournal.services.supervision import Revision
from carejournal.ui.editor.history import HistoryDialog, marked
from carejournal.ui.main_window import MainWindow
from tests.conftest import draft

TODAY = dt.date(2026, 11, 23)
DAY = dt.date(2026, 11, 10)
ORIGINAL = "The service user enjoyed the garden."
REWORDED = "Mary enjoyed the garden with me."


def _reworded(journal: Journal) -> int:
    """An entry whose sentence was reworded in a preparation, as the wizard would do it."""
    entry = journal.add(draft(ORIGINAL, day=DAY, title="Garden", people=("Mary",)))
    journal.supervision.add(Session(dt.date(2026, 11, 1), "Sam"))
    prep = journal.supervision.preparation(journal.supervision.add(
        Session(dt.date(2026, 11, 26))), TODAY)
    key = journal.preparing.language(prep)[0].key
    journal.preparing.reword(prep, key, REWORDED, sentence=True)
    return entry


def test_a_reworded_entry_offers_its_earlier_wording(
        journal: Journal, make_window: Callable[[], MainWindow], qtbot) -> None:
    entry = _reworded(journal)
    plain = journal.add(draft("A quiet afternoon.", day=DAY))
    window = make_window()
    window.open_entry(plain)
    assert window.editor.history.isHidden()
    window.open_entry(entry)
    editor = window.editor
    assert editor.history.isVisible()
    assert editor.history.text() == "Earlier wording (1)…"
    qtbot.mouseClick(editor.history, Qt.MouseButton.LeftButton)
    dialog = editor.history_dialog
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    assert dialog.versions.count() == 1
    assert "Reworded while preparing for supervision" in dialog.versions.item(0).text()
    shown = dialog.compare.toPlainText()
    assert ORIGINAL in shown and REWORDED in shown
    assert "Entry text" in shown and "One other part reads the same as now." in shown
    assert "Garden\n" not in shown.split("Entry text")[1], "the unchanged title is not repeated"
    window.open_entry(plain)
    assert not dialog.isVisible(), "it showed the entry shown before"


def test_versions_are_listed_newest_first_and_compared_with_now() -> None:
    earlier = Revision(dt.datetime(2026, 11, 20, 9, 5), "Reworded while preparing for "
                       "supervision", {"title": "Tea", "body": "He was non-compliant."})
    later = Revision(dt.datetime(2026, 11, 22, 14, 30), "Something else",
                     {"title": "Tea", "body": "He said no."})
    now = draft("He said no to the tablets.", title="Tea")
    dialog = HistoryDialog([earlier, later], now)
    assert [dialog.versions.item(i).text() for i in range(2)] == [
        "22 Nov 2026, 14:30\nSomething else",
        "20 Nov 2026, 09:05\nReworded while preparing for supervision"]
    assert "He said no." in dialog.compare.toPlainText()
    dialog.versions.setCurrentRow(1)
    assert "He was non-compliant." in dialog.compare.toPlainText()
    same = HistoryDialog([Revision(later.saved_at, "", dict(later.texts))],
                         draft("He said no.", title="Tea"))
    assert "reads the same as the entry does now" in same.compare.toPlainText()


def test_only_the_words_that_differ_are_marked() -> None:
    then, now = marked("He was non-compliant <again>.\nYes.", "He said no <again>.\nYes.", "S")
    assert then == 'He <span style="S">was non-compliant</span> &lt;again&gt;.<br>Yes.'
    assert now == 'He <span style="S">said no</span> &lt;again&gt;.<br>Yes.'


def test_parts_are_named_as_in_the_editor() -> None:
    dialog = HistoryDialog([], draft(kind=EntryKind.INTERACTION))
    assert dialog.field_label("body") == "Entry text"
    assert dialog.field_label("decision:0") == "Decision 1"
    assert dialog.field_label("section:gone") == "gone"
    assert dialog.compare.toPlainText() == ""
