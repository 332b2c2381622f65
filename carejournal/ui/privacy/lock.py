"""Locking the journal (Ctrl+L, or after the chosen idle time): everything is hidden, the
journal is closed and its key forgotten until the passphrase is typed again.

Locking saves what is being typed, closes every other window of the app and then the main
window itself; the composition root closes the journal (disposing the engine) and runs the
unlock step below, which asks for the passphrase and opens the journal again on the same
entry. An unencrypted journal locks the screen the same way, with a plain "Unlock" button.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget

from carejournal.services import encryption
from carejournal.ui.after_close import Session
from carejournal.ui.privacy.idle_lock import IdleLock

if TYPE_CHECKING:
    from carejournal.ui.main_window import MainWindow


class LockController(QObject):
    """The Lock action and the idle timer of one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.idle = IdleLock(self, minutes=window.journal.settings.lock_minutes())
        self.idle.lock_requested.connect(self.lock)
        window.actions_.lock.triggered.connect(self.lock)
        self.locked = False

    def minutes_changed(self) -> None:
        """Follow a new "lock after" setting."""
        self.idle.set_minutes(self.window.journal.settings.lock_minutes())

    def lock(self) -> None:
        """Save the typing, close every window, and leave unlocking to the app."""
        window = self.window
        if self.locked or not window.autosaver.flush():
            return  # unsaved typing that cannot be saved: the worker is told, nothing hidden
        self.locked = True
        self.idle.stop()
        entry_id = window.editor.entry_id
        window.after_close = lambda session: unlock_again(session, entry_id)
        for widget in QApplication.topLevelWidgets():
            if widget is not window and isinstance(widget, QWidget) and widget.isVisible():
                widget.close()  # dialogs and side windows show journal content too
        window.close()


def unlock_again(session: Session, entry_id: int | None) -> bool:
    """The step run while locked: ask to unlock; True reopens the journal, False quits."""
    from carejournal.ui.privacy.unlock import ask_to_unlock

    session.key = None  # the key is forgotten while locked
    path = session.path
    check = (lambda secret: encryption.unlock(path, secret)) \
        if encryption.needs_unlock(path) else None
    if check is not None and not encryption.is_encrypted(path):  # the key file went missing
        accepted, key = ask_to_unlock(path.name, check, key_file_lost=True)
    else:
        accepted, key = ask_to_unlock(path.name, check)
    if not accepted:
        return False
    session.key = key
    session.reopen_entry = entry_id
    return True
