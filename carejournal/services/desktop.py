"""CareJournal in a Linux desktop's menus: the launcher (.desktop file), the icon in every size
and the AppStream metadata, put in the user's own data folder and taken away again.

The folders are the XDG base directories' ($XDG_DATA_HOME, else ~/.local/share):
applications/ for the launcher, icons/hicolor/<size>/apps/ for the icons (the SVG, and PNGs
rendered from it by scripts/make_icons.py) and metainfo/ for the AppStream file. Every file is
named by the app's id (carejournal.APP_ID), which is also the launcher's desktop id, the
window's desktop file name (app.py) and the AppStream id, so the desktop ties the running
window to its launcher and icon. Uninstalling removes exactly the files installing writes,
found by the same names; folders stay, as other programs' icons share them.

Windows and macOS need none of this: their installers put CareJournal in the Start menu or
the Applications folder (see the bundle's build).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from carejournal import APP_ID, durable
from carejournal.core.resources import resource_path

PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
READABLE = 0o644  # the desktop's menu and icon readers run as the same user; nothing private
DEFAULT_EXEC = "carejournal-gui"
# Characters that make an Exec argument need quoting (the Desktop Entry specification).
RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


@dataclass(frozen=True)
class Placed:
    """One file the desktop integration writes: from which resource (None: the launcher,
    written with its Exec line), to where."""

    source: Path | None
    target: Path


def supported(platform: str) -> bool:
    """Whether this system's menus are read from XDG folders (Linux)."""
    return platform.startswith("linux")


def data_home(environ: Mapping[str, str], home: Path) -> Path:
    """$XDG_DATA_HOME when it is an absolute path (as the specification asks), else
    ~/.local/share."""
    chosen = environ.get("XDG_DATA_HOME", "")
    return Path(chosen) if chosen and Path(chosen).is_absolute() else home / ".local" / "share"


def files(data: Path) -> list[Placed]:
    """Every file installed under the data folder, launcher first."""
    icons = data / "icons" / "hicolor"
    metainfo = f"{APP_ID}.metainfo.xml"
    placed = [
        Placed(None, data / "applications" / f"{APP_ID}.desktop"),
        Placed(resource_path(metainfo), data / "metainfo" / metainfo),
        Placed(resource_path("icons", "carejournal.svg"),
               icons / "scalable" / "apps" / f"{APP_ID}.svg"),
    ]
    placed += [Placed(resource_path("icons", "png", f"carejournal-{size}.png"),
                      icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png") for size in PNG_SIZES]
    return placed


def install(data: Path, exec_path: str = DEFAULT_EXEC) -> list[Path]:
    """Write the launcher (starting exec_path), the icons and the metadata; the paths written.

    Writing again replaces them (say, with the Exec line of a bundle moved elsewhere). A
    failure part-way (a full disk) removes what this call wrote and raises the OSError: no
    launcher is left without its icon.
    """
    written: list[Path] = []
    try:
        for item in files(data):
            item.target.parent.mkdir(parents=True, exist_ok=True)
            content = (desktop_entry(exec_path) if item.source is None
                       else item.source.read_bytes())
            durable.write_bytes(item.target, content, mode=READABLE)
            written.append(item.target)
    except OSError:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    _touch(data / "icons" / "hicolor")  # icon caches look again when the theme folder changes
    return written


def uninstall(data: Path) -> list[Path]:
    """Remove the files install writes (and nothing else); the paths removed."""
    removed: list[Path] = []
    for item in files(data):
        try:
            item.target.unlink()
        except FileNotFoundError:
            continue
        removed.append(item.target)
    if removed:
        _touch(data / "icons" / "hicolor")
    return removed


def installed(data: Path) -> list[Path]:
    """The files of the integration present now."""
    return [item.target for item in files(data) if item.target.is_file()]


def desktop_entry(exec_path: str) -> bytes:
    """The shipped launcher with its Exec and TryExec lines pointing at exec_path."""
    lines = []
    for line in resource_path(f"{APP_ID}.desktop").read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = "Exec=" + exec_value(exec_path)
        elif line.startswith("TryExec="):
            line = "TryExec=" + _escaped(exec_path)
        lines.append(line)
    return ("\n".join(lines) + "\n").encode("utf-8")


def exec_value(path: str) -> str:
    """path as an Exec line's program: quoted where the specification asks (a space, a
    quote, a dollar sign...), with percent signs doubled, then escaped as a string value."""
    if "\n" in path or "\r" in path:
        raise ValueError("a program's path cannot hold a line break")
    argument = path.replace("%", "%%")
    if any(character in RESERVED for character in argument):
        inner = "".join("\\" + c if c in '"`$\\' else c for c in argument)
        argument = f'"{inner}"'
    return _escaped(argument)


def _escaped(value: str) -> str:
    """A desktop file's string value: backslashes doubled."""
    if "\n" in value or "\r" in value:
        raise ValueError("a desktop file value cannot hold a line break")
    return value.replace("\\", "\\\\")


def _touch(folder: Path) -> None:
    if folder.is_dir():
        try:
            os.utime(folder)
        except OSError:  # (a folder that is not ours to touch: the caches look again later)
            pass
