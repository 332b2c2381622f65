"""The main window, driven as a person would: first run, writing, autosave, closing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt

from carejournal.core.domain import EntryFilter, EntryKind
from carejournal.core.errors import JournalLocked
from carejournal.services.journal import Journal
from carejournal.ui.editor.autosave import SaveState
from carejournal.ui.main_window import MainWindow


def _autosave_fires(window: MainWindow) -> None:
    """Fire the pending autosave now, as the timer would after the pause."""
    assert window.autosaver.timer.isActive(), "an edit should have started the autosave timer"
    window.autosaver.timer.timeout.emit()


def test_first_run_explains_the_kinds_and_starts_an_entry(window: MainWindow, qtbot) -> None:
    assert window.pages.currentWidget() is window.welcome
    assert "No entries yet" in window.timeline.empty.text()
    assert window.timeline.stack.currentWidget() is window.timeline.empty
    qtbot.mouseClick(window.welcome.buttons[EntryKind.KINDNESS], Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.editor
    assert window.editor.current_kind() is EntryKind.KINDNESS
    assert window.editor.date.date().toPython() == dt.date.today()


def test_typing_a_new_entry_is_autosaved(window: MainWindow, journal: Journal, qtbot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.entry_id is None
    qtbot.keyClicks(window.editor.body, "Made Sam a cup of tea.")
    qtbot.keyClicks(window.editor.people, "Sam")
    assert window.autosaver.state is SaveState.PENDING
    assert journal.count() == 0
    _autosave_fires(window)
    assert window.autosaver.state is SaveState.SAVED
    assert window.save_label.text() == "Saved"
    entry = journal.get(window.editor.entry_id)
    assert entry.body == "Made Sam a cup of tea."
    assert entry.people == ("Sam",)
    assert window.timeline.current_id() == entry.id
    assert window.timeline.model.rowCount() == 1


def test_a_blank_new_entry_is_not_stored(window: MainWindow, journal: Journal) -> None:
    window.new_entry(EntryKind.REFLECTION)
    window.editor.kind.setCurrentIndex(window.editor.kind.findData(EntryKind.KINDNESS))
    window.autosaver.flush()
    assert journal.count() == 0


def test_switching_entries_saves_the_open_one(filled: Journal, make_window, qtbot) -> None:
    window = make_window()
    window.timeline.select_row(0)
    first = window.editor.entry_id
    window.editor.title.setText("Changed title")
    window.timeline.select_row(1)
    assert window.editor.entry_id != first
    assert filled.get(first).title == "Changed title"
    assert window.timeline.model.index(0).data() == "Changed title"


def test_closing_saves_what_was_typed(filled: Journal, make_window) -> None:
    window = make_window()
    window.timeline.select_row(0)
    entry_id = window.editor.entry_id
    window.editor.body.setPlainText("Typed just before closing.")
    assert window.autosaver.state is SaveState.PENDING
    window.close()
    assert filled.get(entry_id).body == "Typed just before closing."


def test_a_failed_save_is_loud_and_keeps_the_text(filled: Journal, make_window, monkeypatch,
                                                  qtbot) -> None:
    window = make_window()
    window.timeline.select_row(0)
    entry_id = window.editor.entry_id

    def locked(*_args: object) -> None:
        raise JournalLocked("The journal is busy.")

    monkeypatch.setattr(filled, "update", locked)
    window.editor.body.setPlainText("Precious words")
    _autosave_fires(window)
    assert window.autosaver.state is SaveState.FAILED
    assert window.editor.error.isVisible()
    assert "busy" in window.editor.error.text()
    assert window.save_label.text() == "Not saved: see the message above the entry"
    assert window.editor.body.toPlainText() == "Precious words"
    window.timeline.select_row(1)
    assert window.editor.entry_id == entry_id, "must not switch away from unsaved text"
    monkeypatch.undo()
    qtbot.mouseClick(window.editor.retry, Qt.MouseButton.LeftButton)
    assert window.autosaver.state is SaveState.SAVED
    assert not window.editor.error.isVisible()
    assert filled.get(entry_id).body == "Precious words"


def test_closing_with_a_failed_save_asks_first(filled: Journal, make_window, monkeypatch,
                                               dialogs) -> None:
    window = make_window()
    window.timeline.select_row(0)
    monkeypatch.setattr(filled, "update", lambda *_: (_ for _ in ()).throw(JournalLocked("busy")))
    window.editor.body.setPlainText("Not yet stored")
    assert not window.close(), "no answer keeps the window open"
    assert window.isVisible()
    assert dialogs and dialogs[0][0] == "exec"
    assert "busy" in dialogs[0][1][0]


def test_layout_is_remembered(journal: Journal, make_window) -> None:
    window = make_window()
    window.resize(900, 560)
    window.splitter.setSizes([300, 600])
    left = window.splitter.sizes()[0]
    window.close()
    again = make_window()
    assert again.height() == 560  # the offscreen screen is only 800x600, so width is clamped
    assert again.splitter.sizes()[0] == left


def test_unusual_text_round_trips_through_the_editor(window: MainWindow, journal: Journal) -> None:
    line = "Emoji 😀, Arabic مرحبا, Hebrew שלום, NUL \x00 and plain words to fill the line.\n"
    text = line * (5_000_000 // len(line))
    window.new_entry(EntryKind.REFLECTION)
    window.editor.body.setPlainText(text)
    window.autosaver.flush()
    entry_id = window.editor.entry_id
    assert journal.get(entry_id).body == text
    window.new_entry(EntryKind.REFLECTION)
    window.timeline.select(entry_id, quiet=False)
    assert window.editor.body.toPlainText() == text


def test_one_enormous_line_stays_responsive(window: MainWindow, journal: Journal) -> None:
    from PySide6.QtCore import QMimeData
    from PySide6.QtWidgets import QPlainTextEdit

    window.new_entry(EntryKind.REFLECTION)
    pasted = QMimeData()
    pasted.setText("y" * 100_000)
    window.editor.body.insertFromMimeData(pasted)
    assert window.editor.body.lineWrapMode() == QPlainTextEdit.LineWrapMode.NoWrap
    window.autosaver.flush()
    assert journal.get(window.editor.entry_id).body == "y" * 100_000
    window.new_entry(EntryKind.REFLECTION)
    assert window.editor.body.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth


def test_invalid_input_is_shown_and_nothing_is_written(window: MainWindow,
                                                       journal: Journal) -> None:
    window.new_entry(EntryKind.INTERACTION)
    window.editor.people.setText("x" * 200)
    window.editor.body.setPlainText("Something")
    assert not window.autosaver.flush()
    assert window.editor.error.isVisible()
    assert "too long" in window.editor.error.text()
    assert journal.rows(EntryFilter()) == []


def test_open_window_does_not_load_bodies(filled: Journal, make_window) -> None:
    from sqlalchemy import event

    statements: list[str] = []
    engine = filled._repo._engine  # peeking is fine in a test

    def record(_conn, _cursor, statement, *_rest) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        make_window()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    listing = [s for s in statements if "FROM entries" in s]
    assert listing, "the window should list entries"
    assert not any("entries.body" in s for s in statements)


def test_demo_entries_show_newest_first(filled: Journal, make_window: Callable) -> None:
    window = make_window()
    dates = [window.timeline.model.index(i).data(Qt.ItemDataRole.UserRole + 2).occurred_on
             for i in range(window.timeline.model.rowCount())]
    assert dates == sorted(dates, reverse=True)
    assert window.count_label.text() == "4 entries"
