"""The Windows branches, run on Linux by emulating what Windows refuses or lacks.

Windows has no os.pread, os.fchmod, resource module or pwd module; its os.open opens in text
mode unless told O_BINARY (a text descriptor turns each "\\n" written into "\\r\\n", after the
file object above it has already done so); it cannot fsync a folder (or a read-only
descriptor: tests/test_durable.py) and refuses to rename over a file another program holds
open for a moment; os.kill(pid, 0) there would end the process; and a FAT-formatted USB
stick has no hard links. Each test takes one of those away here and checks
that the code takes its other way and gets the same result.
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from carejournal import durable, hardening
from carejournal.services import backups, encryption
from carejournal.store import pages, schema, write_errors

BINARY = 1 << 30  # an O_BINARY that no Linux flag uses, taken off again before the real open


@pytest.fixture
def text_mode_opens(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """os.open with an O_BINARY, as on Windows: the files opened without it (so in Windows'
    text mode) are listed; folders do not count (Windows never opens those)."""
    real = os.open
    opened: list[str] = []

    def emulated(path: Any, flags: int, mode: int = 0o777, **kwargs: Any) -> int:
        if flags & BINARY:
            flags &= ~BINARY
        elif not os.path.isdir(path):
            opened.append(os.fspath(path))
        return real(path, flags, mode, **kwargs)

    monkeypatch.setattr(os, "O_BINARY", BINARY, raising=False)
    monkeypatch.setattr(os, "open", emulated)
    return opened


class NamedNt:
    """The os module as a module sees it on Windows (os.name "nt"). Given to that one module:
    os.name changed for the whole process turns every new Path into a WindowsPath."""

    name = "nt"

    def __getattr__(self, attribute: str) -> Any:
        return getattr(os, attribute)


@pytest.fixture
def windows_os(monkeypatch: pytest.MonkeyPatch) -> None:
    """No pread, no fchmod (before Python 3.13), no resource or pwd module."""
    for name in ("pread", "fchmod"):
        monkeypatch.delattr(os, name, raising=False)
    monkeypatch.setitem(sys.modules, "resource", None)  # import resource: ImportError
    monkeypatch.setitem(sys.modules, "pwd", None)


@pytest.fixture(scope="module")
def damaged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A plain journal whose entries' root page is wiped (salvage reads it page by page)."""
    from tests.store.salvage_helpers import make_journal, page_map, wipe_page

    path = make_journal(tmp_path_factory.mktemp("damaged") / "j.sqlite", 12, repeat=90)
    root = next(n for name, _k, n, at in page_map(path, None) if (name, at) == ("entries", "/"))
    wipe_page(path, root)
    return path


def _salvaged(source: Path, folder: Path) -> tuple[int, int | None, int]:
    from carejournal.services.salvage import salvage

    folder.mkdir()
    path = folder / "j.sqlite"
    shutil.copyfile(source, path)
    report = salvage(path, folder / "out.json")
    table = next(t for t in report.tables if t.name == "entries")
    return table.saved, table.lost, table.recovered


def test_pages_are_read_by_seek_and_read_without_pread(
        damaged: Path, tmp_path: Path, windows_os: None, text_mode_opens: list[str]) -> None:
    assert not hasattr(os, "pread")
    source = pages.PageSource(damaged, None)
    try:
        whole = damaged.read_bytes()
        assert [page for _n, page in source.pages()] == [
            whole[at:at + source.page_size] for at in range(0, len(whole), source.page_size)]
    finally:
        source.close()
    assert str(damaged) not in text_mode_opens


