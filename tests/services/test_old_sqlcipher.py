"""A journal encrypted by the old SQLCipher package (sqlcipher3-binary 0.6.0) opens with the
one installed now (sqlcipher3, step 13), by its passphrase or its recovery key, and takes
new entries; see tests/data/sqlcipher3-binary-0.6.0/README.md for how it was made."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from carejournal.services import encryption
from carejournal.services.journal import Journal
from carejournal.store import cipher
from tests.conftest import draft

FIXTURE = Path(__file__).parent.parent / "data" / "sqlcipher3-binary-0.6.0"
PASSPHRASE = "tea in the garden"
RECOVERY_KEY = "LT6A-4CJA-GEA4-ARED-FUAK-GATP-65NH-DIDX-5VBS-D3TV-CUQS-LE2P-VMNA"
BODIES = ["Made with sqlcipher3-binary 0.6.0.", "Read the paper with Joan in the garden."]


@pytest.fixture
def old_journal(tmp_path: Path) -> Path:
    """A copy of the old journal, its key file beside it and its recovery copy in backups/."""
    path = tmp_path / "journal.sqlite"
    shutil.copyfile(FIXTURE / "journal.sqlite", path)
    shutil.copyfile(FIXTURE / "journal.sqlite.key", encryption.key_file(path))
    (tmp_path / "backups").mkdir()
    shutil.copyfile(FIXTURE / "journal.sqlite.recovery",
                    tmp_path / "backups" / "journal.sqlite.recovery")
    return path


def _bodies(path: Path, key: bytes) -> list[str]:
    journal = Journal.open(path, key=key)
    try:
        return [journal.get(row.id).body for row in journal.rows()]
    finally:
        journal.close()


def test_the_installed_sqlcipher_is_the_self_contained_package() -> None:
    from importlib import metadata

    assert cipher.available()
    assert metadata.version("sqlcipher3") >= "0.6"
    owners = {dist.metadata["Name"].lower() for dist in metadata.distributions()
              if any(str(f).startswith("sqlcipher3/") for f in dist.files or ())}
    assert owners == {"sqlcipher3"}  # one owner of sqlcipher3/: removing one breaks nothing


def test_an_old_journal_opens_with_its_passphrase(old_journal: Path) -> None:
    assert encryption.is_encrypted(old_journal) and encryption.needs_unlock(old_journal)
    key = encryption.unlock(old_journal, PASSPHRASE)
    assert _bodies(old_journal, key) == BODIES


def test_an_old_journal_opens_with_its_recovery_key(old_journal: Path) -> None:
    encryption.key_file(old_journal).unlink()
    key = encryption.unlock(old_journal, RECOVERY_KEY)
    assert _bodies(old_journal, key) == BODIES


def test_an_old_journal_takes_new_entries_and_still_opens(old_journal: Path) -> None:
    key = encryption.unlock(old_journal, PASSPHRASE)
    journal = Journal.open(old_journal, key=key)
    journal.add(draft("Written with the new package.", day=dt.date(2026, 3, 4)))
    journal.close()
    assert _bodies(old_journal, encryption.unlock(old_journal, PASSPHRASE)) == [
        "Written with the new package.", *BODIES]
