"""File › Privacy in the window: protect, change, remove the passphrase (fake and real service)."""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from carejournal.core.errors import JournalError
from carejournal.services.journal import Journal
from carejournal.ui.after_close import Session
from carejournal.ui.privacy.encryption import (
    ChangeStep,
    DecryptStep,
    EncryptionController,
    EncryptionService,
    EncryptStep,
    decrypt_question,
    real_service,
)
from carejournal.ui.privacy.passphrase import NewPassphraseDialog
from tests.conftest import draft

KEY = b"k" * 32
NEW_KEY = b"n" * 32
RECOVERY = "6B6B-6B6B-6B6B-6B6B"


class Wrong(JournalError):
    """The fake's wrong passphrase."""


class FakeService:
    """Remembers what was asked; encrypted or not as the test says."""

    def __init__(self, encrypted: bool = False, fail: bool = False) -> None:
        self.state, self.fail, self.passphrase = encrypted, fail, "the old passphrase"
        self.calls: list[tuple] = []

    def encrypt(self, path: Path, passphrase: str) -> SimpleNamespace:
        self.calls.append(("encrypt", path, passphrase))
        if self.fail:
            raise JournalError("The disk is full.")
        return SimpleNamespace(key=KEY, recovery_key=RECOVERY, backup=path)

    def decrypt(self, path: Path, key: bytes) -> Path:
        self.calls.append(("decrypt", path, key))
        if self.fail:
            raise JournalError("The disk is full.")
        return path

    def unlock(self, path: Path, secret: str) -> bytes:
        if secret != self.passphrase:
            raise Wrong("That passphrase does not open this journal.")
        return KEY

    def change(self, path: Path, key: bytes, new: str) -> SimpleNamespace:
        self.calls.append(("change", path, key, new))
        if self.fail:
            raise JournalError("The disk is full.")
        return SimpleNamespace(key=NEW_KEY, recovery_key=RECOVERY)

    def service(self) -> EncryptionService:
        return EncryptionService(self.encrypt, self.decrypt, self.unlock, self.change,
                                 lambda p, _words: None if len(p) >= 8 else "Too short.",
                                 lambda _path: self.state, Wrong)


@pytest.fixture
def fake() -> FakeService:
    return FakeService()


@pytest.fixture(autouse=True)
def no_notice_left() -> Iterator[None]:
    """Put away the notices of steps a test made but did not run (the app always runs them)."""
    yield
    from PySide6.QtWidgets import QProgressDialog

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QProgressDialog) and widget.isVisible():
            widget.close()


def controller_for(window, fake: FakeService) -> EncryptionController:
    """The window's own controller, given the fake service."""
    controller: EncryptionController = window.encryption
    controller._service = fake.service()
    controller.update_actions()
    return controller


def test_actions_follow_whether_the_journal_is_encrypted(window, fake) -> None:
    controller = controller_for(window, fake)
    a = window.actions_
    assert a.encrypt.isEnabled() and not a.change_passphrase.isEnabled()
    assert not a.decrypt.isEnabled()
    window.journal.key = KEY  # as when opened with a passphrase
    controller.update_actions()
    assert not a.encrypt.isEnabled() and a.change_passphrase.isEnabled()
    assert a.decrypt.isEnabled()
    window.journal.key = None


def test_protect_closes_the_window_with_an_encrypt_step(window, fake) -> None:
    controller = controller_for(window, fake)
    controller.ask_new_passphrase = lambda: "tea in the garden"  # type: ignore[method-assign]
    window.actions_.encrypt.trigger()
    assert isinstance(window.after_close, EncryptStep)
    assert not window.isVisible(), "the app encrypts once the journal is closed"


def test_protect_cancelled_or_close_refused_leaves_nothing_to_do(window, fake) -> None:
    controller = controller_for(window, fake)
    controller.ask_new_passphrase = lambda: None  # type: ignore[method-assign]
    controller.encrypt()
    assert getattr(window, "after_close", None) is None and window.isVisible()
    controller.ask_new_passphrase = lambda: "tea in the garden"  # type: ignore[method-assign]
    window.close = lambda: False  # type: ignore[method-assign]  # unsaved, and they stayed
    controller.encrypt()
    assert window.after_close is None


