"""The Patterns view, driven as a worker would: open it, choose a period and a person,
click a bar or a day through to the timeline, save a chart, and see the empty states."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, QSettings, Qt
from PySide6.QtGui import QColor, QKeySequence, QPalette
from PySide6.QtWidgets import QFileDialog, QLabel

from carejournal.charts.registry import CHARTS
from carejournal.core.changes import Changes
from carejournal.core.domain import EntryKind
from carejournal.services.journal import Journal
from carejournal.ui.main_window import MainWindow
from carejournal.ui.patterns import chart_adapter
from carejournal.ui.patterns.chart_card import ChartCard
from carejournal.ui.patterns.view import PatternsView
from tests.conftest import draft

TODAY = dt.date(2026, 3, 20)  # a Friday
WEEK = dt.date(2026, 3, 2)  # the Monday of the week with most entries below

Opener = Callable[[Journal], tuple[MainWindow, PatternsView]]


@pytest.fixture
def week_journal(journal: Journal) -> Journal:
    """Entries around one week in March 2026, two people, every kind."""
    for day, kind, people in (
            (dt.date(2026, 2, 27), EntryKind.INTERACTION, ("Sam",)),
            (dt.date(2026, 3, 2), EntryKind.INTERACTION, ("Sam",)),
            (dt.date(2026, 3, 3), EntryKind.INTERACTION, ("Jo",)),
            (dt.date(2026, 3, 3), EntryKind.KINDNESS, ("Jo",)),
            (dt.date(2026, 3, 4), EntryKind.FALLIBILITY, ()),
            (dt.date(2026, 3, 8), EntryKind.REFLECTION, ("Sam",)),
            (dt.date(2026, 3, 9), EntryKind.INTERACTION, ("Sam",)),
            (dt.date(2026, 3, 16), EntryKind.INTERACTION, ("Jo",))):
        journal.add(draft(f"A {kind.value} on {day}.", kind, day, people=people))
    return journal


@pytest.fixture
def open_view(qtbot, settings: QSettings) -> Opener:
    """A main window on the journal, today fixed, with View › Patterns opened from the menu."""
    def open_(journal: Journal) -> tuple[MainWindow, PatternsView]:
        window = MainWindow(journal, settings,
                            clock=lambda: dt.datetime.combine(TODAY, dt.time(12)))
        qtbot.addWidget(window)
        window.show()
        window.actions_.show_patterns.trigger()
        view = window.patterns.view
        assert view is not None
        view.draw_all()
        return window, view
    return open_


def bars(card: ChartCard) -> list[float]:
    """The heights of the bars the card's figure draws (all axes)."""
    return [patch.get_height() for ax in card.canvas.figure.axes for patch in ax.patches]


def artist_for(card: ChartCard, wanted: Callable[[chart_adapter.ChartHit], bool]
               ) -> tuple[object, int]:
    """A clickable artist of the card's figure (and index within it) whose hit is wanted."""
    for artist, hits in card.drawn.info.hits.items():
        for index, _hit in enumerate(hits):
            hit = chart_adapter.hit_for(card.drawn, artist, [index])
            if hit is not None and wanted(hit):
                return artist, index
    raise AssertionError(f"no such mark on the {card.name} chart")


def click(qtbot, card: ChartCard, artist: object) -> None:
    """A real left click on the middle of a bar, through Qt and matplotlib's pick events."""
    canvas = card.canvas
    canvas.render_now()
    box = artist.get_window_extent()  # display pixels, origin bottom left
    ratio = canvas.device_pixel_ratio
    x = (box.x0 + box.x1) / 2 / ratio
    y = (canvas.figure.bbox.height - (box.y0 + box.y1) / 2) / ratio
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(round(x), round(y)))


# -- opening ------------------------------------------------------------------------------------
def test_view_menu_opens_a_non_modal_window_of_every_chart(open_view: Opener,
                                                           week_journal: Journal) -> None:
    window, view = open_view(week_journal)
    action = window.actions_.show_patterns
    view_menu = next(m.menu() for m in window.menuBar().actions() if m.text() == "&View")
    assert action in view_menu.actions()
    assert action.shortcut() == QKeySequence("Ctrl+Shift+P")
    shortcuts = [a.shortcut().toString() for a in window.findChildren(type(action))
                 if not a.shortcut().isEmpty()]
    assert shortcuts.count("Ctrl+Shift+P") == 1
    assert view.isVisible() and view.isWindow() and not view.isModal()
    assert list(view.cards) == list(chart_adapter.chart_names())
    assert all(not card.pending and card.drawn is not None for card in view.cards.values())
    window.actions_.show_patterns.trigger()
    assert window.patterns.view is view, "opening again brings the same window forward"


