"""Data catalogues kept in resources/ (not in code), loaded with clear errors."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Protocol, TypeVar

from carejournal.core.domain import InvalidInput
from carejournal.core.errors import ResourceError
from carejournal.core.resources import resource_path

RELATIONS = ("to", "for", "with")


@dataclass(frozen=True, slots=True)
class CatalogueAct:
    """A little thing as shipped in resources/kindness_acts.toml."""

    key: str
    label: str


@dataclass(frozen=True, slots=True)
class Rung:
    """One rung of the ladder of co-production; position 1 is the bottom."""

    key: str
    label: str
    explanation: str
    relation: str
    position: int


class _Keyed(Protocol):
    @property
    def key(self) -> str: ...


_K = TypeVar("_K", bound=_Keyed)


def load_toml(path: Path) -> dict[str, Any]:
    """Read a TOML resource; a missing or malformed file names itself and the line."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ResourceError(f"{path}: this data file is missing; reinstall CareJournal.") from None
    except tomllib.TOMLDecodeError as exc:
        raise ResourceError(f"{path}: {exc}") from None


def line_of(path: Path, needle: str) -> int:
    """The line where needle first appears in a file (1-based), or 0."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    return 0


def problem(path: Path, needle: str, message: str) -> ResourceError:
    """A ResourceError naming the file and, where it can be found, the line."""
    where = line_of(path, needle) if needle else 0
    return ResourceError(f"{path}{f', line {where}' if where else ''}: {message}")


def text_field(path: Path, item: dict[str, Any], name: str, what: str) -> str:
    """A required, non-empty text field of a TOML table."""
    value = item.get(name)
    if not isinstance(value, str) or not value.strip():
        raise problem(path, str(item.get("key") or ""),
                      f"{what} '{item.get('key', '?')}' needs a non-empty {name}.")
    return value.strip()


def check_unique(path: Path, keys: Sequence[str], what: str) -> None:
    """Refuse a catalogue where a key is used twice."""
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise problem(path, f'"{key}"', f"the {what} key '{key}' is used twice.")
        seen.add(key)


def find_by_key(items: Sequence[_K], key: str, what: str) -> _K:
    """The item with this key; an unknown key gets a message listing the valid ones."""
    wanted = key.strip().casefold()
    for item in items:
        if item.key.casefold() == wanted:
            return item
    choices = ", ".join(item.key for item in items)
    raise InvalidInput(f"unknown {what} '{key}': choose one of {choices}")


def kindness_acts(path: Path | None = None) -> list[CatalogueAct]:
    """The built-in little things, in order."""
    path = path or resource_path("kindness_acts.toml")
    data = load_toml(path)
    acts: list[CatalogueAct] = []
    for number, item in enumerate(data.get("act", []), start=1):
        key, label = item.get("key"), item.get("label")
        if not isinstance(key, str) or not isinstance(label, str) or not key or not label:
            where = line_of(path, str(key)) if key else 0
            raise ResourceError(
                f"{path}, act {number}{f' (line {where})' if where else ''}: "
                "every act needs a non-empty key and label.")
        acts.append(CatalogueAct(key, label.strip()))
    check_unique(path, [a.key for a in acts], "act")
    if not acts:
        raise ResourceError(f"{path}: no acts found (expected [[act]] tables).")
    return acts


def coproduction_ladder(path: Path | None = None) -> list[Rung]:
    """The rungs of the ladder of co-production, bottom first."""
    path = path or resource_path("coproduction_ladder.toml")
    data = load_toml(path)
    rungs: list[Rung] = []
    for position, item in enumerate(data.get("rung", []), start=1):
        key = text_field(path, item, "key", "rung")
        relation = text_field(path, item, "relation", "rung")
        if relation not in RELATIONS:
            raise problem(path, f'"{relation}"',
                          f"rung '{key}' has relation '{relation}': use to, for or with.")
        rungs.append(Rung(key, text_field(path, item, "label", "rung"),
                          text_field(path, item, "explanation", "rung"), relation, position))
    check_unique(path, [r.key for r in rungs], "rung")
    if not rungs:
        raise ResourceError(f"{path}: no rungs found (expected [[rung]] tables).")
    return rungs


@cache
def ladder() -> tuple[Rung, ...]:
    """The shipped ladder, read once."""
    return tuple(coproduction_ladder())


def find_rung(key: str) -> Rung:
    """A rung by key; unknown keys get a message listing the valid ones."""
    return find_by_key(ladder(), key, "rung")