def test_encrypt_step_keeps_the_new_key_and_shows_the_recovery_key(fake, monkeypatch,
                                                                   tmp_path: Path) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(EncryptStep, "show_recovery_key", lambda _s, n, k: shown.append((n, k)))
    session = Session(tmp_path / "journal.sqlite")
    assert EncryptStep(fake.service(), "tea in the garden")(session) is True
    assert session.key == KEY
    assert shown == [("journal.sqlite", RECOVERY)]
    assert fake.calls == [("encrypt", session.path, "tea in the garden")]


def test_encrypt_step_failure_warns_and_changes_nothing(dialogs, monkeypatch,
                                                        tmp_path: Path) -> None:
    monkeypatch.setattr(EncryptStep, "show_recovery_key", lambda *a: pytest.fail("no key"))
    session = Session(tmp_path / "journal.sqlite")
    assert EncryptStep(FakeService(fail=True).service(), "tea in the garden")(session)
    assert session.key is None
    assert dialogs and dialogs[0][0] == "warning" and "disk is full" in dialogs[0][1][2]


def test_remove_asks_first_then_decrypts_after_close(window, fake, tmp_path: Path) -> None:
    window.journal.key = KEY  # as when opened with a passphrase
    controller = controller_for(window, fake)
    controller.confirm_decrypt = lambda: False  # type: ignore[method-assign]
    window.actions_.decrypt.trigger()
    assert getattr(window, "after_close", None) is None and window.isVisible()
    controller.confirm_decrypt = lambda: True  # type: ignore[method-assign]
    window.actions_.decrypt.trigger()
    step = window.after_close
    assert isinstance(step, DecryptStep) and not window.isVisible()
    session = Session(tmp_path / "journal.sqlite", KEY)
    assert step(session) is True
    assert session.key is None and fake.calls == [("decrypt", session.path, KEY)]


def test_decrypt_step_failure_keeps_the_key(dialogs, tmp_path: Path) -> None:
    session = Session(tmp_path / "journal.sqlite", KEY)
    assert DecryptStep(FakeService(fail=True).service())(session) is True
    assert session.key == KEY and dialogs[0][0] == "warning"


def _fill(dialog: NewPassphraseDialog, current: str, new: str) -> None:
    dialog.current_edit.setText(current)
    dialog.new_edit.setText(new)
    dialog.repeat_edit.setText(new)


def test_change_passphrase_wrong_then_right(window, fake, qtbot, monkeypatch) -> None:
    window.journal.key = KEY
    controller = controller_for(window, fake)
    window.actions_.change_passphrase.trigger()
    dialog = controller.dialog
    assert isinstance(dialog, NewPassphraseDialog) and dialog.isVisible()
    _fill(dialog, "not it", "a brand new one")
    dialog.ok_button.click()
    qtbot.waitUntil(dialog.current_hint.isVisible, timeout=5000)  # told on the window's thread
    assert dialog.isVisible()
    assert "not the current" in dialog.current_hint.text() and fake.calls == []
    _fill(dialog, "the old passphrase", "a brand new one")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: controller.dialog is None, timeout=5000)
    # closed, and let go: Qt may already have deleted it while the test waited
    assert controller.dialog is None and (not shiboken6.isValid(dialog)
                                          or not dialog.isVisible())
    assert fake.calls == [], "the change (a re-key) waits until the journal is closed"
    step = window.after_close
    assert isinstance(step, ChangeStep) and not window.isVisible()
    shown: list[str] = []
    monkeypatch.setattr(ChangeStep, "show_recovery_key", lambda _s, _n, k: shown.append(k))
    session = Session(window.journal.path)
    session.key = KEY
    assert step(session)
    assert fake.calls == [("change", window.journal.path, KEY, "a brand new one")]
    assert session.key == NEW_KEY and shown == [RECOVERY], "the new key and recovery key"


