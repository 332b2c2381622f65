"""`carejournal backup offsite`, run through main(): status, folder, days, copy now."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from carejournal.core.domain import utc_now
from carejournal.services.journal import Journal
from carejournal.store.backup import backup_name, quick_check
from tests.cli.helpers import cli_json, ok, refused


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


@pytest.fixture
def started(capsys: pytest.CaptureFixture[str], journal_path: Path) -> Path:
    """A journal with one entry in it."""
    Journal.open(journal_path, create=True).close()
    ok(capsys, journal_path, "add", "--kind", "reflection", "A calm shift.")
    return journal_path


def test_status_without_a_folder_says_how_to_choose_one(
        capsys: pytest.CaptureFixture[str], started: Path) -> None:
    out = ok(capsys, started, "backup", "offsite")
    assert "no folder chosen yet" in out and "--folder PATH" in out
    status = cli_json(capsys, started, "backup", "offsite")
    assert status["folder"] is None and status["every_days"] == 7 and status["due"] is None


def test_folder_every_and_now_copy_and_report(
        capsys: pytest.CaptureFixture[str], started: Path, stick: Path) -> None:
    status = cli_json(capsys, started, "backup", "offsite", "--folder", str(stick),
                      "--every", "10", "--now")
    copied = Path(status["copied"])
    assert copied.parent == stick and copied.name.endswith("-offsite.sqlite")
    assert quick_check(copied) == []
    assert (status["folder"], status["present"], status["every_days"], status["copies"],
            status["due"]) == (str(stick), True, 10, 1, None)
    out = ok(capsys, started, "backup", "offsite")
    assert f"go to {stick}" in out and "Remind after: 10 days" in out
    assert "Copies there: 1" in out and "Copy now" not in out
    assert f"Copied the journal to {stick}" in ok(capsys, started, "backup", "offsite", "--now")


def test_an_old_copy_put_there_by_hand_brings_the_reminder(
        capsys: pytest.CaptureFixture[str], started: Path, stick: Path) -> None:
    ok(capsys, started, "backup", "offsite", "--folder", str(stick))
    made = Path(ok(capsys, started, "backup").strip())
    old = stick / backup_name("journal", utc_now() - dt.timedelta(days=12, hours=1), "manual")
    shutil.copy(made, old)
    out = ok(capsys, started, "backup", "offsite")
    assert "Your last copy off this laptop was 12 days ago. Copy now?" in out
    assert "carejournal backup offsite --now" in out
    status = cli_json(capsys, started, "backup", "offsite")
    assert status["due"] == "copy" and status["copies"] == 1


def test_a_missing_folder_is_a_calm_refusal(
        capsys: pytest.CaptureFixture[str], started: Path, stick: Path) -> None:
    assert "is not there" in refused(capsys, started, "backup", "offsite", "--folder",
                                     str(stick / "nowhere"))
    assert "choose a folder" in refused(capsys, started, "backup", "offsite", "--now")
    ok(capsys, started, "backup", "offsite", "--folder", str(stick))
    stick.rmdir()  # the stick was taken out
    out = ok(capsys, started, "backup", "offsite")
    assert "not there just now" in out and "Traceback" not in out
    assert "plug it in" in refused(capsys, started, "backup", "offsite", "--now")


def test_every_must_be_1_to_90(capsys: pytest.CaptureFixture[str], started: Path) -> None:
    for bad in ("0", "91", "soon"):
        with pytest.raises(SystemExit):
            ok(capsys, started, "backup", "offsite", "--every", bad)
        assert "--every" in capsys.readouterr().err
