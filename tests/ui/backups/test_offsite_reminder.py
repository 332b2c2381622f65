"""The off-laptop reminder banner: when it shows, Copy now (in the background), Choose folder…,
Not now, and a stick that is not plugged in."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMainWindow, QVBoxLayout, QWidget

from carejournal.services.backups import make_backup
from carejournal.services.journal import Journal
from carejournal.services.offsite import OffsiteService
from carejournal.store.backup import backup_name
from carejournal.ui.backups.offsite_reminder import OffsiteReminder
from tests.conftest import draft

NOW = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> dt.datetime:
        return self.now


class Window(QMainWindow):
    """Just what the reminder needs of the main window: the journal and the notices."""

    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal
        body = QWidget()
        self.notices = QVBoxLayout(body)
        self.notices.addStretch(1)
        self.setCentralWidget(body)
        self.resize(1280, 800)


def run_now(work: Any, *args: Any, name: str) -> None:
    """Run the "background" work at once, on this thread."""
    work(*args)


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def offsite(journal: Journal, clock: Clock) -> OffsiteService:
    return OffsiteService.for_journal(journal, clock)


@pytest.fixture
def make(qtbot, journal: Journal, offsite: OffsiteService):
    def build(runner: Any = run_now) -> OffsiteReminder:
        window = Window(journal)
        qtbot.addWidget(window)
        window.show()
        return OffsiteReminder(window, offsite=offsite, runner=runner)  # type: ignore[arg-type]
    return build


def _old_copy(journal: Journal, stick: Path, days: int) -> Path:
    made = make_backup(journal.path, NOW - dt.timedelta(days=days), "manual")
    return Path(shutil.copy(made, stick / made.name))


def test_nothing_shows_for_a_new_journal(make: Any) -> None:
    reminder = make()
    assert reminder.check() is None and reminder.banner.isHidden()


def test_an_old_copy_shows_the_reminder_and_copy_now_copies(
        make: Any, journal: Journal, offsite: OffsiteService, stick: Path) -> None:
    offsite.set_folder(stick)
    _old_copy(journal, stick, 12)
    reminder = make()
    reminder.check()
    banner = reminder.banner
    assert not banner.isHidden()
    assert banner.title.text() == "Your last copy off this laptop was 12 days ago."
    assert str(stick) in banner.detail.text() and banner.copy_button.isVisibleTo(banner)
    banner.copy_button.click()
    made = stick / backup_name("journal", NOW, "offsite", number=2)  # after the old one
    assert made.is_file() and banner.isHidden()
    assert "Copied your journal to" in reminder.window.statusBar().currentMessage()
    assert offsite.recorded_copy() == NOW and reminder.check() is None


def test_copying_runs_in_the_background(
        qtbot, make: Any, offsite: OffsiteService, stick: Path) -> None:
    from carejournal.ui.shared import background

    offsite.set_folder(stick)
    reminder = make(background.start)
    reminder.check()
    with qtbot.waitSignal(reminder.copier.finished, timeout=20_000) as blocker:
        reminder.banner.copy_button.click()
        assert reminder.banner.title.text() == "Copying your journal…"
        assert not reminder.banner.copy_button.isEnabled()
    assert isinstance(blocker.args[0], Path) and blocker.args[0].parent == stick
    assert reminder.banner.isHidden() and not reminder.copier.busy


def test_not_now_hides_it_for_this_session_only(
        make: Any, journal: Journal, offsite: OffsiteService, stick: Path) -> None:
    offsite.set_folder(stick)
    _old_copy(journal, stick, 9)
    reminder = make()
    reminder.check()
    reminder.banner.later_button.click()
    reminder.timer.timeout.emit()
    assert reminder.banner.isHidden()
    again = make()
    assert again.check() is not None and not again.banner.isHidden()


def test_choose_folder_after_a_week_of_use_then_copy(
        make: Any, journal: Journal, offsite: OffsiteService, stick: Path,
        clock: Clock) -> None:
    journal.add(draft())
    make_backup(journal.path, NOW - dt.timedelta(days=10), "daily")
    reminder = make()
    reminder.check()
    banner = reminder.banner
    assert banner.title.text() == "Your journal is only on this laptop."
    assert not banner.copy_button.isVisibleTo(banner)
    reminder.ask_folder = lambda: stick  # type: ignore[method-assign]
    banner.choose_button.click()
    assert offsite.folder() == stick
    assert banner.title.text() == "Nothing has been copied off this laptop yet."
    banner.copy_button.click()
    assert banner.isHidden() and len(offsite.copies()) == 1


def test_a_folder_beside_the_journal_is_refused_calmly(
        make: Any, journal: Journal, offsite: OffsiteService) -> None:
    reminder = make()
    reminder.ask_folder = lambda: journal.path.parent  # type: ignore[method-assign]
    reminder.choose_folder()
    assert offsite.folder() is None
    assert reminder.banner.title.text() == "That folder cannot be used."
    assert "beside the journal" in reminder.banner.detail.text()


def test_a_stick_that_is_not_plugged_in_is_a_calm_message(
        make: Any, journal: Journal, offsite: OffsiteService, stick: Path,
        clock: Clock) -> None:
    offsite.set_folder(stick)
    offsite.record_copy(NOW - dt.timedelta(days=8))
    stick.rmdir()
    reminder = make()
    reminder.check()
    banner = reminder.banner
    assert banner.title.text() == "Your last copy off this laptop was 8 days ago."
    assert "not there just now" in banner.detail.text()
    banner.copy_button.click()
    assert banner.title.text() == "The copy was not made."
    assert "plug it in" in banner.detail.text() and "safe on this laptop" in \
        banner.detail.text()
    assert banner.copy_button.isEnabled()


def test_buttons_have_accessible_names(make: Any) -> None:
    banner = make().banner
    for button in (banner.copy_button, banner.choose_button, banner.later_button):
        assert button.accessibleName()
    assert banner.accessibleName() == "Copy off this laptop"
