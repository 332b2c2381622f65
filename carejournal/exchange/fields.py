"""Typed, located reads of parsed JSON values: each wrong value is an ImportProblem that
names the record and field."""

from __future__ import annotations

import datetime as dt
from typing import Any

from carejournal.exchange.errors import ImportProblem
from carejournal.exchange.reading import check_text


class Record:
    """One JSON object of a file, with where it is (e.g. 'entries[3] (id 17)')."""

    def __init__(self, value: Any, where: str) -> None:
        if not isinstance(value, dict):
            raise ImportProblem(where, f"expected an object, found {_kind(value)}")
        self.value = value
        self.where = where

    def problem(self, name: str, text: str) -> ImportProblem:
        """An ImportProblem about one field of this record."""
        return ImportProblem(f"{self.where}, field '{name}'", text)

    def raw(self, name: str, default: Any = ...) -> Any:
        if name not in self.value:
            if default is ...:
                raise self.problem(name, "is missing")
            return default
        return self.value[name]

    def text(self, name: str, default: str | None = None, limit: int = 50_000_000) -> str:
        value = self.raw(name, ... if default is None else default)
        if not isinstance(value, str):
            raise self.problem(name, f"expected text, found {_kind(value)}")
        if len(value) > limit:
            raise self.problem(name, f"is {len(value):,} characters long; "
                                     f"the limit is {limit:,}")
        return check_text(value, f"{self.where}, field '{name}'")

    def optional_text(self, name: str) -> str | None:
        return None if self.raw(name, None) is None else self.text(name)

    def integer(self, name: str, default: int | None = None) -> int:
        value = self.raw(name, ... if default is None else default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.problem(name, f"expected a whole number, found {_kind(value)}")
        if not -(2 ** 63) <= value < 2 ** 63:
            raise self.problem(name, "the number is out of range")
        return value

    def optional_int(self, name: str) -> int | None:
        return None if self.raw(name, None) is None else self.integer(name)

    def optional_bool(self, name: str) -> bool | None:
        value = self.raw(name, None)
        if value is not None and not isinstance(value, bool):
            raise self.problem(name, f"expected true, false or null, found {_kind(value)}")
        return value

    def items(self, name: str) -> list[Any]:
        value = self.raw(name, [])
        if not isinstance(value, list):
            raise self.problem(name, f"expected a list, found {_kind(value)}")
        return value

    def records(self, name: str) -> list[Record]:
        return [Record(v, f"{self.where}, {name}[{i}]") for i, v in enumerate(self.items(name))]

    def texts(self, name: str) -> list[str]:
        values = self.items(name)
        for value in values:
            if not isinstance(value, str):
                raise self.problem(name, f"expected a list of texts, found {_kind(value)}")
            check_text(value, f"{self.where}, field '{name}'")
        return values

    def date(self, name: str) -> dt.date:
        return parse_iso_date(self.text(name, limit=40), self, name)

    def optional_date(self, name: str) -> dt.date | None:
        return None if self.raw(name, None) is None else self.date(name)

    def time(self, name: str) -> dt.time | None:
        if self.raw(name, None) is None:
            return None
        try:
            return dt.time.fromisoformat(self.text(name, limit=40))
        except ValueError:
            raise self.problem(name, "is not a time (HH:MM)") from None

    def moment(self, name: str) -> dt.datetime:
        text = self.text(name, limit=60)
        try:
            value = dt.datetime.fromisoformat(text)
        except ValueError:
            raise self.problem(name, f"'{text[:40]}' is not a date and time "
                                     "(ISO 8601 with a UTC offset)") from None
        if value.tzinfo is None:
            raise self.problem(name, "the date and time has no UTC offset")
        return value.astimezone(dt.UTC)

    def optional_moment(self, name: str) -> dt.datetime | None:
        return None if self.raw(name, None) is None else self.moment(name)


def parse_iso_date(text: str, record: Record, name: str) -> dt.date:
    """A YYYY-MM-DD date; an impossible one (31 February) is named as such."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise record.problem(name, f"'{text[:40]}' is not a real date (YYYY-MM-DD)") from None


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "text", bool: "true/false",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)
