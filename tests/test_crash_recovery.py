"""Kill -9 mid-sentence: the real app, in a subprocess, leaves a draft the next start offers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from carejournal.services.journal import Journal
from carejournal.ui.test_hook import SAVED_LINE, TEXT_ENV

TYPED = "Sat with Mary by the window; she told me about her sister and I wanted to wr"
# Runs the real `carejournal --journal J` (__main__ -> app.main); app.main runs the hook.
LAUNCH = "from carejournal.__main__ import main; raise SystemExit(main(sys.argv[1:]))"

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def kill_mid_sentence(journal: Path, home: Path) -> list[str]:
    """Start the app typing into a new entry; SIGKILL it once the draft is written."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CAREJOURNAL_TEST_HOOK":
           "type-then-wait", TEXT_ENV: TYPED, "HOME": str(home),
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data")}
    process = subprocess.Popen(
        [sys.executable, "-c", "import sys; " + LAUNCH, "--journal", str(journal)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    seen: list[str] = []
    try:
        assert process.stdout is not None
        for line in process.stdout:  # blocks until the app says so (or exits)
            seen.append(line.strip())
            if line.strip() == SAVED_LINE:
                process.send_signal(signal.SIGKILL)
                break
    finally:
        if process.poll() is None and SAVED_LINE not in seen:
            process.kill()
        process.wait(timeout=30)
    assert SAVED_LINE in seen, process.stderr.read() if process.stderr else seen
    assert process.returncode == -signal.SIGKILL
    return seen


def test_a_killed_app_leaves_the_typed_text_as_a_draft(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    kill_mid_sentence(path, tmp_path)
    journal = Journal.open(path, create=True)
    try:
        assert journal.count() == 0, "the autosave never ran: only the draft holds the text"
        [left] = journal.drafts.pending()
        assert (left.entry_id, left.draft.body) == (None, TYPED)
    finally:
        journal.close()


def test_the_next_start_offers_it_and_recovering_saves_it(tmp_path: Path, qtbot) -> None:
    from carejournal.app import claim, open_window
    from carejournal.ui.after_close import Session
    from carejournal.ui.editor.draft_keeper import install
    from carejournal.ui.editor.recover_dialog import RecoverDialog

    path = tmp_path / "journal.sqlite"
    kill_mid_sentence(path, tmp_path)
    shown: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RecoverDialog)
        shown.append(dialog.text.toPlainText())
        dialog.recover_button.click()

    instance = claim(path)
    assert not isinstance(instance, str), instance  # the killed app's lock is stale, not held
    window = open_window(Session(path), QSettings(str(tmp_path / "s.ini"),
                                                  QSettings.Format.IniFormat), create=False)
    assert not isinstance(window, str), window
    qtbot.addWidget(window)
    try:
        keeper = install(window, offer=False)
        QTimer.singleShot(0, answer)
        keeper.offer_recovery()
        assert shown == [TYPED]
        assert window.editor.body.toPlainText() == TYPED
        window.journal.check_done(window.journal.run_check())  # the window's full check
        assert window.autosaver.flush()
        assert [window.journal.get(r.id).body for r in window.journal.rows()] == [TYPED]
        assert window.journal.drafts.pending() == []
    finally:
        window.journal.close()
        instance.release()



def test_ctrl_c_in_the_terminal_closes_the_window_and_keeps_the_typing(tmp_path: Path) -> None:
    """SIGINT to the real app while it is typed into: the window closes as the worker would
    close it (everything typed is saved), the journal is closed, status 0, one line and no
    traceback."""
    from tests.typing_driver import TEXT

    path = tmp_path / "journal.sqlite"
    Journal.open(path, create=True).close()  # an existing journal: no first-run questions
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    process = subprocess.Popen(
        [sys.executable, str(Path(__file__).parent / "typing_driver.py"), "--journal", str(path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        cwd=Path(__file__).parents[1])
    typed = 0
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("TYPED "):
                typed = int(line.split()[1])
            if line.strip() == "DRAFT" and typed > 25:  # past the autosave's pause
                process.send_signal(signal.SIGINT)
                break
        out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
    typed = max([typed, *(int(t.split()[1]) for t in out.splitlines() if t.startswith("TYPED "))])
    assert process.returncode == 0, err
    assert "Traceback" not in err
    assert "carejournal: closing the window (Ctrl-C)." in err.splitlines()
    journal = Journal.open(path)
    try:
        assert [journal.get(r.id).body for r in journal.rows()] == [TEXT[:typed]]
        assert journal.drafts.pending() == []
    finally:
        journal.close()
