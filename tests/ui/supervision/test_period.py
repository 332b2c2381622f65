"""'Since the last supervision' as a period: in the timeline's filters and in the Patterns
window, offered only once a session up to today is recorded."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from carejournal.core.patterns import Period, PeriodChoice
from carejournal.core.supervision import Session
from carejournal.services.journal import Journal
from carejournal.ui.main_window import MainWindow
from carejournal.ui.timeline.model import ROW_ROLE

TODAY = dt.date(2026, 3, 20)
SINCE = PeriodChoice.SINCE_SUPERVISION.value


@pytest.fixture
def open_window(qtbot, settings: QSettings) -> Callable[[Journal], MainWindow]:
    """A main window on the journal with today fixed."""
    def make(journal: Journal) -> MainWindow:
        window = MainWindow(journal, settings,
                            clock=lambda: dt.datetime.combine(TODAY, dt.time(12)))
        window.supervision.opener = lambda *args: None
        qtbot.addWidget(window)
        window.show()
        return window
    return make


def _dates(window: MainWindow) -> list[dt.date]:
    model = window.timeline.model
    return sorted(model.index(i).data(ROW_ROLE).occurred_on for i in range(model.rowCount()))


def test_timeline_since_last_supervision(open_window, filled: Journal) -> None:
    filled.supervision.add(Session(dt.date(2026, 2, 1), "Ruth"))
    filled.supervision.add(Session(dt.date(2026, 3, 3), "Ruth"))
    filled.supervision.add(Session(dt.date(2026, 3, 26), "Ruth"))  # planned: not the last
    window = open_window(filled)
    bar = window.timeline.filters
    assert bar.since_supervision.isVisible() and "3 Mar 2026" in bar.since_supervision.toolTip()
    assert bar.since_supervision.accessibleName()
    bar.since_supervision.click()
    assert bar.since_supervision.isChecked()
    assert _dates(window) == [dt.date(2026, 3, 3), dt.date(2026, 3, 4)]
    flt = bar.current()
    assert (flt.since, flt.until) == (dt.date(2026, 3, 3), None)
    bar.since_supervision.click()
    assert not bar.since_supervision.isChecked() and len(_dates(window)) == 4
    bar.since_supervision.click()
    bar.reset()
    assert not bar.since_supervision.isChecked() and len(_dates(window)) == 4


def test_timeline_offers_it_only_with_a_session_up_to_today(open_window,
                                                             filled: Journal) -> None:
    filled.supervision.add(Session(dt.date(2026, 3, 26), "Ruth"))
    window = open_window(filled)
    assert not window.timeline.filters.since_supervision.isVisible()


def test_timeline_follows_session_changes(open_window, filled: Journal,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    session_id = filled.supervision.add(Session(dt.date(2026, 3, 3), "Ruth"))
    window = open_window(filled)
    bar = window.timeline.filters
    bar.since_supervision.click()
    window.actions_.supervision_sessions.trigger()
    dialog = window.supervision.dialog
    assert dialog is not None and dialog.session_id == session_id
    dialog.date.setDate(dt.date(2026, 3, 4))
    dialog.save_button.click()
    assert bar.since_supervision.isChecked() and _dates(window) == [dt.date(2026, 3, 4)]
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    dialog.delete_button.click()
    assert not bar.since_supervision.isVisible() and len(_dates(window)) == 4
    assert not bar.is_filtering()


def test_patterns_period_since_last_supervision(open_window, filled: Journal) -> None:
    window = open_window(filled)
    window.actions_.show_patterns.trigger()
    view = window.patterns.view
    assert view is not None and view.period.findData(SINCE) < 0, "no session yet"
    window.actions_.supervision_sessions.trigger()
    dialog = window.supervision.dialog
    dialog.date.setDate(dt.date(2026, 3, 3))
    dialog.save_button.click()
    index = view.period.findData(SINCE)
    assert index >= 0 and view.period.itemText(index) == "Since last supervision"
    assert index == view.period.findData(PeriodChoice.CUSTOM.value) - 1
    view.period.setCurrentIndex(index)
    assert view.period_chosen() == Period(dt.date(2026, 3, 3), TODAY)
    view.draw_all()
    kinds = view.cards["kinds"]
    assert kinds.drawn is not None and not kinds.drawn.empty
    assert view.since.isHidden(), "no dates to type for this period"
    dialog.date.setDate(dt.date(2026, 3, 30))  # the session moves into the future
    dialog.save_button.click()
    assert view.period.findData(SINCE) < 0
    assert view.period.currentData() == PeriodChoice.MONTHS_3.value, "back to the default"


def test_patterns_offers_it_when_opened_after_a_session(open_window, filled: Journal) -> None:
    filled.supervision.add(Session(dt.date(2026, 3, 1), "Ruth"))
    window = open_window(filled)
    window.actions_.show_patterns.trigger()
    view = window.patterns.view
    view.period.setCurrentIndex(view.period.findData(SINCE))
    assert view.period_chosen() == Period(dt.date(2026, 3, 1), TODAY)
