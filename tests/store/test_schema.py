"""Opening journal files: creation, permissions, migrations, refusals and locking."""

from __future__ import annotations

import datetime as dt
import functools
import re
import sqlite3
import stat
from pathlib import Path

import alembic.op
import pytest
from alembic import command

from carejournal.core.domain import EntryDraft, EntryFilter, EntryKind
from carejournal.core.errors import (
    JournalFolderMissing,
    JournalLocked,
    JournalMissing,
    JournalTooNew,
    MigrationFailed,
    NotAJournal,
)
from carejournal.services.journal import Journal
from carejournal.store import cipher, schema
from carejournal.store import engine as engine_module
from carejournal.store.backup import make_backup
from carejournal.store.schema import alembic_config, head_revision


def migrate(path: Path, revision: str) -> None:
    """Run the real Alembic migrations on path up to revision, as CareJournal does."""
    engine = engine_module.make_engine(path, foreign_keys=False)
    try:
        with engine.connect() as conn:
            config = alembic_config()
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
            conn.commit()
    finally:
        engine.dispose()


def sql(path: Path, statement: str, params: tuple = ()) -> list[tuple]:
    """Run one statement on path with a connection of its own and commit.

    The process's one SQLite library (cipher.library()), as the app uses: a connection of
    stdlib sqlite3 beside SQLCipher's would drop the open journal's locks as it closes.
    """
    conn = cipher.library().connect(path)
    try:
        rows = conn.execute(statement, params).fetchall()
        conn.commit()
        return rows
    finally:
        conn.close()


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in folder (recursively) with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


DRAFT = EntryDraft(kind=EntryKind.REFLECTION, occurred_on=dt.date(2026, 1, 2), body="hello")


def describe_schema(path: Path) -> dict[str, object]:
    """Tables with their columns, foreign keys, indexes and checks; triggers and index SQL."""
    conn = sqlite3.connect(path)
    try:
        master = conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchall()
        described: dict[str, object] = {}
        for kind, name, text in master:
            flat = " ".join((text or "").split())
            if kind == "table":
                columns = sorted(conn.execute(f'PRAGMA table_xinfo("{name}")').fetchall(),
                                 key=lambda c: c[1])
                described[f"table {name}"] = {
                    "columns": [c[1:] for c in columns],
                    "foreign_keys": sorted(r[2:] for r in conn.execute(
                        f'PRAGMA foreign_key_list("{name}")')),
                    "indexes": sorted(
                        (r[2], tuple(i[2] for i in conn.execute(f'PRAGMA index_info("{r[1]}")')))
                        for r in conn.execute(f'PRAGMA index_list("{name}")')),
                    "checks": sorted(re.findall(r"CONSTRAINT (\w+) CHECK", flat)),
                    "collations": sorted(re.findall(r'(\w+) [\w()]+ COLLATE "?(\w+)', flat)),
                    "virtual": flat if flat.startswith("CREATE VIRTUAL") else "",
                }
            else:
                described[f"{kind} {name}"] = flat.replace('"', "")
        return described
    finally:
        conn.close()


def build_0001_journal(path: Path) -> None:
    """A journal as CareJournal 0001 left it, with two entries, people and tags."""
    migrate(path, "0001")
    stamp = "2025-03-04 10:00:00.000000"
    sql(path, "INSERT INTO entries (id, kind, occurred_on, occurred_time, shift, title, body, "
              "feeling_score, feeling_word, created_at, updated_at) VALUES "
              "(1, 'interaction', '2025-03-04', '09:30:00.000000', 'early', '', "
              "'\n  Walked to the allotment with Ann\nsecond line', 3, 'calm', ?, ?), "
              "(2, 'reflection', '2025-03-05', NULL, '', 'Supervision notes', "
              "'Talked about boundaries', NULL, '', ?, ?)", (stamp,) * 4)
    sql(path, "INSERT INTO people (id, name) VALUES (1, 'Ann'), (2, 'Bo')")
    sql(path, "INSERT INTO tags (id, name) VALUES (1, 'outing'), (2, 'team')")
    sql(path, "INSERT INTO entry_people VALUES (1, 1), (1, 2), (2, 2)")
    sql(path, "INSERT INTO entry_tags VALUES (1, 1), (2, 2)")


# -- creating -------------------------------------------------------------------------------
def test_new_journal_is_owner_only(journal_path: Path) -> None:
    journal = Journal.open(journal_path, create=True)
    try:
        journal.add(DRAFT)
        files = [p for p in journal_path.parent.iterdir() if p.name.startswith("journal.sqlite")]
        assert stat.S_IMODE(journal_path.stat().st_mode) == 0o600
        for path in files:  # the -wal and -shm files while open
            assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path.name
    finally:
        journal.close()


