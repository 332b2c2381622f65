"""'On this day' on the page shown when no entry is open: earlier years' entries, quietly."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings, Qt

from carejournal.services.journal import Journal
from carejournal.ui.main_window import MainWindow
from tests.conftest import draft

TODAY = dt.datetime(2026, 3, 5, 9, 0)


def _window(qtbot, journal: Journal, settings: QSettings) -> MainWindow:
    window = MainWindow(journal, settings, clock=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    return window


def _texts(window: MainWindow) -> list[str]:
    return [b.text() for b in window.nothing.on_this_day.buttons]


def test_earlier_years_are_shown_and_open_with_a_click(qtbot, journal: Journal,
                                                       settings: QSettings) -> None:
    old = journal.add(draft("Walked to the shop with Sam.", day=dt.date(2023, 3, 5)))
    journal.add(draft("Tea with Jo.", day=dt.date(2025, 3, 5), title="Jo's birthday"))
    journal.add(draft("Today's own entry.", day=dt.date(2026, 3, 5)))
    journal.add(draft("The day before.", day=dt.date(2025, 3, 4)))
    for year in (2018, 2019, 2020):
        journal.add(draft(f"Long ago, {year}.", day=dt.date(year, 3, 5)))
    window = _window(qtbot, journal, settings)
    page = window.nothing.on_this_day
    assert window.pages.currentWidget() is window.nothing and page.isVisible()
    assert "5 March" in page.heading.text()
    assert _texts(window) == ["2025 · Jo's birthday", "2023 · Walked to the shop with Sam.",
                              "2020 · Long ago, 2020."], "the newest few, quietly"
    qtbot.mouseClick(page.buttons[1], Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.editor and window.editor.entry_id == old


def test_nothing_is_shown_when_there_are_none_nor_in_the_trash(qtbot, journal: Journal,
                                                                settings: QSettings) -> None:
    journal.add(draft("Not this day.", day=dt.date(2025, 3, 6)))
    window = _window(qtbot, journal, settings)
    assert window.pages.currentWidget() is window.nothing
    assert not window.nothing.on_this_day.isVisible() and _texts(window) == []
    earlier = window.changes.perform(
        lambda: window.journal.ops.add(draft("A year ago.", day=dt.date(2025, 3, 5))))
    assert window.nothing.on_this_day.isVisible() and _texts(window) == ["2025 · A year ago."]
    window.actions_.show_trash.setChecked(True)
    assert not window.nothing.on_this_day.isVisible()
    window.actions_.show_trash.setChecked(False)
    window.changes.perform(lambda: window.journal.ops.trash([earlier]))
    window.pages.setCurrentWidget(window.nothing)
    assert not window.nothing.on_this_day.isVisible(), "a trashed entry is not offered"
