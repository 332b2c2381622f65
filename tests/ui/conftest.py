"""Fixtures for GUI tests: real widgets, offscreen, with settings kept in tmp_path."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from carejournal.core.domain import EntryKind
from carejournal.services.journal import Journal
from carejournal.ui.main_window import MainWindow
from tests.conftest import draft


@pytest.fixture(autouse=True, scope="session")
def english(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> None:
    """The window in English, whatever the machine's language, with its plural forms
    ("1 entry"), as app.make_application installs them."""
    from carejournal.ui.settings import language

    chosen = QSettings(str(tmp_path_factory.mktemp("language") / "language.ini"),
                       QSettings.Format.IniFormat)
    language.choose(chosen, language.ENGLISH)
    language.install(chosen)


@pytest.fixture(autouse=True)
def safe_input(qapp: QApplication) -> None:
    """The application-wide wheel and Tab filter, as app.make_application installs it."""
    from carejournal.ui.shared import safe_input as safe

    safe.install(qapp).tab_writes = False  # the worker's choice, as a new window has it


@pytest.fixture(autouse=True)
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, tuple]]:
    """Answer message boxes with Cancel instead of blocking (a box built by hand closes with
    no button clicked); the calls are recorded."""
    shown: list[tuple[str, tuple]] = []
    for name in ("warning", "question", "critical", "information"):
        def answer(*args: object, _name: str = name) -> QMessageBox.StandardButton:
            shown.append((_name, args))
            return QMessageBox.StandardButton.Cancel
        monkeypatch.setattr(QMessageBox, name, answer)

    def exec_(box: QMessageBox) -> int:  # a question built by hand: nothing is clicked
        shown.append(("exec", (box.text(),)))
        return int(QMessageBox.StandardButton.Cancel.value)
    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return shown


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """QSettings in an ini file of the test's own."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, journal: Journal, settings: QSettings
                ) -> Iterator[Callable[[], MainWindow]]:
    """Build main windows on the test journal; each is closed at the end."""
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        window = MainWindow(journal, settings)
        qtbot.addWidget(window)
        with qtbot.waitActive(window):  # shortcuts only reach the active window
            window.show()
            window.activateWindow()
        windows.append(window)
        return window

    yield make


@pytest.fixture
def window(make_window: Callable[[], MainWindow]) -> MainWindow:
    """A main window on an empty journal."""
    return make_window()


@pytest.fixture
def filled(journal: Journal) -> Journal:
    """A journal with a few entries of different kinds, people, tags and dates."""
    journal.add(draft("Cup of tea with Sam in the garden.", EntryKind.INTERACTION,
                      dt.date(2026, 3, 1), people=("Sam",), tags=("garden",), title="Garden"))
    journal.add(draft("Rang Jo back at two, as promised.", EntryKind.KINDNESS,
                      dt.date(2026, 3, 2), people=("Jo",), tags=("phone",)))
    journal.add(draft("I was late three times today.", EntryKind.FALLIBILITY,
                      dt.date(2026, 3, 3), tags=("time",)))
    journal.add(draft("Who decides what time Sam gets up?", EntryKind.REFLECTION,
                      dt.date(2026, 3, 4), people=("Sam",)))
    return journal
