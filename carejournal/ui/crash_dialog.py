"""When something unexpected goes wrong in the window: log it, keep the typing, say so calmly.

`install()` (app.main) makes the handler of exceptions nothing else caught, in the window's
thread (sys.excepthook: PySide6 calls it for a slot's exception and carries on) and in
others (threading.excepthook). Each is logged (type and frames, never the message: see
carejournal/logs.py), unsaved typing is written as a crash draft at once, and a dialog that
does not block says what was kept and where the log is. The window keeps running.
"""

from __future__ import annotations

import enum
import logging
import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from carejournal import logs
from carejournal.ui.editor.autosave import SaveState
from carejournal.ui.main_window import MainWindow

_log = logging.getLogger(__name__)


class Kept(enum.Enum):
    """What became of the worker's writing."""

    SAVED = "saved"  # nothing was waiting to be saved
    DRAFT = "draft"  # the unsaved typing was just written as a crash draft
    EDITOR = "editor"  # no draft could be written: the typing is only in the editor
    NO_JOURNAL = "no journal"  # no journal window was open
    CLOSING = "closing"  # the window could not go on (app.main)


def keep_typing(window: MainWindow | None) -> Kept:
    """Write the window's unsaved typing as a crash draft now; say what was kept."""
    if window is None:
        return Kept.NO_JOURNAL
    if window.autosaver.state is SaveState.SAVED:
        return Kept.SAVED
    keeper = getattr(window, "draft_keeper", None)
    try:
        written = keeper is not None and keeper.write()
    except Exception:  # the keeper itself may be what failed
        _log.warning("the crash draft could not be written", exc_info=True)
        written = False
    return Kept.DRAFT if written else Kept.EDITOR


def main_window() -> MainWindow | None:
    """The journal window on the screen, if there is one."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.isVisible():
            return widget
    return None


class CrashDialog(QDialog):
    """Says that something went wrong, what was kept, and where the log is."""

    def __init__(self, kept: Kept, log: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.log = log
        self.setWindowTitle(self.tr("Something went wrong"))
        heading = QLabel(self.tr("Something unexpected went wrong inside CareJournal. "
                                 "It was not caused by anything you did."), wordWrap=True)
        heading.setStyleSheet("font-weight: bold;")
        self.kept = QLabel(self._kept(kept), wordWrap=True)
        self.next = QLabel(self._next(kept), wordWrap=True)
        self.where = QLabel(self._where(log), wordWrap=True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._build_buttons(kept)
        layout = QVBoxLayout(self)
        for widget in (heading, self.kept, self.next, self.where, self.buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(520)

    def _build_buttons(self, kept: Kept) -> None:
        self.buttons = QDialogButtonBox()
        self.folder_button = QPushButton(self.tr("Open the log &folder"))
        self.folder_button.setAccessibleName(self.tr("Open the folder that holds the log file"))
        self.folder_button.setVisible(self.log is not None)
        self.folder_button.clicked.connect(self.open_folder)
        self.close_button = QPushButton(self.tr("&Close") if kept is Kept.CLOSING
                                        else self.tr("&Keep working"))
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        self.buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)

    def _kept(self, kept: Kept) -> str:
        return {
            Kept.SAVED: self.tr("Everything you wrote is saved in the journal."),
            Kept.DRAFT: self.tr(
                "What you were typing was not saved yet, so it has just been kept as a "
                "draft inside the journal. If CareJournal closes before it is saved, the "
                "draft is offered back the next time you open this journal."),
            Kept.EDITOR: self.tr(
                "What you were typing is not saved yet, and it could not be kept as a draft "
                "just now. It is still in the editor: copy it somewhere safe before you "
                "close CareJournal."),
            Kept.NO_JOURNAL: self.tr("No journal was open, so nothing you wrote was at risk."),
            Kept.CLOSING: self.tr(
                "Everything saved before this is in the journal. Typing that was not saved "
                "yet is kept as a draft within about a second, and CareJournal offers it "
                "back the next time you open the journal."),
        }[kept]

    def _next(self, kept: Kept) -> str:
        if kept is Kept.CLOSING:
            return self.tr("CareJournal has to close. Open it again to carry on.")
        return self.tr("You can keep working. If something in the window looks wrong, "
                       "close CareJournal and open it again.")

    def _where(self, log: Path | None) -> str:
        if log is None:
            return self.tr("What happened could not be recorded, because the log file "
                           "could not be written.")
        return self.tr("What happened is recorded in the log file {file}, without anything "
                       "you wrote and without anyone's name.").format(file=log)

    def open_folder(self) -> None:
        """Show the folder that holds the log in the system's file manager."""
        if self.log is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log.parent)))


class CrashHandler(QObject):
    """Catches what nothing else caught: logs it, keeps the typing, shows the dialog."""

    _from_thread = Signal()  # an exception in another thread: answered in this one

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog: CrashDialog | None = None
        self._previous = sys.excepthook, threading.excepthook
        self._from_thread.connect(self.show_what_was_kept, Qt.ConnectionType.QueuedConnection)

    def install(self) -> CrashHandler:
        """Become sys.excepthook and threading.excepthook."""
        sys.excepthook, threading.excepthook = self.excepthook, self.thread_excepthook
        return self

    def uninstall(self) -> None:
        """Give the hooks back as they were (if nobody replaced them since)."""
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._previous[0]
        if threading.excepthook == self.thread_excepthook:
            threading.excepthook = self._previous[1]

    def excepthook(self, kind: type[BaseException], value: BaseException,
                   trace: TracebackType | None) -> None:
        """An exception nothing caught, in any thread PySide6 reports through here."""
        if not issubclass(kind, Exception):  # Ctrl-C in the terminal, SystemExit
            self._previous[0](kind, value, trace)
            return
        try:
            record(value)
            if QThread.currentThread() == self.thread():
                self.show_what_was_kept()
            else:
                self._from_thread.emit()
        except Exception:  # never fail silently inside the hook itself
            sys.__excepthook__(kind, value, trace)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        """An exception that ended a Python thread."""
        if args.exc_value is None or not isinstance(args.exc_value, Exception):
            self._previous[1](args)
            return
        record(args.exc_value)
        self._from_thread.emit()

    def show_what_was_kept(self) -> None:
        """Keep the typing now, then say so (one dialog at a time; it does not block)."""
        window = main_window()
        kept = keep_typing(window)
        if self.dialog is not None and isValid(self.dialog) and self.dialog.isVisible():
            return
        self.dialog = CrashDialog(kept, logs.current_file(), window)
        self.dialog.show()

    def fatal(self, error: Exception) -> None:
        """The window cannot go on (app.main caught it): log it, say so, wait to be closed."""
        record(error)
        CrashDialog(Kept.CLOSING, logs.current_file()).exec()


def record(error: BaseException) -> None:
    """Log the exception (type and frames) and say where on stderr, in one line."""
    _log.error("unexpected error in the window", exc_info=error)
    log = logs.current_file()
    where = f"the details are in {log}" if log else "the log file could not be written"
    sys.stderr.write(f"carejournal: an unexpected error ({type(error).__name__}); {where}\n")


def install() -> CrashHandler:
    """Set up the log and the handler of unexpected errors (app.main, once)."""
    logs.set_up()
    return CrashHandler(QApplication.instance()).install()
