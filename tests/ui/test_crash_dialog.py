"""An unexpected error in the window: logged without content, typing kept, a calm dialog."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication

from carejournal import app
from carejournal.core.domain import EntryKind
from carejournal.services.journal import Journal
from carejournal.ui import crash_dialog
from carejournal.ui.crash_dialog import CrashDialog, CrashHandler
from carejournal.ui.editor.autosave import SaveState
from carejournal.ui.main_window import MainWindow

# The handler under test takes sys.excepthook; pytest-qt's own would fail the test instead.
pytestmark = pytest.mark.qt_no_exception_capture

NAME = "Zephyrine Quillfeather"
SENTENCE = "She told me about the lighthouse keeper who taught her to whistle."


@pytest.fixture
def crash(log_file: Path) -> Iterator[CrashHandler]:
    """The crash handler, as app.main installs it."""
    handler = crash_dialog.install()
    yield handler
    handler.uninstall()
    if handler.dialog is not None:
        handler.dialog.close()


def boom() -> None:
    """A slot with a bug, whose error quotes what was written (as SQLAlchemy's do)."""
    raise RuntimeError(f"could not show {NAME}: {SENTENCE}")


def shown(qtbot, handler: CrashHandler) -> CrashDialog:
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    assert handler.dialog is not None
    return handler.dialog


def test_an_error_in_a_slot_keeps_the_typing_and_says_where_the_log_is(
        window: MainWindow, journal: Journal, qtbot, crash: CrashHandler,
        log_file: Path) -> None:
    window.new_entry(EntryKind.INTERACTION)
    qtbot.keyClicks(window.editor.body, f"{NAME} said: {SENTENCE}")
    assert window.autosaver.state is SaveState.PENDING and journal.drafts.pending() == []
    QTimer.singleShot(0, boom)
    dialog = shown(qtbot, crash)
    assert dialog.parent() is window and not dialog.isModal(), "the window stays usable"
    assert str(log_file) in dialog.where.text()
    assert "kept as a draft inside the journal" in dialog.kept.text()
    [left] = journal.drafts.pending()
    assert left.draft.body == f"{NAME} said: {SENTENCE}", "kept at once, not a second later"
    text = log_file.read_text(encoding="utf-8")
    assert "ERROR carejournal.ui.crash_dialog: unexpected error in the window" in text
    assert ", in boom\n" in text and text.rstrip().endswith("RuntimeError: (message left out)")
    for written in (*NAME.split(), "lighthouse", "whistle"):
        assert written not in text
    qtbot.keyClicks(window.editor.body, " Then we had tea.")  # the window carries on
    assert window.autosaver.flush()
    assert journal.get(window.editor.entry_id).body.endswith("Then we had tea.")


def test_with_nothing_unsaved_it_says_so_and_writes_no_draft(
        window: MainWindow, journal: Journal, qtbot, crash: CrashHandler) -> None:
    QTimer.singleShot(0, boom)
    dialog = shown(qtbot, crash)
    assert dialog.kept.text() == "Everything you wrote is saved in the journal."
    assert journal.drafts.pending() == []


def test_an_error_in_another_thread_is_shown_in_the_window(
        window: MainWindow, qtbot, crash: CrashHandler, log_file: Path) -> None:
    worker = threading.Thread(target=boom, name="worker")
    worker.start()
    worker.join()
    assert crash.dialog is None, "widgets are made only in the window's thread"
    dialog = shown(qtbot, crash)
    assert dialog.parent() is window
    assert ", in boom\n" in log_file.read_text(encoding="utf-8")


def test_a_second_error_is_logged_but_not_shown_twice(
        window: MainWindow, qtbot, crash: CrashHandler, log_file: Path) -> None:
    QTimer.singleShot(0, boom)
    first = shown(qtbot, crash)
    QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: log_file.read_text(encoding="utf-8").count("Traceback") == 2)
    assert crash.dialog is first and window.findChildren(CrashDialog) == [first]


def test_the_dialog_opens_the_log_folder(
        window: MainWindow, qtbot, crash: CrashHandler, log_file: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    QTimer.singleShot(0, boom)
    shown(qtbot, crash).folder_button.click()
    assert opened == [QUrl.fromLocalFile(str(log_file.parent))]


def test_a_window_that_cannot_be_built_says_so_instead_of_vanishing(
        tmp_path: Path, qtbot, log_file: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> MainWindow:
        boom()
        raise AssertionError  # not reached

    monkeypatch.setattr(app, "open_window", broken)
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CrashDialog)
        seen.extend([dialog.kept.text(), dialog.next.text(), dialog.where.text()])
        dialog.close_button.click()

    QTimer.singleShot(0, answer)
    assert app.main(str(tmp_path / "journal.sqlite")) == 2
    assert seen[1] == "CareJournal has to close. Open it again to carry on."
    assert str(log_file) in seen[2]
    assert ", in boom\n" in log_file.read_text(encoding="utf-8")
    assert not (tmp_path / "journal.sqlite.lock").exists(), "the window's lock is let go"
