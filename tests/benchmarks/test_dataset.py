"""The benchmark data: deterministic, realistic, and the same in CareJournal and jrnl."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from benchmarks import dataset
from benchmarks.dataset import BenchEntry, generate
from benchmarks.peer import Jrnl
from carejournal.core.domain import EntryKind
from carejournal.exchange.jrnl import parse_jrnl
from carejournal.services.journal import Journal

SMALL = 60
MEDIUM = 300


@pytest.fixture(scope="module")
def medium() -> list[BenchEntry]:
    """300 entries from the fixed seed."""
    return generate(MEDIUM)


def test_same_seed_same_data_and_another_seed_other_data(tmp_path: Path) -> None:
    first, second = generate(SMALL), generate(SMALL)
    assert first == second
    assert generate(SMALL, seed=dataset.SEED + 1) != first
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    dataset.write_jrnl(one, first)
    dataset.write_jrnl(two, second)
    assert one.read_bytes() == two.read_bytes()


def test_bodies_are_150_to_400_words(medium: list[BenchEntry]) -> None:
    counts = [len(e.body.split()) for e in medium]
    assert min(counts) >= dataset.MIN_WORDS
    assert max(counts) <= dataset.MAX_WORDS


def test_every_kind_and_the_structured_parts_are_there(medium: list[BenchEntry]) -> None:
    assert {e.kind for e in medium} == set(EntryKind)
    assert any(e.model not in ("", "free") and e.sections for e in medium)
    assert any(e.acts for e in medium if e.kind is EntryKind.KINDNESS)
    assert any(e.decisions for e in medium)
    assert any(e.starred for e in medium)


def test_about_sixty_people_and_25_tags(medium: list[BenchEntry]) -> None:
    people = {p for e in medium for p in e.people}
    assert 50 <= len(people) <= 60
    assert len({t for e in medium for t in e.tags}) == len(dataset.TAGS) == 25
    share = sum(dataset.TAG in e.tags for e in medium) / len(medium)
    assert 0.03 < share < 0.2
    assert sum(dataset.SEARCH_WORD in dataset.jrnl_body(e).lower() for e in medium) > 10


def test_ten_years_ending_on_the_end_date_sorted() -> None:
    end = dt.date(2020, 6, 30)
    entries = generate(MEDIUM, end=end)
    days = [e.when.date() for e in entries]
    assert days == sorted(days)
    assert days[-1] <= end
    assert days[0] >= dataset.start_of(end) == dt.date(2010, 7, 1)
    assert (days[-1] - days[0]).days > 3_500


def test_write_carejournal_holds_everything(tmp_path: Path) -> None:
    entries = generate(SMALL)
    path = tmp_path / "bench.carejournal"
    dataset.write_carejournal(path, entries)
    journal = Journal.open(path)
    try:
        assert journal.count() == len(entries)
        goals = journal.goals.list()
        assert goals
        assert all(journal.goals.attempts(g.id) for g in goals)
        sessions = journal.supervision.sessions()
        assert len(sessions) >= 12 * dataset.YEARS
        assert any(s.actions for s in sessions)
        starred = sum(e.starred for e in entries)
        assert len(journal.rows()) == len(entries)
        assert ("starred" in journal.tags()) == bool(starred)
    finally:
        journal.close()


def test_jrnl_export_imports_every_entry(medium: list[BenchEntry]) -> None:
    exported = dataset.jrnl_export(medium)
    plan = parse_jrnl(json.dumps(exported), "bench.json")
    assert len(plan.entries) == len(medium)
    starred = sum(e.starred for e in medium)
    assert sum("starred" in p.draft.tags for p in plan.entries) == starred
    assert exported["tags"]["@" + dataset.TAG] == sum(dataset.TAG in e.tags for e in medium)


@pytest.mark.skipif(not Jrnl.available(), reason="jrnl is not installed beside this Python "
                    "(pip install 'jrnl>=4.6,<5', the bench extra)")
def test_real_jrnl_reads_the_same_entries(tmp_path: Path) -> None:
    entries = generate(SMALL)
    text = tmp_path / "journal.txt"
    dataset.write_jrnl(text, entries)
    jrnl = Jrnl(tmp_path / "peer", text)
    real = jrnl.export()
    mine = dataset.jrnl_export(entries)
    assert len(real["entries"]) == len(entries)
    assert [e["title"] for e in real["entries"]] == [e["title"] for e in mine["entries"]]
    assert [sorted(e["tags"]) for e in real["entries"]] == [e["tags"] for e in mine["entries"]]
    assert real["entries"] == [e | {"tags": r["tags"]} for e, r in
                               zip(mine["entries"], real["entries"], strict=True)]
    assert real["tags"] == mine["tags"]
