"""File › Privacy: protect the journal with a passphrase, change it, or remove it.

Encrypting and decrypting rewrite the whole file, so they run while the journal is closed:
the controller sets `window.after_close` to a step and closes the window; the app runs the
step and opens the journal again (see carejournal/ui/after_close.py and carejournal/app.py).
Changing the passphrase also rotates the data key (the journal and its backups are re-keyed),
so it too runs after close: the dialog checks the current passphrase with the journal open,
then the window closes, ChangeStep re-keys, shows the new recovery key, and the app reopens.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QProgressDialog, QPushButton, QWidget

from carejournal.ui.after_close import Session
from carejournal.ui.privacy.sign import ProtectionSign
from carejournal.ui.shared import background

if TYPE_CHECKING:
    from carejournal.ui.main_window import MainWindow
    from carejournal.ui.privacy.passphrase import NewPassphraseDialog


translate = QCoreApplication.translate  # translate("Context", "text"), as lupdate reads it


@dataclass(frozen=True)
class EncryptionService:
    """The functions of carejournal.services.encryption the GUI uses (tests pass fakes)."""

    encrypt: Callable[[Path, str], Any]
    decrypt: Callable[[Path, bytes], Path]
    unlock: Callable[[Path, str], bytes]
    change_passphrase: Callable[[Path, bytes, str], Any]
    passphrase_problem: Callable[[str, Sequence[str]], str | None]
    is_encrypted: Callable[[Path], bool]
    wrong_passphrase: type[BaseException]
    personal_words: Callable[[Path], Sequence[str]] = lambda _path: ()
    available: Callable[[], bool] = lambda: True


def real_service() -> EncryptionService:
    """The real service, carejournal.services.encryption."""
    from carejournal.services import encryption as e

    return EncryptionService(e.encrypt, e.decrypt, e.unlock, e.change_passphrase,
                             e.passphrase_problem, e.is_encrypted, e.WrongPassphrase,
                             e.personal_words, e.available)


_T = TypeVar("_T")


def busy_notice(text: str, parent: QWidget | None = None) -> QProgressDialog:
    """A modal busy indicator with no Cancel, shown at once. It does not keep the app
    running: the window may close (and the app's loop end) while it shows."""
    progress = QProgressDialog(text, "", 0, 0, parent)
    progress.setCancelButton(None)
    progress.setWindowTitle(translate("CareJournal", "CareJournal"))
    progress.setAccessibleName(text)
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    progress.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
    progress.setMinimumDuration(0)
    progress.setMinimumWidth(420)
    progress.show()
    return progress


def run_busy(text: str, work: Callable[[], _T], parent: QWidget | None = None,
             progress: QProgressDialog | None = None) -> _T | Exception:
    """Run work off the window's thread behind a modal busy indicator (this one, or a new
    one); result or exception."""
    if progress is None:
        progress = busy_notice(text, parent)
    progress.setLabelText(text)
    loop = QEventLoop()
    box: list[_T | Exception] = []

    def done(outcome: _T | Exception) -> None:
        box.append(outcome)
        loop.quit()

    task = background.run(work, done=done, owner=None, name="journal-encryption")
    loop.exec()  # task is held (it has no owner) until its outcome is delivered
    task.deleteLater()
    progress.close()
    progress.deleteLater()
    return box[0]


class AnnouncedStep:
    """A step that says what is happening as soon as the window has closed for it, so the
    window never vanishes without a word (the notice stays until the step is done)."""

    doing = ""  # what the notice says
    notice: QProgressDialog | None = None

    def __call__(self, session: Session) -> bool:
        raise NotImplementedError

    def announce(self) -> None:
        """Show the notice now, while the journal is being closed."""
        self.notice = busy_notice(self.doing + "\n" + translate(
            "CareJournal", "Your journal opens again when this is done."))

    def busy(self, work: Callable[[], _T]) -> _T | Exception:
        """Run work behind the notice, then put the notice away."""
        try:
            return run_busy(self.doing, work, progress=self.notice)
        finally:
            notice, self.notice = self.notice, None
            if notice is not None:
                notice.close()
                notice.deleteLater()


class EncryptStep(AnnouncedStep):
    """After close: encrypt the journal, keep the new key, show the recovery key."""

    def __init__(self, service: EncryptionService, passphrase: str) -> None:
        self.service, self.passphrase = service, passphrase
        self.doing = translate("CareJournal", "Protecting your journal with your passphrase…")

    def __call__(self, session: Session) -> bool:
        path, passphrase, service = session.path, self.passphrase, self.service

        def work() -> tuple[bytes, str]:
            done = service.encrypt(path, passphrase)
            key = getattr(done, "key", None) or service.unlock(path, passphrase)
            return key, done.recovery_key

        outcome = self.busy(work)
        if isinstance(outcome, BaseException):
            cut_short = getattr(outcome, "cut_short", False)
            title = translate("CareJournal", "The journal is not protected yet")
            QMessageBox.warning(None, title, (
                translate("CareJournal", "{problem}\n\nYour journal opens without a passphrase "
                          "for now.") if cut_short else
                translate("CareJournal", "{problem}\n\nYour journal is as it was, and opens "
                          "without a passphrase.")).format(problem=outcome))
            session.notice = translate(
                "CareJournal", "Your journal is not protected yet: it is as it was.")
            return True
        session.key, recovery = outcome
        self.show_recovery_key(path.name, recovery)
        session.notice = translate(
            "CareJournal", "Your journal is now protected with your passphrase.")
        return True

    def show_recovery_key(self, journal_name: str, recovery: str) -> None:
        """Show the recovery key until the worker has kept it (tests replace this)."""
        from carejournal.ui.privacy.passphrase import RecoveryKeyDialog  # on first use

        RecoveryKeyDialog(journal_name, recovery).exec()


class ChangeStep(AnnouncedStep):
    """After close: change the passphrase, rotating the data key; show the new recovery key."""

    def __init__(self, service: EncryptionService, key: bytes, passphrase: str) -> None:
        self.service, self.key, self.passphrase = service, key, passphrase
        self.doing = translate(
            "CareJournal", "Changing your passphrase and re-encrypting your journal…")

    def __call__(self, session: Session) -> bool:
        path, key, new, service = session.path, self.key, self.passphrase, self.service
        outcome = self.busy(lambda: service.change_passphrase(path, key, new))
        if isinstance(outcome, BaseException):
            QMessageBox.warning(None, translate("CareJournal", "The passphrase was not changed"),
                                translate("CareJournal", "{problem}\n\nUnlock the journal again: "
                                          "if the change got part-way, your new passphrase "
                                          "finishes it; otherwise the old one still works."
                                          ).format(problem=outcome))
            from carejournal.ui.privacy.lock import unlock_again

            return unlock_again(session, None)
        session.key = getattr(outcome, "key", None) or key
        recovery = getattr(outcome, "recovery_key", None)
        if recovery:
            self.show_recovery_key(path.name, recovery)
        session.notice = translate(
            "CareJournal", "Your passphrase is changed; your journal is still protected.")
        return True

    def show_recovery_key(self, journal_name: str, recovery: str) -> None:
        """Show the new recovery key until the worker has kept it (tests replace this)."""
        from carejournal.ui.privacy.passphrase import RecoveryKeyDialog  # on first use

        RecoveryKeyDialog(journal_name, recovery, changed=True).exec()


class DecryptStep(AnnouncedStep):
    """After close: store the journal readable again; the session then has no key."""

    def __init__(self, service: EncryptionService) -> None:
        self.service = service
        self.doing = translate("CareJournal", "Removing the passphrase…")

    def __call__(self, session: Session) -> bool:
        key, path = session.key, session.path
        if key is None:
            return True
        outcome = self.busy(lambda: self.service.decrypt(path, key))
        if isinstance(outcome, BaseException):
            cut_short = getattr(outcome, "cut_short", False)
            QMessageBox.warning(None, translate("CareJournal", "The passphrase is still in place"),
                                str(outcome) if cut_short else translate(
                "CareJournal", "{problem}\n\nYour journal is as it was, protected by your "
                "passphrase.").format(problem=outcome))
            if cut_short and not self.service.is_encrypted(path):
                session.key = None  # the journal itself was stored plain before it stopped
            return True
        session.key = None
        session.notice = translate(
            "CareJournal", "The passphrase is removed: your journal is no longer protected.")
        return True


def _question(parent: QWidget | None, title: str, question: str, detail: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Question, title, question,
                      QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText(detail)
    box.setStyleSheet("QLabel#qt_msgbox_label { font-weight: bold; }"
                      "QLabel#qt_msgbox_informativelabel { min-width: 380px; }")
    return box


def decrypt_question(parent: QWidget | None) -> tuple[QMessageBox, QPushButton]:
    """The question before removing the passphrase, and its "Remove Passphrase" button."""
    box = _question(parent, translate("CareJournal", "Remove the Passphrase"),
                    translate("CareJournal", "Remove the passphrase?"), translate(
        "CareJournal", "Without a passphrase, your journal is stored so that anyone who can use "
        "this computer account, or who has the laptop's disk, can read it. Its backups are "
        "stored without the passphrase too.\n\nYou can protect it again at any time."))
    remove = box.addButton(translate(
        "CareJournal", "&Remove Passphrase"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    return box, remove


class EncryptionController(QObject):
    """Joins the Privacy actions to the passphrase dialogs and the encryption service."""

    def __init__(self, window: MainWindow, service: EncryptionService | None = None) -> None:
        super().__init__(window)
        self.window = window
        self._service = service
        self.dialog: NewPassphraseDialog | None = None
        a = window.actions_
        a.encrypt.triggered.connect(self.encrypt)
        a.change_passphrase.triggered.connect(self.change_passphrase)
        a.decrypt.triggered.connect(self.decrypt)
        window.welcome.protect.connect(self.encrypt)
        self.sign = ProtectionSign()
        window.statusBar().addPermanentWidget(self.sign)
        self.update_actions()

    @property
    def service(self) -> EncryptionService:
        """The injected service, or carejournal.services.encryption."""
        if self._service is None:
            self._service = real_service()
        return self._service

    def encrypted(self) -> bool:
        """Whether the open journal needs a passphrase."""
        known = getattr(self.window.journal, "encrypted", None)
        if isinstance(known, bool):
            return known
        try:
            return bool(self.service.is_encrypted(self.window.journal.path))
        except ImportError:
            return False

    def update_actions(self) -> None:
        """Protect only a plain journal; change or remove only an encrypted one's passphrase.

        The welcome page offers protection too, while the journal is plain and can be."""
        on = self.encrypted()
        self.sign.set_protected(on)
        a = self.window.actions_
        a.encrypt.setEnabled(not on)
        a.change_passphrase.setEnabled(on)
        a.decrypt.setEnabled(on)
        self.window.welcome.offer_protection(not on and self.service.available()
                                             and self.window.journal.writable)

    def problem_check(self) -> Callable[[str], str | None]:
        """Why a new passphrase will not do, judged with the words about this journal."""
        service = self.service
        words = tuple(service.personal_words(self.window.journal.path))
        return lambda passphrase: service.passphrase_problem(passphrase, words)

    # -- protect --------------------------------------------------------------
    def ask_new_passphrase(self) -> str | None:
        """Ask for the new passphrase (tests replace this)."""
        from carejournal.ui.privacy.passphrase import NewPassphraseDialog

        dialog = NewPassphraseDialog(self.problem_check(), parent=self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.passphrase()

    def encrypt(self) -> None:
        """Save the typing, ask for a passphrase, then close so the app can encrypt."""
        if self.encrypted() or not self.window.autosaver.flush():
            return
        passphrase = self.ask_new_passphrase()
        if passphrase:
            self._close_for(EncryptStep(self.service, passphrase))

    # -- remove ---------------------------------------------------------------
    def confirm_decrypt(self) -> bool:
        """Ask before storing the journal readable (tests replace this)."""
        box, remove = decrypt_question(self.window)
        box.exec()
        return box.clickedButton() is remove

    def decrypt(self) -> None:
        """After a clear yes, close so the app can store the journal without encryption."""
        if not self.encrypted() or not self.window.autosaver.flush():
            return
        if self.confirm_decrypt():
            self._close_for(DecryptStep(self.service))

    def _close_for(self, step: AnnouncedStep) -> None:
        self.window.after_close = step
        if not self.window.close():  # unsaved changes and the worker stayed
            self.window.after_close = None
            return
        step.announce()  # the window has gone: say what happens now

    # -- change ---------------------------------------------------------------
    def change_passphrase(self) -> None:
        """Ask for the current and the new passphrase; the journal stays open."""
        if not self.encrypted() or self.dialog is not None:
            return
        from carejournal.ui.privacy.passphrase import NewPassphraseDialog

        self.dialog = NewPassphraseDialog(self.problem_check(), ask_current=True, hold=True,
                                          parent=self.window)
        self.dialog.submitted.connect(self._submit_change)
        self.dialog.finished.connect(self._dialog_closed)
        self.dialog.open()

    def _submit_change(self) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        path, current, new = self.window.journal.path, dialog.current(), dialog.passphrase()
        service = self.service

        def work() -> bytes:
            return service.unlock(path, current)  # the change itself runs after close

        background.run(work, done=lambda outcome: self._checked(outcome, new), owner=self,
                       name="change-passphrase")

    def _checked(self, outcome: object, new: str) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        if isinstance(outcome, self.service.wrong_passphrase):
            dialog.show_wrong_current(str(outcome) if "seconds" in str(outcome) else "")
        elif isinstance(outcome, BaseException):
            dialog.show_failure(translate(
                "CareJournal", "The passphrase was not changed: {problem}").format(
                problem=outcome))
        elif isinstance(outcome, bytes):
            dialog.done_ok()
            if self.window.autosaver.flush():
                self._close_for(ChangeStep(self.service, outcome, new))

    def _dialog_closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
