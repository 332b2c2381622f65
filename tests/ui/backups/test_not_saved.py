"""A journal that cannot be written: "Not saved" stays, the text is kept, closing asks first.

The full disk is real where this process may mount a small tmpfs (root, as in the project's
sandbox): the journal lives there and a filler file takes the last free byte. Elsewhere the
same tests make SQLite's own "database or disk is full" come out of the store's writes.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from carejournal.core.domain import EntryKind
from carejournal.services.journal import Journal
from carejournal.ui.editor.autosave import SaveState
from carejournal.ui.main_window import MainWindow
from tests.conftest import draft
from tests.storage import read_only_copy

REAL_EXEC = QMessageBox.exec  # before the tests' own fixture replaces it
WORDS = "Sam wanted to stay up for the match, so we agreed half time and a hot chocolate."


class Disk:
    """The journal's disk: fill() takes every free byte, free() gives them back."""

    def __init__(self, folder: Path, real: bool) -> None:
        self.folder, self.real, self._patch = folder, real, pytest.MonkeyPatch()

    def fill(self) -> None:
        if not self.real:
            def full(*_args: object, **_kwargs: object) -> None:
                raise sqlite3.OperationalError("database or disk is full")
            from carejournal.store import drafts_repo, writes
            from carejournal.store.repository import EntryRepository

            self._patch.setattr(writes, "add_entry", full)
            self._patch.setattr(EntryRepository, "update", full)
            self._patch.setattr(drafts_repo.DraftRepository, "save", full)
            return
        fd = os.open(self.folder / "filler", os.O_CREAT | os.O_WRONLY, 0o600)
        try:
            for size in (65536, 4096, 1):  # down to the last byte
                try:
                    while True:
                        os.write(fd, b"\0" * size)
                except OSError as exc:
                    assert exc.errno == errno.ENOSPC
        finally:
            os.close(fd)

    def free(self) -> None:
        self._patch.undo()
        (self.folder / "filler").unlink(missing_ok=True)


def _mount_tmpfs(folder: Path) -> bool:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(folder)],
                          capture_output=True, check=False)
    return done.returncode == 0


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Disk]:
    folder = tmp_path / "disk"
    folder.mkdir()
    real = _mount_tmpfs(folder)
    try:
        made = Disk(folder, real)
        yield made
    finally:
        made._patch.undo()
        if real:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


@pytest.fixture
def on_disk(disk: Disk) -> Iterator[Journal]:
    opened = Journal.open(disk.folder / "journal.sqlite", create=True)
    opened.add(draft("An entry from before the disk filled up."))
    yield opened
    opened.close()


@pytest.fixture
def window(qtbot, on_disk: Journal, settings: QSettings
           ) -> Iterator[MainWindow]:
    made = MainWindow(on_disk, settings)
    qtbot.addWidget(made)
    made.show()
    yield made
    made.draft_keeper.timer.stop()  # a window left "Not saved" would try again for ever
    made.autosaver.discard()
    made.close()


def _type_new_entry(window: MainWindow, qtbot, text: str = WORDS) -> None:
    window.new_entry(EntryKind.INTERACTION)
    qtbot.keyClicks(window.editor.body, text)


def test_a_full_disk_says_not_saved_until_a_save_works(window: MainWindow, disk: Disk,
                                                       on_disk: Journal, qtbot) -> None:
    disk.fill()
    _type_new_entry(window, qtbot)
    window.autosaver.timer.timeout.emit()
    assert window.autosaver.state is SaveState.FAILED
    assert window.save_label.text() == "Not saved: the disk is full"
    assert "Not saved" in window.save_label.accessibleName()
    assert "no room left" in window.save_label.accessibleDescription()
    assert window.save_label.styleSheet(), "it must look different from 'Saved'"
    assert window.editor.error.isVisible() and window.editor.save_elsewhere.isVisible()
    qtbot.keyClicks(window.editor.body, " More.")
    assert window.autosaver.state is SaveState.FAILED, "typing on must not hide it"
    assert window.save_label.text() == "Not saved: the disk is full"
    assert window.editor.body.toPlainText() == WORDS + " More."
    assert window.autosaver.retry_timer.isActive(), "saving is tried again on a timer"
    window.autosaver.retry_timer.timeout.emit()
    assert window.autosaver.state is SaveState.FAILED
    disk.free()
    window.autosaver.retry_timer.timeout.emit()
    assert window.autosaver.state is SaveState.SAVED
    assert window.save_label.text() == "Saved"
    assert not window.editor.error.isVisible()
    assert not window.autosaver.retry_timer.isActive()
    assert on_disk.get(window.editor.entry_id).body == WORDS + " More."