def test_the_recovery_key_dialog_says_what_a_change_revoked(qtbot) -> None:
    from carejournal.ui.privacy.passphrase import RecoveryKeyDialog

    dialog = RecoveryKeyDialog("journal.sqlite", RECOVERY, changed=True)
    qtbot.addWidget(dialog)
    assert "old recovery key no longer open" in dialog.intro.text()


def test_the_welcome_page_offers_protection_without_a_window_of_its_own(window, fake,
                                                                        qtbot) -> None:
    controller = controller_for(window, fake)
    welcome = window.welcome
    assert window.pages.currentWidget() is welcome and welcome.offer.isVisible()
    assert QApplication.activeModalWidget() is None, "an offer on the page, not a pop-up"
    qtbot.mouseClick(welcome.not_now_button, Qt.MouseButton.LeftButton)
    assert not welcome.offer.isVisible() and window.isVisible()
    assert getattr(window, "after_close", None) is None
    controller.update_actions()
    assert not welcome.offer.isVisible(), "not now means not again while the journal is open"
    welcome.declined = False
    window.journal.key = KEY  # encrypted: nothing to offer
    controller.update_actions()
    assert not welcome.offer.isVisible()
    window.journal.key = None
    controller._service = EncryptionService(**{**fake.service().__dict__,
                                               "available": lambda: False})
    controller.update_actions()
    assert not welcome.offer.isVisible(), "no offer where SQLCipher is not installed"


def test_the_welcome_page_button_opens_the_passphrase_dialog(window, fake, qtbot) -> None:
    controller_for(window, fake)
    seen: list[object] = []

    def answer() -> None:  # the dialog is modal: look at it, then leave it with Escape
        dialog = QApplication.activeModalWidget()
        seen.append(dialog)
        if dialog is None:
            return
        try:
            qtbot.waitUntil(lambda: dialog.focusWidget() is getattr(dialog, "new_edit", None),
                            timeout=2000)
            seen.append("typing goes to the new passphrase")
        finally:
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, answer)
    qtbot.mouseClick(window.welcome.protect_button, Qt.MouseButton.LeftButton)
    assert isinstance(seen[0], NewPassphraseDialog), seen
    assert seen[1:] == ["typing goes to the new passphrase"]
    assert getattr(window, "after_close", None) is None and window.isVisible()
    controller = window.encryption
    controller.ask_new_passphrase = lambda: "tea in the garden"  # type: ignore[method-assign]
    qtbot.mouseClick(window.welcome.protect_button, Qt.MouseButton.LeftButton)
    assert isinstance(window.after_close, EncryptStep) and not window.isVisible()


def test_questions_name_their_buttons(qtbot) -> None:
    box, remove = decrypt_question(None)
    qtbot.addWidget(box)
    assert "Remove Passphrase" in remove.text().replace("&", "")
    assert "anyone" in box.informativeText()
    box.show()
    box.grab().save("/tmp/decrypt_question.png")


def test_real_service_protects_changes_and_removes(journal: Journal, monkeypatch) -> None:
    """End to end with carejournal.services.encryption on a real journal (a cheap KDF for speed)."""
    from carejournal.store.keyfile import KdfCost

    cheap = KdfCost(time_cost=1, memory_kib=8 * 1024, parallelism=1)
    real = real_service()
    service = EncryptionService(
        functools.partial(real.encrypt, cost=cheap), real.decrypt, real.unlock,
        functools.partial(real.change_passphrase, cost=cheap), real.passphrase_problem,
        real.is_encrypted, real.wrong_passphrase)
    journal.add(draft("Sat with Mary in the garden."))
    path = journal.path
    journal.close()
    shown: list[str] = []
    monkeypatch.setattr(EncryptStep, "show_recovery_key", lambda _s, _n, k: shown.append(k))
    session = Session(path)
    assert EncryptStep(service, "tea in the garden")(session)
    assert session.key is not None and service.is_encrypted(path)
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT count(*) FROM sqlite_master").fetchone()
    assert service.unlock(path, shown[0]) == session.key, "the shown recovery key opens it"
    assert service.unlock(path, "tea in the garden") == session.key
    with pytest.raises(service.wrong_passphrase):
        service.unlock(path, "coffee in the kitchen")
    reopened = Journal.open(path, key=session.key, create=True)
    assert reopened.encrypted and [r.summary for r in reopened.rows()]
    reopened.close()
    old_key = session.key
    monkeypatch.setattr(ChangeStep, "show_recovery_key", lambda _s, _n, k: shown.append(k))
    assert ChangeStep(service, old_key, "milk in the fridge")(session)
    assert session.key != old_key and service.unlock(path, "milk in the fridge") == session.key
    assert service.unlock(path, shown[-1]) == session.key and shown[-1] != shown[0]
    assert DecryptStep(service)(session) and session.key is None
    assert not service.is_encrypted(path)
    plain = Journal.open(path, create=True)
    assert [plain.get(r.id).body for r in plain.rows()] == ["Sat with Mary in the garden."]
    plain.close()