def test_salvage_without_pread_saves_what_it_saves_with_it(
        damaged: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with_pread = _salvaged(damaged, tmp_path / "posix")
    monkeypatch.delattr(os, "pread")
    assert _salvaged(damaged, tmp_path / "windows") == with_pread == (12, 0, 12)


def test_read_at_reads_a_short_tail_and_nothing_past_the_end(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(os, "pread")
    file = tmp_path / "f"
    file.write_bytes(bytes(range(100)))
    fd = os.open(file, os.O_RDONLY)
    try:
        assert pages.read_at(fd, 10, 95) == bytes(range(95, 100))
        assert pages.read_at(fd, 10, 200) == b""
        assert pages.read_at(fd, 3, 0) == b"\x00\x01\x02"
    finally:
        os.close(fd)


def test_the_log_is_opened_binary_and_written_without_fchmod(
        tmp_path: Path, windows_os: None, text_mode_opens: list[str]) -> None:
    from carejournal import logs

    path = tmp_path / "logs" / "carejournal.log"
    handler = logs._open(path)
    try:
        handler.emit(logging.LogRecord("carejournal", logging.ERROR, __file__, 1,
                                       "a line", None, None))
    finally:
        handler.close()
    assert path.read_bytes().endswith(b"a line\n")
    assert text_mode_opens == []


def test_the_recovery_key_paper_is_opened_binary_and_written_without_fchmod(
        tmp_path: Path, windows_os: None, text_mode_opens: list[str]) -> None:
    from carejournal.ui.privacy.passphrase import write_private_text

    path = tmp_path / "recovery key.txt"
    write_private_text(path, "one\ntwo\n")
    assert path.read_bytes() == b"one\ntwo\n" and text_mode_opens == []


def test_flushing_a_finished_copy_opens_it_binary(tmp_path: Path,
                                                  text_mode_opens: list[str]) -> None:
    path = tmp_path / "copy.sqlite"
    path.write_bytes(b"x")
    durable.fsync_file(path)
    assert text_mode_opens == []


def test_folders_are_not_flushed_on_windows(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    real = os.open
    monkeypatch.setattr(os, "open", lambda p, *a, **k: opened.append(p) or real(p, *a, **k))
    durable.fsync_dir(tmp_path)
    assert opened == [tmp_path]  # POSIX: the folder is opened and flushed
    opened.clear()
    monkeypatch.setattr(durable, "os", NamedNt())
    durable.fsync_dir(tmp_path)
    durable.write_text(tmp_path / "a.txt", "written")
    assert tmp_path not in opened  # Windows cannot open a folder to flush it
    assert (tmp_path / "a.txt").read_text() == "written"


def test_no_resource_module_means_no_core_limit_and_start_up_goes_on(
        windows_os: None) -> None:
    assert hardening.disable_core_dumps() is False
    with pytest.raises(ImportError):
        import resource  # noqa: F401


@pytest.mark.parametrize(("free", "nearly_full"), [(1024, True), (10 * 2**30, False)])
def test_a_full_disk_is_told_by_free_space_alone_without_resource(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, windows_os: None,
        free: int, nearly_full: bool) -> None:
    usage = shutil.disk_usage(tmp_path)._replace(free=free)
    monkeypatch.setattr(shutil, "disk_usage", lambda _path: usage)
    path = tmp_path / "journal.sqlite"
    path.write_bytes(b"")
    told = write_errors.from_sqlite(path, "disk i/o error")
    assert isinstance(told, write_errors.DiskFull) is nearly_full


def test_another_windows_lock_is_never_probed_with_kill(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    journal = tmp_path / "journal.sqlite"
    Path(f"{journal}.lock").write_text("1\nCareJournal\nhost\n")
    assert backups._locked_by_other_window(journal)  # POSIX: process 1 is alive

    def kill(_pid: int, _signal: int) -> None:
        raise AssertionError("os.kill(pid, 0) ends the process on Windows")

    monkeypatch.setattr(os, "kill", kill)
    monkeypatch.setattr(backups, "os", NamedNt())
    assert not backups._locked_by_other_window(journal)


def test_a_passphrase_is_judged_where_the_account_has_no_name(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, windows_os: None) -> None:
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.delenv(name, raising=False)
    words = encryption.personal_words(tmp_path / "sunflower-notes.sqlite")
    assert "sunflower" in words and "notes" in words


@pytest.mark.parametrize("refusal", [errno.EPERM, errno.EOPNOTSUPP])
def test_a_new_journal_is_moved_in_where_there_are_no_hard_links(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, refusal: int) -> None:
    def link(*_args: object) -> None:  # FAT and exFAT (a USB stick) have no hard links
        raise OSError(refusal, os.strerror(refusal))

    monkeypatch.setattr(os, "link", link)
    built, path = tmp_path / "building", tmp_path / "journal.sqlite"
    built.write_bytes(b"new")
    schema._move_in(built, path)
    assert path.read_bytes() == b"new" and not built.exists()
    built.write_bytes(b"newer")
    with pytest.raises(FileExistsError):  # never over a file another process made
        schema._move_in(built, path)
    assert path.read_bytes() == b"new"


def _held_open(monkeypatch: pytest.MonkeyPatch, times: int) -> list[str]:
    """os.replace refused `times` times as Windows refuses it while a scanner holds the
    target ("access is denied"), then done."""
    real = os.replace
    refused: list[str] = []

    def replace(source: Any, target: Any) -> None:
        if len(refused) < times:
            refused.append(os.fspath(target))
            raise PermissionError(errno.EACCES, "Access is denied")
        real(source, target)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(durable.time, "sleep", lambda _seconds: None)
    return refused


def test_a_target_held_open_a_moment_on_windows_is_replaced_on_a_later_try(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "settings.json"
    path.write_text("old")
    refused = _held_open(monkeypatch, 3)
    monkeypatch.setattr(durable, "os", NamedNt())
    durable.write_text(path, "new")
    assert path.read_text() == "new" and len(refused) == 3
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]  # no temporary left


def test_a_target_held_open_for_good_is_not_saved(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "settings.json"
    path.write_text("old")
    refused = _held_open(monkeypatch, 1000)
    monkeypatch.setattr(durable, "os", NamedNt())
    with pytest.raises(PermissionError):
        durable.write_text(path, "new")
    assert len(refused) == durable.REPLACE_TRIES and path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_posix_refuses_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "settings.json"
    refused = _held_open(monkeypatch, 1000)
    with pytest.raises(PermissionError):
        durable.write_text(path, "new")
    assert len(refused) == 1
