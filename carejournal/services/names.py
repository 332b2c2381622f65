"""People and tags by name: list them with their entries counted, rename them, merge two.

Entries point to a person or a tag, so every entry follows a rename or a merge. A person's
old name is kept among the other names they go by (their nicknames), so a supervision pack
still hides it where an entry's text uses it; merging keeps the merged person's name and
nicknames the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from carejournal.core.domain import InvalidInput, clean_name

PersonCount = tuple[str, str, str, int]
TagCount = tuple[str, int]


@dataclass(frozen=True, slots=True)
class PersonRow:
    """Someone in the journal: their name, other names, pack alias and entries (trash too)."""

    name: str
    nicknames: tuple[str, ...]
    alias: str
    entries: int


@dataclass(frozen=True, slots=True)
class TagRow:
    """A tag and the number of entries that carry it (trash too)."""

    name: str
    entries: int


class _Store(Protocol):
    def people(self) -> list[PersonCount]: ...
    def tags(self) -> list[TagCount]: ...
    def rename_person(self, old: str, new: str) -> list[int] | None: ...
    def merge_people(self, source: str, target: str, nicknames: str, alias: str
                     ) -> list[int] | None: ...
    def rename_tag(self, old: str, new: str) -> list[int] | None: ...
    def merge_tags(self, source: str, target: str) -> list[int] | None: ...


class _Names(Protocol):  # SupervisionService's part that knows people by name
    def set_names(self, name: str, nicknames: Sequence[str], alias: str) -> None: ...
    def person_renamed(self, old: str, new: str) -> None: ...


class NamesService:
    """Renames and merges people and tags; each write returns the entries that followed."""

    def __init__(self, store: _Store, names: _Names) -> None:
        self._store = store
        self._names = names

    def people(self) -> list[PersonRow]:
        """Everyone, by name, with their other names, alias and entries."""
        return [PersonRow(name, tuple(n for n in nick.splitlines() if n), alias, count)
                for name, nick, alias, count in self._store.people()]

    def tags(self) -> list[TagRow]:
        """Every tag, by name, with its entries."""
        return [TagRow(name, count) for name, count in self._store.tags()]

    def person(self, name: str) -> PersonRow:
        """The person of this name (any case); InvalidInput if there is nobody so called."""
        wanted = clean_name(name).casefold()
        found = next((p for p in self.people() if p.name.casefold() == wanted), None)
        if found is None:
            raise InvalidInput(f"there is nobody called '{name}' in the journal")
        return found

    def tag(self, name: str) -> TagRow:
        """The tag of this name (any case); InvalidInput if there is none."""
        wanted = clean_name(name).casefold()
        found = next((t for t in self.tags() if t.name.casefold() == wanted), None)
        if found is None:
            raise InvalidInput(f"there is no tag '{name}' in the journal")
        return found

    def set_names(self, name: str, nicknames: Sequence[str], alias: str) -> None:
        """Set the other names someone goes by and their alias (SupervisionService)."""
        self._names.set_names(self.person(name).name, nicknames, alias)

    def rename_person(self, old: str, new: str) -> list[int]:
        """Call someone by a new name in every entry; the entries that follow. The old
        name stays among their other names (unless only its capitals changed)."""
        person = self.person(old)
        name = _new_name(new, "name")
        if name.casefold() != person.name.casefold():
            other = next((p for p in self.people() if p.name.casefold() == name.casefold()),
                         None)
            if other is not None:
                raise InvalidInput(f"there is already someone called '{other.name}': merge "
                                   f"'{person.name}' into them instead")
        moved = self._store.rename_person(person.name, name)
        if moved is None:
            raise InvalidInput(f"there is nobody called '{old}' in the journal")
        if name.casefold() != person.name.casefold():
            self._names.set_names(name, (*person.nicknames, person.name), person.alias)
        self._names.person_renamed(person.name, name)
        return moved

    def merge_people(self, source: str, target: str) -> list[int]:
        """Move every entry and goal of `source` to `target` and remove `source`; the
        entries moved. `source`'s names join `target`'s other names."""
        old, new = self.person(source), self.person(target)
        if old.name == new.name:
            raise InvalidInput(f"'{old.name}' cannot be merged into themselves")
        nicknames = "\n".join(_unique((*new.nicknames, old.name, *old.nicknames), new.name))
        moved = self._store.merge_people(old.name, new.name, nicknames,
                                         new.alias or old.alias)
        if moved is None:
            raise InvalidInput(f"there is nobody called '{source}' in the journal")
        self._names.person_renamed(old.name, new.name)
        return moved

    def rename_tag(self, old: str, new: str) -> list[int]:
        """Rename a tag in every entry; the entries that follow."""
        tag = self.tag(old)
        name = _new_name(new, "tag")
        if name.casefold() != tag.name.casefold():
            other = next((t for t in self.tags() if t.name.casefold() == name.casefold()),
                         None)
            if other is not None:
                raise InvalidInput(f"there is already a tag '{other.name}': merge "
                                   f"'{tag.name}' into it instead")
        moved = self._store.rename_tag(tag.name, name)
        if moved is None:
            raise InvalidInput(f"there is no tag '{old}' in the journal")
        return moved

    def merge_tags(self, source: str, target: str) -> list[int]:
        """Put `target` on every entry tagged `source` and remove `source`; the entries."""
        old, new = self.tag(source), self.tag(target)
        if old.name == new.name:
            raise InvalidInput(f"the tag '{old.name}' cannot be merged into itself")
        moved = self._store.merge_tags(old.name, new.name)
        if moved is None:
            raise InvalidInput(f"there is no tag '{source}' in the journal")
        return moved


def _new_name(text: str, what: str) -> str:
    """A cleaned new name; InvalidInput if it is empty."""
    name = clean_name(text)
    if not name:
        raise InvalidInput(f"give the new {what}")
    return name


def _unique(names: Sequence[str], leave_out: str) -> list[str]:
    """The names once each (any case), without leave_out."""
    seen = {leave_out.casefold()}
    kept = []
    for name in names:
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            kept.append(name)
    return kept
