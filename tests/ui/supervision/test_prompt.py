"""The supervision prompt in the window: a calm banner when it opens, a line above the
timeline, one click (or Ctrl+Shift+S) into the preparation, rechecked as days and sessions
change."""

from __future__ import annotations

import datetime as dt
import sys
import types
from collections.abc import Callable

import pytest
from PySide6.QtCore import QDate, QLocale, QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QWidget

from carejournal.core.supervision import Session
from carejournal.services.journal import Journal
from carejournal.ui.main_window import MainWindow
from carejournal.ui.supervision.banner import prompt_text

TODAY = dt.date(2026, 3, 17)  # a Tuesday
THURSDAY = dt.date(2026, 3, 19)
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, day: dt.date) -> None:
        self.now = dt.datetime.combine(day, dt.time(9))

    def __call__(self) -> dt.datetime:
        return self.now


Opened = list[tuple[QWidget, Journal, dt.date]]


@pytest.fixture
def opened() -> Opened:
    """What the preparation opener was asked to open."""
    return []


@pytest.fixture
def open_window(qtbot, journal: Journal, settings: QSettings,
                opened: Opened) -> Callable[[Clock], MainWindow]:
    """A main window on the journal at the clock's time; the preparation is recorded."""
    def make(clock: Clock) -> MainWindow:
        window = MainWindow(journal, settings, clock=clock)
        qtbot.addWidget(window)
        window.supervision.opener = lambda *args: opened.append(args)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        return window
    return make


def test_the_line_names_the_day_in_the_workers_language() -> None:
    line = "time for your no us and them check?"
    assert prompt_text(TODAY, TODAY, ENGLISH) == f"Supervision today: {line}"
    assert prompt_text(dt.date(2026, 3, 18), TODAY, ENGLISH) == f"Supervision tomorrow: {line}"
    assert prompt_text(THURSDAY, TODAY, ENGLISH) == f"Supervision on Thursday: {line}"
    assert prompt_text(dt.date(2026, 3, 30), TODAY, ENGLISH) == f"Supervision on 30 March: {line}"
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert "Donnerstag" in prompt_text(THURSDAY, TODAY, german)


def test_banner_and_timeline_line_when_supervision_is_near(open_window, journal: Journal,
                                                           opened: Opened) -> None:
    journal.supervision.add(Session(THURSDAY, "Ruth"))
    window = open_window(Clock(TODAY))
    banner, line = window.supervision.banner, window.timeline.supervision
    expected = prompt_text(THURSDAY, TODAY)
    assert expected == f"Supervision on {QLocale().dayName(4)}: time for your no us and them check?"
    assert banner.isVisible() and banner.title.text() == expected
    assert not line.isVisible() and line.label.text() == expected, "the prompt shows once"
    assert banner.accessibleName() and line.button.accessibleName()
    assert banner.prepare.focusPolicy() & Qt.FocusPolicy.TabFocus, "reachable by keyboard"
    assert not banner.isModal() and banner.parentWidget() is not None, "a banner, not a dialog"
    banner.prepare.click()
    assert opened == [(window, journal, TODAY)]
    banner.later.click()
    assert not banner.isVisible() and line.isVisible(), "the line takes its place"
    line.button.click()
    assert len(opened) == 2


@pytest.mark.parametrize("days_ahead", [4, -1])
def test_no_prompt_outside_the_days_before(open_window, journal: Journal,
                                           days_ahead: int) -> None:
    journal.supervision.add(Session(TODAY + dt.timedelta(days=days_ahead), "Ruth"))
    window = open_window(Clock(TODAY))
    assert not window.supervision.banner.isVisible()
    assert not window.timeline.supervision.isVisible()


def test_no_prompt_without_sessions(window: MainWindow) -> None:
    assert not window.supervision.banner.isVisible()
    assert not window.timeline.supervision.isVisible()


