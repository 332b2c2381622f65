"""Composition root: makes the Qt application, opens the journal, shows the window."""

from __future__ import annotations

import gc
import signal
import sys
from contextlib import suppress
from functools import partial
from pathlib import Path

# isort: off
# The services before Qt: PySide6 puts its own function in front of every import made after
# it (builtins.__import__, for its __feature__ switches), which made loading these ~40 ms
# slower at start-up. The templates and catalogues are read when the journal opens.
import carejournal.core.catalogues
import carejournal.services.encryption
import carejournal.services.journal
import carejournal.core.templates  # noqa: F401
# isort: on

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from carejournal import APP_ID, APP_NAME, hardening
from carejournal.core.errors import JournalDamaged, JournalError, ResourceError
from carejournal.core.paths import journal_path
from carejournal.core.resources import resource_path
from carejournal.services import encryption
from carejournal.services.journal import Journal
from carejournal.ui import crash_dialog, test_hook
from carejournal.ui.after_close import Session
from carejournal.ui.main_window import MainWindow
from carejournal.ui.shared import safe_input
from carejournal.ui.single_instance import SingleInstance

NOTICE_MS = 20_000  # how long the window says what was done while it was closed
RAISE_PATIENCE_MS = 3_000  # how long a second start waits for the first window to listen
# How long a Python thread may hold the interpreter before another that asks gets it. Just
# after the first paint the lens and the spelling dictionary are built in threads (pure
# Python, a second or two each), and PySide lets go of the interpreter around its calls:
# at Python's 5 ms the window waited that long for it back, again and again, and stood
# still for about 1.5 s. At 0.5 ms it is about 1.0 s (the editor's own building is the rest).
# Idle, the window holds nothing, so work in threads loses next to nothing.
SWITCH_INTERVAL_S = 0.0005


translate = QCoreApplication.translate  # translate("Context", "text"), as lupdate reads it


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, named so QSettings and the data folder agree."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    sys.setswitchinterval(SWITCH_INTERVAL_S)  # the window gets the interpreter back quickly
    # No display name: on X11, Wayland and Windows Qt adds " — <display name>" to every
    # window title, and the main window's title begins with the name already.
    app.setWindowIcon(QIcon(str(resource_path("icons", "carejournal.svg"))))
    # The launcher's desktop id (`carejournal desktop install`): Wayland's app id, so the
    # desktop shows the window under the launcher's name and icon.
    app.setDesktopFileName(APP_ID)
    safe_input.install(app)  # the wheel and Tab, the same in every window and dialog
    from carejournal.ui.settings import appearance, language

    language.install(QSettings())  # the system's language or the one chosen, before any window

    chosen = appearance.load(QSettings())
    if chosen != appearance.Appearance():  # the theme and text size chosen, if not the system's
        appearance.apply(app, chosen)
    return app


def open_window(session: Session, settings: QSettings, create: bool
                ) -> MainWindow | JournalDamaged | str:
    """Open the journal and build its window, or say why not."""
    try:
        journal = Journal.open(session.path, key=session.key, create=create, check_later=True)
    except JournalDamaged as exc:
        return exc
    except (JournalError, ResourceError, OSError) as exc:
        return str(exc)
    return MainWindow(journal, settings, defer_start_up=True)  # paint first, then the rest


class Raised:
    """Another window has the journal open and came to the front: this start ends quietly."""


def claim(path: Path, patience_ms: int = RAISE_PATIENCE_MS) -> SingleInstance | Raised | str:
    """Take the journal's single-window lock, or bring forward the window that has it, or
    say why neither (the other window did not answer within patience_ms)."""
    instance = SingleInstance(path)
    if not path.parent.is_dir():
        return translate(
            "CareJournal", "The folder {folder} does not exist.").format(folder=path.parent)
    if not instance.acquire():
        if instance.read_only_folder():
            return instance  # the window opens it read-only and says so
        if instance.ask_first_to_raise(patience_ms):
            return Raised()
        return translate(
            "CareJournal", "This journal is already open in another CareJournal window, "
            "which did not answer (it may be waiting for its passphrase). Only one window "
            "can write to a journal at a time.")
    return instance


def close_on_interrupt(app: QApplication) -> QTimer:
    """Ctrl-C in the terminal that started the window closes it as the worker would.

    The window saves the typing (or asks, as it does at any close), the journal is closed
    and backed up, and the app ends with status 0, instead of a traceback. Qt's event loop
    does not let Python run signal handlers, so a timer wakes Python now and then.
    """
    def interrupted(_signal: int, _frame: object) -> None:
        sys.stderr.write("carejournal: closing the window (Ctrl-C).\n")
        QTimer.singleShot(0, lambda: _close_windows(app))

    signal.signal(signal.SIGINT, interrupted)
    waker = QTimer(app, interval=250)
    waker.timeout.connect(lambda: None)
    waker.start()
    return waker