def test_every_declared_chart_has_its_card_drawn_from_its_series(open_view: Opener,
                                                                 week_journal: Journal) -> None:
    _window, view = open_view(week_journal)
    view.resize(1280, 800)
    everything = week_journal.patterns.all(view.period_chosen(), TODAY)
    assert [card.name for card in view.cards.values()] == [spec.key for spec in CHARTS]
    for spec in CHARTS:
        card = view.cards[spec.key]
        assert card.series == everything[spec.series], spec.key
        assert card.drawn is not None and card.drawn.title == spec.words.title
        assert card.canvas.accessibleName() == spec.words.title
        assert card.caption.text().startswith(spec.words.caption)
        span = view.grid.getItemPosition(view.grid.indexOf(card))[3]
        assert span == (2 if spec.wide else 1), spec.key


def test_choosers_are_named_and_have_mnemonics(open_view: Opener,
                                               week_journal: Journal) -> None:
    _window, view = open_view(week_journal)
    assert view.period.accessibleName() and view.person.accessibleName()
    assert view.since.accessibleName() and view.until.accessibleName()
    buddies = {label.buddy(): label.text() for label in view.findChildren(QLabel)
               if label.buddy() is not None}
    for widget in (view.period, view.person, view.since, view.until):
        assert "&" in buddies[widget]
    letters = [text.split("&", 1)[1][0].lower() for text in buddies.values()]
    assert len(letters) == len(set(letters))
    assert [view.person.itemText(i) for i in range(view.person.count())] == [
        "Everyone", "Jo", "Sam"]
    names = [card.save_button.accessibleName() for card in view.cards.values()]
    assert len(set(names)) == len(names) and all(names)


