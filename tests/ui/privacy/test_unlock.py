"""The unlock dialog: the right passphrase gives the key, a wrong one is told kindly, Escape
never slips past the lock, and a journal without a passphrase unlocks with one button.
The `unlock` callables are fakes; the check still runs in a background thread."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from carejournal.core.errors import JournalError
from carejournal.services.encryption import WrongPassphrase
from carejournal.ui.privacy.unlock import UnlockDialog, ask_to_unlock

KEY = bytes(range(32))


def fake_unlock(right: str = "a long passphrase", tried: list[str] | None = None
                ) -> Callable[[str], bytes]:
    """Returns the key for the right secret, else raises WrongPassphrase."""
    def unlock(secret: str) -> bytes:
        if tried is not None:
            tried.append(secret)
        if secret != right:
            raise WrongPassphrase("That passphrase does not open this journal.")
        return KEY
    return unlock


def make(qtbot, unlock: Callable[[str], bytes] | None) -> UnlockDialog:
    dialog = UnlockDialog("journal.sqlite", unlock)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def type_and_enter(qtbot, dialog: UnlockDialog, text: str) -> None:
    assert dialog.field is not None
    qtbot.keyClicks(dialog.field, text)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)


def test_the_right_passphrase_unlocks_with_the_key(qtbot) -> None:
    tried: list[str] = []
    dialog = make(qtbot, fake_unlock(tried=tried))
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        type_and_enter(qtbot, dialog, "a long passphrase")
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.key == KEY
    assert tried == ["a long passphrase"]
    assert dialog.field is not None and dialog.field.text() == ""


def test_a_wrong_passphrase_is_told_kindly_and_the_field_cleared(qtbot) -> None:
    dialog = make(qtbot, fake_unlock())
    type_and_enter(qtbot, dialog, "not it")
    qtbot.waitUntil(lambda: not dialog.checking and dialog.message.isVisible(), timeout=5000)
    assert dialog.message.text() == ("That passphrase does not open this journal. "
                                     "Check Caps Lock and try again.")
    assert dialog.isVisible() and dialog.key is None
    assert dialog.field is not None and dialog.field.text() == ""
    assert dialog.field.isEnabled() and dialog.unlock_button.isEnabled()
    assert dialog.focusWidget() is dialog.field
    assert dialog.field.accessibleDescription() == dialog.message.text()
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        type_and_enter(qtbot, dialog, "a long passphrase")
    assert dialog.key == KEY


def test_other_journal_problems_show_their_own_words(qtbot) -> None:
    def broken(_secret: str) -> bytes:
        raise JournalError("The key file beside this journal is damaged.")
    dialog = make(qtbot, broken)
    type_and_enter(qtbot, dialog, "anything")
    qtbot.waitUntil(lambda: not dialog.checking and dialog.message.isVisible(), timeout=5000)
    assert dialog.message.text() == "The key file beside this journal is damaged."
    assert dialog.isVisible() and dialog.key is None


def test_it_shows_checking_and_waits_while_the_check_runs(qtbot) -> None:
    release = threading.Event()

    def slow(secret: str) -> bytes:
        release.wait(5)
        return KEY
    dialog = make(qtbot, slow)
    type_and_enter(qtbot, dialog, "a long passphrase")
    assert dialog.checking and dialog.message.text() == "Checking…"
    assert not dialog.unlock_button.isEnabled()
    assert dialog.field is not None and not dialog.field.isEnabled()
    assert dialog.field.text() == "", "the typed text leaves the field once it is used"
    dialog.try_unlock()  # a second press meanwhile starts nothing
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        release.set()
    assert dialog.key == KEY


def test_an_empty_field_asks_for_the_passphrase(qtbot) -> None:
    tried: list[str] = []
    dialog = make(qtbot, fake_unlock(tried=tried))
    type_and_enter(qtbot, dialog, "   ")
    assert not dialog.checking and tried == []
    assert "Type your passphrase" in dialog.message.text() and dialog.isVisible()


def test_escape_and_reject_do_not_get_past_the_lock(qtbot) -> None:
    dialog = make(qtbot, fake_unlock())
    assert dialog.field is not None
    qtbot.keyClick(dialog.field, Qt.Key.Key_Escape)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.reject()
    assert dialog.isVisible() and dialog.key is None


def test_quit_and_closing_the_window_end_rejected(qtbot) -> None:
    dialog = make(qtbot, fake_unlock())
    assert dialog.field is not None
    qtbot.keyClicks(dialog.field, "half typed")
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        dialog.quit_button.click()
    assert not dialog.isVisible() and dialog.field.text() == "" and dialog.key is None
    other = make(qtbot, None)
    with qtbot.waitSignal(other.rejected, timeout=1000):
        other.close()
    assert other.result() == QDialog.DialogCode.Rejected


def test_a_journal_without_a_passphrase_unlocks_with_the_button(qtbot) -> None:
    dialog = make(qtbot, None)
    assert dialog.field is None and dialog.findChild(QLineEdit) is None
    assert "has no passphrase" in dialog.note.text()
    assert "Protect with a Passphrase" in dialog.note.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.keyClick(dialog.unlock_button, Qt.Key.Key_Return)
    assert dialog.key is None


def test_names_title_and_journal(qtbot) -> None:
    dialog = make(qtbot, fake_unlock())
    assert dialog.windowTitle() == "CareJournal — Locked"
    assert dialog.heading.text() == "CareJournal is locked"
    assert "journal.sqlite" in dialog.which.text()
    assert dialog.field is not None
    assert dialog.field.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.field.accessibleName() == "Passphrase or recovery key"
    assert dialog.unlock_button.accessibleName() == "Unlock CareJournal"
    assert dialog.quit_button.accessibleName() == "Quit CareJournal"
    assert dialog.unlock_button.isDefault() and not dialog.quit_button.autoDefault()


def test_ask_to_unlock_returns_the_key_or_nothing(qtbot) -> None:
    def answer(text: str | None) -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, UnlockDialog)
        if text is None:
            dialog.quit_button.click()
        else:
            type_and_enter(qtbot, dialog, text)

    QTimer.singleShot(0, lambda: answer("a long passphrase"))
    assert ask_to_unlock("journal.sqlite", fake_unlock()) == (True, KEY)
    QTimer.singleShot(0, lambda: answer(None))
    assert ask_to_unlock("journal.sqlite", fake_unlock()) == (False, None)
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().unlock_button.click())
    assert ask_to_unlock("journal.sqlite", None) == (True, None)


def test_the_dialog_grows_to_show_a_long_message_whole(qtbot) -> None:
    dialog = make(qtbot, fake_unlock())
    before = dialog.height()
    type_and_enter(qtbot, dialog, "not it")
    qtbot.waitUntil(lambda: not dialog.checking and dialog.message.isVisible(), timeout=5000)
    assert dialog.height() > before
    assert dialog.height() >= dialog.layout().totalHeightForWidth(dialog.width())


def test_wrong_tries_say_how_long_to_wait(qtbot) -> None:
    from carejournal.services.encryption import TooSoon

    def slow_down(secret: str) -> bytes:
        if secret == "again":
            raise TooSoon(3.2)
        wrong = WrongPassphrase("That passphrase does not open this journal.")
        wrong.wait = 4.0
        raise wrong
    dialog = make(qtbot, slow_down)
    type_and_enter(qtbot, dialog, "not it")
    qtbot.waitUntil(lambda: not dialog.checking and dialog.message.isVisible(), timeout=5000)
    assert "try again in 4 seconds" in dialog.message.text()
    type_and_enter(qtbot, dialog, "again")
    qtbot.waitUntil(lambda: not dialog.checking and "wait" in dialog.message.text(),
                    timeout=5000)
    assert dialog.message.text() == ("Too many wrong tries. Please wait 4 seconds, then try "
                                     "again.")


def test_with_the_key_file_lost_the_typed_recovery_key_unlocks(qtbot, tmp_path) -> None:
    """Real files: the key file is deleted; the recovery wrapping's copy in the backups folder
    lets the typed recovery key open the journal (a passphrase cannot)."""
    import pytest

    from carejournal.services import encryption
    from carejournal.services.journal import Journal
    from carejournal.store import cipher
    from carejournal.store.keyfile import KdfCost
    from tests.conftest import draft

    if not cipher.available():
        pytest.skip("SQLCipher is not installed")
    path = tmp_path / "journal.sqlite"
    journal = Journal.open(path, create=True)
    journal.add(draft("Read the paper with Joan"))
    journal.close()
    done = encryption.encrypt(path, "tea in the garden",
                              cost=KdfCost(time_cost=1, memory_kib=64, parallelism=1))
    encryption.key_file(path).unlink()
    assert encryption.needs_unlock(path) and not encryption.is_encrypted(path)
    dialog = UnlockDialog(path.name, lambda secret: encryption.unlock(path, secret),
                          key_file_lost=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.lost_note is not None and "recovery key" in dialog.lost_note.text()
    type_and_enter(qtbot, dialog, "tea in the garden")
    qtbot.waitUntil(lambda: not dialog.checking and dialog.message.isVisible(), timeout=5000)
    assert "key file" in dialog.message.text() and dialog.key is None
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        type_and_enter(qtbot, dialog, done.recovery_key.lower())
    assert dialog.key == done.key