def _close_windows(app: QApplication) -> None:
    """Close every window as the worker would; end the event loop once they all closed."""
    for widget in app.topLevelWidgets():
        if widget.isVisible() and not widget.close():
            return  # the worker chose to keep writing (say, the typing could not be saved)
    app.quit()


def main(journal: str | None = None) -> int:
    """Open the journal window; returns the exit status (no core dumps: hardening.py)."""
    hardening.harden()
    app = make_application()
    close_on_interrupt(app)
    crash = crash_dialog.install()  # the log, and a calm word on anything unexpected
    try:
        return _main(app, journal)
    except Exception as exc:  # the window cannot go on: say so, not on stderr
        crash.fatal(exc)
        return 2
    finally:
        crash.uninstall()


def gui_main(argv: list[str] | None = None) -> int:
    """`carejournal-gui [--journal PATH]`: the window, on the journal given or the usual one.

    Arguments it does not know are left for Qt (`-platform offscreen`, say).
    """
    import argparse

    parser = argparse.ArgumentParser(
        prog="carejournal-gui", description="Open the CareJournal window.")
    parser.add_argument("--journal", metavar="PATH",
                        help="the journal file to open (default: the one in your data folder)")
    args, _for_qt = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    return main(journal=args.journal)


def _main(app: QApplication, journal: str | None) -> int:
    try:
        path = journal_path(journal)
    except OSError as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 2
    from carejournal.ui.window_state import install

    placer = install(QSettings(), app)  # the dialogs before the window fit the screen too
    instance = claim(path)
    try:
        if isinstance(instance, Raised):
            return 0  # the window that has this journal came forward: nothing to say
        if isinstance(instance, str):
            QMessageBox.critical(None, translate(
                "CareJournal", "CareJournal cannot open this journal"), instance)
            return 2
        try:
            return run(app, Session(path), instance)
        finally:
            instance.release()
    finally:
        app.removeEventFilter(placer)  # no Python filter may outlive the app's last window


def run(app: QApplication, session: Session, instance: SingleInstance) -> int:
    """Open, show, and after each close run the window's step and open again if it says so."""
    new = not session.path.exists()
    if not finish_interrupted(session) or not unlock_at_start(session):
        return 0
    while True:
        opened = open_window(session, QSettings(), create=new)
        if isinstance(opened, JournalDamaged):
            if offer_a_way_back(session, opened):
                continue
            return 2
        if isinstance(opened, str):
            QMessageBox.critical(None, translate(
                "CareJournal", "CareJournal cannot open this journal"), opened)
            return 2
        window = opened
        window.show()
        if session.notice:  # what the step before did (say, the journal is now protected)
            window.statusBar().showMessage(session.notice, NOTICE_MS)
            session.notice = None
        # After the first paint, once the editor and the controllers are built:
        later = window.start_up.run
        later(partial(_listen, instance, window))
        if session.reopen_entry is not None:
            later(partial(_reopen, window, session.reopen_entry))
            session.reopen_entry = None
        later(partial(_offer_recovery, window))  # typing left by a crash
        test_hook.maybe_run(window)
        new = False
        try:
            code = app.exec()
        finally:
            close_journal(window)
            instance.stop_listening()
        step = window.after_close
        forget(window)
        del window, opened, later  # nothing here may keep the closed window (and journal)
        gc.collect()
        if step is None or not step(session):
            return code


def forget(window: MainWindow) -> None:
    """Delete the closed window now and drop what its Python parts held (the journal, its
    key, the editor's text).

    Python cannot wipe memory: dropping every reference is what can be done, so that while
    the journal is locked (or being restored, encrypted or decrypted) no object still holds
    the journal, its data key or an entry's text (tests/ui/privacy/test_lock_forgets.py).
    PySide may keep the wrapper of a deleted widget alive, so each part's attributes are
    cleared once its C++ object is gone (nothing can call it any more).
    """
    import shiboken6

    parts = [window, *window.findChildren(QObject)]
    if shiboken6.isValid(window):
        shiboken6.delete(window)  # now, not at the next event loop: take_down stopped it all
    QCoreApplication.sendPostedEvents()  # calls queued by finished work, holding what it had
    for part in parts:
        if not shiboken6.isValid(part):
            with suppress(TypeError):
                vars(part).clear()


