"""Patterns of practice: the declared charts over a chosen period, for everyone or one person."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.patterns import Period, PeriodChoice, period_for
from carejournal.services.journal import Journal
from carejournal.ui.patterns import chart_adapter
from carejournal.ui.patterns.chart_adapter import ChartHit
from carejournal.ui.patterns.chart_card import ChartCard
from carejournal.ui.shared.colours import is_dark, problem_text_style
from carejournal.ui.shared.dates import py_date, qdate
from carejournal.ui.shared.pickers import date_edit, name_combo, refill_names
from carejournal.ui.shared.problems import PROBLEMS

TWO_COLUMNS_FROM = 900  # px of window: narrower than this, the charts stack in one column
DEFAULT_PERIOD = PeriodChoice.MONTHS_3
DATE_DELAY_MS = 400  # typing a date changes it digit by digit: redraw once it settles
IDLE_DRAW_MS = 150  # between drawing charts out of sight, so the window stays responsive


class PatternsView(QWidget):
    """A non-modal window of charts; emits `show_entries(ChartHit, person)` on a click."""

    show_entries = Signal(object, str)

    def __init__(self, journal: Journal, today: Callable[[], dt.date] = dt.date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.today = today
        self.stale = False
        self.columns = 0
        self.last_supervision: dt.date | None = None
        self.setWindowFlag(Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Patterns of practice"))
        QShortcut(QKeySequence.StandardKey.Close, self, self.close)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)  # as a dialog does
        self._build()
        self.charts = chart_adapter.charts()
        self.cards = {spec.key: ChartCard(spec.key) for spec in self.charts}
        for card in self.cards.values():
            card.clicked.connect(self._clicked)
            card.saved.connect(self._saved)
            card.failed.connect(self._failed)
            card.painted.connect(self._painted)
        self.resize(1100, 750)
        self._arrange(2)
        self.refresh()

    # -- construction --------------------------------------------------------
    def _build(self) -> None:
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Period"))
        for choice, label in ((PeriodChoice.WEEKS_4, self.tr("Last 4 weeks")),
                              (PeriodChoice.MONTHS_3, self.tr("Last 3 months")),
                              (PeriodChoice.MONTHS_12, self.tr("Last 12 months")),
                              (PeriodChoice.CUSTOM, self.tr("Custom dates"))):
            self.period.addItem(label, choice.value)
        self.period.setCurrentIndex(self.period.findData(DEFAULT_PERIOD.value))
        self.since = date_edit(self.tr("First day of the period"))
        self.until = date_edit(self.tr("Last day of the period"))
        self.person = name_combo(self.tr("Everyone"), self.tr("Whose entries"), width=14)
        self.hint = QLabel(self.tr("Click a bar or a day to see those entries in your journal."))
        self.hint.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("What just happened"))
        self.grid = QGridLayout()
        self.grid.setSpacing(12)
        body = QWidget()
        outer = QVBoxLayout(body)
        outer.addLayout(self.grid)
        outer.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(body)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addLayout(self._choosers())
        layout.addWidget(self.hint)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.message)
        self.scroll_area.verticalScrollBar().valueChanged.connect(self.draw_visible)
        self.period.currentIndexChanged.connect(self._period_changed)
        self.person.currentIndexChanged.connect(self.redraw)
        self.date_timer = QTimer(self, singleShot=True, interval=DATE_DELAY_MS)
        self.date_timer.timeout.connect(self.redraw)
        self.since.dateChanged.connect(self.date_timer.start)
        self.until.dateChanged.connect(self.date_timer.start)
        self.idle_timer = QTimer(self, singleShot=True, interval=IDLE_DRAW_MS)
        self.idle_timer.timeout.connect(self._draw_one_out_of_sight)

    def _choosers(self) -> QHBoxLayout:
        row = QHBoxLayout()
        period_label = QLabel(self.tr("&Period"))
        period_label.setBuddy(self.period)
        self.from_label = QLabel(self.tr("&From"))
        self.from_label.setBuddy(self.since)
        self.to_label = QLabel(self.tr("&to"))
        self.to_label.setBuddy(self.until)
        person_label = QLabel(self.tr("P&erson"))
        person_label.setBuddy(self.person)
        for widget in (period_label, self.period, self.from_label, self.since, self.to_label,
                       self.until):
            row.addWidget(widget)
        row.addSpacing(24)
        row.addWidget(person_label)
        row.addWidget(self.person)
        row.addStretch(1)
        self._show_dates(False)
        return row

    def _arrange(self, columns: int) -> None:
        """Lay the cards out in one or two columns (charts declared wide take a whole row)."""
        if columns == self.columns:
            return
        self.columns = columns
        for card in self.cards.values():
            self.grid.removeWidget(card)
        row = col = 0
        for spec in self.charts:
            card, span = self.cards[spec.key], columns if spec.wide else 1
            if col + span > columns:
                row, col = row + 1, 0
            self.grid.addWidget(card, row, col, 1, span)
            col += span
            if col >= columns:
                row, col = row + 1, 0
        for column in range(2):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    # -- what to show --------------------------------------------------------
    def period_chosen(self) -> Period:
        """The period and person the choosers describe (raises InvalidInput for bad dates)."""
        choice = PeriodChoice(self.period.currentData())
        person = self.person.currentData() or ""
        if choice is PeriodChoice.CUSTOM:
            return period_for(choice, self.today(), py_date(self.since.date()),
                              py_date(self.until.date()), person)
        return period_for(choice, self.today(), person=person,
                          last_supervision=self.last_supervision)

    def set_last_supervision(self, day: dt.date | None, redraw: bool = True) -> None:
        """Offer 'Since last supervision' from this day (None: no session up to today).

        Redraws when that period is chosen and its first day moved, unless told not to.
        """
        moved = day != self.last_supervision
        self.last_supervision = day
        wanted = PeriodChoice.SINCE_SUPERVISION.value
        index = self.period.findData(wanted)
        chosen = index >= 0 and index == self.period.currentIndex()
        self.period.blockSignals(True)
        if day is None and index >= 0:
            self.period.removeItem(index)
            if chosen:
                self.period.setCurrentIndex(self.period.findData(DEFAULT_PERIOD.value))
        elif day is not None and index < 0:
            index = self.period.findData(PeriodChoice.CUSTOM.value)
            self.period.insertItem(index, self.tr("Since last supervision"), wanted)
        if day is not None:
            self.period.setItemData(index, self.tr("From {date}, the day of your last "
                                                   "supervision, to today").format(
                date=qdate(day).toString("d MMM yyyy")), Qt.ItemDataRole.ToolTipRole)
        self.period.blockSignals(False)
        if redraw and chosen and moved:
            self.redraw()

    def refresh(self) -> None:
        """Fetch the people and the last supervision again, then redraw every chart."""
        try:
            people = self.journal.people()
            last = self.journal.supervision.last_session(self.today())
        except PROBLEMS as exc:
            self._failed(str(exc))
            return
        refill_names(self.person, people)
        self.set_last_supervision(last.held_on if last else None, redraw=False)
        self.redraw()

    def redraw(self) -> None:
        """Draw every chart for the chosen period and person."""
        self.stale = False
        self.date_timer.stop()
        try:
            period = self.period_chosen()
            series = self.journal.patterns.all(period, self.today())
        except PROBLEMS as exc:
            self._failed(str(exc))
            return
        theme = chart_adapter.theme_for(is_dark(self))
        for name, card in self.cards.items():
            card.set_chart(chart_adapter.series_of(name, series), theme, period)
        self.message.clear()
        self.message.setStyleSheet("")
        self.draw_visible()

    def draw_visible(self) -> None:
        """Draw the charts in sight now; the others one by one when idle, or on scrolling."""
        if not self.isVisible():
            return
        viewport = self.scroll_area.viewport()
        for card in self.cards.values():
            if card.pending and QRect(card.mapTo(viewport, QPoint(0, 0)),
                                      card.size()).intersects(viewport.rect()):
                card.draw_pending()
        if any(card.pending for card in self.cards.values()):
            self.idle_timer.start()

    def _painted(self) -> None:
        """A chart just reached the screen: wait for quiet again before drawing those out
        of sight, so that work never holds up the charts being shown."""
        if self.idle_timer.isActive():
            self.idle_timer.start()

    def _draw_one_out_of_sight(self) -> None:
        card = next((card for card in self.cards.values() if card.pending), None)
        if card is None or not self.isVisible():
            return
        card.draw_pending()
        if any(card.pending for card in self.cards.values()):
            self.idle_timer.start()

    def draw_all(self) -> None:
        """Draw every chart now, in sight or not."""
        for card in self.cards.values():
            card.draw_pending()

    def _period_changed(self) -> None:
        custom = self.period.currentData() == PeriodChoice.CUSTOM.value
        if custom:
            shown = period_for(PeriodChoice(DEFAULT_PERIOD), self.today())
            for edit, day in ((self.since, shown.since), (self.until, shown.until)):
                edit.blockSignals(True)
                edit.setDate(qdate(day))
                edit.blockSignals(False)
        self._show_dates(custom)
        self.redraw()

    def _show_dates(self, shown: bool) -> None:
        for widget in (self.from_label, self.since, self.to_label, self.until):
            widget.setVisible(shown)

    # -- answers from the cards ----------------------------------------------
    def _clicked(self, hit: ChartHit) -> None:
        self.show_entries.emit(hit, hit.person or self.person.currentData() or "")

    def _saved(self, path: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Saved the chart to {path}").format(path=path))

    def _failed(self, text: str) -> None:
        self.message.setStyleSheet(problem_text_style(self))
        self.message.setText(text)

    # -- Qt events -----------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        columns = self.columns
        self._arrange(2 if event.size().width() >= TWO_COLUMNS_FROM else 1)
        QTimer.singleShot(0, self, self.draw_visible)  # once the layout has placed the cards
        if columns and columns != self.columns:
            # the charts' margins were fitted to the in-between sizes of the move; fit them
            # once more to the cards' final size
            QTimer.singleShot(0, self, self._render_again)

    def _render_again(self) -> None:
        for card in self.cards.values():
            if card.drawn is not None:
                chart_adapter.mark_stale(card.canvas)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self, self.draw_visible)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "cards"):
            self.redraw()  # light or dark theme, as the palette now is
        elif event.type() == QEvent.Type.ActivationChange and self.isActiveWindow() \
                and self.stale:
            self.refresh()
