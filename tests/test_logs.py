"""The log file: where it is, owner-only, rotating, and nothing written or named in it."""

from __future__ import annotations

import errno
import logging
import stat
from pathlib import Path

import pytest

from carejournal import logs
from carejournal.cli.main import main
from carejournal.services.journal import Journal
from carejournal.store import cipher

NAME = "Zephyrine Quillfeather"
SENTENCE = "She told me about the lighthouse keeper who taught her to whistle."


def refusing_inserts(path: Path) -> Path:
    """A journal whose entries table refuses every insert (an error nobody expects)."""
    Journal.open(path, create=True).close()
    conn = cipher.connect(path, None)
    try:
        conn.execute("CREATE TRIGGER refuse BEFORE INSERT ON entries "
                     "BEGIN SELECT RAISE(ABORT, 'refused'); END")
        conn.commit()
    finally:
        conn.close()
    return path


def test_an_unexpected_error_is_logged_without_what_was_written(
        tmp_path: Path, log_file: Path, capsys: pytest.CaptureFixture[str],
        caplog: pytest.LogCaptureFixture) -> None:
    path = refusing_inserts(tmp_path / "journal.sqlite")
    code = main(["--journal", str(path), "add", "--kind", "interaction", "--person", NAME,
                 "--tag", "lighthouse", f"{NAME.split()[0]}: {SENTENCE}"])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err == ("carejournal: an unexpected error (IntegrityError) stopped the command; "
                   f"the details are in {log_file}\n")
    [failed] = [r for r in caplog.records if r.exc_info]
    assert SENTENCE in str(failed.exc_info[1]), "the error's own message quotes the entry"
    text = log_file.read_text(encoding="utf-8")
    assert "ERROR carejournal.cli.main: a command stopped on an unexpected error" in text
    assert "Traceback (most recent call last):" in text and ", in run_add\n" in text
    assert "sqlalchemy.exc.IntegrityError: (message left out)" in text
    assert "IntegrityError: SQLITE_CONSTRAINT" in text, "SQLite's code is kept"
    for written in (*NAME.split(), "lighthouse", "whistle", "refused"):
        assert written not in text


def test_an_oserror_keeps_its_errno_but_not_the_file_name(log_file: Path) -> None:
    logs.set_up()
    try:
        raise OSError(errno.ENOSPC, f"no room for {NAME}", f"/home/w/{NAME}.pdf")
    except OSError:
        logging.getLogger("carejournal.ui.practice.shift_reminder").warning(
            "could not check for a shift reminder", exc_info=True)
    text = log_file.read_text(encoding="utf-8")
    assert "WARNING carejournal.ui.practice.shift_reminder: could not check for a shift reminder" \
        in text, "the package's own loggers land in the file"
    assert "OSError: [ENOSPC] No space left on device" in text
    assert "Zephyrine" not in text and "Quillfeather" not in text


def test_a_chained_error_keeps_both_tracebacks_and_neither_message(log_file: Path) -> None:
    logs.set_up()
    try:
        try:
            {}[NAME]
        except KeyError as exc:
            raise ValueError(SENTENCE) from exc
    except ValueError:
        logging.getLogger("carejournal.x").error("it failed", exc_info=True)
    text = log_file.read_text(encoding="utf-8")
    assert text.count("Traceback (most recent call last):") == 2
    assert "KeyError: (message left out)\n\nThe above exception was the direct cause" in text
    assert text.rstrip().endswith("ValueError: (message left out)")
    assert "Zephyrine" not in text and "lighthouse" not in text


def test_the_log_is_owner_only_and_rotates_at_its_size(
        log_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 2000)
    logs.set_up()
    for number in range(200):
        logging.getLogger("carejournal.x").warning("backup %d was not made", number)
    folder = log_file.parent
    assert sorted(p.name for p in folder.iterdir()) == [
        "carejournal.log", "carejournal.log.1", "carejournal.log.2", "carejournal.log.3"]
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for file in folder.iterdir():
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
        assert file.stat().st_size <= 2000
    assert "backup 199 was not made" in log_file.read_text(encoding="utf-8")


def test_a_command_that_goes_well_makes_no_log(tmp_path: Path, log_file: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--journal", str(tmp_path / "j.sqlite"), "list"]) == 0
    assert not log_file.parent.exists()


def test_a_log_that_cannot_be_written_is_said_in_the_one_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        log_file: Path) -> None:
    (tmp_path / "a file").write_text("")
    monkeypatch.setenv(logs.LOG_ENV, str(tmp_path / "a file" / "logs"))  # cannot be a folder
    path = refusing_inserts(tmp_path / "journal.sqlite")
    code = main(["--journal", str(path), "add", "--kind", "reflection", SENTENCE])
    err = capsys.readouterr().err
    assert code == 2
    assert err == ("carejournal: an unexpected error (IntegrityError) stopped the command; "
                   "the log file could not be written.\n")


def test_the_log_is_in_the_users_log_folder(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from platformdirs import user_log_path

    monkeypatch.delenv(logs.LOG_ENV)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    assert logs.log_dir() == user_log_path("CareJournal", appauthor=False)
    monkeypatch.setenv(logs.LOG_ENV, str(tmp_path / "elsewhere"))
    assert logs.log_dir() == tmp_path / "elsewhere"