def offer_a_way_back(session: Session, damaged: JournalDamaged) -> bool:
    """Explain the damage; True when a good backup was restored (so open it again)."""
    from carejournal.ui.backups.controller import restore_backup
    from carejournal.ui.backups.damaged_dialog import DamagedChoice, DamagedDialog

    dialog = DamagedDialog(session.path, damaged.problems, key=session.key)
    dialog.exec()
    if dialog.choice is not DamagedChoice.RESTORE or dialog.backup is None:
        return False
    return restore_backup(session, dialog.backup.path)


def finish_interrupted(session: Session) -> bool:
    """Finish an encrypt or decrypt that was cut short (False: it could not be; quit).

    Finishing needs the passphrase (or recovery key), asked for with a word on why; the
    key it gives is kept, so the journal opens without asking again.
    """
    path = session.path
    try:
        operation = encryption.interrupted_operation(path)
        if operation is None:
            return True
        if encryption.needs_secret_to_resume(path):
            done = _ask_to_finish(path, operation)
            if done is None:
                return False  # the worker chose to quit
        else:
            done = encryption.resume_interrupted(path)
    except (JournalError, OSError) as exc:
        QMessageBox.critical(None, translate(
            "CareJournal", "CareJournal cannot open this journal"), str(exc))
        return False
    if done is None:
        return True
    session.key = done.key
    if done.recovery_key:
        from carejournal.ui.privacy.passphrase import RecoveryKeyDialog

        RecoveryKeyDialog(path.name, done.recovery_key, replaced=done.new_recovery).exec()
    return True


def _ask_to_finish(path: Path, operation: str) -> encryption.Resumed | None:
    """Ask for the passphrase until it finishes the operation (None: the worker quit)."""
    from carejournal.ui.privacy.unlock import ask_to_unlock

    reason = (translate("CareJournal", "Encrypting this journal was interrupted. "
                        "Enter its passphrase to finish.")
              if operation == encryption.ENCRYPT else
              translate("CareJournal", "Removing this journal's passphrase was interrupted. "
                        "Enter its passphrase to finish."))
    finished: list[encryption.Resumed] = []

    def finish(secret: str) -> bytes:
        done = encryption.resume_interrupted(path, secret)
        if done is None:
            return b""  # (finished elsewhere meanwhile)
        finished.append(done)
        return done.key or b""  # a decrypt leaves no key: accepted all the same

    accepted, _key = ask_to_unlock(path.name, finish, reason=reason)
    if not accepted:
        return None
    return finished[-1] if finished else encryption.Resumed(operation, None)


def unlock_at_start(session: Session) -> bool:
    """Ask for an encrypted journal's passphrase (False: the worker chose to quit)."""
    if session.key is not None or not encryption.needs_unlock(session.path):
        return True  # (a lost key file: the recovery key, through its copy, still unlocks)
    from carejournal.ui.privacy.unlock import ask_to_unlock

    accepted, key = ask_to_unlock(
        session.path.name, lambda secret: encryption.unlock(session.path, secret),
        key_file_lost=not encryption.is_encrypted(session.path))
    session.key = key
    return accepted and key is not None


# The work done after the first paint, each bound to its window when it is asked for.
def _listen(instance: SingleInstance, window: MainWindow) -> None:
    """Bring this window forward when CareJournal is started again."""
    instance.listen(window.bring_to_front)


def _reopen(window: MainWindow, entry_id: int) -> None:
    """Show the entry that was open before the journal was closed and opened again."""
    window.show_entry(entry_id)


def _offer_recovery(window: MainWindow) -> None:
    """Offer back the typing a crash left behind (the draft keeper is built by now)."""
    window.draft_keeper.offer_recovery()


def close_journal(window: MainWindow) -> None:
    """Close the journal and make the day's automatic backup (a failure only warns)."""
    from carejournal.services.backups import DEFAULT_KEEP
    from carejournal.ui.teardown import take_down

    journal = window.journal
    try:
        keep = journal.backups.keep()
    except JournalError:
        keep = DEFAULT_KEEP
    service = journal.backup_service()
    take_down(window)  # its timers and workers first: nothing may reopen the file later
    journal.close()
    try:
        service.back_up_if_due(keep)
    except (JournalError, OSError) as exc:
        sys.stderr.write(f"carejournal: the automatic backup was not made: {exc}\n")
    service.key = None


if __name__ == "__main__":
    raise SystemExit(gui_main())
