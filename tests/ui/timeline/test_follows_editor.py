"""The timeline's highlight follows the entry the editor shows, and scrolls to it."""

from __future__ import annotations

import datetime as dt

import pytest

from carejournal.core.changes import Changes
from carejournal.core.domain import EntryKind
from carejournal.services.journal import Journal
from carejournal.ui.main_window import MainWindow
from tests.conftest import draft


@pytest.fixture
def long_journal(journal: Journal) -> Journal:
    start = dt.date(2025, 1, 1)
    journal.add_many(draft(f"Day {i} of the year.", EntryKind.REFLECTION,
                           start + dt.timedelta(days=i)) for i in range(200))
    return journal


def _shown_in_list(window: MainWindow, entry_id: int) -> bool:
    view = window.timeline.view
    index = window.timeline.model.index(window.timeline.model.row_of(entry_id))
    return (window.timeline.current_id() == entry_id
            and view.viewport().rect().contains(view.visualRect(index).center()))


def test_an_entry_opened_from_a_link_is_highlighted_and_scrolled_to(
        long_journal: Journal, make_window, qtbot) -> None:
    window = make_window()
    window.resize(1000, 500)
    window.timeline.select_row(0)
    oldest = window.timeline.model.entry_id(199)
    window.editor.open_entry.emit(oldest)  # as the links panel does
    assert window.editor.entry_id == oldest
    qtbot.waitUntil(lambda: _shown_in_list(window, oldest), timeout=1000)


def test_the_entry_opened_is_highlighted_when_the_list_is_read_again(
        long_journal: Journal, make_window, qtbot) -> None:
    window = make_window()
    window.resize(1000, 500)
    middle = window.timeline.model.entry_id(120)
    window.open_entry(middle)  # the editor shows an entry the list did not choose
    qtbot.waitUntil(lambda: _shown_in_list(window, middle), timeout=1000)
    window.timeline.view.scrollToTop()
    window.changes.report(Changes(listing=True))
    qtbot.waitUntil(lambda: _shown_in_list(window, middle), timeout=1000)


def test_next_entry_from_the_editor_moves_the_highlight_along(
        long_journal: Journal, make_window, qtbot) -> None:
    from PySide6.QtCore import Qt

    window = make_window()
    window.resize(1000, 500)
    window.timeline.select_row(0)
    window.editor.body.setFocus()
    for _ in range(20):  # further than the list shows at once
        qtbot.keyClick(window.editor.body, Qt.Key.Key_PageDown,
                       Qt.KeyboardModifier.ControlModifier)
    twentieth = window.timeline.model.entry_id(20)
    assert window.editor.entry_id == twentieth
    qtbot.waitUntil(lambda: _shown_in_list(window, twentieth), timeout=1000)
