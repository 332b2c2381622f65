"""The registration tracker in the window: the deadline banner 60 and 14 days before, once
each ("Noted" is remembered in the journal)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMainWindow, QVBoxLayout, QWidget

from carejournal.core.changes import Changes
from carejournal.core.registration import Register
from carejournal.services.journal import Journal
from carejournal.ui.cpd.controller import CpdController


class Hub(QObject):
    changed = Signal(object)


class Window(QMainWindow):
    """Just what the tracker needs of the main window: the journal, notices, changes."""

    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal
        self.changes = Hub()
        body = QWidget()
        self.notices = QVBoxLayout(body)
        self.notices.addStretch(1)
        self.setCentralWidget(body)
        self.statusBar()  # the real window has one before it is shown
        self.resize(1280, 800)


class Clock:
    def __init__(self, day: dt.date) -> None:
        self.now = dt.datetime.combine(day, dt.time(12), dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def make(qtbot: Any, journal: Journal) -> Any:
    def build(day: dt.date) -> CpdController:
        window = Window(journal)
        qtbot.addWidget(window)
        window.show()
        controller = CpdController(window, Clock(day))  # type: ignore[arg-type]
        controller.check()
        return controller
    return build


def test_no_register_shows_nothing(make: Any) -> None:
    tracker = make(dt.date(2026, 6, 1))
    assert tracker.status_text == "" and not tracker.banner.isVisible()


def test_the_figures_follow_a_change(make: Any, journal: Journal) -> None:
    journal.cpd.set_register(Register.SWE)
    tracker = make(dt.date(2026, 6, 1))
    assert tracker.status_text == ("Registration year to 30 November: CPD 0 of 2, with peer "
                                   "reflection 0 of 1")
    assert not tracker.banner.isVisible()  # 182 days: no reminder
    journal.cpd.set_register(Register.NONE)
    tracker.window.changes.changed.emit(Changes(settings=True))
    assert tracker.status_text == ""


def test_the_banner_comes_60_days_before_and_noted_is_remembered(qtbot: Any, make: Any,
                                                                 journal: Journal) -> None:
    journal.cpd.set_register(Register.SWE)
    tracker = make(dt.date(2026, 10, 15))
    assert tracker.banner.isVisible()
    assert tracker.banner.title.text() == "46 days to your registration deadline."
    assert "CPD 0 of 2" in tracker.banner.detail.text()
    qtbot.mouseClick(tracker.banner.noted_button, Qt.MouseButton.LeftButton)
    assert not tracker.banner.isVisible()
    assert not make(dt.date(2026, 10, 16)).banner.isVisible()  # once
    assert make(dt.date(2026, 11, 20)).banner.isVisible()  # and again at 14 days
