"""app.run: the window shows first; the listener for a second copy, the crash-draft offer and
the rest of the window follow its first paint."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from carejournal import app as app_module
from carejournal.services import encryption
from carejournal.services.journal import Journal
from carejournal.ui.after_close import Session
from carejournal.ui.editor.draft_keeper import DraftKeeper
from carejournal.ui.main_window import MainWindow
from carejournal.ui.single_instance import SingleInstance
from tests.conftest import draft


def _run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, path: Path,
         instance: SingleInstance, fake_exec: Callable[[], int]) -> int:
    """app.run on path holding instance's lock, with fake_exec in place of the event loop."""
    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    monkeypatch.setattr(app_module, "QSettings",
                        lambda: QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert instance.acquire()
    try:
        return app_module.run(QApplication.instance(), Session(path), instance)
    finally:
        instance.release()


def test_the_after_paint_steps_run_once_the_window_has_painted(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "j.sqlite"
    journal = Journal.open(path, create=True)
    journal.add(draft("Tea with Sam in the garden."))
    journal.close()
    seen: list[object] = []
    instance = SingleInstance(path)
    monkeypatch.setattr(DraftKeeper, "offer_recovery", lambda _self: seen.append("offer"))

    def fake_exec() -> int:
        window = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, MainWindow) and w.isVisible())
        seen.append(("shown", window._editor is None, instance._server is None,
                     window.timeline.model.rowCount()))
        window.start_up.flush()  # as the event loop does just after the first paint
        seen.append(("painted", window._editor is None, instance._server is None))
        window.close()
        return 0

    assert _run(monkeypatch, tmp_path, path, instance, fake_exec) == 0
    assert seen == [("shown", True, True, 1), "offer", ("painted", False, False)]


def test_a_new_journal_opens_with_no_pop_up_and_the_typing_goes_to_the_editor(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialogs) -> None:
    """The passphrase offer is on the welcome page: nothing opens by itself and takes the
    worker's first sentence (it once went into a hidden passphrase field)."""
    path = tmp_path / "new.sqlite"
    instance = SingleInstance(path)
    seen: dict[str, object] = {}
    sentence = "Sat with Mary while she waited for her daughter."

    def fake_exec() -> int:
        window = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, MainWindow) and w.isVisible())
        with qtbot.waitActive(window):
            window.activateWindow()
        window.start_up.flush()  # everything that used to follow the first paint
        qtbot.wait(300)
        seen["modal"] = QApplication.activeModalWidget()
        seen["offered"] = window.welcome.offer.isVisible()
        qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(QApplication.focusWidget(), sentence)
        seen["typed"] = window.editor.body.toPlainText()
        window.close()
        return 0

    assert _run(monkeypatch, tmp_path, path, instance, fake_exec) == 0
    assert dialogs == [], "no question popped up by itself"
    assert seen == {"modal": None, "offered": encryption.available(), "typed": sentence}


def test_an_interrupted_encrypt_asks_for_the_passphrase_and_finishes(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialogs) -> None:
    from PySide6.QtCore import QTimer

    from carejournal.store import cipher
    from carejournal.store.keyfile import KdfCost
    from carejournal.ui.privacy import passphrase as passphrase_ui
    from carejournal.ui.privacy.unlock import UnlockDialog

    if not cipher.available():
        pytest.skip("SQLCipher is not installed")
    path = tmp_path / "j.sqlite"
    journal = Journal.open(path, create=True)
    journal.add(draft("Tea with Sam in the garden."))
    journal.close()
    right = "correct horse battery"

    def stop(name: str) -> None:
        if name == "backup made":
            raise KeyboardInterrupt  # cut short, as a kill would
    with pytest.raises(KeyboardInterrupt):
        encryption.encrypt(path, right, cost=KdfCost(1, 64, 1), step=stop)
    assert encryption.interrupted(path) and not cipher.looks_encrypted(path)
    seen: dict[str, object] = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            type_wrong_then_right(dialog)
        except BaseException as exc:  # never leave the dialog waiting: quit, and fail below
            seen["failed"] = exc
            if isinstance(dialog, UnlockDialog):
                dialog.quit()

    def type_wrong_then_right(dialog: object) -> None:
        assert isinstance(dialog, UnlockDialog) and dialog.field is not None
        assert dialog.reason_note is not None
        seen["asked"] = dialog.reason_note.text()
        qtbot.keyClicks(dialog.field, "not the passphrase")
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.checking and dialog.message.isVisible(),
                        timeout=5000)
        seen["wrong"] = (dialog.message.text(), encryption.interrupted(path),
                         cipher.looks_encrypted(path))
        qtbot.keyClicks(dialog.field, right)
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)

    def recovery_shown(shown: passphrase_ui.RecoveryKeyDialog) -> int:
        seen["recovery"] = (shown.key, shown.intro.text())
        return 1

    def fake_exec() -> int:
        window = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, MainWindow) and w.isVisible())
        seen["rows"] = window.timeline.model.rowCount()
        window.close()
        return 0

    QTimer.singleShot(0, answer)
    monkeypatch.setattr(passphrase_ui.RecoveryKeyDialog, "exec", recovery_shown)
    code = _run(monkeypatch, tmp_path, path, SingleInstance(path), fake_exec)
    assert "failed" not in seen, seen["failed"]
    assert code == 0
    assert seen["asked"] == ("Encrypting this journal was interrupted. Enter its passphrase "
                             "to finish.")
    message, still_interrupted, encrypted = seen["wrong"]  # type: ignore[misc]
    assert "does not open" in message and still_interrupted and not encrypted
    assert seen["rows"] == 1, "the window opened on the journal, not asking again"
    recovery, intro = seen["recovery"]  # type: ignore[misc]
    assert "new recovery key" in intro and "no longer works" in intro
    assert cipher.looks_encrypted(path) and not encryption.interrupted(path)
    assert encryption.unlock(path, recovery) == encryption.unlock(path, right)
