"""List summaries, value checks and the FTS5 full-text index.

The entries table is rebuilt (batch mode) to add CHECK constraints; this is why
migrations run with foreign keys off: otherwise the rebuild would cascade-delete
the rows of entry_people and entry_tags.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_FTS = (
    "CREATE VIRTUAL TABLE entries_fts USING fts5("
    "title, body, content='entries', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER entries_fts_ai AFTER INSERT ON entries BEGIN "
    "INSERT INTO entries_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
    "CREATE TRIGGER entries_fts_ad AFTER DELETE ON entries BEGIN "
    "INSERT INTO entries_fts(entries_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); END",
    "CREATE TRIGGER entries_fts_au AFTER UPDATE OF title, body ON entries BEGIN "
    "INSERT INTO entries_fts(entries_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); "
    "INSERT INTO entries_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
    "INSERT INTO entries_fts(entries_fts) VALUES ('rebuild')",
)


def _summary(title: str, body: str) -> str:
    line = title.strip() or next((s.strip() for s in body.splitlines() if s.strip()), "")
    line = line.replace("\x00", "")
    return line if len(line) <= 120 else line[:119] + "…"


def upgrade() -> None:
    with op.batch_alter_table("entries", recreate="always") as batch:
        batch.add_column(sa.Column("summary", sa.Text, nullable=False, server_default=""))
        batch.create_check_constraint(
            "ck_kind", "kind IN ('interaction', 'kindness', 'fallibility', 'reflection')")
        batch.create_check_constraint(
            "ck_feeling", "feeling_score IS NULL OR feeling_score BETWEEN 1 AND 5")
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, title, body FROM entries")).all()
    if rows:
        conn.execute(
            sa.text("UPDATE entries SET summary = :summary WHERE id = :id"),
            [{"id": r.id, "summary": _summary(r.title, r.body)} for r in rows],
        )
    for statement in _FTS:
        conn.exec_driver_sql(statement)


def downgrade() -> None:
    conn = op.get_bind()
    for name in ("entries_fts_ai", "entries_fts_ad", "entries_fts_au"):
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    conn.exec_driver_sql("DROP TABLE IF EXISTS entries_fts")
    with op.batch_alter_table("entries", recreate="always") as batch:
        batch.drop_constraint("ck_feeling", type_="check")
        batch.drop_constraint("ck_kind", type_="check")
        batch.drop_column("summary")
