"""The Linux desktop integration: launcher, icons and AppStream metadata in a tmp XDG folder."""

from __future__ import annotations

import configparser
import shutil
import stat
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from carejournal import APP_ID, APP_NAME
from carejournal.core.resources import resource_path
from carejournal.services import desktop

PROGRAM = "/opt/CareJournal/carejournal"


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


def test_install_puts_launcher_icons_and_metadata_in_the_data_folder(tmp_path: Path) -> None:
    data = tmp_path / "share"
    written = desktop.install(data, PROGRAM)
    assert len(written) == 3 + len(desktop.PNG_SIZES) == len(set(written))
    launcher = data / "applications" / f"{APP_ID}.desktop"
    assert written[0] == launcher
    entry = _entry(launcher)
    assert (entry["Exec"], entry["TryExec"]) == (PROGRAM, PROGRAM)
    assert (entry["Icon"], entry["StartupWMClass"], entry["Name"]) == (APP_ID, APP_NAME,
                                                                       APP_NAME)
    assert (data / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg").read_bytes() == \
        resource_path("icons", "carejournal.svg").read_bytes()
    for size in desktop.PNG_SIZES:
        png = data / f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png"
        assert png in written and _png_size(png) == (size, size)
    meta = ET.parse(data / "metainfo" / f"{APP_ID}.metainfo.xml").getroot()
    assert meta.findtext("id") == APP_ID
    assert meta.findtext("launchable") == launcher.name
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o644 for p in written)
    assert desktop.installed(data) == written


def test_uninstall_removes_exactly_what_install_wrote(tmp_path: Path) -> None:
    data = tmp_path / "share"
    others = [data / "applications" / "org.example.Other.desktop",
              data / "icons/hicolor/48x48/apps/org.example.Other.png",
              data / "metainfo" / "org.example.Other.metainfo.xml"]
    for other in others:
        other.parent.mkdir(parents=True, exist_ok=True)
        other.write_text("someone else's")
    written = desktop.install(data, PROGRAM)
    assert desktop.uninstall(data) == written
    assert desktop.installed(data) == []
    assert all(other.read_text() == "someone else's" for other in others)
    assert sorted(p for p in data.rglob("*") if p.is_file()) == sorted(others)
    assert desktop.uninstall(data) == []  # again: nothing left to remove


def test_installing_again_replaces_the_exec_line(tmp_path: Path) -> None:
    desktop.install(tmp_path, PROGRAM)
    again = desktop.install(tmp_path, "/home/sam/.local/opt/CareJournal/carejournal")
    assert _entry(again[0])["Exec"] == "/home/sam/.local/opt/CareJournal/carejournal"
    assert not [p for p in tmp_path.rglob("*.part")]


@pytest.mark.parametrize(("path", "value"), [
    ("carejournal-gui", "carejournal-gui"),
    ("/opt/Care Journal/carejournal", '"/opt/Care Journal/carejournal"'),
    ("/home/o'neil/cj", '"/home/o\'neil/cj"'),
    ('/tmp/a"b$c', '"/tmp/a\\\\"b\\\\$c"'),
    ("/tmp/100%/cj", "/tmp/100%%/cj"),
])
def test_the_exec_line_is_quoted_as_the_specification_asks(path: str, value: str) -> None:
    assert desktop.exec_value(path) == value


def test_a_line_break_cannot_reach_the_launcher() -> None:
    with pytest.raises(ValueError):
        desktop.desktop_entry("/tmp/x\nExec=rm -rf ~")


def test_the_data_folder_follows_xdg(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert desktop.data_home({}, home) == home / ".local" / "share"
    assert desktop.data_home({"XDG_DATA_HOME": "relative/share"}, home) == \
        home / ".local" / "share"  # a relative path is to be ignored
    assert desktop.data_home({"XDG_DATA_HOME": str(tmp_path / "d")}, home) == tmp_path / "d"


def test_only_linux_is_supported() -> None:
    assert desktop.supported("linux")
    assert not any(desktop.supported(p) for p in ("win32", "darwin", "cygwin"))


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstreamcli not installed")
def test_the_metadata_is_valid_appstream(tmp_path: Path) -> None:
    written = desktop.install(tmp_path, PROGRAM)
    meta = next(p for p in written if p.name.endswith(".metainfo.xml"))
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(meta)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "E:" not in result.stdout and "W:" not in result.stdout, result.stdout


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate (desktop-file-utils) not installed")
@pytest.mark.parametrize("program", [PROGRAM, "/opt/Care Journal/carejournal"])
def test_the_launcher_is_a_valid_desktop_entry(tmp_path: Path, program: str) -> None:
    launcher = desktop.install(tmp_path, program)[0]
    result = subprocess.run(["desktop-file-validate", str(launcher)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_a_full_disk_part_way_leaves_nothing_half_installed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from carejournal import durable

    real = durable.write_bytes
    calls: list[Path] = []

    def write_bytes(path: Path, data: bytes, mode: int = 0o600) -> None:
        calls.append(path)
        if len(calls) == 5:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real(path, data, mode)

    monkeypatch.setattr(durable, "write_bytes", write_bytes)
    with pytest.raises(OSError):
        desktop.install(tmp_path, PROGRAM)
    assert desktop.installed(tmp_path) == []
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]
