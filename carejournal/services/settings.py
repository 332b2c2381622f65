"""Journal settings, checked: the attempts threshold, usual shifts, reminders, the
language-lens rules switched off, supervision (prompt days, the worker's name) and the lock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Protocol

from carejournal.core.domain import InvalidInput, parse_time
from carejournal.core.shifts import Shift, days_text, parse_days
from carejournal.core.supervision import DEFAULT_PROMPT_DAYS, MAX_PROMPT_DAYS

LENS_RULES_OFF = "lens_rules_off"
DEFAULT_ATTEMPTS_THRESHOLD = 5
MAX_ATTEMPTS_THRESHOLD = 100
DEFAULT_LOCK_MINUTES = 10
MAX_LOCK_MINUTES = 240


class _Store(Protocol):
    def get(self, key: str) -> Any: ...
    def set(self, key: str, value: Any) -> None: ...


class SettingsService:
    """Typed access to the settings kept in the journal file."""

    def __init__(self, store: _Store) -> None:
        self._store = store

    def attempts_threshold(self) -> int:
        """Goals ended after fewer attempts than this first ask the fallibility question."""
        value = self._store.get("attempts_threshold")
        return value if isinstance(value, int) and 1 <= value <= MAX_ATTEMPTS_THRESHOLD \
            else DEFAULT_ATTEMPTS_THRESHOLD

    def set_attempts_threshold(self, value: int) -> None:
        if not 1 <= value <= MAX_ATTEMPTS_THRESHOLD:
            raise InvalidInput(f"the number of attempts must be from 1 to "
                               f"{MAX_ATTEMPTS_THRESHOLD}, not {value}")
        self._store.set("attempts_threshold", value)

    def shifts(self) -> list[Shift]:
        """The worker's usual shifts (none until they enter them)."""
        stored = self._store.get("shifts")
        shifts: list[Shift] = []
        for item in stored if isinstance(stored, list) else []:
            try:
                shifts.append(Shift(item["name"], parse_time(item["start"]),
                                    parse_time(item["end"]), parse_days(item.get("days", ""))))
            except (KeyError, TypeError, InvalidInput):
                continue  # a damaged setting is skipped, never fatal
        return shifts

    def set_shifts(self, shifts: list[Shift]) -> None:
        names = [s.name.casefold() for s in shifts]
        if len(set(names)) != len(names):
            raise InvalidInput("two shifts have the same name; give each its own")
        self._store.set("shifts", [
            {"name": s.name, "start": f"{s.start:%H:%M}", "end": f"{s.end:%H:%M}",
             "days": days_text(s.weekdays)} for s in shifts])

    def reminders_on(self) -> bool:
        """Whether to ask how a shift went, shortly after it ends."""
        return self._store.get("shift_reminders") is not False

    def set_reminders_on(self, on: bool) -> None:
        self._store.set("shift_reminders", bool(on))

    def reminder_handled_until(self) -> dt.datetime | None:
        """Shifts ending at or before this were already asked about."""
        value = self._store.get("reminder_handled_until")
        try:
            return dt.datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            return None

    def set_reminder_handled_until(self, when: dt.datetime) -> None:
        self._store.set("reminder_handled_until", when.isoformat(timespec="minutes"))

    def lens_rules_off(self) -> frozenset[str]:
        """Ids of the language-lens rules the worker switched off (a damaged value: none)."""
        value = self._store.get(LENS_RULES_OFF)
        if not isinstance(value, list):
            return frozenset()
        return frozenset(v for v in value if isinstance(v, str) and v)

    def set_lens_rules_off(self, rule_ids: Iterable[str]) -> None:
        """Keep these rule ids switched off (stored as one sorted list)."""
        self._store.set(LENS_RULES_OFF, sorted(set(rule_ids)))

    def prompt_days(self) -> int:
        """How many days before a supervision session to suggest preparing for it."""
        value = self._store.get("supervision_prompt_days")
        return value if isinstance(value, int) and 0 <= value <= MAX_PROMPT_DAYS \
            else DEFAULT_PROMPT_DAYS

    def set_prompt_days(self, days: int) -> None:
        if not 0 <= days <= MAX_PROMPT_DAYS:
            raise InvalidInput(f"the number of days must be from 0 to {MAX_PROMPT_DAYS}, "
                               f"not {days}")
        self._store.set("supervision_prompt_days", days)

    def worker_name(self) -> str:
        """The worker's name for the cover of a supervision pack (empty: left off)."""
        value = self._store.get("worker_name")
        return value if isinstance(value, str) else ""

    def set_worker_name(self, name: str) -> None:
        clean = " ".join(name.split())
        if len(clean) > 200:
            raise InvalidInput("a name is 200 characters at most")
        self._store.set("worker_name", clean)

    def lock_minutes(self) -> int:
        """Lock CareJournal after this many minutes without use (0: never)."""
        value = self._store.get("lock_minutes")
        valid = isinstance(value, int) and not isinstance(value, bool)
        return value if valid and 0 <= value <= MAX_LOCK_MINUTES else DEFAULT_LOCK_MINUTES

    def set_lock_minutes(self, minutes: int) -> None:
        if isinstance(minutes, bool) or not 0 <= minutes <= MAX_LOCK_MINUTES:
            raise InvalidInput(f"the minutes before locking must be from 0 (never) to "
                               f"{MAX_LOCK_MINUTES}, not {minutes}")
        self._store.set("lock_minutes", minutes)
