"""Migration 0005 and the language lens's stored counts, on real SQLite files."""

from __future__ import annotations

import shutil
from pathlib import Path

from alembic import command

from carejournal.core.domain import EntryKind
from carejournal.lens.balance import Balance
from carejournal.services.journal import Journal
from carejournal.store import engine as engine_module
from carejournal.store.lens_repo import EntryCounts
from carejournal.store.migrations import HEAD_REVISION
from carejournal.store.schema import alembic_config
from tests.conftest import draft
from tests.store.test_schema import describe_schema, migrate, sql

STEP1 = Path(__file__).parent.parent / "data" / "step1-journal.sqlite"
LENS_COLUMNS = {"word_count", "strength_words", "problem_words", "lens_version"}


def downgrade(path: Path, revision: str) -> None:
    """Run the real Alembic downgrades on path down to revision."""
    engine = engine_module.make_engine(path, foreign_keys=False)
    try:
        with engine.connect() as conn:
            config = alembic_config()
            config.attributes["connection"] = conn
            command.downgrade(config, revision)
            conn.commit()
    finally:
        engine.dispose()


def columns(path: Path, table: str) -> set[str]:
    return {row[1] for row in sql(path, f"PRAGMA table_info({table})")}


def test_a_step1_journal_upgrades_through_0005(tmp_path: Path) -> None:
    copy = tmp_path / "journal.sqlite"
    shutil.copy(STEP1, copy)
    journal = Journal.open(copy, create=True)
    try:
        assert sql(copy, "SELECT version_num FROM alembic_version") == [(HEAD_REVISION,)]
        assert LENS_COLUMNS <= columns(copy, "entries")
        total = journal.count() + journal.count(trashed=True)
        stale = sql(copy, "SELECT count(*) FROM entries WHERE lens_version IS NULL")
        assert stale == [(total,)], "entries from before 0005 wait to be counted"
        assert journal.lens.recount_stale() == total
        assert sql(copy, "SELECT count(*) FROM entries WHERE lens_version IS NULL") == [(0,)]
        expected = sum((journal.lens.balance_of(journal.get(r.id).draft())
                        for r in journal.rows()), start=Balance())
        assert journal.lens.period_balance(None, None) == expected
        assert expected.words > 0
        new = journal.add(draft("A service user, non-compliant again.",
                                dismissed=("non-compliant:non compliant",)))
        assert journal.get(new).dismissed == ("non-compliant:non compliant",)
    finally:
        journal.close()
    assert sql(copy, "PRAGMA foreign_key_check") == []


def test_fresh_and_migrated_schemas_agree_and_have_the_lens_tables(tmp_path: Path) -> None:
    fresh, migrated = tmp_path / "fresh.sqlite", tmp_path / "migrated.sqlite"
    Journal.open(fresh, create=True).close()
    migrate(migrated, "0004")
    migrate(migrated, "0005")
    migrate(migrated, HEAD_REVISION)
    described = describe_schema(fresh)
    assert described == describe_schema(migrated)
    findings = described["table entry_findings"]
    assert findings["foreign_keys"] == [("entries", "entry_id", "id", "NO ACTION", "CASCADE",
                                         "NONE")]
    assert (1, ("entry_id", "rule")) in findings["indexes"]
    assert (1, ("entry_id", "key")) in described["table entry_dismissals"]["indexes"]
    entry_columns = {c[0]: c for c in described["table entries"]["columns"]}
    assert entry_columns["word_count"][1:4] == ("INTEGER", 1, "0")
    assert entry_columns["lens_version"][2] == 0, "NULL means not yet counted"


def test_period_sums_read_an_index_not_the_entries(journal: Journal) -> None:
    with journal._repo._engine.connect() as conn:
        plan = conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT sum(word_count), sum(strength_words), "
            "sum(problem_words) FROM entries WHERE deleted_at IS NULL "
            "AND occurred_on >= '2026-01-01' AND occurred_on <= '2026-02-01'").all()
    assert "COVERING INDEX ix_entries_lens" in " ".join(str(row[-1]) for row in plan)


