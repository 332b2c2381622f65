"""Writing a pack to disk: the right format, the whole file or nothing, clear messages."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import carejournal.pack.write as write_module
from carejournal.core.domain import InvalidInput
from carejournal.pack import PackFormat, PackWriteError, format_for, write_pack
from tests.pack.samples import empty, sample

MAGIC = {PackFormat.PDF: b"%PDF-", PackFormat.DOCX: b"PK\x03\x04",
         PackFormat.MARKDOWN: b"# Supervision pack for Zo"}


def leftovers(folder: Path) -> list[str]:
    """Temporary files a failed write would have left behind."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    """A pack written earlier, which a failed write must leave as it was."""
    path = tmp_path / "pack.pdf"
    path.write_bytes(b"the old pack")
    return path


@pytest.mark.parametrize(("name", "given", "expected"), [
    ("pack.pdf", None, PackFormat.PDF), ("Pack.PDF", "", PackFormat.PDF),
    ("pack.docx", None, PackFormat.DOCX), ("pack.md", None, PackFormat.MARKDOWN),
    ("notes.markdown", None, PackFormat.MARKDOWN), ("pack.pdf", "docx", PackFormat.DOCX),
    ("pack", "MD", PackFormat.MARKDOWN), ("pack.txt", ".pdf", PackFormat.PDF),
])
def test_format_comes_from_the_option_else_the_suffix(name: str, given: str | None,
                                                      expected: PackFormat) -> None:
    assert format_for(Path(name), given) is expected


def test_unknown_formats_are_explained() -> None:
    with pytest.raises(InvalidInput, match=r"\"odt\" is not a pack format: choose pdf, docx"):
        format_for(Path("pack.pdf"), "odt")
    with pytest.raises(InvalidInput, match=r"'pack.txt'.*\.pdf, \.docx or \.md"):
        format_for(Path("pack.txt"))


@pytest.mark.parametrize("fmt", list(PackFormat))
def test_each_format_is_written_whole(tmp_path: Path, fmt: PackFormat) -> None:
    path = tmp_path / f"pack.{fmt.value}"
    write_pack(sample(), path, fmt)
    assert path.read_bytes().startswith(MAGIC[fmt])
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("fmt", list(PackFormat))
def test_an_empty_pack_is_still_written(tmp_path: Path, fmt: PackFormat) -> None:
    path = tmp_path / f"empty.{fmt.value}"
    write_pack(empty(), path, fmt)
    assert path.stat().st_size > 20


def test_missing_folder_is_named(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "pack.pdf"
    with pytest.raises(PackWriteError) as raised:
        write_pack(sample(), path, PackFormat.PDF)
    assert str(raised.value) == (f"Could not write the pack to {path}: the folder "
                                 f"{tmp_path / 'nowhere'} does not exist.")
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def unwritable(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A path that cannot be written, and the reason expected (root ignores chmod)."""
    if os.geteuid() == 0:
        blocker = tmp_path / "a-file"
        blocker.write_text("not a folder")
        yield blocker / "pack.pdf", f"{blocker} is a file, not a folder"
        return
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    yield folder / "pack.pdf", f"you do not have permission to write in the folder {folder}"
    folder.chmod(0o700)


def test_unwritable_folder_is_reported_and_nothing_is_left(unwritable: tuple[Path, str]) -> None:
    path, reason = unwritable
    with pytest.raises(PackWriteError) as raised:
        write_pack(sample(), path, PackFormat.DOCX)
    assert str(raised.value) == f"Could not write the pack to {path}: {reason}."
    assert not path.exists()
    if path.parent.is_dir():
        assert list(path.parent.iterdir()) == []


def test_a_folder_at_the_path_is_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "pack.md"
    folder.mkdir()
    with pytest.raises(PackWriteError, match=r"pack\.md: that is a folder, not a file\.$"):
        write_pack(sample(), folder, PackFormat.MARKDOWN)
    assert folder.is_dir() and list(folder.iterdir()) == []


def test_a_failed_render_keeps_the_old_file(old_file: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(doc: object) -> bytes:
        raise RuntimeError("font table damaged")

    monkeypatch.setattr("carejournal.pack.pdf_writer.render_pdf", broken)
    with pytest.raises(PackWriteError, match=r"making the PDF failed \(font table damaged\)"):
        write_pack(sample(), old_file, PackFormat.PDF)
    assert old_file.read_bytes() == b"the old pack"
    assert leftovers(old_file.parent) == []


@pytest.mark.parametrize(("code", "reason"), [
    (errno.ENOSPC, "the disk is full"), (errno.EROFS, "the disk is read-only"),
    (errno.EIO, "input/output error"),
])
def test_a_failed_write_keeps_the_old_file_and_removes_the_temporary_one(
        old_file: Path, monkeypatch: pytest.MonkeyPatch, code: int, reason: str) -> None:
    def full(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(write_module.os, "fsync", full)
    with pytest.raises(PackWriteError) as raised:
        write_pack(sample(), old_file, PackFormat.PDF)
    assert str(raised.value) == f"Could not write the pack to {old_file}: {reason}."
    assert isinstance(raised.value.__cause__, OSError)
    assert old_file.read_bytes() == b"the old pack"
    assert leftovers(old_file.parent) == []


def test_a_failed_swap_removes_the_temporary_file(old_file: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(src: str, dst: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(write_module.os, "replace", refused)
    with pytest.raises(PackWriteError, match="permission was refused"):
        write_pack(sample(), old_file, PackFormat.MARKDOWN)
    assert old_file.read_bytes() == b"the old pack"
    assert leftovers(old_file.parent) == []


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
def test_success_replaces_the_old_file_and_makes_it_owner_only(old_file: Path) -> None:
    old_file.chmod(0o644)  # a pack is about real people: never left readable by others
    write_pack(sample(), old_file, PackFormat.PDF)
    assert old_file.read_bytes().startswith(b"%PDF-")
    assert old_file.stat().st_mode & 0o777 == 0o600


def test_a_new_file_is_private_to_its_owner(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        write_pack(empty(), tmp_path / "new.md", PackFormat.MARKDOWN)
    finally:
        os.umask(previous)
    assert (tmp_path / "new.md").stat().st_mode & 0o777 == 0o600


def test_home_folder_shorthand_is_understood(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    write_pack(empty(), Path("~/pack.md"), PackFormat.MARKDOWN)
    assert (tmp_path / "pack.md").read_text(encoding="utf-8").startswith("# Nothing")


def test_a_folder_without_write_permission_is_named(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(write_module.os, "access", lambda path, mode: False)
    with pytest.raises(PackWriteError) as raised:
        write_pack(sample(), tmp_path / "pack.pdf", PackFormat.PDF)
    assert str(raised.value) == (f"Could not write the pack to {tmp_path / 'pack.pdf'}: you do "
                                 f"not have permission to write in the folder {tmp_path}.")
