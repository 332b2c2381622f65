"""The journal's full check, run off the window's thread once the window is on screen.

Until it passes, the journal holds every save (WritesHeld: the window shows "Not saved" and
keeps the typing); when it passes, saves go ahead and whatever was typed meanwhile is saved.
When it finds damage, saves stay held, a calm banner says so, and the damaged-journal dialog
offers the way back: the newest good backup, or exporting what can still be read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from carejournal.ui.editor.autosave import SaveState
from carejournal.ui.shared import background
from carejournal.ui.shared.colours import problem_banner_style
from carejournal.ui.shared.problems import PROBLEMS

if TYPE_CHECKING:
    from carejournal.services.journal import Journal
    from carejournal.ui.backups.damaged_dialog import DamagedDialog
    from carejournal.ui.main_window import MainWindow

RETRY_MS = 5000  # the check could not run (another program held the journal busy): retry
Runner = Callable[..., Any]


class _Relay(QObject):
    finished = Signal(object)  # the problems found, None if stopped, or an exception


class JournalCheck(QObject):
    """Runs the window's journal's full check and acts on the answer."""

    passed = Signal()
    failed = Signal(object)  # the problems found

    def __init__(self, window: MainWindow, runner: Runner = background.start) -> None:
        super().__init__(window)
        self.window = window
        self.journal = window.journal
        self.runner = runner
        self.problems: list[str] | None = None
        self.dialog: DamagedDialog | None = None
        self.banner: DamageBanner | None = None
        self.relay = _Relay(self)
        self.relay.finished.connect(self._finished)
        if self.journal.check_due:
            self.start()

    def start(self) -> None:
        self.runner(_run, self.journal, self.relay, name="journal-check")

    def _finished(self, outcome: object) -> None:
        if outcome is None or self.journal.closed:
            return  # stopped because the journal was closed
        if isinstance(outcome, BaseException):  # saves stay held meanwhile
            QTimer.singleShot(RETRY_MS, self, self.start)
            return
        problems = list(outcome)  # type: ignore[call-overload]
        try:
            self.journal.check_done(problems)  # on passing, saves go ahead before this
        except PROBLEMS as exc:  # ...brings the built-in little things up to date
            self.window.report(exc)
        self.problems = problems
        if problems:
            self._damaged(problems)
            self.failed.emit(problems)
            return
        if self.window.autosaver.state is not SaveState.SAVED:  # typed while it ran
            self.window.autosaver.flush()
        self.window.reload_catalogue()  # the built-in little things, brought up to date
        self.passed.emit()

    def _damaged(self, problems: list[str]) -> None:
        self.banner = DamageBanner(self.journal.path.name)
        self.banner.ways_back.clicked.connect(self.show_dialog)
        self.window.notices.addWidget(self.banner)
        self.show_dialog()

    def show_dialog(self) -> None:
        """The damaged-journal dialog, over the window (not blocking it)."""
        from carejournal.ui.backups.damaged_dialog import DamagedDialog

        if self.dialog is None:
            self.dialog = DamagedDialog(self.journal.path, self.problems or [],
                                        key=self.journal.key, parent=self.window)
            self.dialog.finished.connect(self._chosen)
        self.dialog.open()
        self.dialog.raise_()

    def _chosen(self, _result: int) -> None:
        from carejournal.ui.backups.damaged_dialog import DamagedChoice

        dialog = self.dialog
        if dialog is None or dialog.choice is not DamagedChoice.RESTORE or dialog.backup is None:
            return
        from carejournal.ui.backups.controller import restore_backup

        backup = dialog.backup.path
        self.window.after_close = lambda session: restore_backup(session, backup)
        self.window.close()  # app.main restores it once the journal is closed, then reopens


class DamageBanner(QWidget):
    """Above the journal while saves are held because the file is damaged."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("damageBanner")
        self.text = QLabel(self.tr(
            "CareJournal found damage in {name} and has stopped saving to it, so the file "
            "is not made worse. What you type now stays in this window, not in the journal: "
            "see the ways back before you close it.").format(name=name), wordWrap=True)
        self.text.setStyleSheet(problem_banner_style(self))
        self.text.setAccessibleName(self.tr("The journal is damaged"))
        self.ways_back = QPushButton(self.tr("&Ways Back…"))
        self.ways_back.setAccessibleName(self.tr("Show the ways back from the damage"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.ways_back)


def _run(journal: Journal, relay: _Relay) -> None:
    """The check, in a background thread; its answer goes back to the window's thread."""
    try:
        outcome: object = journal.run_check()
    except Exception as exc:  # told to the worker, and saves stay held
        outcome = exc
    try:
        relay.finished.emit(outcome)
    except RuntimeError:
        pass  # the window was closed meanwhile


def install(window: MainWindow) -> JournalCheck:
    """Start the check for the window's journal if it is due (saves wait for it)."""
    return JournalCheck(window)