def test_downgrade_to_0004_gives_back_the_0004_schema_and_keeps_entries(tmp_path: Path
                                                                        ) -> None:
    path, reference = tmp_path / "journal.sqlite", tmp_path / "ref.sqlite"
    journal = Journal.open(path, create=True)
    entry_id = journal.add(draft("The service user laughed.", dismissed=("a:b",)))
    journal.close()
    downgrade(path, "0004")
    migrate(reference, "0004")
    assert describe_schema(path) == describe_schema(reference)
    assert sql(path, "SELECT id, body FROM entries") == [(entry_id, "The service user laughed.")]
    Journal.open(path, create=True).close()  # and up again
    assert sql(path, "SELECT lens_version FROM entries") == [(None,)]


def test_counts_are_stored_at_add_update_and_add_many(journal: Journal,
                                                      journal_path: Path) -> None:
    first = journal.add(draft("The service user was non-compliant. A service user."))
    rows = sql(journal_path, "SELECT rule, category, count FROM entry_findings "
                             "WHERE entry_id = ? ORDER BY rule", (first,))
    assert rows == [("non-compliant", "blame", 1), ("service-user", "labels", 2)]
    words, version = sql(journal_path, "SELECT word_count, lens_version FROM entries "
                                       "WHERE id = ?", (first,))[0]
    assert (words, version) == (9, journal.lens.version())

    journal.update(first, draft("Had tea with Ann."))
    assert sql(journal_path, "SELECT count(*) FROM entry_findings") == [(0,)]
    assert sql(journal_path, "SELECT word_count FROM entries") == [(4,)]

    journal.add_many([draft("a service user"), draft("nothing here", dismissed=("x:y",))])
    assert sql(journal_path, "SELECT e.body, f.rule, f.count FROM entry_findings f "
                             "JOIN entries e ON e.id = f.entry_id") == \
        [("a service user", "service-user", 1)]
    assert sql(journal_path, "SELECT key FROM entry_dismissals") == [("x:y",)]
    assert sql(journal_path, "SELECT count(*) FROM entries WHERE lens_version IS NULL") == [(0,)]


def test_emptying_the_trash_removes_findings_and_dismissals(journal: Journal,
                                                            journal_path: Path) -> None:
    gone = journal.add(draft("service user", dismissed=("x:y",)))
    kept = journal.add(draft("service user", EntryKind.REFLECTION))
    journal.trash([gone])
    journal.empty_trash()
    assert sql(journal_path, "SELECT entry_id FROM entry_findings") == [(kept,)]
    assert sql(journal_path, "SELECT count(*) FROM entry_dismissals") == [(0,)]


def test_recount_skips_an_entry_changed_since_it_was_read(journal: Journal,
                                                          journal_path: Path) -> None:
    entry_id = journal.add(draft("service user"))
    sql(journal_path, "UPDATE entries SET lens_version = NULL")
    repo = journal.lens._store
    (stale,) = repo.stale(journal.lens.version(), 0, 10)
    journal.update(entry_id, draft("Ann and I baked bread."))  # another window saves
    wrong = EntryCounts(99, 0, 0, (("service-user", "labels", 1),), journal.lens.version())
    assert repo.store_counts([(stale, wrong)]) == 0
    assert sql(journal_path, "SELECT word_count FROM entries") == [(5,)]
    assert sql(journal_path, "SELECT count(*) FROM entry_findings") == [(0,)]


def test_the_store_reads_stale_entries_in_batches_after_an_id(journal: Journal,
                                                              journal_path: Path) -> None:
    ids = [journal.add(draft(f"entry {n}", title=f"t{n}", strengths="kind",
                             sections=(("what", "x"),), dismissed=(f"k:{n}",)))
           for n in range(5)]
    sql(journal_path, "UPDATE entries SET lens_version = 'old' WHERE id != ?", (ids[2],))
    repo = journal.lens._store
    first = repo.stale(journal.lens.version(), 0, 2)
    assert [s.id for s in first] == [ids[0], ids[1]]
    assert first[0].version == "old" and first[0].draft.dismissed == ("k:0",)
    assert first[0].draft.strengths == "kind" and first[0].draft.sections == (("what", "x"),)
    assert [s.id for s in repo.stale(journal.lens.version(), ids[1], 2)] == [ids[3], ids[4]]
    assert repo.stale(journal.lens.version(), ids[4], 2) == []