def test_a_new_day_brings_the_prompt(open_window, journal: Journal) -> None:
    journal.supervision.add(Session(THURSDAY, "Ruth"))
    clock = Clock(dt.date(2026, 3, 14))
    window = open_window(clock)
    controller = window.supervision
    assert not controller.banner.isVisible() and controller.timer.isActive()
    clock.now = dt.datetime.combine(dt.date(2026, 3, 16), dt.time(0, 1))
    controller.timer.timeout.emit()
    assert controller.banner.isVisible()
    assert window.timeline.supervision.label.text() == prompt_text(THURSDAY, clock().date())
    controller.banner.later.click()
    clock.now = dt.datetime.combine(THURSDAY, dt.time(8))
    controller.timer.timeout.emit()
    assert controller.banner.isVisible(), "put away for one day only"
    assert "today" in window.timeline.supervision.label.text()
    clock.now += dt.timedelta(days=1)
    controller.timer.timeout.emit()
    assert not controller.banner.isVisible() and not window.timeline.supervision.isVisible()


def test_editing_sessions_updates_the_prompt(open_window, journal: Journal) -> None:
    window = open_window(Clock(TODAY))
    window.actions_.supervision_sessions.trigger()
    dialog = window.supervision.dialog
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    dialog.date.setDate(QDate(2026, 3, 19))
    dialog.save_button.click()
    assert window.supervision.banner.isVisible()
    assert not window.timeline.supervision.isVisible(), "once, in the banner"
    dialog.date.setDate(QDate(2026, 4, 30))
    dialog.save_button.click()
    assert not window.timeline.supervision.isVisible()
    assert [s.held_on for s in journal.supervision.sessions()] == [dt.date(2026, 4, 30)]


def test_settings_change_how_early_the_prompt_comes(open_window, journal: Journal,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    journal.supervision.add(Session(dt.date(2026, 3, 27), "Ruth"))
    window = open_window(Clock(TODAY))
    assert not window.timeline.supervision.isVisible()

    def accept(dialog: QDialog) -> int:
        dialog.prompt_days.setValue(14)
        dialog.save()
        return dialog.result()
    monkeypatch.setattr("carejournal.ui.settings.dialog.SettingsDialog.exec", accept)
    window.actions_.settings.trigger()
    assert journal.settings.prompt_days() == 14
    assert window.supervision.banner.isVisible()
    assert window.timeline.supervision.label.text() == prompt_text(dt.date(2026, 3, 27), TODAY)


def test_prepare_action_has_its_own_shortcut_in_the_supervision_menu(window: MainWindow,
                                                                     opened: Opened) -> None:
    action = window.actions_.prepare_supervision
    assert action.shortcut() == QKeySequence("Ctrl+Shift+S")
    shortcuts = [a.shortcut().toString() for a in window.findChildren(type(action))
                 if not a.shortcut().isEmpty()]
    assert shortcuts.count("Ctrl+Shift+S") == 1
    menu = next(m.menu() for m in window.menuBar().actions() if m.text() == "S&upervision")
    assert menu.actions() == [action, window.actions_.supervision_sessions]
    window.supervision.opener = lambda *args: opened.append(args)
    action.trigger()
    assert len(opened) == 1 and opened[0][0] is window


def test_the_wizard_module_is_imported_only_when_wanted(window: MainWindow, qtbot,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from carejournal.ui.supervision import controller as supervision_controller

    calls: list[tuple] = []
    wizard = QDialog(window)

    def open_prepare_wizard(parent: QWidget, journal: Journal, today: dt.date) -> QDialog:
        calls.append((parent, journal, today))
        return wizard
    fake = types.ModuleType("carejournal.ui.supervision.wizard")
    fake.open_prepare_wizard = open_prepare_wizard  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "carejournal.ui.supervision.wizard", fake)
    window.supervision.opener = supervision_controller.open_preparation
    window.actions_.prepare_supervision.trigger()
    assert calls == [(window, window.journal, dt.date.today())]
    assert window.supervision.wizard is wizard, "a reference is kept"
    with qtbot.waitSignal(window.changes.changed):
        wizard.done(0)  # closing the wizard brings the journal up to date


def test_a_missing_wizard_is_said_quietly(window: MainWindow,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from carejournal.ui.supervision import controller as supervision_controller

    monkeypatch.setitem(sys.modules, "carejournal.ui.supervision.wizard", None)
    window.supervision.opener = supervision_controller.open_preparation
    window.actions_.prepare_supervision.trigger()
    assert "cannot be opened" in window.statusBar().currentMessage()
