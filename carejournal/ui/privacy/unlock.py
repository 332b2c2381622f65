"""Shown while CareJournal is locked: the passphrase (or recovery key) opens the journal again.

The passphrase is checked off the window's thread (Argon2id takes about 0.4 s). Escape does
not close the dialog, so the lock cannot be slipped past; Quit (or closing the window) ends
with Rejected, and the caller then quits CareJournal.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.errors import JournalError
from carejournal.services.encryption import TooSoon, WrongPassphrase
from carejournal.ui.shared import background
from carejournal.ui.shared.colours import calm_style, problem_banner_style, prompt_banner_style

Unlock = Callable[[str], bytes]
CALM, PROBLEM, QUIET = "calm", "problem", "quiet"


class UnlockDialog(QDialog):
    """'CareJournal is locked': a passphrase field for an encrypted journal, else a button."""

    def __init__(self, journal_name: str, unlock: Unlock | None,
                 parent: QWidget | None = None, key_file_lost: bool = False,
                 reason: str | None = None) -> None:
        super().__init__(parent)
        self.unlock = unlock
        self.key: bytes | None = None
        self.checking = False
        self._quitting = False
        self.setWindowTitle(self.tr("CareJournal — Locked"))
        self.heading = QLabel(self.tr("CareJournal is locked"))
        self.heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.heading.setAccessibleName(self.heading.text())
        self.which = QLabel(self.tr("Journal: {name}").format(name=journal_name),
                            wordWrap=True)
        self.which.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.field: QLineEdit | None = None
        self.lost_note: QLabel | None = None
        self.reason_note: QLabel | None = None
        self.message = QLabel(wordWrap=True)
        self.message.setAccessibleName(self.tr("Unlock message"))
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.which)
        layout.addSpacing(4)
        if reason:
            self.heading.setText(self.tr("Enter your passphrase to continue"))
            self.heading.setAccessibleName(self.heading.text())
            self.reason_note = QLabel(reason, wordWrap=True)
            self.reason_note.setObjectName("reasonNote")
            self.reason_note.setStyleSheet(prompt_banner_style(self))
            layout.addWidget(self.reason_note)
        if unlock is None:
            layout.addWidget(self._no_passphrase_note())
        else:
            self._add_field(layout, key_file_lost)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self._buttons())
        self.resize(480, self.sizeHint().height())

    def _add_field(self, layout: QVBoxLayout, key_file_lost: bool) -> None:
        self.field = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.field.setAccessibleName(self.tr("Passphrase or recovery key"))
        self.field.textEdited.connect(lambda _text: self._clear_message())
        if key_file_lost:
            self.lost_note = QLabel(self.tr(
                "The key file beside this journal is missing, so your passphrase cannot open "
                "it. Type your recovery key instead. Afterwards, choose File › Privacy › "
                "Change Passphrase (with the recovery key as the current passphrase) to make "
                "a new key file."), wordWrap=True)
            self.lost_note.setObjectName("lostKeyNote")
            self.lost_note.setStyleSheet(prompt_banner_style(self))
            layout.addWidget(self.lost_note)
        label = QLabel(self.tr("&Recovery key") if key_file_lost
                       else self.tr("&Passphrase or recovery key"))
        label.setBuddy(self.field)
        layout.addWidget(label)
        layout.addWidget(self.field)
        self.field.setFocus()

    def _no_passphrase_note(self) -> QFrame:
        note = QFrame()
        note.setObjectName("unlockNote")
        note.setStyleSheet(calm_style(self, "unlockNote"))
        text = QLabel(self.tr(
            "This journal has no passphrase, so anyone at this computer can unlock it. To "
            "protect it, choose File › Privacy › Protect with a Passphrase."), wordWrap=True)
        inner = QVBoxLayout(note)
        inner.setContentsMargins(10, 8, 10, 8)
        inner.addWidget(text)
        self.note = text
        return note

    def _buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox()
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setAccessibleName(self.tr("Unlock CareJournal"))
        self.unlock_button.setDefault(True)
        self.unlock_button.setAutoDefault(True)
        self.quit_button = QPushButton(self.tr("&Quit CareJournal"))
        self.quit_button.setAccessibleName(self.tr("Quit CareJournal"))
        self.quit_button.setAutoDefault(False)
        box.addButton(self.unlock_button, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.quit_button.clicked.connect(self.quit)
        return box

    # -- unlocking -------------------------------------------------------------
    def try_unlock(self) -> None:
        """Check the passphrase in the background (or simply unlock a journal without one)."""
        if self.checking:
            return
        if self.unlock is None or self.field is None:
            self.accept()
            return
        secret = self.field.text()
        if not secret.strip():
            self._say(self.tr("Type your passphrase or recovery key, then choose Unlock."))
            self.field.setFocus()
            return
        self.field.clear()  # the typed text is not kept in the field once used
        self._set_checking(True)
        background.run(self.unlock, secret, done=self._checked, owner=self,
                       name="unlock-journal")  # the key, or the problem, comes back

    def _checked(self, outcome: object) -> None:
        self._set_checking(False)
        if isinstance(outcome, bytes):
            self.key = outcome
            self.accept()
            return
        if isinstance(outcome, TooSoon):
            self._say(self.tr("Too many wrong tries. Please wait {seconds} seconds, then try "
                              "again.").format(seconds=outcome.seconds))
        elif isinstance(outcome, WrongPassphrase) and outcome.wait:
            self._say(self.tr("That passphrase does not open this journal. Check Caps Lock; "
                              "you can try again in {seconds} seconds.").format(
                seconds=int(outcome.wait)))
        elif isinstance(outcome, WrongPassphrase):
            self._say(self.tr("That passphrase does not open this journal. Check Caps Lock "
                              "and try again."))
        elif isinstance(outcome, JournalError):
            self._say(str(outcome), PROBLEM)
        else:
            self._say(self.tr("The passphrase could not be checked: {problem}").format(
                problem=outcome), PROBLEM)
        if self.field is not None:
            self.field.clear()
            self.field.setFocus()

    def _set_checking(self, on: bool) -> None:
        self.checking = on
        self.unlock_button.setEnabled(not on)
        if self.field is not None:
            self.field.setEnabled(not on)
        if on:
            self._say(self.tr("Checking…"), QUIET)

    def _say(self, text: str, tone: str = CALM) -> None:
        """Show a message under the field: calm, a problem, or a quiet 'Checking…'."""
        styles = {CALM: prompt_banner_style, PROBLEM: problem_banner_style}
        self.message.setStyleSheet(styles[tone](self) if tone in styles
                                   else "QLabel { padding: 8px; }")
        self.message.setText(text)
        self.message.show()
        self.fit()
        if self.field is not None:
            self.field.setAccessibleDescription("" if tone == QUIET else text)

    def fit(self) -> None:
        """Grow (never shrink) to show the whole message at the current width."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = max(layout.totalHeightForWidth(self.width()), self.sizeHint().height())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _clear_message(self) -> None:
        if not self.checking:
            self.message.hide()
            if self.field is not None:
                self.field.setAccessibleDescription("")

    # -- not slipping past the lock -----------------------------------------
    def quit(self) -> None:
        """Leave locked: the caller quits CareJournal."""
        self._quitting = True
        if self.field is not None:
            self.field.clear()
        self.done(QDialog.DialogCode.Rejected)

    def reject(self) -> None:
        """Escape does nothing here; only Quit leaves without unlocking."""
        if self._quitting:
            super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt's name
        """Ignore Escape (the lock stays); everything else as usual."""
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt's name
        """Closing the window is the same as Quit: it never unlocks."""
        if self.isVisible() and not self._quitting:
            self.quit()
        event.accept()


def ask_to_unlock(journal_name: str, unlock: Unlock | None,
                  parent: QWidget | None = None, key_file_lost: bool = False,
                  reason: str | None = None) -> tuple[bool, bytes | None]:
    """Show the lock until it is unlocked (True, key) or the worker quits (False, None).

    key_file_lost: the key file is missing, so only the recovery key can unlock it.
    reason: why the passphrase is asked for, when it is not simply to unlock (an encrypt
    or decrypt that was interrupted and is finished with it).
    """
    dialog = UnlockDialog(journal_name, unlock, parent, key_file_lost, reason)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return accepted, dialog.key if accepted else None
    finally:
        dialog.key = None
        dialog.deleteLater()
