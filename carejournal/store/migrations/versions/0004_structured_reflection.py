"""Structured reflection: strengths, reflective models and their sections, decisions on
the co-production ladder, action items, entry links, goals with attempts, and settings.

The full-text index gains a `details` column holding the structured text, so the
index is dropped and rebuilt with its triggers.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# The index as 0002 made it, for downgrade; and as it is from here on, for upgrade.
# Kept here (not imported) so this migration stays the same when fts.py changes later.
_OLD_FTS = (
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
)
_NEW_FTS = (
    "CREATE VIRTUAL TABLE entries_fts USING fts5("
    "title, body, details, content='entries', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER entries_fts_ai AFTER INSERT ON entries BEGIN "
    "INSERT INTO entries_fts(rowid, title, body, details) "
    "VALUES (new.id, new.title, new.body, new.details); END",
    "CREATE TRIGGER entries_fts_ad AFTER DELETE ON entries BEGIN "
    "INSERT INTO entries_fts(entries_fts, rowid, title, body, details) "
    "VALUES ('delete', old.id, old.title, old.body, old.details); END",
    "CREATE TRIGGER entries_fts_au AFTER UPDATE OF title, body, details ON entries BEGIN "
    "INSERT INTO entries_fts(entries_fts, rowid, title, body, details) "
    "VALUES ('delete', old.id, old.title, old.body, old.details); "
    "INSERT INTO entries_fts(rowid, title, body, details) "
    "VALUES (new.id, new.title, new.body, new.details); END",
)


def _replace_index(statements: tuple[str, ...]) -> None:
    conn = op.get_bind()
    for name in ("entries_fts_ai", "entries_fts_ad", "entries_fts_au"):
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    conn.exec_driver_sql("DROP TABLE IF EXISTS entries_fts")
    for statement in statements:
        conn.exec_driver_sql(statement)
    conn.exec_driver_sql("INSERT INTO entries_fts(entries_fts) VALUES ('rebuild')")


def _entry_fk() -> sa.ForeignKey:
    return sa.ForeignKey("entries.id", ondelete="CASCADE")


def upgrade() -> None:
    op.add_column("entries", sa.Column("strengths", sa.Text, nullable=False, server_default=""))
    op.add_column("entries", sa.Column("model", sa.String(40), nullable=False,
                                       server_default=""))
    op.add_column("entries", sa.Column("details", sa.Text, nullable=False, server_default=""))
    op.create_table(
        "entry_sections",
        sa.Column("entry_id", sa.Integer, _entry_fk(), primary_key=True),
        sa.Column("key", sa.String(40), primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("entry_id", sa.Integer, _entry_fk(), nullable=False, index=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("rung", sa.String(40), nullable=False),
        sa.Column("choices_offered", sa.Boolean, nullable=True),
    )
    op.create_table(
        "action_items",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("entry_id", sa.Integer, _entry_fk(), nullable=False, index=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("review_on", sa.Date, nullable=True, index=True),
        sa.Column("done_on", sa.Date, nullable=True),
    )
    op.create_table(
        "entry_links",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source_id", sa.Integer, _entry_fk(), nullable=False, index=True),
        sa.Column("target_id", sa.Integer, _entry_fk(), nullable=False, index=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.UniqueConstraint("source_id", "target_id", "kind", name="uq_entry_link"),
    )
    op.create_table(
        "goals",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id", ondelete="RESTRICT"),
                  nullable=False, index=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("status_changed_at", sa.DateTime, nullable=False),
        sa.Column("asked_at", sa.DateTime, nullable=True),
        sa.Column("own_attempts", sa.Integer, nullable=True),
        sa.Column("reflection_id", sa.Integer,
                  sa.ForeignKey("entries.id", ondelete="SET NULL"), nullable=True),
        sa.CheckConstraint(
            "status IN ('active', 'paused', 'achieved', 'discontinued', 'unattainable')",
            name="ck_goal_status"),
    )
    op.create_table(
        "goal_attempts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("goal_id", sa.Integer, sa.ForeignKey("goals.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("occurred_on", sa.Date, nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("entry_id", sa.Integer, sa.ForeignKey("entries.id", ondelete="SET NULL"),
                  nullable=True, index=True),
        sa.CheckConstraint("outcome IN ('managed', 'partly', 'not-this-time')",
                           name="ck_attempt_outcome"),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(60), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    _replace_index(_NEW_FTS)


def downgrade() -> None:
    _replace_index(_OLD_FTS)
    for name in ("settings", "goal_attempts", "goals", "entry_links", "action_items",
                 "decisions", "entry_sections"):
        op.drop_table(name)
    for column in ("details", "model", "strengths"):
        op.drop_column("entries", column)
