"""People's and tags' names: how many entries carry each, renaming and merging.

A person or a tag is one row that entries point to (entry_people, entry_tags; a goal points
to its person), so renaming one row renames it in every entry, and merging moves every
pointer of one row onto the other before the row goes. Each write is one transaction.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, Table, delete, func, insert, literal, select, update

from carejournal.store.engine import writer
from carejournal.store.models import GoalRecord, Person, Tag, entry_people, entry_tags

_P = Person.__table__.c
_T = Tag.__table__.c
_EP = entry_people.c
_ET = entry_tags.c
_GOALS = GoalRecord.__table__
_G = _GOALS.c
_PEOPLE = Person.__table__
_TAGS = Tag.__table__
PersonCount = tuple[str, str, str, int]  # (name, nicknames one per line, alias, entries)
TagCount = tuple[str, int]  # (name, entries)


class NamesRepository:
    """Reads and writes the people and tags tables; each call is its own transaction."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._writer = writer(engine)

    def people(self) -> list[PersonCount]:
        """Everyone with their nicknames, alias and number of entries (trash too), by name."""
        count = (select(func.count()).select_from(entry_people)
                 .where(_EP.person_id == _P.id).scalar_subquery())
        with self._engine.connect() as conn:
            rows = conn.execute(select(_P.name, _P.nicknames, _P.alias, count)
                                .order_by(_P.name))
            return [(r[0], r[1], r[2], r[3]) for r in rows]

    def tags(self) -> list[TagCount]:
        """Every tag with its number of entries (trash too), by name."""
        count = (select(func.count()).select_from(entry_tags)
                 .where(_ET.tag_id == _T.id).scalar_subquery())
        with self._engine.connect() as conn:
            return [(r[0], r[1]) for r in conn.execute(select(_T.name, count)
                                                       .order_by(_T.name))]

    def rename_person(self, old: str, new: str) -> list[int] | None:
        """Call the person `old` by `new` in every entry; the entries, or None if there is
        nobody called `old`. (The caller has made sure no one else is called `new`.)"""
        with self._writer.begin() as conn:
            person = _id(conn, _PEOPLE, old)
            if person is None:
                return None
            conn.execute(update(_PEOPLE).where(_P.id == person).values(name=new))
            return _entries(conn, entry_people, "person_id", person)

    def merge_people(self, source: str, target: str, nicknames: str, alias: str
                     ) -> list[int] | None:
        """Move every entry and goal of `source` onto `target` (with these nicknames and
        alias), then remove `source`; the entries moved, or None if either is missing."""
        with self._writer.begin() as conn:
            old, new = _id(conn, _PEOPLE, source), _id(conn, _PEOPLE, target)
            if old is None or new is None:
                return None
            moved = _entries(conn, entry_people, "person_id", old)
            _move(conn, entry_people, "person_id", old, new)
            conn.execute(update(_GOALS).where(_G.person_id == old).values(person_id=new))
            conn.execute(update(_PEOPLE).where(_P.id == new)
                         .values(nicknames=nicknames, alias=alias))
            conn.execute(delete(_PEOPLE).where(_P.id == old))
            return moved

    def rename_tag(self, old: str, new: str) -> list[int] | None:
        """Rename a tag in every entry; the entries, or None if there is no such tag."""
        with self._writer.begin() as conn:
            tag = _id(conn, _TAGS, old)
            if tag is None:
                return None
            conn.execute(update(_TAGS).where(_T.id == tag).values(name=new))
            return _entries(conn, entry_tags, "tag_id", tag)

    def merge_tags(self, source: str, target: str) -> list[int] | None:
        """Put `target` on every entry tagged `source`, then remove `source`; the entries
        moved, or None if either tag is missing."""
        with self._writer.begin() as conn:
            old, new = _id(conn, _TAGS, source), _id(conn, _TAGS, target)
            if old is None or new is None:
                return None
            moved = _entries(conn, entry_tags, "tag_id", old)
            _move(conn, entry_tags, "tag_id", old, new)
            conn.execute(delete(_TAGS).where(_T.id == old))
            return moved


def _id(conn: Connection, table: Table, name: str) -> int | None:
    """The id of the person or tag of this name (any case, by the column's collation)."""
    found: int | None = conn.scalar(select(table.c.id).where(table.c.name == name))
    return found


def _entries(conn: Connection, link: Table, key: str, owner: int) -> list[int]:
    """The entries that point to this person or tag."""
    return list(conn.scalars(select(link.c.entry_id).where(link.c[key] == owner)
                             .order_by(link.c.entry_id)))


def _move(conn: Connection, link: Table, key: str, old: int, new: int) -> None:
    """Point every entry of `old` to `new` (once each), and drop the links to `old`."""
    already = select(link.c.entry_id).where(link.c[key] == new)
    conn.execute(insert(link).from_select(
        ["entry_id", key],
        select(link.c.entry_id, literal(new)).where(link.c[key] == old,
                                                    link.c.entry_id.not_in(already))))
    conn.execute(delete(link).where(link.c[key] == old))
