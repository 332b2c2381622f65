"""`carejournal encrypt | passphrase | decrypt` and --passphrase-file, through cli.main."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from carejournal.store import cipher
from tests.cli.helpers import cli, ok

pytestmark = pytest.mark.skipif(not cipher.available(), reason="SQLCipher is not installed")


RECOVERY = r"([A-Z2-7]{4}(?:-[A-Z2-7]{4}){12})"


def secret_file(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text + "\n", encoding="utf-8")
    return str(path)


def test_encrypt_use_change_and_decrypt_from_the_command_line(tmp_path: Path, capsys) -> None:
    journal = tmp_path / "journal.sqlite"
    ok(capsys, journal, "add", "--kind", "reflection", "Sat with Dora over tea in the garden")
    first = secret_file(tmp_path, "first.txt", "first passphrase here")
    out = ok(capsys, journal, "encrypt", "--new-passphrase-file", first)
    recovery = re.search(RECOVERY, out)
    assert recovery, out
    assert b"Dora" not in journal.read_bytes()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(journal).execute("SELECT * FROM entries").fetchall()

    code, out, err = cli(capsys, journal, "list")  # no terminal to ask on, and no file
    assert code == 2 and out == "" and "--passphrase-file" in err

    code, out, err = cli(capsys, journal, "--passphrase-file", first, "search", "garden")
    assert (code, err) == (0, "") and "Dora" in out

    wrong = secret_file(tmp_path, "wrong.txt", "not the passphrase")
    code, out, err = cli(capsys, journal, "--passphrase-file", wrong, "list")
    assert code == 2 and "does not open" in err

    by_recovery = secret_file(tmp_path, "recovery.txt", recovery.group(1))
    assert "Dora" in ok(capsys, journal, "--passphrase-file", by_recovery, "list")

    second = secret_file(tmp_path, "second.txt", "second passphrase here")
    out = ok(capsys, journal, "--passphrase-file", first, "passphrase",
             "--new-passphrase-file", second)
    assert "no longer open" in out
    new_recovery = re.search(RECOVERY, out)
    assert new_recovery and new_recovery.group(1) != recovery.group(1)
    assert cli(capsys, journal, "--passphrase-file", first, "list")[0] == 2
    assert "Dora" in ok(capsys, journal, "--passphrase-file", second, "list")
    assert cli(capsys, journal, "--passphrase-file", by_recovery, "list")[0] == 2
    by_new = secret_file(tmp_path, "recovery2.txt", new_recovery.group(1))
    assert "Dora" in ok(capsys, journal, "--passphrase-file", by_new, "list")

    ok(capsys, journal, "--passphrase-file", second, "backup")
    backups = list((tmp_path / "backups").glob("*-manual.sqlite"))
    assert backups and all(cipher.looks_encrypted(b) for b in backups)

    ok(capsys, journal, "--passphrase-file", second, "decrypt")
    assert not cipher.looks_encrypted(journal)
    assert "Dora" in ok(capsys, journal, "list")
    assert not any(cipher.looks_encrypted(b) for b in (tmp_path / "backups").iterdir())


@pytest.mark.parametrize(("weak", "reason"), [
    ("Qz8!vR2#k", "at least 10 characters"),
    ("password", "one of the most common passphrases"),
    ("12345678", "one of the most common passphrases"),
    ("journal2026", "your name or the journal's"),
])
def test_a_weak_new_passphrase_is_refused_and_nothing_changes(tmp_path: Path, capsys,
                                                              weak: str, reason: str) -> None:
    journal = tmp_path / "journal.sqlite"
    ok(capsys, journal, "add", "--kind", "reflection", "A quiet shift")
    before = journal.read_bytes()
    code, out, err = cli(capsys, journal, "encrypt", "--new-passphrase-file",
                         secret_file(tmp_path, "weak.txt", weak))
    assert (code, out) == (2, "") and reason in err
    assert err.count("\n") == 1 and "Nothing was changed" in err, "one line saying why"
    assert journal.read_bytes() == before and not cipher.looks_encrypted(journal)
    assert not (tmp_path / "journal.sqlite.key").exists()
    assert "A quiet shift" in ok(capsys, journal, "list"), "still plain, still opens"


def test_a_weak_changed_passphrase_is_refused_and_the_old_one_still_opens(
        tmp_path: Path, capsys) -> None:
    journal = tmp_path / "journal.sqlite"
    ok(capsys, journal, "add", "--kind", "reflection", "Walked to the shop with Ray")
    old = secret_file(tmp_path, "old.txt", "kettle lantern orbit saffron")
    ok(capsys, journal, "encrypt", "--new-passphrase-file", old)
    key_file = tmp_path / "journal.sqlite.key"
    before = journal.read_bytes(), key_file.read_bytes()
    for weak in ("password", "12345678"):
        code, out, err = cli(capsys, journal, "--passphrase-file", old, "passphrase",
                             "--new-passphrase-file", secret_file(tmp_path, "weak.txt", weak))
        assert (code, out) == (2, "") and "most common" in err and err.count("\n") == 1
        assert (journal.read_bytes(), key_file.read_bytes()) == before
    assert "Ray" in ok(capsys, journal, "--passphrase-file", old, "list")


def test_a_lost_key_file_is_explained_and_the_recovery_key_mends_it(tmp_path: Path, capsys
                                                                    ) -> None:
    journal = tmp_path / "journal.sqlite"
    ok(capsys, journal, "add", "--kind", "reflection", "Walked to the shop with Ray")
    out = ok(capsys, journal, "encrypt", "--new-passphrase-file",
             secret_file(tmp_path, "p.txt", "passphrase number one"))
    recovery = re.search(RECOVERY, out).group(1)  # type: ignore[union-attr]
    (tmp_path / "journal.sqlite.key").unlink()
    code, _out, err = cli(capsys, journal, "list")
    assert code == 2 and "key file" in err and "recovery key" in err
    ok(capsys, journal, "--passphrase-file", secret_file(tmp_path, "r.txt", recovery),
       "passphrase", "--new-passphrase-file", secret_file(tmp_path, "n.txt", "a new one please"))
    assert "Ray" in ok(capsys, journal, "--passphrase-file", str(tmp_path / "n.txt"), "list")


def test_an_empty_or_vanished_journal_is_never_silently_replaced(tmp_path: Path, capsys
                                                                 ) -> None:
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    code, out, err = cli(capsys, empty, "add", "--kind", "reflection", "Hello")
    assert code == 2 and out == "" and "empty (0 bytes)" in err
    assert empty.stat().st_size == 0
    journal = tmp_path / "journal.sqlite"
    ok(capsys, journal, "add", "--kind", "reflection", "Kept in a backup")
    ok(capsys, journal, "backup")
    journal.unlink()
    code, out, err = cli(capsys, journal, "list")
    assert code == 2 and "backups of it" in err and "carejournal restore" in err
    assert not journal.exists()


def test_wrong_passphrases_make_the_command_line_wait_too(tmp_path: Path, capsys) -> None:
    journal = tmp_path / "journal.sqlite"
    ok(capsys, journal, "add", "--kind", "reflection", "Helped Sam with the crossword")
    right = secret_file(tmp_path, "p.txt", "passphrase number one")
    ok(capsys, journal, "encrypt", "--new-passphrase-file", right)
    wrong = secret_file(tmp_path, "w.txt", "not the passphrase")
    assert cli(capsys, journal, "--passphrase-file", wrong, "list")[0] == 2
    code, _out, err = cli(capsys, journal, "--passphrase-file", wrong, "list")
    assert code == 2 and "next try can be made in 1 seconds" in err
    code, out, err = cli(capsys, journal, "--passphrase-file", right, "list")
    assert code == 2 and "wait 1 seconds" in err and "Sam" not in out  # even the right one
    tries = tmp_path / "journal.sqlite.key-tries"
    assert tries.stat().st_mode & 0o777 == 0o600
    tries.write_text('{"failures": 2, "last": 0}')  # as if the second had passed long ago
    assert "Sam" in ok(capsys, journal, "--passphrase-file", right, "list")
    assert not tries.exists()


def test_an_interrupted_encrypt_is_finished_by_running_it_again(tmp_path: Path, capsys
                                                                ) -> None:
    from carejournal.services import encryption
    from carejournal.store.keyfile import KdfCost

    journal = tmp_path / "journal.sqlite"
    ok(capsys, journal, "add", "--kind", "reflection", "Made scones with Pat")
    ok(capsys, journal, "backup")

    def stop(name: str) -> None:
        if name == "backup made":
            raise KeyboardInterrupt  # cut short, as a kill would (nothing after runs)
    with pytest.raises(KeyboardInterrupt):
        encryption.encrypt(journal, "passphrase number one",
                           cost=KdfCost(time_cost=1, memory_kib=64, parallelism=1), step=stop)
    assert encryption.interrupted(journal) and not cipher.looks_encrypted(journal)
    marker = encryption.marker_file(journal).read_text()
    assert "key" not in marker and not re.search(RECOVERY, marker)
    code, out, err = cli(capsys, journal, "list")  # no terminal, no passphrase file
    assert code == 2 and "Encrypting this journal was interrupted" in err
    assert "--passphrase-file" in err and "Pat" not in out
    wrong = secret_file(tmp_path, "wrong.txt", "another passphrase")
    code, out, err = cli(capsys, journal, "--passphrase-file", wrong, "encrypt")
    assert code == 2 and "does not open" in err
    assert encryption.interrupted(journal) and not cipher.looks_encrypted(journal)
    right = secret_file(tmp_path, "p.txt", "passphrase number one")
    code, out, err = cli(capsys, journal, "--passphrase-file", right, "encrypt",
                         "--new-passphrase-file", wrong)
    assert code == 0 and "now encrypted" in out and "interrupted encryption" in err
    assert "new recovery key" in err and "no longer works" in err
    printed = re.search(RECOVERY, err)
    assert printed, "a new recovery key is printed, as the first was never shown"
    assert cipher.looks_encrypted(journal) and not encryption.interrupted(journal)
    assert all(cipher.looks_encrypted(b) for b in (tmp_path / "backups").glob("*.sqlite"))
    assert "Pat" in ok(capsys, journal, "--passphrase-file", right, "list")
    assert "Pat" in ok(capsys, journal, "--passphrase-file",
                       secret_file(tmp_path, "r.txt", printed.group(1)), "list")


def test_backup_list_flags_a_rescue_copy_a_passphrase_change_could_not_re_key(
        tmp_path: Path, capsys) -> None:
    import datetime as dt

    from carejournal.store.backup import raw_copy

    journal = tmp_path / "journal.sqlite"
    ok(capsys, journal, "add", "--kind", "reflection", "Helped Sam with the crossword")
    first = secret_file(tmp_path, "p.txt", "passphrase number one")
    ok(capsys, journal, "encrypt", "--new-passphrase-file", first)
    rescued = raw_copy(journal, dt.datetime(2026, 12, 1, tzinfo=dt.UTC), "before-restore")
    with rescued.open("r+b") as handle:  # too damaged to re-key
        handle.seek(4096 * 2 + 1000)
        handle.write(b"\xa5" * 64)
    second = secret_file(tmp_path, "n.txt", "passphrase number two")
    ok(capsys, journal, "--passphrase-file", first, "passphrase", "--new-passphrase-file",
       second)
    out = ok(capsys, journal, "--passphrase-file", second, "backup", "list")
    assert "1 rescue copy of a damaged journal" in out and rescued.name in out
