"""`carejournal desktop install|uninstall` with a tmp XDG_DATA_HOME."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from carejournal import APP_ID
from carejournal.cli.main import main
from tests.cli.helpers import refused


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["desktop", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_install_and_uninstall_as_json(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "install", "--json")
    assert (code, err) == (0, "")
    done = json.loads(out)
    launcher = data / "applications" / f"{APP_ID}.desktop"
    assert done["installed"][0] == str(launcher) and len(done["installed"]) == 12
    gui = Path(sys.executable).parent / "carejournal-gui"
    expected = str(gui.absolute()) if gui.is_file() else done["exec"]
    assert done["exec"] == expected and f"Exec={expected}\n" in launcher.read_text()
    code, out, err = _run(capsys, "uninstall", "--json")
    assert (code, err) == (0, "") and json.loads(out)["removed"] == done["installed"]
    assert not [p for p in data.rglob("*") if p.is_file()]


def test_install_points_at_the_bundles_executable(
        data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    program = tmp_path / "Care Journal" / "carejournal"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    code, out, err = _run(capsys, "install", "--exec", str(program))
    assert (code, err) == (0, "")
    assert f"it starts {program}." in out and "12 files written" in out
    launcher = (data / "applications" / f"{APP_ID}.desktop").read_text()
    assert f'Exec="{program}"\n' in launcher and f"TryExec={program}\n" in launcher


def test_an_exec_that_is_not_a_program_is_refused(
        data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = refused(capsys, tmp_path / "j.sqlite", "desktop", "install",
                  "--exec", str(tmp_path / "nothing"))
    assert "is not a program that can be run" in err
    assert not data.exists()


def test_uninstall_with_nothing_installed_says_so(
        data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _run(capsys, "uninstall")
    assert code == 0 and out.startswith("CareJournal was not in the applications menu")


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_other_systems_are_told_it_is_for_linux_only(
        data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, platform: str) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    err = refused(capsys, tmp_path / "j.sqlite", "desktop", "install")
    assert "for Linux only" in err and "Start menu" in err
    assert not data.exists()


def test_a_full_disk_is_one_line_and_nothing_is_left(
        data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from carejournal import durable

    def full(path: Path, _data: bytes, mode: int = 0o600) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(durable, "write_bytes", full)
    err = refused(capsys, tmp_path / "j.sqlite", "desktop", "install")
    assert "no room left on the disk" in err.lower()
    assert not [p for p in data.rglob("*") if p.is_file()]
