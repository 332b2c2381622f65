"""What a write changed, so each view can tell whether it needs to look again.

In the spirit of Anki's OpChanges: a write to the journal returns a Changes (or a Done, its
result with the Changes), the window hands it to one signal, and every view asks it one
question ("does this concern me?") instead of being refreshed by hand after each write.
Pure values: no Qt, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """What one write (or several, merged with |) changed in the journal.

    entries: the entries whose content changed (written, reworded, moved in or out of the
    trash). listing: which entries are listed may have changed (an entry added, trashed,
    restored, deleted for good), so a list is read again rather than one row replaced.
    shown: the entry the write is about, for a view that shows one (a new entry, one brought
    back from the trash); None for none.
    """

    entries: frozenset[int] = field(default_factory=frozenset)
    listing: bool = False
    trash: bool = False  # the trash's content changed
    action_items: bool = False  # an action item was marked done or not done
    goals: bool = False  # goals or their attempts
    little_things: bool = False  # the catalogue of little things (added, reworded, retired)
    supervision: bool = False  # supervision sessions and their agreed actions
    preparation: bool = False  # the preparation for supervision (it may reword entries)
    settings: bool = False  # shifts, reminders, thresholds, locking
    lens_rules: bool = False  # the language lens's rules switched on or off
    names: bool = False  # people or tags renamed or merged: entries showing them read again
    cpd: bool = False  # learning or feedback records (the registration tracker's figures)
    shown: int | None = None

    def __or__(self, other: Changes) -> Changes:
        """Both changes at once; the later write's shown entry wins."""
        return Changes(
            entries=self.entries | other.entries,
            listing=self.listing or other.listing,
            trash=self.trash or other.trash,
            action_items=self.action_items or other.action_items,
            goals=self.goals or other.goals,
            little_things=self.little_things or other.little_things,
            supervision=self.supervision or other.supervision,
            preparation=self.preparation or other.preparation,
            settings=self.settings or other.settings,
            lens_rules=self.lens_rules or other.lens_rules,
            names=self.names or other.names,
            cpd=self.cpd or other.cpd,
            shown=other.shown if other.shown is not None else self.shown,
        )

    def __bool__(self) -> bool:
        """Whether anything changed at all."""
        return self != NOTHING

    @property
    def touches_entries(self) -> bool:
        """Whether any entry was written, moved or deleted (or may have been reworded)."""
        return (bool(self.entries) or self.listing or self.trash or self.preparation
                or self.names)

    @classmethod
    def added(cls, entry_id: int) -> Changes:
        """A new entry was stored (and is the one to show)."""
        return cls(entries=frozenset({entry_id}), listing=True, shown=entry_id)

    @classmethod
    def edited(cls, entry_id: int) -> Changes:
        """One entry's content was replaced; the list holds the same entries."""
        return cls(entries=frozenset({entry_id}))

    @classmethod
    def moved(cls, entry_ids: Iterable[int], shown: int | None = None) -> Changes:
        """Entries were moved to the trash or back from it."""
        return cls(entries=frozenset(entry_ids), listing=True, trash=True, shown=shown)


NOTHING = Changes()


def merge(changes: Iterable[Changes]) -> Changes:
    """All the changes as one."""
    merged = NOTHING
    for one in changes:
        merged = merged | one
    return merged


@dataclass(frozen=True)
class Done(Generic[T]):
    """A write's usual result (an id, a count) and what it changed."""

    value: T
    changes: Changes