def test_a_failed_crash_draft_counts_as_not_saved(window: MainWindow, disk: Disk,
                                                  qtbot) -> None:
    disk.fill()
    _type_new_entry(window, qtbot)
    assert window.autosaver.state is SaveState.PENDING
    assert not window.draft_keeper.write()
    assert window.autosaver.state is SaveState.FAILED, "the draft's failure is not swallowed"
    assert window.save_label.text() == "Not saved: the disk is full"
    assert window.editor.error.isVisible()


def test_the_text_can_be_saved_elsewhere_or_copied(window: MainWindow, disk: Disk, qtbot,
                                                   tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    disk.fill()
    _type_new_entry(window, qtbot)
    window.autosaver.flush()
    target = tmp_path / "safe" / "entry.txt"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(target), "Text files (*.txt)"))
    qtbot.mouseClick(window.editor.save_elsewhere, Qt.MouseButton.LeftButton)
    assert WORDS in target.read_text(encoding="utf-8")
    qtbot.mouseClick(window.editor.copy_text, Qt.MouseButton.LeftButton)
    assert WORDS in QApplication.clipboard().text()
    assert window.autosaver.state is SaveState.FAILED, "a copy elsewhere is not a save"


def _answer_close_question(button_text: str) -> list[str]:
    """Click the close question's button with this text once it shows; returns its text."""
    seen: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        for button in box.buttons():
            if button.text() == button_text:
                seen.append(box.text())
                button.click()
                return
        box.reject()  # not the question expected: close it, and the test fails
    QTimer.singleShot(0, click)
    return seen


def test_closing_while_not_saved_asks_and_can_keep_the_window(
        window: MainWindow, disk: Disk, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "exec", REAL_EXEC)  # the question itself, clicked
    disk.fill()
    _type_new_entry(window, qtbot)
    seen = _answer_close_question("Keep writing")
    assert not window.close()
    assert seen and "no room left" in seen[0]
    assert window.isVisible()
    assert window.editor.body.toPlainText() == WORDS
    seen = _answer_close_question("Close anyway")
    assert window.close()
    assert seen


def test_closing_can_save_the_text_elsewhere_first(window: MainWindow, disk: Disk, qtbot,
                                                   tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "exec", REAL_EXEC)
    disk.fill()
    _type_new_entry(window, qtbot)
    target = tmp_path / "entry.txt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(target), ""))
    seen = _answer_close_question("Save elsewhere, then close…")
    assert window.close()
    assert seen
    assert WORDS in target.read_text(encoding="utf-8")


def test_a_read_only_journal_opens_and_says_so(journal: Journal, journal_path: Path,
                                               tmp_path: Path, settings: QSettings,
                                               qtbot) -> None:
    journal.add(draft("Written before the disk became read-only."))
    journal.close()
    with read_only_copy(journal_path, tmp_path) as copy:
        from carejournal.app import claim

        instance = claim(copy)
        assert not isinstance(instance, str), instance  # not "already open elsewhere"
        opened = Journal.open(copy)
        window = MainWindow(opened, settings)
        qtbot.addWidget(window)
        try:
            assert "Read-only" in window.read_only_label.text()
            assert window.timeline.model.rowCount() == 1
            _type_new_entry(window, qtbot)
            assert not window.autosaver.flush()
            assert window.save_label.text() == "Not saved: the journal is read-only"
            assert window.editor.body.toPlainText() == WORDS
        finally:
            window.draft_keeper.timer.stop()
            window.autosaver.discard()
            window.close()
            opened.close()
            instance.release()


def test_a_journal_moved_away_under_the_window_is_not_saved(window: MainWindow,
                                                           on_disk: Journal, qtbot) -> None:
    _type_new_entry(window, qtbot)
    moved = on_disk.path.with_name("moved.sqlite")
    on_disk.path.rename(moved)  # SQLite would go on writing into the moved file
    try:
        assert not window.autosaver.flush()
        assert window.save_label.text() == "Not saved: the journal file is missing"
        assert window.editor.body.toPlainText() == WORDS
    finally:
        moved.rename(on_disk.path)
    assert window.autosaver.flush()
    assert window.save_label.text() == "Saved"
