"""Everything that saves a file saves it through carejournal/durable.py: it works where fsync
refuses read-only descriptors (as on Windows), the new name is made durable (the folder is
fsynced after the rename), and nothing half-written or too widely readable is left."""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import stat
from pathlib import Path

import pytest

from carejournal.services.backups import BackupProblem, BackupService, journal_backups
from carejournal.services.journal import Journal
from tests.cli.helpers import ok
from tests.conftest import draft
from tests.store.test_backups_trust import damaged_journal

STEP1 = Path(__file__).parent / "data" / "step1-journal.sqlite"  # an old-schema journal
NOW = dt.datetime(2026, 11, 23, 23, 5, 12, tzinfo=dt.UTC)

pytestmark = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")


@pytest.fixture
def synced(windows_fsync: list[int], monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files and folders fsynced (with fsync refusing read-only descriptors)."""
    refusing = os.fsync
    done: list[Path] = []

    def fsync(fd: int) -> None:
        refusing(fd)
        done.append(Path(os.readlink(f"/proc/self/fd/{fd}")))

    monkeypatch.setattr(os, "fsync", fsync)
    return done


def _only(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_cli_backup_works_and_is_durable(capsys: pytest.CaptureFixture[str],
                                         journal_path: Path, synced: list[Path],
                                         windows_fsync: list[int]) -> None:
    ok(capsys, journal_path, "add", "--kind", "reflection", "A calm shift.")
    made = Path(ok(capsys, journal_path, "backup").strip())
    assert made.is_file() and made.parent in synced and windows_fsync == []
    assert _only(made.parent) == [made.name]


def test_the_daily_backup_works_and_a_failure_is_logged(
        journal_path: Path, synced: list[Path], windows_fsync: list[int],
        caplog: pytest.LogCaptureFixture) -> None:
    journal = Journal.open(journal_path, create=True)
    journal.add(draft("tea"))
    journal.close()
    service = BackupService(journal_path, lambda: NOW)
    made = service.back_up_if_due()
    assert made is not None and made.parent in synced and windows_fsync == []
    damaged_journal(journal_path)  # the next day's backup cannot be made: it says so
    service = BackupService(journal_path, lambda: NOW + dt.timedelta(days=1))
    with caplog.at_level(logging.WARNING), pytest.raises(BackupProblem):
        service.back_up_if_due()
    assert any("automatic backup was not made" in r.getMessage() for r in caplog.records)


def test_an_old_schema_journal_opens_with_its_before_upgrade_backup(
        tmp_path: Path, synced: list[Path], windows_fsync: list[int]) -> None:
    path = tmp_path / "journal.sqlite"
    shutil.copy(STEP1, path)
    journal = Journal.open(path, create=True)
    try:
        assert journal.count() > 0
    finally:
        journal.close()
    [backup] = journal_backups(path)
    assert backup.reason.startswith("before-upgrade-from-") and backup.path.parent in synced
    assert windows_fsync == []


def test_the_key_file_is_written_durably_and_owner_only(tmp_path: Path, synced: list[Path],
                                                        windows_fsync: list[int]) -> None:
    from carejournal.store import keyfile

    target = tmp_path / "journal.sqlite.key"
    leftover = tmp_path / ".journal.sqlite.key.new"  # what a killed earlier write left
    leftover.write_text("half", encoding="utf-8")
    leftover.chmod(0o644)
    cheap = keyfile.KdfCost(time_cost=1, memory_kib=64, parallelism=1)
    record = keyfile.wrap(keyfile.new_data_key(), "a long passphrase", cheap)
    keyfile.write(target, record)
    assert keyfile.read(target) == record
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert tmp_path in synced and windows_fsync == []


def test_salvage_is_written_durably(tmp_path: Path, synced: list[Path],
                                    windows_fsync: list[int]) -> None:
    from carejournal.services.salvage import salvage
    from tests.store.salvage_helpers import damage_middle_leaf, make_journal

    damaged = make_journal(tmp_path / "j.sqlite", 40)
    damage_middle_leaf(damaged)
    folder = tmp_path / "rescue"
    folder.mkdir()
    salvage(damaged, folder / "out.json", None)
    assert _only(folder) == ["out.json"] and folder in synced and windows_fsync == []
    assert stat.S_IMODE((folder / "out.json").stat().st_mode) == 0o600


def test_json_export_is_written_durably(journal: Journal, tmp_path: Path,
                                        synced: list[Path], windows_fsync: list[int]) -> None:
    from carejournal.services.json_export import export_json

    journal.add(draft("tea"))
    folder = tmp_path / "usb"
    folder.mkdir()
    assert export_json(journal, folder / "journal.json") == 1
    assert _only(folder) == ["journal.json"] and folder in synced and windows_fsync == []
    assert stat.S_IMODE((folder / "journal.json").stat().st_mode) == 0o600


def test_a_pack_is_written_durably(tmp_path: Path, synced: list[Path],
                                   windows_fsync: list[int]) -> None:
    from carejournal.pack.write import PackFormat, write_pack
    from tests.pack.samples import sample

    folder = tmp_path / "packs"
    folder.mkdir()
    write_pack(sample(), folder / "pack.md", PackFormat.MARKDOWN)
    assert _only(folder) == ["pack.md"] and folder in synced and windows_fsync == []


def test_encrypting_and_decrypting_work_where_fsync_refuses_read_only(
        journal_path: Path, synced: list[Path], windows_fsync: list[int]) -> None:
    from carejournal.services import encryption
    from carejournal.store.keyfile import KdfCost

    opened = Journal.open(journal_path, create=True)
    entry = opened.add(draft("Before the passphrase."))
    opened.close()
    done = encryption.encrypt(journal_path, "a long passphrase",
                              cost=KdfCost(time_cost=1, memory_kib=64, parallelism=1))
    assert encryption.is_encrypted(journal_path), "the journal was left unencrypted"
    assert any(p.name == f".{journal_path.name}.converting" for p in synced)  # flushed first
    encrypted = Journal.open(journal_path, key=done.key)
    assert encrypted.row(entry) is not None
    encrypted.close()
    encryption.decrypt(journal_path, done.key)
    assert not encryption.may_be_encrypted(journal_path)
    assert windows_fsync == []
