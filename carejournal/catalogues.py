"""Data catalogues kept in resources/ (not in code), loaded with clear errors."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from carejournal.errors import ResourceError
from carejournal.resources import resource_path


@dataclass(frozen=True, slots=True)
class CatalogueAct:
    """A little thing as shipped in resources/kindness_acts.toml."""

    key: str
    label: str


def load_toml(path: Path) -> dict[str, Any]:
    """Read a TOML resource; a missing or malformed file names itself and the line."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ResourceError(f"{path}: this data file is missing; reinstall CareJournal.") from None
    except tomllib.TOMLDecodeError as exc:
        raise ResourceError(f"{path}: {exc}") from None


def _line_of(path: Path, needle: str) -> int:
    """The line where needle first appears in a file (1-based), or 0."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    return 0


def kindness_acts(path: Path | None = None) -> list[CatalogueAct]:
    """The built-in little things, in order."""
    path = path or resource_path("kindness_acts.toml")
    data = load_toml(path)
    acts: list[CatalogueAct] = []
    seen: set[str] = set()
    for number, item in enumerate(data.get("act", []), start=1):
        key, label = item.get("key"), item.get("label")
        if not isinstance(key, str) or not isinstance(label, str) or not key or not label:
            where = _line_of(path, str(key)) if key else 0
            raise ResourceError(
                f"{path}, act {number}{f' (line {where})' if where else ''}: "
                "every act needs a non-empty key and label.")
        if key in seen:
            raise ResourceError(
                f"{path}, line {_line_of(path, key)}: the key '{key}' is used twice.")
        seen.add(key)
        acts.append(CatalogueAct(key, label.strip()))
    if not acts:
        raise ResourceError(f"{path}: no acts found (expected [[act]] tables).")
    return acts