def test_open_twice_keeps_entries(journal_path: Path) -> None:
    first = Journal.open(journal_path, create=True)
    first.add(DRAFT)
    second = Journal.open(journal_path, create=True)
    try:
        assert second.count() == 1
        second.add(DRAFT)
        assert first.count() == 2
    finally:
        first.close()
        second.close()
    reopened = Journal.open(journal_path, create=True)
    assert reopened.count() == 2
    reopened.close()


def test_service_connections_use_wal_full_sync_and_foreign_keys(journal: Journal) -> None:
    with journal._repo._engine.connect() as conn:
        pragmas = {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
                   for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")}
    assert pragmas == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1,
                       "busy_timeout": engine_module.BUSY_TIMEOUT_MS}


def test_fresh_schema_equals_migrated_schema(tmp_path: Path) -> None:
    fresh, migrated = tmp_path / "fresh.sqlite", tmp_path / "migrated.sqlite"
    Journal.open(fresh, create=True).close()
    migrate(migrated, "head")
    assert describe_schema(fresh) == describe_schema(migrated)
    assert sql(fresh, "SELECT version_num FROM alembic_version") == [(head_revision(),)]


# -- upgrading ------------------------------------------------------------------------------
def test_upgrade_from_0001_keeps_everything(journal_path: Path) -> None:
    build_0001_journal(journal_path)
    journal = Journal.open(journal_path, create=True)
    try:
        first = journal.get(1)
        assert first.people == ("Ann", "Bo") and first.tags == ("outing",)
        assert first.body == "\n  Walked to the allotment with Ann\nsecond line"
        assert first.occurred_time == dt.time(9, 30) and first.shift == "early"
        assert first.feeling is not None and first.feeling.score == 3
        assert journal.get(2).people == ("Bo",)
        rows = {r.id: r for r in journal.rows()}
        assert rows[1].summary == "Walked to the allotment with Ann"
        assert rows[2].summary == "Supervision notes"
        assert [r.id for r in journal.rows(EntryFilter(text="allotment"))] == [1]
        assert [r.id for r in journal.rows(EntryFilter(text="supervision"))] == [2]
        assert [r.id for r in journal.rows(EntryFilter(person="bo"))] == [2, 1]
        new_id = journal.add(DRAFT)
        assert [r.id for r in journal.rows(EntryFilter(text="hello"))] == [new_id]
    finally:
        journal.close()
    assert sql(journal_path, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    assert sql(journal_path, "PRAGMA foreign_key_check") == []


def test_upgrade_leaves_a_backup_at_the_old_revision(journal_path: Path) -> None:
    build_0001_journal(journal_path)
    Journal.open(journal_path, create=True).close()
    backups = list((journal_path.parent / "backups").iterdir())
    assert len(backups) == 1
    backup = backups[0]
    assert "0001" in backup.name
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert sql(backup, "SELECT version_num FROM alembic_version") == [("0001",)]
    assert sql(backup, "SELECT count(*) FROM entry_people") == [(3,)]
    Journal.open(journal_path, create=True).close()  # already current: no second backup
    assert len(list((journal_path.parent / "backups").iterdir())) == 1


def test_new_journal_makes_no_backup(journal: Journal) -> None:
    assert not (journal.path.parent / "backups").exists()


def test_failed_migration_rolls_back_whole(journal_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    build_0001_journal(journal_path)

    def fail() -> None:  # 0002 calls op.get_bind() right after rebuilding the entries table
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(alembic.op, "get_bind", fail)
    with pytest.raises(MigrationFailed, match="nothing was changed"):
        Journal.open(journal_path, create=True)
    assert sql(journal_path, "SELECT version_num FROM alembic_version") == [("0001",)]
    assert sql(journal_path, "SELECT count(*) FROM entry_people") == [(3,)]
    assert sql(journal_path, "SELECT count(*) FROM entries") == [(2,)]
    columns = [c[1] for c in sql(journal_path, "PRAGMA table_info(entries)")]
    assert "summary" not in columns
    tables = {r[0] for r in sql(journal_path, "SELECT name FROM sqlite_master")}
    assert "entries_fts" not in tables and not any(t.startswith("_alembic") for t in tables)

    monkeypatch.undo()  # and a later, working upgrade still succeeds
    journal = Journal.open(journal_path, create=True)
    assert journal.get(1).people == ("Ann", "Bo")
    journal.close()


# -- refusing -------------------------------------------------------------------------------
def test_unknown_revision_is_too_new_and_untouched(journal_path: Path) -> None:
    Journal.open(journal_path, create=True).close()
    sql(journal_path, "UPDATE alembic_version SET version_num = 'ffff'")
    before = snapshot(journal_path.parent)
    with pytest.raises(JournalTooNew, match="newer version"):
        Journal.open(journal_path, create=True)
    assert snapshot(journal_path.parent) == before


def test_text_file_is_not_a_journal_and_untouched(journal_path: Path) -> None:
    journal_path.write_text("my shopping list\n")
    before = snapshot(journal_path.parent)
    with pytest.raises(NotAJournal, match="not an SQLite database"):
        Journal.open(journal_path, create=True)
    assert snapshot(journal_path.parent) == before


def test_other_sqlite_database_is_not_a_journal_and_untouched(journal_path: Path) -> None:
    sql(journal_path, "CREATE TABLE recipes (name TEXT)")
    sql(journal_path, "INSERT INTO recipes VALUES ('soup')")
    before = snapshot(journal_path.parent)
    with pytest.raises(NotAJournal, match="not a CareJournal journal"):
        Journal.open(journal_path, create=True)
    assert snapshot(journal_path.parent) == before


def test_damaged_database_is_not_a_journal(journal_path: Path) -> None:
    journal_path.write_bytes(schema.SQLITE_HEADER + b"\xff" * 4000)
    before = snapshot(journal_path.parent)
    with pytest.raises(NotAJournal):
        Journal.open(journal_path, create=True)
    assert snapshot(journal_path.parent) == before


def test_folder_is_not_a_journal(tmp_path: Path) -> None:
    with pytest.raises(NotAJournal, match="folder"):
        Journal.open(tmp_path, create=True)


def test_missing_folder_is_refused_and_nothing_created(tmp_path: Path) -> None:
    with pytest.raises(JournalFolderMissing, match="does not exist"):
        Journal.open(tmp_path / "nowhere" / "journal.sqlite", create=True)
    assert list(tmp_path.iterdir()) == []


def test_an_empty_file_never_becomes_a_journal(journal_path: Path) -> None:
    journal_path.touch()  # what a failed copy or a full disk leaves behind
    for create in (False, True):
        with pytest.raises(JournalMissing, match="empty"):
            Journal.open(journal_path, create=create)
    assert journal_path.stat().st_size == 0
    assert sorted(p.name for p in journal_path.parent.iterdir()) == [journal_path.name]


def test_a_missing_file_is_made_only_when_asked(journal_path: Path) -> None:
    with pytest.raises(JournalMissing, match="no journal"):
        Journal.open(journal_path)
    assert not journal_path.exists()
    Journal.open(journal_path, create=True).close()
    assert journal_path.stat().st_size > 0
    leftovers = [p.name for p in journal_path.parent.iterdir() if p.name.startswith(".")]
    assert leftovers == []  # the journal was built aside and renamed in whole


def test_a_vanished_journal_with_backups_is_not_silently_replaced(journal_path: Path) -> None:
    journal = Journal.open(journal_path, create=True)
    journal.add(DRAFT)
    journal.close()
    backup = make_backup(journal_path, dt.datetime.now(dt.UTC), "manual")
    journal_path.unlink()
    with pytest.raises(JournalMissing, match=backup.name):
        Journal.open(journal_path, create=True)
    assert not journal_path.exists()


# -- locking --------------------------------------------------------------------------------
def test_writing_while_another_program_holds_the_lock(journal_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # make_engine binds BUSY_TIMEOUT_MS as a default when defined, so patching the constant
    # would not shorten the wait; hand the store a make_engine with a short timeout instead.
    monkeypatch.setattr(schema, "make_engine",
                        functools.partial(engine_module.make_engine, busy_timeout_ms=100))
    journal = Journal.open(journal_path, create=True)
    entry_id = journal.add(DRAFT)
    other = cipher.library().connect(journal_path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(JournalLocked, match="another program"):
            journal.add(DRAFT)
        with pytest.raises(JournalLocked):
            journal.trash([entry_id])
        with pytest.raises(JournalLocked):  # the sub-services are guarded the same way
            journal.goals.add("Ann", "Walk to the shop")
        with pytest.raises(JournalLocked):
            journal.settings.set_attempts_threshold(3)
        with pytest.raises(JournalLocked):
            journal.kindness.add_act("Fed the cat")
        assert [r.id for r in journal.rows()] == [entry_id]  # reading still works (WAL)
        other.execute("ROLLBACK")
        journal.add(DRAFT)
        assert journal.count() == 2
    finally:
        other.close()
        journal.close()


def test_head_constant_matches_the_migration_scripts() -> None:
    from alembic.script import ScriptDirectory

    from carejournal.store.schema import alembic_config, head_revision

    assert head_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()