def test_the_status_bar_says_quietly_whether_the_journal_is_protected(window, fake) -> None:
    from carejournal.ui.privacy.sign import ProtectionSign

    controller = controller_for(window, fake)
    [sign] = window.statusBar().findChildren(ProtectionSign)
    assert sign is controller.sign and sign.isVisible()
    assert sign.text.text() == "Not protected" and sign.icon.isHidden()
    assert sign.accessibleName() == "Not protected by a passphrase"
    assert not sign.styleSheet() and not sign.text.styleSheet(), "not shouted"
    window.journal.key = KEY  # as when opened with a passphrase
    controller.update_actions()
    assert sign.text.text() == "Protected" and not sign.icon.isHidden()
    assert sign.accessibleName() == "Protected with a passphrase"
    assert not sign.icon.pixmap().isNull(), "a padlock"
    window.journal.key = None


def test_protecting_says_what_happens_when_the_window_closes_and_after(
        window, fake, monkeypatch, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QProgressDialog

    controller = controller_for(window, fake)
    controller.ask_new_passphrase = lambda: "tea in the garden"  # type: ignore[method-assign]
    window.actions_.encrypt.trigger()
    step = window.after_close
    assert isinstance(step, EncryptStep) and not window.isVisible()
    notice = step.notice
    assert isinstance(notice, QProgressDialog) and notice.isVisible(), "not without a word"
    assert "Protecting your journal" in notice.labelText()
    assert "opens again" in notice.labelText()
    assert not notice.testAttribute(Qt.WidgetAttribute.WA_QuitOnClose), \
        "the app's loop still ends, so the journal can be closed and encrypted"
    monkeypatch.setattr(EncryptStep, "show_recovery_key", lambda *_a: None)
    session = Session(tmp_path / "journal.sqlite")
    assert step(session) is True
    assert not notice.isVisible() and step.notice is None
    assert session.notice == "Your journal is now protected with your passphrase."


def test_the_window_opened_again_says_what_was_done(monkeypatch, tmp_path: Path,
                                                   qtbot) -> None:
    from carejournal import app as app_module

    session = Session(tmp_path / "journal.sqlite", notice="Your journal is now protected.")
    shown: list[str] = []

    class Stop(Exception):
        pass

    def opened(*_args: object, **_kwargs: object):
        window = SimpleNamespace(
            show=lambda: None,
            statusBar=lambda: SimpleNamespace(
                showMessage=lambda text, _ms: shown.append(text)),
            start_up=SimpleNamespace(run=lambda _f: None))
        return window

    monkeypatch.setattr(app_module, "open_window", opened)
    monkeypatch.setattr(app_module.test_hook, "maybe_run", lambda _w: (_ for _ in ()).throw(Stop()))
    monkeypatch.setattr(app_module, "finish_interrupted", lambda _p: True)
    monkeypatch.setattr(app_module, "unlock_at_start", lambda _s: True)
    with pytest.raises(Stop):
        app_module.run(QApplication.instance(), session, SimpleNamespace())
    assert shown == ["Your journal is now protected."] and session.notice is None
