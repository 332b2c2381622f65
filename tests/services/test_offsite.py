"""Copies off this laptop: the settings, copying now, rotation there, and the reminder."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from carejournal.core.domain import InvalidInput
from carejournal.services.backups import BackupService, make_backup
from carejournal.services.journal import Journal
from carejournal.services.offsite import (
    KEEP_OFFSITE,
    FolderMissing,
    Nudge,
    OffsiteService,
    free_name,
    rotate_offsite,
)
from carejournal.store import backup as store_backup
from carejournal.store.backup import BackupProblem, backup_name, quick_check
from tests.conftest import draft

NOW = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: dt.datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def offsite(journal: Journal, clock: Clock) -> OffsiteService:
    return OffsiteService.for_journal(journal, clock)


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def _hand_copy(journal: Journal, folder: Path, when: dt.datetime, reason: str) -> Path:
    """A backup copied into the folder by hand (by the worker, not by CareJournal)."""
    made = make_backup(journal.path, when, reason)
    return Path(shutil.copy2(made, folder / made.name))


def test_settings_default_check_and_survive_reopening(
        offsite: OffsiteService, journal: Journal, stick: Path, clock: Clock) -> None:
    assert offsite.folder() is None and offsite.every_days() == 7
    offsite.set_folder(stick)
    offsite.set_every_days(3)
    for bad in (0, 91, True):
        with pytest.raises(InvalidInput):
            offsite.set_every_days(bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="not there"):
        offsite.set_folder(stick / "nowhere")
    with pytest.raises(InvalidInput, match="beside the journal"):
        offsite.set_folder(journal.path.parent)
    again = OffsiteService.for_journal(journal, clock)
    assert again.folder() == stick and again.every_days() == 3
    journal.settings_store.set("offsite_every_days", "soon")  # a damaged value: the default
    assert again.every_days() == 7


def test_copy_now_writes_a_checked_backup_named_like_the_others(
        offsite: OffsiteService, journal: Journal, stick: Path) -> None:
    journal.add(draft("Walked to the shop with Sam."))
    with pytest.raises(InvalidInput, match="choose a folder"):
        offsite.copy_now()
    offsite.set_folder(stick)
    made = offsite.copy_now()
    assert made == stick / backup_name("journal", NOW, "offsite", number=1)
    assert quick_check(made) == [] and sorted(p.name for p in stick.iterdir()) == [made.name]
    assert Journal.open(made, create=True).count() == 1
    assert offsite.last_copy() == NOW.replace(second=0) and offsite.recorded_copy() == NOW
    second = offsite.copy_now()  # the same second: a new name, never over the first
    assert second != made and second.name.endswith("-offsite.sqlite") and made.is_file()


def test_rotation_keeps_the_newest_14_offsite_copies_and_nothing_else_is_touched(
        journal: Journal, stick: Path) -> None:
    start = NOW - dt.timedelta(days=30)
    for day in range(KEEP_OFFSITE + 3):
        stamp = start + dt.timedelta(days=day)
        (stick / backup_name("journal", stamp, "offsite")).write_bytes(b"x")
    hand = _hand_copy(journal, stick, start - dt.timedelta(days=5), "daily")
    other = stick / backup_name("other", start - dt.timedelta(days=9), "offsite")
    other.write_bytes(b"x")
    notes = stick / "notes.txt"
    notes.write_text("mine")
    removed = rotate_offsite(stick, "journal")
    assert [p.name for p in removed] == [
        backup_name("journal", start + dt.timedelta(days=d), "offsite") for d in (2, 1, 0)]
    assert hand.is_file() and other.is_file() and notes.is_file()
    assert len([p for p in stick.iterdir() if p.name.endswith("-offsite.sqlite")]) == 15


def test_a_copy_made_by_hand_counts_as_the_last_copy(
        offsite: OffsiteService, journal: Journal, stick: Path, clock: Clock) -> None:
    offsite.set_folder(stick)
    offsite.record_copy(NOW - dt.timedelta(days=30))
    _hand_copy(journal, stick, NOW - dt.timedelta(days=2), "manual")
    assert offsite.last_copy() == NOW - dt.timedelta(days=2)
    assert offsite.due() is None


def test_reminder_when_the_newest_copy_is_older_than_the_setting(
        offsite: OffsiteService, journal: Journal, stick: Path, clock: Clock) -> None:
    offsite.set_folder(stick)
    assert offsite.reminder() == f"There is no copy of your journal in {stick} yet. Copy now?"
    offsite.copy_now()
    clock.now = NOW + dt.timedelta(days=6, hours=23)
    assert offsite.due() is None
    clock.now = NOW + dt.timedelta(days=12, hours=1)
    due = offsite.due()
    assert due is not None and due.nudge is Nudge.COPY and due.days == 12
    assert offsite.reminder() == "Your last copy off this laptop was 12 days ago. Copy now?"
    offsite.set_every_days(30)
    assert offsite.due() is None


def test_a_folder_that_is_not_plugged_in_gets_a_calm_message_not_an_error(
        offsite: OffsiteService, journal: Journal, stick: Path, clock: Clock) -> None:
    offsite.set_folder(stick)
    offsite.copy_now()
    stick.rename(stick.with_name("unplugged"))
    clock.now = NOW + dt.timedelta(days=3)
    assert offsite.due() is None  # the remembered copy is recent enough
    status = offsite.status()
    assert not status.present and status.copies == 0 and status.last_copy == NOW
    clock.now = NOW + dt.timedelta(days=9)
    due = offsite.due()
    assert due is not None and due.nudge is Nudge.MISSING and due.days == 9
    assert "not there just now" in (offsite.reminder() or "")
    with pytest.raises(FolderMissing, match="plug it in"):
        offsite.copy_now()


def test_choose_a_folder_is_asked_once_after_a_week_with_entries(
        offsite: OffsiteService, journal: Journal, clock: Clock) -> None:
    assert offsite.due() is None  # no entries: nothing worth copying yet
    journal.add(draft())
    assert offsite.due() is None  # first seen in use now
    clock.now = NOW + dt.timedelta(days=6)
    assert offsite.due() is None
    clock.now = NOW + dt.timedelta(days=7, hours=1)
    assert offsite.due() is not None and offsite.due().nudge is Nudge.CHOOSE  # type: ignore
    assert "only on this laptop" in (offsite.reminder() or "")
    offsite.asked_to_choose()
    clock.now += dt.timedelta(hours=2)
    assert offsite.due() is not None  # still shown on the day it was asked
    clock.now += dt.timedelta(days=1)
    assert offsite.due() is None  # and never again


def test_an_older_journal_with_old_local_backups_is_asked_at_once(
        offsite: OffsiteService, journal: Journal, clock: Clock) -> None:
    journal.add(draft())
    BackupService(journal.path).back_up_now()  # made "now" by the real clock: not old
    make_backup(journal.path, NOW - dt.timedelta(days=40), "daily")
    due = offsite.due()
    assert due is not None and due.nudge is Nudge.CHOOSE


def test_a_half_written_copy_never_looks_like_a_copy(
        journal: Journal, stick: Path, monkeypatch: pytest.MonkeyPatch,
        offsite: OffsiteService) -> None:
    offsite.set_folder(stick)

    def unplugged(journal: Path, target: Path, key: bytes | None) -> None:
        target.write_bytes(b"SQLite format 3\x00half")
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(store_backup, "_copy_pages", unplugged)
    with pytest.raises(BackupProblem, match="could not be written"):
        offsite.copy_now()
    assert list(stick.iterdir()) == [] and offsite.recorded_copy() is None
    assert offsite.last_copy() is None


def test_free_name_never_reuses_a_name(journal: Journal, stick: Path) -> None:
    first = free_name(stick, journal.path, NOW)
    first.write_bytes(b"x")
    assert free_name(stick, journal.path, NOW).name == \
        backup_name("journal", NOW, "offsite", number=2)


def test_the_window_clock_gives_naive_local_times_and_that_is_fine(
        journal: Journal, stick: Path) -> None:
    naive = OffsiteService.for_journal(journal, lambda: dt.datetime(2026, 12, 20, 10, 0))
    naive.set_folder(stick)
    made = naive.copy_now()
    assert made.is_file() and naive.recorded_copy() is not None
    due = naive.due(dt.datetime(2027, 1, 5, 10, 0))
    assert due is not None and due.nudge is Nudge.COPY and due.days == 16


def test_a_copy_stamped_in_the_future_does_not_put_the_reminder_off(
        offsite: OffsiteService, journal: Journal, stick: Path) -> None:
    offsite.set_folder(stick)
    _hand_copy(journal, stick, NOW - dt.timedelta(days=12), "manual")
    _hand_copy(journal, stick, dt.datetime(2037, 3, 1, tzinfo=dt.UTC), "manual")  # wrong clock
    due = offsite.due()
    assert due is not None and due.nudge is Nudge.COPY and due.days == 12
