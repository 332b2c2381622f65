"""The damaged-journal dialog: calm words, restore the newest good backup, export what can be
read (in the background), or close."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from carejournal.services.backups import BackupService
from carejournal.ui.backups.damaged_dialog import DamagedChoice, DamagedDialog
from tests.store.salvage_helpers import damage_middle_leaf, make_journal, sha256


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    path = make_journal(tmp_path / "journal.sqlite", 30)
    damage_middle_leaf(path)
    return path


def test_without_a_backup_restore_is_disabled_and_says_why(qtbot, damaged: Path) -> None:
    dialog = DamagedDialog(damaged, ["database disk image is malformed"])
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isEnabled()
    assert "No good backup" in dialog.backup_label.text()
    assert "has not written anything" in dialog.findChildren(type(dialog.backup_label))[1].text()
    dialog.close_button.click()
    assert dialog.choice is DamagedChoice.CLOSE


def test_restore_names_the_newest_good_backup_and_is_the_choice(qtbot, tmp_path: Path) -> None:
    path = make_journal(tmp_path / "journal.sqlite", 5)
    made = BackupService(path, lambda: dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)
                         ).back_up_now()
    damage_middle_leaf(path)
    dialog = DamagedDialog(path, ["damaged"])
    qtbot.addWidget(dialog)
    assert made.name in dialog.backup_label.text() and "2026" in dialog.backup_label.text()
    assert dialog.restore_button.isEnabled()
    dialog.restore_button.click()
    assert dialog.choice is DamagedChoice.RESTORE and dialog.backup is not None
    assert dialog.backup.path == made


def test_export_runs_in_the_background_and_shows_the_report(qtbot, damaged: Path,
                                                            tmp_path: Path) -> None:
    before = sha256(damaged)
    dialog = DamagedDialog(damaged, ["damaged"])
    qtbot.addWidget(dialog)
    out = tmp_path / "saved"
    dialog.choose_path = lambda: out  # type: ignore[method-assign]
    dialog.export_button.click()
    assert dialog.exporting and not dialog.close_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.exporting)
    assert dialog.report is not None
    text = dialog.result_label.text()
    assert "saved.json" in text and "Entries: " in text and "could not be read" in text
    doc = json.loads((tmp_path / "saved.json").read_text(encoding="utf-8"))
    assert len(doc["entries"]) == dialog.report.entries_saved
    assert sha256(damaged) == before
    assert dialog.close_button.isEnabled()


def test_nothing_readable_is_told_calmly(qtbot, tmp_path: Path, dialogs) -> None:
    path = make_journal(tmp_path / "journal.sqlite", 2)
    path.write_bytes(bytes(path.stat().st_size))  # every page gone
    dialog = DamagedDialog(path, ["not a database"])
    qtbot.addWidget(dialog)
    dialog.export_to(tmp_path / "none.json")
    qtbot.waitUntil(lambda: not dialog.exporting)
    assert "Nothing could be saved" in dialog.result_label.text()
    assert dialog.report is None and not (tmp_path / "none.json").exists()


def test_rows_read_without_the_freelist_are_said_to_maybe_include_deleted_ones(
        qtbot, tmp_path: Path, dialogs) -> None:
    path = make_journal(tmp_path / "journal.sqlite", 3)
    with path.open("r+b") as handle:  # the header (and its list of free pages) is gone
        handle.write(bytes(4096))
    dialog = DamagedDialog(path, ["not a database"])
    qtbot.addWidget(dialog)
    dialog.export_to(tmp_path / "some.json")
    qtbot.waitUntil(lambda: not dialog.exporting)
    assert dialog.report is not None and dialog.report.entries_saved == 3
    assert "may include things that had been deleted" in dialog.result_label.text()


def test_a_lost_evidence_file_is_named_in_the_report(qtbot, tmp_path: Path) -> None:
    from carejournal.services.salvage import salvage
    from tests.store.salvage_helpers import page_map, wipe_page
    from tests.store.test_salvage_cpd import cpd_journal

    path = cpd_journal(tmp_path / "journal.sqlite", 5)
    chain = [n for name, kind, n, _ in page_map(path)
             if (name, kind) == ("learning_evidence", "overflow")]
    wipe_page(path, chain[len(chain) // 2])
    dialog = DamagedDialog(path, ["damaged"])
    qtbot.addWidget(dialog)
    text = dialog.report_text(salvage(path, tmp_path / "saved.json"))
    assert "Evidence files: 2 saved, 1 could not be read." in text, text
    assert "Learning records" not in text  # (both were read whole)
