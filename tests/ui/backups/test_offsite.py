"""The Backups dialog's "Off this laptop" section: folder, days, last copy and Copy now."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from carejournal.services.backups import BackupService
from carejournal.services.journal import Journal
from carejournal.services.offsite import OffsiteService
from carejournal.store.backup import backup_name
from carejournal.ui.backups.dialog import BackupsDialog

NOW = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)


def run_now(work: Any, *args: Any, name: str) -> None:
    work(*args)


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


@pytest.fixture
def offsite(journal: Journal) -> OffsiteService:
    return OffsiteService.for_journal(journal, lambda: NOW)


@pytest.fixture
def dialog(qtbot, journal: Journal, offsite: OffsiteService) -> BackupsDialog:
    made = BackupsDialog(BackupService(journal.path, lambda: NOW), offsite=offsite,
                         runner=run_now)
    qtbot.addWidget(made)
    return made


def test_without_a_folder_it_explains_and_cannot_copy(dialog: BackupsDialog) -> None:
    section = dialog.offsite
    assert section is not None and section.title() == "Off this laptop"
    assert section.folder_edit.text() == "" and section.days.value() == 7
    assert not section.copy_button.isEnabled() and "Choose a folder" in section.last.text()


def test_choose_set_days_and_copy_now(dialog: BackupsDialog, offsite: OffsiteService,
                                      stick: Path) -> None:
    section = dialog.offsite
    assert section is not None
    section.ask_folder = lambda: stick  # type: ignore[method-assign]
    section.choose_button.click()
    assert offsite.folder() == stick and section.folder_edit.text() == str(stick)
    assert section.last.text() == "No copy there yet." and section.copy_button.isEnabled()
    section.days.setValue(14)
    assert offsite.every_days() == 14
    section.copy_button.click()
    made = stick / backup_name("journal", NOW, "offsite", number=1)
    assert made.is_file() and f"Copied to {made}" in dialog.message.text()
    assert section.last.text().startswith("Last copy: ") and "(today)" in section.last.text()


def test_a_missing_folder_is_said_calmly(dialog: BackupsDialog, offsite: OffsiteService,
                                        stick: Path) -> None:
    offsite.set_folder(stick)
    offsite.record_copy(NOW - dt.timedelta(days=3))
    stick.rmdir()
    section = dialog.offsite
    assert section is not None
    section.reload()
    assert "(3 days ago)" in section.last.text() and "not there just now" in \
        section.last.text()
    section.copy_button.click()
    assert "The copy was not made" in dialog.message.text()
    assert "plug it in" in dialog.message.text() and section.copy_button.isEnabled()


def test_a_folder_beside_the_journal_is_refused(dialog: BackupsDialog, journal: Journal,
                                                offsite: OffsiteService) -> None:
    section = dialog.offsite
    assert section is not None
    section.ask_folder = lambda: journal.path.parent  # type: ignore[method-assign]
    section.choose_button.click()
    assert offsite.folder() is None and "cannot be used" in dialog.message.text()


def test_inputs_have_accessible_names(dialog: BackupsDialog) -> None:
    section = dialog.offsite
    assert section is not None
    for widget in (section.folder_edit, section.choose_button, section.days,
                   section.copy_button, section.last):
        assert widget.accessibleName()


def test_the_dialog_without_the_section_is_as_before(qtbot, journal: Journal) -> None:
    plain = BackupsDialog(BackupService(journal.path))
    qtbot.addWidget(plain)
    assert plain.offsite is None
