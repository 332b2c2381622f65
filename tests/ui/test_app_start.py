"""app.run: the window shows first; the listener for a second copy, the crash-draft offer and
the rest of the window follow its first paint."""

from __future__ import annotations

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

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    monkeypatch.setattr(app_module, "QSettings",
                        lambda: QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert instance.acquire()
    try:
        assert app_module.run(QApplication.instance(), Session(path), instance) == 0
    finally:
        instance.release()
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

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    monkeypatch.setattr(app_module, "QSettings",
                        lambda: QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert instance.acquire()
    try:
        assert app_module.run(QApplication.instance(), Session(path), instance) == 0
    finally:
        instance.release()
    assert dialogs == [], "no question popped up by itself"
    assert seen == {"modal": None, "offered": encryption.available(), "typed": sentence}
