"""Joins supervision to the main window: the prompt (banner and timeline line), the sessions
dialog, the preparation, and "since the last supervision" in the filters and charts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from carejournal.core.changes import Changes
from carejournal.services.journal import Journal
from carejournal.ui.shared.problems import PROBLEMS
from carejournal.ui.supervision.banner import SupervisionBanner, prompt_text

if TYPE_CHECKING:
    from carejournal.ui.main_window import MainWindow
    from carejournal.ui.supervision.sessions_dialog import SessionsDialog

DAY_CHECK_MS = 60_000  # like the shift reminder: a new day is noticed within a minute
Opener = Callable[[QWidget, Journal, dt.date], Any]


def open_preparation(parent: QWidget, journal: Journal, today: dt.date) -> Any:
    """Open the preparation wizard (imported only when first wanted)."""
    from carejournal.ui.supervision.wizard import open_prepare_wizard

    return open_prepare_wizard(parent, journal, today)


class SupervisionController(QObject):
    """Keeps the supervision prompt and the 'since the last supervision' choices up to date."""

    def __init__(self, window: MainWindow,
                 clock: Callable[[], dt.datetime] = dt.datetime.now,
                 opener: Opener = open_preparation) -> None:
        super().__init__(window)
        self.window = window
        self.clock = clock
        self.opener = opener
        self.day = clock().date()
        self.hidden_on: dt.date | None = None  # the banner was put away for this day
        self.dialog: SessionsDialog | None = None
        self.wizard: Any = None
        self.banner = SupervisionBanner()
        window.notices.addWidget(self.banner)
        self.line = window.timeline.supervision
        self.banner.prepare_requested.connect(self.prepare)
        self.banner.dismissed.connect(self._banner_dismissed)
        self.line.prepare_requested.connect(self.prepare)
        actions = window.actions_
        actions.prepare_supervision.triggered.connect(self.prepare)
        actions.supervision_sessions.triggered.connect(self.show_sessions)
        window.changes.changed.connect(self._changed)  # settings, sessions, the preparation
        self.timer = QTimer(self, interval=DAY_CHECK_MS)
        self.timer.timeout.connect(self.check_day)
        self.timer.start()
        window.start_up.run(self.refresh)  # the window paints first

    def today(self) -> dt.date:
        """Today, by the window's clock."""
        return self.clock().date()

    # -- the prompt -----------------------------------------------------------------
    def refresh(self) -> None:
        """Ask the journal again: the prompt, and the day of the last supervision."""
        today = self.today()
        try:
            prompt = self.window.journal.supervision.prompt(today)
            last = self.window.journal.supervision.last_session(today)
        except PROBLEMS as exc:
            self.window.statusBar().showMessage(str(exc), 8000)
            return
        text = prompt_text(prompt[0].held_on, today) if prompt is not None else ""
        banner = text if self.hidden_on != today else ""
        self.banner.show_text(banner)
        self.line.show_text(text)
        self.line.setVisible(bool(text) and not banner)  # the prompt shows once, not twice
        last_day = last.held_on if last is not None else None
        self.window.timeline.filters.set_last_supervision(last_day)
        view = self.window.patterns.view
        if view is not None:
            view.set_last_supervision(last_day)

    def _changed(self, changes: Changes) -> None:
        """A write that concerns supervision: the prompt, and the sessions list if it is
        open and holds no edits of its own."""
        if changes.supervision or changes.preparation or changes.settings:
            self.refresh()
        if changes.preparation and self.dialog is not None and not self.dialog.dirty:
            self.dialog.reload()

    def check_day(self) -> None:
        """On a new day, say (or stop saying) that supervision is near."""
        today = self.today()
        if today != self.day:
            self.day = today
            self.refresh()

    def _banner_dismissed(self) -> None:
        """'Not now': the quiet line above the timeline takes the banner's place."""
        self.hidden_on = self.today()
        self.line.setVisible(bool(self.line.label.text()))

    # -- sessions and preparation --------------------------------------------------------
    def show_sessions(self) -> None:
        """Open (or bring forward) the list of supervision sessions."""
        if self.dialog is None:
            from carejournal.ui.supervision.sessions_dialog import SessionsDialog  # on first use

            try:
                self.dialog = SessionsDialog(self.window.journal.supervision, self.today(),
                                             self.window)
            except PROBLEMS as exc:
                self.window.statusBar().showMessage(str(exc), 8000)
                return
            self.dialog.changed.connect(
                lambda: self.window.changes.report(Changes(supervision=True)))
            self.dialog.finished.connect(self._sessions_closed)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()

    def _sessions_closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def prepare(self) -> None:
        """Open the no us and them check for the next session (the wizard asks for its date
        when none is planned)."""
        window = self.window
        if not window.autosaver.flush():  # the check may reword the entry open now
            return
        if self.dialog is not None and not self.dialog.keep_edits():
            self.dialog.raise_()
            return
        previous = self.wizard
        try:
            self.wizard = self.opener(window, window.journal, self.today())
        except ImportError:
            window.statusBar().showMessage(self.tr(
                "The preparation cannot be opened in this version."), 8000)
            return
        except PROBLEMS as exc:
            window.statusBar().showMessage(str(exc), 8000)
            return
        finished = getattr(self.wizard, "finished", None)
        if finished is not None and self.wizard is not previous:
            finished.connect(self._prepared)
        window.changes.report(Changes(supervision=True))  # it may have planned the next session

    def _prepared(self) -> None:
        """The wizard closed: entries may have been reworded and sessions planned (the open
        entry shows any rewording, the list is read again keeping it)."""
        window = self.window
        window.changes.report(Changes(preparation=True, listing=True,
                                      shown=window.editor.entry_id))
