"""Locking: Ctrl+L or the idle timer hides everything, the journal is closed and its key
forgotten, and unlocking opens it again on the same entry."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog

from carejournal import app as app_module
from carejournal.services import encryption
from carejournal.services.journal import Journal
from carejournal.store import cipher
from carejournal.store.backup import in_use
from carejournal.store.keyfile import KdfCost
from carejournal.ui.after_close import Session
from carejournal.ui.main_window import MainWindow
from carejournal.ui.privacy import unlock as unlock_dialog
from carejournal.ui.privacy.lock import unlock_again
from carejournal.ui.single_instance import SingleInstance
from tests.conftest import draft


def test_ctrl_l_saves_the_typing_closes_every_window_and_asks_for_the_unlock_step(
        make_window, journal: Journal, qtbot) -> None:
    entry_id = journal.add(draft("Tea with Sam."))
    window: MainWindow = make_window()
    window.show_entry(entry_id)
    window.editor.body.setPlainText("Tea with Sam, and a walk after.")
    side = QDialog(window)
    side.show()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible() and not side.isVisible()
    assert journal.get(entry_id).body == "Tea with Sam, and a walk after.", "saved first"
    assert window.after_close is not None


def test_the_idle_timer_locks_and_follows_the_setting(make_window, journal: Journal) -> None:
    journal.settings.set_lock_minutes(3)
    window: MainWindow = make_window()
    assert window.locking.idle.timer.interval() == 3 * 60_000
    journal.settings.set_lock_minutes(0)
    window.locking.minutes_changed()
    assert not window.locking.idle.timer.isActive()
    journal.settings.set_lock_minutes(5)
    window.locking.minutes_changed()
    window.locking.idle.timer.timeout.emit()
    assert not window.isVisible() and window.after_close is not None


def test_unlocking_an_unencrypted_journal_reopens_on_the_same_entry(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[object] = []
    monkeypatch.setattr(unlock_dialog, "ask_to_unlock",
                        lambda name, check: asked.append(check) or (True, None))
    session = Session(tmp_path / "journal.sqlite", key=None)
    assert unlock_again(session, 7) is True
    assert asked == [None], "no passphrase to ask for: a plain Unlock button"
    assert session.reopen_entry == 7
    monkeypatch.setattr(unlock_dialog, "ask_to_unlock", lambda name, check: (False, None))
    assert unlock_again(session, 7) is False, "Quit on the lock screen quits"


@pytest.mark.skipif(not cipher.available(), reason="SQLCipher is not installed")
def test_while_locked_the_engine_is_shut_and_the_key_forgotten(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot) -> None:
    path = tmp_path / "journal.sqlite"
    journal = Journal.open(path, create=True)
    entry_id = journal.add(draft("Walked with Ray to the shop."))
    journal.close()
    key = encryption.encrypt(path, "a long passphrase", cost=KdfCost(1, 64, 1)).key
    seen: list[tuple[bytes | None, bool, list[str]]] = []

    def ask(name: str, check):
        shown = [type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible()]
        seen.append((session.key, in_use(path), shown))
        return True, check("a long passphrase")

    runs: list[MainWindow] = []

    def fake_exec() -> int:
        window = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, MainWindow) and w.isVisible())
        runs.append(window)
        window.start_up.flush()  # as the event loop does just after the first paint
        if len(runs) == 1:
            window.show_entry(entry_id)
            window.actions_.lock.trigger()
        else:
            assert window.editor.entry_id == entry_id, "unlocking comes back to the entry"
            window.close()
        return 0

    monkeypatch.setattr(unlock_dialog, "ask_to_unlock", ask)
    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    monkeypatch.setattr(app_module, "QSettings",
                        lambda: QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    session = Session(path, key=key)
    instance = SingleInstance(path)
    assert instance.acquire()
    try:
        assert app_module.run(QApplication.instance(), session, instance) == 0
    finally:
        instance.release()
    assert len(runs) == 2
    assert seen == [(None, False, [])], "locked: no key, no connection, no window showing"
    assert session.key == key


@pytest.mark.skipif(not cipher.available(), reason="SQLCipher is not installed")
def test_with_the_key_file_lost_the_lock_and_the_start_ask_for_the_recovery_key(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "journal.sqlite"
    Journal.open(path, create=True).close()
    done = encryption.encrypt(path, "tea in the garden",
                              cost=KdfCost(time_cost=1, memory_kib=64, parallelism=1))
    encryption.key_file(path).unlink()
    asked: list[bool] = []

    def ask(name, check, parent=None, key_file_lost=False):  # type: ignore[no-untyped-def]
        asked.append(key_file_lost)
        return True, check(done.recovery_key)
    monkeypatch.setattr(unlock_dialog, "ask_to_unlock", ask)
    session = Session(path, key=None)
    assert unlock_again(session, None) and session.key == done.key
    session.key = None
    assert app_module.unlock_at_start(session) and session.key == done.key
    assert asked == [True, True], "both say the key file is lost and take the recovery key"