def test_the_window_starts_without_matplotlib_and_warms_it_up_later(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from PySide6.QtCore import QSettings\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from carejournal.services.journal import Journal\n"
        "from carejournal.ui.main_window import MainWindow\n"
        "app = QApplication([])\n"
        f"journal = Journal.open(__import__('pathlib').Path({str(tmp_path / 'j.sqlite')!r}),"
        " create=True)\n"
        f"window = MainWindow(journal, QSettings({str(tmp_path / 's.ini')!r},"
        " QSettings.Format.IniFormat))\n"
        "window.show(); app.processEvents()\n"
        "loaded = lambda: sorted(m for m in sys.modules if m.startswith('matplotlib'))\n"
        "print(loaded() == [], window.patterns.warm_timer.isActive())\n"
        "window.patterns.warm_timer.timeout.emit()\n"
        "window.patterns.warm_thread.join(60)\n"
        "print('matplotlib.backends.backend_qtagg' in loaded(), window.patterns.view is None)\n"
        "window.actions_.show_patterns.trigger()\n"
        "print(window.patterns.view.isVisible())\n"
        "window.close(); journal.close()\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=90, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "True", "True", "True"]


# -- choosing what to see -------------------------------------------------------------------------
def test_changing_the_period_redraws_every_chart(open_view: Opener,
                                                 week_journal: Journal) -> None:
    _window, view = open_view(week_journal)
    kinds = view.cards["kinds"]
    assert view.period.currentData() == "3m"
    assert sum(bars(kinds)) == 8 and len(kinds.series.weeks) == 14
    view.period.setCurrentIndex(view.period.findData("4w"))  # 21 Feb to 20 Mar
    view.draw_all()
    assert len(kinds.series.weeks) == 5
    assert sum(bars(kinds)) == 8
    view.period.setCurrentIndex(view.period.findData("12m"))
    view.draw_all()
    assert len(kinds.series.weeks) == 53
    assert all(card.period == kinds.period for card in view.cards.values())
    assert view.cards["streaks"].period.since == dt.date(2025, 3, 21)


def test_a_custom_period_uses_the_two_dates(open_view: Opener,
                                            week_journal: Journal) -> None:
    _window, view = open_view(week_journal)
    assert not view.since.isVisibleTo(view)
    view.period.setCurrentIndex(view.period.findData("custom"))
    assert view.since.isVisibleTo(view) and view.until.isVisibleTo(view)
    view.since.setDate(QDate(2026, 3, 2))
    view.until.setDate(QDate(2026, 3, 8))
    assert view.date_timer.isActive(), "redrawn once the typing settles"
    view.date_timer.timeout.emit()
    view.draw_all()
    kinds = view.cards["kinds"]
    assert kinds.series.weeks == (WEEK,)
    assert sum(bars(kinds)) == 5
    view.until.setDate(QDate(2026, 2, 1))  # before the start: say so, keep the charts
    view.date_timer.timeout.emit()
    assert "before" in view.message.text()
    assert kinds.series.weeks == (WEEK,)


def test_choosing_a_person_shows_only_entries_about_them(open_view: Opener,
                                                         week_journal: Journal) -> None:
    _window, view = open_view(week_journal)
    view.person.setCurrentIndex(view.person.findData("Jo"))
    view.draw_all()
    kinds = view.cards["kinds"]
    assert kinds.period.person == "Jo"
    assert sum(bars(kinds)) == 3
    view.person.setCurrentIndex(0)
    view.draw_all()
    assert sum(bars(kinds)) == 8


def test_charts_out_of_sight_are_drawn_when_scrolled_to(open_view: Opener, qtbot,
                                                         week_journal: Journal) -> None:
    _window, view = open_view(week_journal)
    view.resize(1280, 800)
    view.period.setCurrentIndex(view.period.findData("12m"))
    view.draw_visible()
    assert not view.cards["kinds"].pending
    assert view.cards["plans"].pending, "the last chart is out of sight at first"
    bar = view.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert not view.cards["plans"].pending
    view.period.setCurrentIndex(view.period.findData("3m"))
    assert view.cards["kinds"].pending and not view.cards["plans"].pending
    assert view.idle_timer.isActive()
    for _card in view.cards:  # the rest are drawn one by one while idle
        view.idle_timer.timeout.emit()
    assert not any(card.pending for card in view.cards.values())


def test_charts_out_of_sight_wait_until_those_in_sight_are_on_screen(
        open_view: Opener, qtbot, week_journal: Journal,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _window, view = open_view(week_journal)
    view.resize(1280, 800)
    view.period.setCurrentIndex(view.period.findData("12m"))
    kinds = view.cards["kinds"]
    assert view.idle_timer.isActive() and view.cards["plans"].pending
    starts: list[object] = []
    monkeypatch.setattr(view.idle_timer, "start", lambda *args: starts.append(args))
    with qtbot.waitSignal(kinds.painted, timeout=5000):
        kinds.canvas.repaint()  # the chart in sight is rendered onto the screen
    assert starts, "the wait for quiet starts again once the chart is on screen"
    assert view.cards["plans"].pending, "nothing out of sight was drawn meanwhile"
    view.idle_timer.stop()
    starts.clear()
    kinds.canvas.mark_stale()
    with qtbot.waitSignal(kinds.painted, timeout=5000):
        kinds.canvas.repaint()
    assert not starts, "painting alone never starts drawing charts out of sight"


def test_chart_canvases_draw_text_through_the_cache(open_view: Opener,
                                                    week_journal: Journal) -> None:
    from carejournal.charts.text_cache import fast_renderer_class

    _window, view = open_view(week_journal)
    canvas = view.cards["kinds"].canvas
    canvas.render_now()
    assert type(canvas.get_renderer()) is fast_renderer_class()


def test_two_columns_when_wide_one_when_narrow(open_view: Opener,
                                               week_journal: Journal) -> None:
    _window, view = open_view(week_journal)
    view.resize(1280, 800)
    columns = {view.grid.getItemPosition(view.grid.indexOf(card))[1]
               for card in view.cards.values()}
    assert columns == {0, 1}
    view.resize(700, 800)
    columns = {view.grid.getItemPosition(view.grid.indexOf(card))[1]
               for card in view.cards.values()}
    assert columns == {0}


def test_a_dark_palette_draws_dark_charts(open_view: Opener, week_journal: Journal) -> None:
    _window, view = open_view(week_journal)
    light = view.cards["kinds"].canvas.figure.get_facecolor()
    palette = QPalette(view.palette())
    palette.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    view.setPalette(palette)
    view.draw_all()
    dark = view.cards["kinds"].canvas.figure.get_facecolor()
    assert sum(dark[:3]) < 1.0 < sum(light[:3])


def test_new_entries_show_when_the_view_is_next_opened(open_view: Opener,
                                                       week_journal: Journal) -> None:
    window, view = open_view(week_journal)
    view.hide()
    week_journal.add(draft("Another cup of tea.", EntryKind.KINDNESS, dt.date(2026, 3, 19),
                           people=("Ali",)))
    window.changes.report(Changes(listing=True))
    assert view.stale
    window.actions_.show_patterns.trigger()
    view.draw_all()
    assert sum(bars(view.cards["kinds"])) == 9
    assert view.person.findData("Ali") > 0


# -- clicking through to the timeline ---------------------------------------------------------
def test_clicking_a_bar_shows_that_weeks_entries_of_that_kind(open_view: Opener, qtbot,
                                                              week_journal: Journal) -> None:
    window, view = open_view(week_journal)
    assert window.timeline.model.rowCount() == 8
    card = view.cards["kinds"]
    artist, _index = artist_for(card, lambda hit: hit.since == WEEK
                                and hit.kind is EntryKind.INTERACTION)
    with qtbot.waitSignal(card.clicked) as clicked:
        click(qtbot, card, artist)
    assert clicked.args[0].until == dt.date(2026, 3, 8)
    flt = window.timeline.filters.current()
    assert (flt.since, flt.until, flt.kinds, flt.person) == (
        WEEK, dt.date(2026, 3, 8), frozenset([EntryKind.INTERACTION]), "")
    shown = [window.journal.get(window.timeline.model.entry_id(row))
             for row in range(window.timeline.model.rowCount())]
    assert sorted(e.occurred_on for e in shown) == [dt.date(2026, 3, 2), dt.date(2026, 3, 3)]
    assert "week starting" in window.statusBar().currentMessage()


def test_clicking_a_day_keeps_the_chosen_person(open_view: Opener,
                                                week_journal: Journal) -> None:
    window, view = open_view(week_journal)
    window.actions_.show_trash.setChecked(True)
    view.person.setCurrentIndex(view.person.findData("Jo"))
    view.draw_all()
    card = view.cards["streaks"]
    artist, index = artist_for(card, lambda hit: hit.since == dt.date(2026, 3, 3))
    hit = card.pick(artist, index)
    assert hit is not None and (hit.since, hit.until) == (dt.date(2026, 3, 3),) * 2
    assert not window.trash_mode, "the journal, not the trash, shows the entries"
    flt = window.timeline.filters.current()
    assert (flt.since, flt.until, flt.kinds, flt.person) == (
        dt.date(2026, 3, 3), dt.date(2026, 3, 3), frozenset(), "Jo")
    assert window.timeline.model.rowCount() == 2


def test_clicking_outside_the_bars_changes_nothing(open_view: Opener, qtbot,
                                                   week_journal: Journal) -> None:
    window, view = open_view(week_journal)
    card = view.cards["kinds"]
    card.canvas.render_now()
    with qtbot.assertNotEmitted(card.clicked):
        qtbot.mouseClick(card.canvas, Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    assert not window.timeline.filters.is_filtering()


# -- saving --------------------------------------------------------------------------------------
@pytest.mark.parametrize(("answer", "kind", "written", "magic"), [
    ("kinds.png", "PNG picture (*.png)", "kinds.png", b"\x89PNG"),
    ("kinds", "SVG drawing (*.svg)", "kinds.svg", b"<?xml"),
])
def test_save_writes_the_chart_as_png_or_svg(open_view: Opener, week_journal: Journal,
                                             monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                             answer: str, kind: str, written: str,
                                             magic: bytes) -> None:
    _window, view = open_view(week_journal)
    asked: list[tuple] = []

    def choose(*args: object) -> tuple[str, str]:
        asked.append(args)
        return str(tmp_path / answer), kind
    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    previous = os.umask(0o022)  # the usual mask: the writer itself must make it owner-only
    try:
        view.cards["kinds"].save_button.click()
    finally:
        os.umask(previous)
    assert "*.png" in asked[0][3] and "*.svg" in asked[0][3]
    assert (tmp_path / written).read_bytes().startswith(magic)
    assert str(tmp_path / written) in view.message.text()
    if os.name != "nt":
        assert (tmp_path / written).stat().st_mode & 0o777 == 0o600


def test_cancelling_save_writes_nothing(open_view: Opener, week_journal: Journal,
                                        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _window, view = open_view(week_journal)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: ("", ""))
    view.cards["acts"].save_button.click()
    assert list(tmp_path.glob("*.png")) == [] and view.message.text() == ""


def test_a_save_that_fails_says_why(open_view: Opener, week_journal: Journal,
                                    monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _window, view = open_view(week_journal)
    target = tmp_path / "missing-folder" / "kinds.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args: (str(target), "PNG picture (*.png)"))
    view.cards["kinds"].save_button.click()
    assert not target.exists()
    assert "could not be saved" in view.message.text()


# -- nothing written yet ----------------------------------------------------------------------
def test_an_empty_journal_shows_friendly_empty_states(open_view: Opener, qtbot,
                                                      journal: Journal) -> None:
    window, view = open_view(journal)
    for card in view.cards.values():
        assert card.drawn is not None and card.drawn.empty, card.name
        assert card.caption.text(), card.name
        assert not card.save_button.isEnabled()
        assert card.canvas.figure.texts or any(ax.texts for ax in card.canvas.figure.axes)
    card = view.cards["kinds"]
    with qtbot.assertNotEmitted(card.clicked):
        qtbot.mouseClick(card.canvas, Qt.MouseButton.LeftButton,
                         pos=card.canvas.rect().center())
    assert view.person.count() == 1 and not window.timeline.filters.is_filtering()
