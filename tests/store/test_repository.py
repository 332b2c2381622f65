"""The entry store (plain reads and adds, the ORM repository) on a real SQLite file: round
trips, people and tags, trash, filters, search."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from carejournal.core.domain import EntryDraft, EntryFilter, EntryKind, EntryRow, Feeling
from carejournal.core.snippets import bracketed
from carejournal.store import writes
from carejournal.store.repository import EntryRepository
from carejournal.store.rows import RowReader
from carejournal.store.schema import open_store
from carejournal.store.tables import PEOPLE, TAGS

NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)
LATER = NOW + dt.timedelta(hours=5)


class Store:
    """The entry store as the journal uses it: plain reads and adds (store/rows.py,
    store/writes.py) beside the ORM repository for whole entries, updates and the trash."""

    def __init__(self, path: Path) -> None:
        self.engine = open_store(path, create=True)
        self.repository = EntryRepository(self.engine)
        self.reader = RowReader(self.engine)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.repository, name)

    def add(self, draft: EntryDraft, now: dt.datetime) -> int:
        return writes.add_entry(self.engine, draft, now)

    def rows(self, flt: EntryFilter) -> list[EntryRow]:
        return self.reader.rows(flt)

    def row(self, entry_id: int) -> EntryRow | None:
        return self.reader.row(entry_id)

    def count(self, trashed: bool = False) -> int:
        return self.reader.count(trashed)


def names(repo: Store, named: object) -> list[str]:
    """The people's or tags' names, as the journal lists them."""
    return repo.reader.names(named)


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Store]:
    store = Store(tmp_path / "journal.sqlite")
    yield store
    store.dispose()


def make(body: str = "A cup of tea.", kind: EntryKind = EntryKind.INTERACTION,
         day: dt.date = dt.date(2026, 2, 1), **fields: object) -> EntryDraft:
    return EntryDraft(kind=kind, occurred_on=day, body=body, **fields)  # type: ignore[arg-type]


def ids(rows: list[EntryRow]) -> list[int]:
    return [row.id for row in rows]


def search(repo: Store, text: str, **fields: object) -> list[int]:
    return ids(repo.rows(EntryFilter(text=text, **fields)))  # type: ignore[arg-type]


def test_every_field_round_trips(repo: Store) -> None:
    draft = EntryDraft(
        kind=EntryKind.FALLIBILITY, occurred_on=dt.date(2026, 2, 3), body="Line one\nLine two",
        title="Forgot the letter", occurred_time=dt.time(16, 45), shift="late",
        people=("Bo", "Ann"), tags=("paperwork",), feeling=Feeling(2, "flat"))
    entry_id = repo.add(draft, NOW)
    entry = repo.get(entry_id)
    assert entry is not None
    assert entry.draft() == EntryDraft(
        kind=EntryKind.FALLIBILITY, occurred_on=dt.date(2026, 2, 3), body="Line one\nLine two",
        title="Forgot the letter", occurred_time=dt.time(16, 45), shift="late",
        people=("Ann", "Bo"), tags=("paperwork",), feeling=Feeling(2, "flat"))
    assert entry.created_at == NOW and entry.updated_at == NOW
    assert entry.created_at.tzinfo is not None
    assert entry.deleted_at is None


def test_minimal_entry_round_trips(repo: Store) -> None:
    entry = repo.get(repo.add(make(""), NOW))
    assert entry is not None
    assert (entry.body, entry.title, entry.occurred_time, entry.feeling, entry.people,
            entry.tags) == ("", "", None, None, (), ())


def test_get_missing_is_none(repo: Store) -> None:
    assert repo.get(999) is None
    assert repo.update(999, make(), NOW) is False


def test_people_and_tags_are_shared_case_insensitively(repo: Store) -> None:
    first = repo.add(make(people=("Ann",), tags=("Meds",)), NOW)
    second = repo.add(make(people=("ANN", "bo"), tags=("meds",)), NOW)
    assert names(repo, PEOPLE) == ["Ann", "bo"]
    assert names(repo, TAGS) == ["Meds"]
    second_entry = repo.get(second)
    assert second_entry is not None and second_entry.people == ("Ann", "bo")
    assert ids(repo.rows(EntryFilter(person="aNN"))) == [second, first]
    assert ids(repo.rows(EntryFilter(tag="MEDS"))) == [second, first]


def test_add_many_shares_people_across_drafts(repo: Store) -> None:
    repo.add(make(people=("Ann",)), NOW)
    assert repo.add_many([make(people=("ann",)), make(people=("Cy",)), make(people=("CY",))],
                         NOW) == 3
    assert names(repo, PEOPLE) == ["Ann", "Cy"]


def test_update_replaces_content_people_tags_and_index(repo: Store) -> None:
    entry_id = repo.add(make("walrus story", people=("Ann", "Bo"), tags=("old",)), NOW)
    assert repo.update(entry_id, make("penguin story", title="Zoo", people=("Cy",),
                                      tags=("new",)), LATER)
    entry = repo.get(entry_id)
    assert entry is not None
    assert (entry.body, entry.title, entry.people, entry.tags) == (
        "penguin story", "Zoo", ("Cy",), ("new",))
    assert entry.created_at == NOW and entry.updated_at == LATER
    assert search(repo, "walrus") == []
    assert search(repo, "penguin") == [entry_id]
    assert search(repo, "zoo") == [entry_id]
    assert [r.summary for r in repo.rows(EntryFilter())] == ["Zoo"]
    assert repo.rows(EntryFilter(person="Ann")) == []


def test_trash_restore_and_empty(repo: Store) -> None:
    keep = repo.add(make("kept otter", people=("Ann",), tags=("t1",)), NOW)
    gone = repo.add(make("binned otter", people=("Ann", "Bo"), tags=("t2",)), NOW)
    assert repo.set_trashed([gone], LATER) == 1
    assert ids(repo.rows(EntryFilter())) == [keep]
    assert search(repo, "otter") == [keep]
    assert ids(repo.rows(EntryFilter(trashed=True))) == [gone]
    assert (repo.count(), repo.count(trashed=True)) == (1, 1)
    trashed = repo.get(gone)
    assert trashed is not None and trashed.deleted_at == LATER

    assert repo.set_trashed([gone], None) == 1
    assert ids(repo.rows(EntryFilter())) == [gone, keep]
    assert search(repo, "binned") == [gone]

    repo.set_trashed([gone], LATER)
    assert repo.empty_trash() == 1
    assert repo.get(gone) is None
    assert repo.get(keep) is not None
    assert (repo.count(), repo.count(trashed=True)) == (1, 0)
    assert names(repo, PEOPLE) == ["Ann"]  # Bo and t2 were only on the deleted entry
    assert names(repo, TAGS) == ["t1"]
    assert search(repo, "binned") == []
    assert repo.empty_trash() == 0


@pytest.fixture
def spread(repo: Store) -> dict[str, int]:
    """Five entries across kinds, days, people and tags."""
    entries = {
        "jan": make("january", EntryKind.KINDNESS, dt.date(2026, 1, 10), people=("Ann",)),
        "feb": make("february", EntryKind.INTERACTION, dt.date(2026, 2, 10), tags=("visit",)),
        "feb2": make("february again", EntryKind.REFLECTION, dt.date(2026, 2, 20),
                     people=("Ann", "Bo"), tags=("visit",)),
        "mar": make("march", EntryKind.INTERACTION, dt.date(2026, 3, 1), people=("Bo",)),
        "apr": make("april", EntryKind.FALLIBILITY, dt.date(2026, 4, 1), tags=("team",)),
    }
    return {name: repo.add(d, NOW) for name, d in entries.items()}


@pytest.mark.parametrize(("flt", "expected"), [
    (EntryFilter(), ["apr", "mar", "feb2", "feb", "jan"]),
    (EntryFilter(kinds=frozenset({EntryKind.INTERACTION})), ["mar", "feb"]),
    (EntryFilter(kinds=frozenset({EntryKind.KINDNESS, EntryKind.FALLIBILITY})), ["apr", "jan"]),
    (EntryFilter(tag="visit"), ["feb2", "feb"]),
    (EntryFilter(tag="vis"), []),
    (EntryFilter(person="Bo"), ["mar", "feb2"]),
    (EntryFilter(since=dt.date(2026, 2, 10)), ["apr", "mar", "feb2", "feb"]),
    (EntryFilter(until=dt.date(2026, 2, 20)), ["feb2", "feb", "jan"]),
    (EntryFilter(since=dt.date(2026, 2, 11), until=dt.date(2026, 3, 1)), ["mar", "feb2"]),
    (EntryFilter(limit=2), ["apr", "mar"]),
    (EntryFilter(kinds=frozenset({EntryKind.INTERACTION, EntryKind.REFLECTION}), tag="visit",
                 person="Ann", since=dt.date(2026, 2, 1)), ["feb2"]),
    (EntryFilter(person="Ann", limit=1), ["feb2"]),
    (EntryFilter(text="february", kinds=frozenset({EntryKind.INTERACTION})), ["feb"]),
    (EntryFilter(text="february", until=dt.date(2026, 2, 15)), ["feb"]),
    (EntryFilter(text="february", limit=1), ["feb2"]),
    (EntryFilter(text="february", limit=5, person="Bo"), ["feb2"]),
    (EntryFilter(text="february", limit=5, tag="visit", kinds=frozenset({EntryKind.INTERACTION})),
     ["feb"]),
    (EntryFilter(person="Nobody"), []),
])
def test_filters(repo: Store, spread: dict[str, int], flt: EntryFilter,
                 expected: list[str]) -> None:
    assert ids(repo.rows(flt)) == [spread[name] for name in expected]


def test_rows_carry_people_tags_and_summary(repo: Store,
                                            spread: dict[str, int]) -> None:
    row = next(r for r in repo.rows(EntryFilter()) if r.id == spread["feb2"])
    assert (row.people, row.tags, row.summary, row.kind) == (
        ("Ann", "Bo"), ("visit",), "february again", EntryKind.REFLECTION)
    assert row.snippet == ""


def test_newest_first_by_date_then_time_then_id(repo: Store) -> None:
    day = dt.date(2026, 2, 1)
    untimed_a = repo.add(make(day=day), NOW)
    morning = repo.add(make(day=day, occurred_time=dt.time(9, 0)), NOW)
    evening = repo.add(make(day=day, occurred_time=dt.time(21, 30)), NOW)
    untimed_b = repo.add(make(day=day), NOW)
    morning_b = repo.add(make(day=day, occurred_time=dt.time(9, 0)), NOW)
    next_day = repo.add(make(day=dt.date(2026, 2, 2), occurred_time=dt.time(1, 0)), NOW)
    older = repo.add(make(day=dt.date(2025, 12, 31), occurred_time=dt.time(23, 59)), NOW)
    assert ids(repo.rows(EntryFilter())) == [
        next_day, evening, morning_b, morning, untimed_b, untimed_a, older]


def test_search_prefix_diacritics_and_snippet(repo: Store) -> None:
    cafe = repo.add(make("Met at the café for a chat about gardening"), NOW)
    title = repo.add(make("nothing here", title="Naïve question"), NOW)
    assert search(repo, "cafe") == [cafe]
    assert search(repo, "CAFÉ") == [cafe]
    assert search(repo, "garden") == [cafe]  # the last word is a prefix
    assert search(repo, "gard chat") == []  # only the last word is a prefix
    assert search(repo, "chat gard") == [cafe]
    assert search(repo, "naive") == [title]
    row = repo.rows(EntryFilter(text="gardening"))[0]
    assert "[gardening]" in bracketed(row.snippet)


@pytest.mark.parametrize("text", ['"', 'cafe"', "AND", "cafe OR", "NOT cafe", "NEAR(cafe)",
                                  "(", "*", "body:cafe", "^cafe", "-", "🙂", "\x00", "cafe\x00tea",
                                  "'; DROP"])
def test_search_with_operators_and_quotes_does_not_raise(repo: Store,
                                                         text: str) -> None:
    repo.add(make("cafe AND tea"), NOW)
    repo.rows(EntryFilter(text=text))


def test_search_operators_are_plain_words(repo: Store) -> None:
    both = repo.add(make("tea AND cake"), NOW)
    repo.add(make("tea only"), NOW)
    assert search(repo, "tea AND cake") == [both]
    assert search(repo, "tea OR") == []  # 'OR' is a word to find, not an operator


def test_search_of_punctuation_only_finds_nothing(repo: Store) -> None:
    repo.add(make("!!! ???"), NOW)
    assert search(repo, "?!") == []


def test_add_many_is_indexed_and_keeps_the_insert_trigger(repo: Store) -> None:
    assert repo.add_many((make(f"bulk entry number{n}") for n in range(50)), NOW) == 50
    assert len(search(repo, "bulk")) == 50
    assert len(search(repo, "number4")) == 11  # number4, number40..49
    single = repo.add(make("single heron"), NOW)
    assert search(repo, "heron") == [single]  # the insert trigger is back after bulk load


def test_limited_search_shows_the_newest_matches_with_their_own_snippets(
        repo: Store) -> None:
    days = [dt.date(2026, 1, d) for d in (5, 1, 9, 3, 7)]
    made = {day: repo.add(make(f"a walk on day {day.day} by the river", day=day,
                               people=("Ann",), tags=("outing",)), NOW) for day in days}
    repo.add(make("no match here", day=dt.date(2026, 1, 8)), NOW)
    gone = repo.add(make("a river walk, trashed", day=dt.date(2026, 1, 10)), NOW)
    repo.set_trashed([gone], LATER)
    rows = repo.rows(EntryFilter(text="river", limit=3))
    assert ids(rows) == [made[dt.date(2026, 1, d)] for d in (9, 7, 5)]
    assert [bracketed(r.snippet) for r in rows] == [
        f"a walk on day {d} by the [river]" for d in (9, 7, 5)]
    assert (rows[0].people, rows[0].tags, rows[0].summary) == (
        ("Ann",), ("outing",), "a walk on day 9 by the river")
    assert rows == repo.rows(EntryFilter(text="river"))[:3]
    trashed = repo.rows(EntryFilter(text="river", limit=3, trashed=True))
    assert ids(trashed) == [gone] and "[river]" in bracketed(trashed[0].snippet)
    assert repo.rows(EntryFilter(text="nowhere", limit=3)) == []
