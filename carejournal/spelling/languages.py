"""Which Hunspell dictionaries there are: the British English one CareJournal ships, and any
installed on the computer (by the system, LibreOffice, or the worker) in the usual places.

A dictionary is a pair of files, <code>.aff and <code>.dic, such as en_GB.aff and en_GB.dic;
its code names the language ("en_GB", "cy_GB", "pl_PL"). Only the folders are listed here:
nothing is read until a dictionary is chosen.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from carejournal.core.resources import resource_path

SHIPPED = "en_GB"  # British English, in resources/hunspell/
# A dictionary's code: a language, perhaps a region or variant (en_GB, de_DE_frami, sr-Latn).
CODE = re.compile(r"^[a-z]{2,3}(?:[_-][A-Za-z0-9]+)*$")


def shipped_dictionary() -> Path:
    """The base path (without .aff/.dic) of the British English dictionary shipped here."""
    return resource_path("hunspell", SHIPPED)


def search_folders(platform: str = sys.platform,
                   environ: Mapping[str, str] = os.environ,
                   home: Path | None = None) -> list[Path]:
    """The folders where Hunspell dictionaries are usually installed on this system."""
    home = home if home is not None else Path.home()
    folders = [Path(p) for p in environ.get("DICPATH", "").split(os.pathsep) if p]
    if platform.startswith("win"):
        for key in ("PROGRAMFILES", "PROGRAMFILES(X86)", "LOCALAPPDATA", "APPDATA"):
            programs = environ.get(key)
            if programs:
                folders += _libreoffice(Path(programs) / "LibreOffice")
        appdata = environ.get("APPDATA")
        if appdata:
            folders.append(Path(appdata) / "hunspell")
    elif platform == "darwin":
        folders += [home / "Library" / "Spelling", Path("/Library/Spelling"),
                    *_libreoffice(Path("/Applications/LibreOffice.app/Contents/Resources"))]
    else:
        for share in (Path("/usr/share"), Path("/usr/local/share"), home / ".local" / "share"):
            folders += [share / "hunspell", share / "myspell", share / "myspell" / "dicts"]
        for root in (Path("/usr/lib/libreoffice"), Path("/opt/libreoffice"),
                     Path("/usr/lib64/libreoffice")):
            folders += _libreoffice(root)
    return folders


def _libreoffice(root: Path) -> list[Path]:
    """LibreOffice keeps each language's dictionary in share/extensions/dict-xx/."""
    extensions = root / "share" / "extensions"
    try:
        return sorted(p for p in extensions.glob("dict-*") if p.is_dir())
    except OSError:
        return []


def dictionaries_in(folders: Iterable[Path]) -> Iterator[tuple[str, Path]]:
    """(code, base path) of each dictionary found in these folders, in their order."""
    for folder in folders:
        try:
            names = sorted(p.name for p in folder.iterdir())
        except OSError:
            continue  # not there, or not readable: nothing to offer from it
        present = set(names)
        for name in names:
            code, dot, ext = name.rpartition(".")
            if dot and ext == "dic" and f"{code}.aff" in present and CODE.match(code):
                yield code, folder / code


def available(folders: Iterable[Path] | None = None) -> dict[str, Path]:
    """Every dictionary by code: the shipped one, then those installed (first found wins)."""
    found = {SHIPPED: shipped_dictionary()}
    for code, base in dictionaries_in(search_folders() if folders is None else folders):
        found.setdefault(code, base)
    return found
