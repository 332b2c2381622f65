"""The one durable-write helper: whole or nothing, fsynced on a writable descriptor."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from carejournal import durable


def test_write_text_replaces_whole_and_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "note.txt"
    durable.write_text(target, "first")
    durable.write_text(target, "second — é")
    assert target.read_text(encoding="utf-8") == "second — é"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["note.txt"]  # no temporary left


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
def test_narrows_an_existing_files_mode_to_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "pack.pdf"
    target.write_bytes(b"old")
    os.chmod(target, 0o644)  # left readable by everyone, by hand or by an older version
    durable.write_bytes(target, [b"a", b"b"])
    assert target.read_bytes() == b"ab"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_failure_midway_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    target.write_text("old", encoding="utf-8")

    def blocks():
        yield b"new part"
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        durable.write_bytes(target, blocks())
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["export.json"]


def test_works_where_fsync_refuses_read_only_descriptors(tmp_path: Path,
                                                          windows_fsync: list[int]) -> None:
    target = tmp_path / "k.key"
    durable.write_text(target, "{}")
    copied = tmp_path / "copy.sqlite"
    copied.write_bytes(b"x")
    durable.fsync_file(copied)
    assert target.read_text(encoding="utf-8") == "{}"
    assert windows_fsync == []


def test_the_windows_emulation_does_refuse_read_only(tmp_path: Path,
                                                     windows_fsync: list[int]) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"x")
    fd = os.open(path, os.O_RDONLY)
    try:
        with pytest.raises(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
    assert len(windows_fsync) == 1


def test_full_disk_in_a_subprocess_raises_and_keeps_the_old_file(tmp_path: Path) -> None:
    """A real EFBIG from RLIMIT_FSIZE: the write fails, the old file stays whole."""
    import subprocess
    import sys

    target = tmp_path / "big.bin"
    target.write_bytes(b"old")
    code = (
        "import resource, signal, sys\n"
        "from pathlib import Path\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))\n"
        "from carejournal import durable\n"
        "try:\n"
        "    durable.write_bytes(Path(sys.argv[1]), b'x' * 100_000)\n"
        "except OSError as exc:\n"
        "    print(exc.errno)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(target)], capture_output=True,
                          text=True, timeout=60, check=True)
    assert done.stdout.strip() == "27"  # EFBIG
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["big.bin"]
