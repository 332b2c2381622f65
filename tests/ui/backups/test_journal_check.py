"""The window's full check of its journal, in the background (issue 16, case 5): saves wait
for it, go ahead when it passes, and stay held, with the way back shown, when it fails."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from carejournal.core.domain import EntryKind
from carejournal.services.backups import BackupService
from carejournal.services.journal import Journal
from carejournal.store import check_stamp
from carejournal.ui.after_close import Session
from carejournal.ui.backups.damaged_dialog import DamagedDialog
from carejournal.ui.backups.journal_check import DamageBanner, JournalCheck
from carejournal.ui.editor.autosave import SaveState
from carejournal.ui.main_window import MainWindow
from tests.store.damage_helpers import make_journal, scribble_in_kind, scribble_in_text
from tests.store.salvage_helpers import sha256


@pytest.fixture(scope="module")
def sound(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_journal(tmp_path_factory.mktemp("sound") / "journal.sqlite", 30)


@pytest.fixture
def copy(sound: Path, tmp_path: Path) -> Path:
    path = tmp_path / "journal.sqlite"
    path.write_bytes(sound.read_bytes())  # a copy: no note vouches for it, so it is checked
    return path


@pytest.fixture
def opened(copy: Path) -> Iterator[list[Journal]]:
    """Journals opened as the window opens them; each is closed at the end."""
    journals: list[Journal] = []
    yield journals
    for journal in journals:
        journal.close()


def _logged(path: Path) -> int:
    """Bytes in the journal's write-ahead log (stat only: no descriptor on it is opened)."""
    wal = Path(f"{path}-wal")
    return wal.stat().st_size if wal.exists() else 0


def _window(qtbot, journal: Journal, settings: QSettings) -> MainWindow:
    window = MainWindow(journal, settings)  # the check starts here (tests build at once)
    qtbot.addWidget(window)
    return window


def _type(window: MainWindow, text: str) -> bool:
    """Start an entry, type into it and save at once; whether it was saved."""
    window.new_entry(EntryKind.REFLECTION)
    window.editor.body.setPlainText(text)
    return window.autosaver.flush()


def test_saves_wait_for_the_check_then_go_ahead(qtbot, copy: Path, opened: list[Journal],
                                                settings: QSettings) -> None:
    journal = Journal.open(copy, check_later=True)
    opened.append(journal)
    window = _window(qtbot, journal, settings)
    check = window.findChild(JournalCheck)
    assert check is not None and journal.writes_held  # its answer comes through the loop
    assert not _type(window, "Typed while the journal was being checked.")
    assert window.autosaver.state is SaveState.FAILED
    assert window.editor.body.toPlainText() == "Typed while the journal was being checked."
    assert _logged(copy) == 0 and journal.count() == 30  # not a page written
    with qtbot.waitSignal(check.passed, timeout=60_000):
        pass
    assert journal.writes_held is None
    assert window.autosaver.state is SaveState.SAVED  # what was typed meanwhile is saved
    assert journal.get(window.editor.entry_id).body == \
        "Typed while the journal was being checked."
    assert window.findChild(DamageBanner) is None


def test_a_damaged_journal_keeps_saves_held_and_shows_the_way_back(
        qtbot, copy: Path, opened: list[Journal], settings: QSettings) -> None:
    scribble_in_text(copy, 4)
    check_stamp.forget(copy)
    before = sha256(copy)  # read before any connection is open, and after the last closes
    journal = Journal.open(copy, check_later=True)  # the quick check at open passes it
    opened.append(journal)
    window = _window(qtbot, journal, settings)
    check = window.findChild(JournalCheck)
    with qtbot.waitSignal(check.failed, timeout=60_000):
        pass
    dialog = check.dialog
    assert isinstance(dialog, DamagedDialog) and dialog.isVisible()
    banner = window.findChild(DamageBanner)
    assert banner is not None and "stopped saving" in banner.text.text()
    assert "damaged" in (journal.writes_held or "")
    dialog.reject()
    assert not _type(window, "Kept in the window, not written to a damaged file.")
    assert window.editor.body.toPlainText() == \
        "Kept in the window, not written to a damaged file."
    assert "damaged" in window.autosaver.message
    banner.ways_back.click()  # the dialog again, when the worker is ready
    assert dialog.isVisible()
    window.autosaver.discard()
    window.close()
    journal.close()
    assert sha256(copy) == before


def test_a_damaged_row_in_the_timeline_is_a_message_not_a_crash(
        qtbot, copy: Path, opened: list[Journal], settings: QSettings,
        dialogs: list[tuple[str, tuple]]) -> None:
    scribble_in_kind(copy)
    journal = Journal.open(copy, read_only=True)  # the rows are read as the window reads them
    opened.append(journal)
    window = _window(qtbot, journal, settings)
    shown = window.timeline.empty.text()
    assert window.timeline.stack.currentWidget() is window.timeline.empty
    assert "cannot be read: it is damaged" in shown and "carejournal salvage" in shown
    assert [name for name, _args in dialogs] == ["warning"]


def test_restoring_from_the_dialog_puts_the_good_backup_back(
        qtbot, copy: Path, settings: QSettings) -> None:
    made = BackupService(copy).back_up_now()  # while it is sound
    scribble_in_text(copy, 1)
    check_stamp.forget(copy)
    journal = Journal.open(copy, check_later=True)
    window = _window(qtbot, journal, settings)
    check = window.findChild(JournalCheck)
    with qtbot.waitSignal(check.failed, timeout=60_000):
        pass
    assert check.dialog is not None and check.dialog.backup.path == made
    assert made.name in str(journal.writes_held)  # the way back, in the held save's words
    check.dialog.restore()
    assert window.after_close is not None
    journal.close()  # as app.main does before the step
    assert window.after_close(Session(copy))  # restored, and to be opened again
    reopened = Journal.open(copy)  # the full check passes now
    try:
        assert reopened.writes_held is None and reopened.count() == 30
    finally:
        reopened.close()
