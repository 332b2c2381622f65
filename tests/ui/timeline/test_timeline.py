"""Finding entries: search as you type, filters, keyboard, trash and undo."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt

from carejournal.core.domain import EntryKind
from carejournal.services.journal import Journal
from carejournal.ui.main_window import MainWindow
from carejournal.ui.timeline.model import ROW_ROLE


def _summaries(window: MainWindow) -> list[str]:
    model = window.timeline.model
    return [model.index(i).data() for i in range(model.rowCount())]


def _kinds(window: MainWindow) -> set[EntryKind]:
    model = window.timeline.model
    return {model.index(i).data(ROW_ROLE).kind for i in range(model.rowCount())}


def test_search_as_you_type(filled: Journal, make_window, qtbot) -> None:
    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.timeline.filters.search.hasFocus()
    qtbot.keyClicks(window.timeline.filters.search, "promi")
    assert window.timeline.model.rowCount() == 4, "the search waits for a pause in typing"
    window.timeline.filters.flush_search()
    assert _summaries(window) == ["Rang Jo back at two, as promised."]
    assert window.count_label.text() == "Showing 1 of 4 entries"
    assert "<b>promised</b>" in window.timeline.model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert "as promised." in window.timeline.model.meta_text(
        window.timeline.model.index(0).data(ROW_ROLE)), "the match shows under the title"


def test_search_with_no_match_says_so(filled: Journal, make_window, qtbot) -> None:
    window = make_window()
    window.timeline.filters.search.setText("zebra")
    window.timeline.filters.flush_search()
    assert window.timeline.stack.currentWidget() is window.timeline.empty
    assert "No entries match" in window.timeline.empty.text()
    qtbot.keyClick(window, Qt.Key.Key_L,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.timeline.model.rowCount() == 4


def test_filters_by_kind_person_tag_and_dates(filled: Journal, make_window) -> None:
    window = make_window()
    bar = window.timeline.filters
    bar.kind.setCurrentIndex(bar.kind.findData(EntryKind.KINDNESS.value))
    assert _kinds(window) == {EntryKind.KINDNESS}
    bar.kind.setCurrentIndex(0)
    bar.person.setCurrentIndex(bar.person.findData("Sam"))
    assert _summaries(window) == ["Who decides what time Sam gets up?", "Garden"]
    bar.person.setCurrentIndex(0)
    bar.tag.setCurrentIndex(bar.tag.findData("time"))
    assert _summaries(window) == ["I was late three times today."]
    bar.tag.setCurrentIndex(0)
    bar.since.setDate(QDate(2026, 3, 2))
    bar.until.setDate(QDate(2026, 3, 3))
    dates = {window.timeline.model.index(i).data(ROW_ROLE).occurred_on for i in range(2)}
    assert window.timeline.model.rowCount() == 2
    assert dates == {dt.date(2026, 3, 2), dt.date(2026, 3, 3)}


def test_new_people_and_tags_become_filter_choices(window: MainWindow) -> None:
    window.new_entry(EntryKind.INTERACTION)
    window.editor.people.setText("Priya, Tom")
    window.editor.tags.setText("walk")
    window.editor.body.setPlainText("A walk to the shop.")
    window.autosaver.flush()
    people = [window.timeline.filters.person.itemData(i)
              for i in range(window.timeline.filters.person.count())]
    assert people == ["", "Priya", "Tom"]
    assert window.timeline.filters.tag.findData("walk") > 0


def test_keyboard_moves_between_entries(filled: Journal, make_window, qtbot) -> None:
    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.timeline.view.hasFocus()
    first = window.timeline.model.entry_id(0)
    assert window.editor.entry_id == first, "focusing the list opens the newest entry"
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.entry_id == window.timeline.model.entry_id(1)
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.entry_id == first
    qtbot.keyClick(window.timeline.view, Qt.Key.Key_Down)
    assert window.editor.entry_id == window.timeline.model.entry_id(1)
    qtbot.keyClick(window.timeline.view, Qt.Key.Key_Return)
    assert window.editor.body.hasFocus(), "Enter on an entry goes to its text"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.body.hasFocus()


def test_delete_key_trashes_and_ctrl_z_restores(filled: Journal, make_window, qtbot) -> None:
    window = make_window()
    window.timeline.select_row(0)
    doomed = window.editor.entry_id
    window.timeline.view.setFocus()
    qtbot.keyClick(window.timeline.view, Qt.Key.Key_Delete)
    assert filled.count() == 3
    assert filled.get(doomed).deleted_at is not None
    assert window.timeline.model.row_of(doomed) == -1
    assert window.editor.entry_id == window.timeline.model.entry_id(0), "next entry opens"
    assert window.actions_.undo.text() == "&Undo Move to Trash"
    qtbot.keyClick(window.timeline.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert filled.count() == 4
    assert window.editor.entry_id == doomed
    assert window.timeline.current_id() == doomed


def test_delete_key_in_the_text_deletes_text_not_the_entry(filled: Journal, make_window,
                                                           qtbot) -> None:
    window = make_window()
    window.timeline.select_row(0)
    window.editor.body.setFocus()
    window.editor.body.moveCursor(window.editor.body.textCursor().MoveOperation.Start)
    before = window.editor.body.toPlainText()
    qtbot.keyClick(window.editor.body, Qt.Key.Key_Delete)
    assert window.editor.body.toPlainText() == before[1:]
    assert filled.count() == 4


def test_trash_view_restore_and_empty(filled: Journal, make_window, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    window = make_window()
    ids = [window.timeline.model.entry_id(i) for i in range(2)]
    filled.trash(ids)
    window.actions_.show_trash.setChecked(True)
    assert window.timeline.banner.isVisible()
    assert window.timeline.model.rowCount() == 2
    window.timeline.select_row(0)
    assert window.editor.body.isReadOnly()
    window.actions_.restore.trigger()
    assert not window.actions_.show_trash.isChecked(), "restoring shows the entry in the journal"
    assert filled.count(trashed=True) == 1
    assert window.editor.entry_id in ids and not window.editor.body.isReadOnly()
    window.actions_.show_trash.setChecked(True)
    assert window.count_label.text() == "1 entry in the trash"
    assert "Restore" in window.nothing.label.text()
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_args: QMessageBox.StandardButton.Discard)
    window.actions_.empty_trash.trigger()
    assert filled.count(trashed=True) == 0
    assert window.timeline.empty.text() == "The trash is empty."
    assert filled.count() == 3


def test_emptying_the_trash_can_be_cancelled(filled: Journal, make_window, dialogs) -> None:
    window = make_window()
    filled.trash([window.timeline.model.entry_id(0)])
    window.actions_.empty_trash.trigger()
    assert dialogs[0][0] == "question"
    assert filled.count(trashed=True) == 1


def test_new_entry_from_the_trash_view_returns_to_the_journal(filled: Journal,
                                                              make_window) -> None:
    window = make_window()
    window.actions_.show_trash.setChecked(True)
    window.actions_.new_entry.trigger()
    assert not window.trash_mode
    assert window.pages.currentWidget() is window.editor
    assert not window.editor.body.isReadOnly()


def test_the_trash_view_has_a_restore_button(filled: Journal, make_window, qtbot) -> None:
    window = make_window()
    doomed = window.timeline.model.entry_id(1)
    filled.trash([doomed])
    qtbot.keyClick(window, Qt.Key.Key_T,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    button = window.timeline.restore_button
    assert button.isVisible() and not button.isEnabled(), "nothing chosen yet"
    window.timeline.select_row(0)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert filled.get(doomed).deleted_at is None
    assert not window.trash_mode and window.editor.entry_id == doomed
    assert not button.isVisible()


def test_the_trash_view_goes_back_to_the_journal(filled: Journal, make_window, qtbot) -> None:
    window = make_window()
    window.actions_.show_trash.setChecked(True)
    qtbot.mouseClick(window.timeline.back_button, Qt.MouseButton.LeftButton)
    assert not window.trash_mode and window.timeline.model.rowCount() == 4


def test_moving_to_the_trash_offers_undo(filled: Journal, make_window, qtbot) -> None:
    window = make_window()
    window.timeline.select_row(0)
    doomed = window.editor.entry_id
    window.timeline.view.setFocus()
    qtbot.keyClick(window.timeline.view, Qt.Key.Key_Delete)
    note = window.undo_note
    assert note.isVisible() and note.label.text() == "Moved to the trash."
    assert filled.get(doomed).deleted_at is not None
    qtbot.mouseClick(note.button, Qt.MouseButton.LeftButton)
    assert filled.get(doomed).deleted_at is None
    assert window.timeline.current_id() == doomed and window.editor.entry_id == doomed
    assert not note.isVisible()
    assert window.actions_.redo.text() == "&Redo Move to Trash", "Edit › Redo stays in step"


def test_the_undo_note_goes_when_the_trash_is_undone_otherwise(filled: Journal, make_window,
                                                                qtbot) -> None:
    window = make_window()
    window.timeline.select_row(0)
    window.trash_current()
    assert window.undo_note.isVisible()
    window.actions_.undo.trigger()
    assert not window.undo_note.isVisible()
    window.trash_current()
    first = window.undo_note.label.text()
    window.trash_current()  # a second move: the note is about that one
    assert window.undo_note.isVisible() and first
    qtbot.mouseClick(window.undo_note.button, Qt.MouseButton.LeftButton)
    assert filled.count() == 3 and filled.count(trashed=True) == 1


def test_the_undo_note_goes_when_the_trash_is_shown(filled: Journal, make_window) -> None:
    window = make_window()
    window.timeline.select_row(0)
    window.trash_current()
    window.actions_.show_trash.setChecked(True)
    assert not window.undo_note.isVisible()
