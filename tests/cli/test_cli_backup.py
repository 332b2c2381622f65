"""`carejournal backup`, `backup list` and `restore FILE`, run through main()."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli.helpers import cli as run
from tests.cli.helpers import ok, refused


def _listing(capsys: pytest.CaptureFixture[str], path: Path) -> list[dict[str, Any]]:
    return json.loads(ok(capsys, path, "backup", "list", "--json"))


def test_backup_goes_to_the_backups_folder_and_is_listed(
        capsys: pytest.CaptureFixture[str], journal_path: Path) -> None:
    ok(capsys, journal_path, "add", "--kind", "reflection", "A calm shift.")
    assert "No backups yet" in ok(capsys, journal_path, "backup", "list")
    made = Path(ok(capsys, journal_path, "backup").strip())
    assert made.parent == journal_path.parent / "backups" and made.is_file()
    assert made.name.startswith("journal-") and made.name.endswith("-manual.sqlite")
    listed = _listing(capsys, journal_path)
    assert [(b["path"], b["reason"], b["automatic"], b["number"]) for b in listed] == \
        [(str(made), "manual", False, 1)]
    assert made.name in ok(capsys, journal_path, "backup", "list")


def test_backup_out_writes_the_named_file_but_never_over_one(
        capsys: pytest.CaptureFixture[str], journal_path: Path, tmp_path: Path) -> None:
    ok(capsys, journal_path, "add", "--kind", "reflection", "A calm shift.")
    out = tmp_path / "usb" / "copy.sqlite"
    out.parent.mkdir()
    assert ok(capsys, journal_path, "backup", "--out", str(out)).strip() == str(out)
    assert "already exists" in refused(capsys, journal_path, "backup", "--out", str(out))


def test_restore_file_saves_the_journal_first_and_brings_back_the_entries(
        capsys: pytest.CaptureFixture[str], journal_path: Path) -> None:
    ok(capsys, journal_path, "add", "--kind", "reflection", "Before the backup.")
    made = ok(capsys, journal_path, "backup").strip()
    ok(capsys, journal_path, "add", "--kind", "reflection", "After the backup.")
    out = ok(capsys, journal_path, "restore", made)
    first, second = out.splitlines()
    assert first.startswith("Saved the journal as it was to ") and "before-restore" in first
    assert second == f"Restored {journal_path} from {made}"
    code, listed, _err = run(capsys, journal_path, "list")
    assert code == 0 and "Before the backup." in listed and "After the backup." not in listed
    reasons = [b["reason"] for b in _listing(capsys, journal_path)]
    assert sorted(reasons) == ["before-restore", "manual"]


def test_restore_of_a_damaged_backup_is_refused(
        capsys: pytest.CaptureFixture[str], journal_path: Path, tmp_path: Path) -> None:
    ok(capsys, journal_path, "add", "--kind", "reflection", "Keep me.")
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    assert "not restored" in refused(capsys, journal_path, "restore", str(bad))
    assert "Keep me." in ok(capsys, journal_path, "list")


def test_restore_with_a_number_still_brings_an_entry_back_from_the_trash(
        capsys: pytest.CaptureFixture[str], journal_path: Path) -> None:
    ok(capsys, journal_path, "add", "--kind", "reflection", "Binned by mistake.")
    ok(capsys, journal_path, "delete", "1")
    assert ok(capsys, journal_path, "restore", "1") == "Restored entry 1.\n"


def test_restore_of_a_missing_file_is_refused(
        capsys: pytest.CaptureFixture[str], journal_path: Path) -> None:
    ok(capsys, journal_path, "add", "--kind", "reflection", "Hello.")
    assert "no backup file" in refused(capsys, journal_path, "restore", "nowhere.sqlite")


def test_backup_list_flags_plain_backups_of_an_encrypted_journal_and_fix_encrypts_them(
        tmp_path: Path, capsys) -> None:
    from carejournal.store import cipher

    if not cipher.available():
        pytest.skip("SQLCipher is not installed")
    journal = tmp_path / "journal.sqlite"
    ok(capsys, journal, "add", "--kind", "reflection", "Fed the ducks with Iris")
    ok(capsys, journal, "backup")
    plain = next((tmp_path / "backups").glob("*-manual.sqlite"))
    aside = plain.rename(tmp_path / plain.name)
    secret = tmp_path / "p.txt"
    secret.write_text("passphrase number one\n")
    ok(capsys, journal, "encrypt", "--new-passphrase-file", str(secret))
    aside.rename(plain)  # as an interrupted encrypt of an earlier version left it
    out = ok(capsys, journal, "--passphrase-file", str(secret), "backup", "list")
    assert "Warning: 1 backup is not encrypted" in out and "backup fix" in out
    out = ok(capsys, journal, "--passphrase-file", str(secret), "backup", "fix")
    assert f"Encrypted {plain.name}" in out and cipher.looks_encrypted(plain)
    out = ok(capsys, journal, "--passphrase-file", str(secret), "backup", "list")
    assert "Warning" not in out
