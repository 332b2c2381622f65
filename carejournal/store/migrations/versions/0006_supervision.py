"""Supervision: sessions with agreed actions, the worker's preparation for each, entries'
earlier wordings (kept when a finding is reworded), and people's nicknames and aliases for
identity protection in exports.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _utc() -> sa.DateTime:
    return sa.DateTime()


def _session_fk() -> sa.ForeignKey:
    return sa.ForeignKey("supervision_sessions.id", ondelete="CASCADE")


def upgrade() -> None:
    op.add_column("people", sa.Column("nicknames", sa.Text, nullable=False,
                                      server_default=""))
    op.add_column("people", sa.Column("alias", sa.String(80), nullable=False,
                                      server_default=""))
    op.create_table(
        "supervision_sessions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("held_on", sa.Date, nullable=False, index=True),
        sa.Column("supervisor", sa.String(200), nullable=False),
        sa.Column("notes", sa.Text, nullable=False, server_default=""),
        sa.Column("created_at", _utc(), nullable=False),
    )
    op.create_table(
        "supervision_actions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("session_id", sa.Integer, _session_fk(), nullable=False, index=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("due_on", sa.Date, nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.CheckConstraint("status IN ('open', 'in-progress', 'done', 'dropped')",
                           name="ck_agreed_status"),
    )
    op.create_table(
        "supervision_preparations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("session_id", sa.Integer, _session_fk(), nullable=False, unique=True),
        sa.Column("state", sa.Text, nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.Column("updated_at", _utc(), nullable=False),
    )
    op.create_table(
        "entry_revisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("entry_id", sa.Integer, sa.ForeignKey("entries.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("saved_at", _utc(), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("texts", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("entry_revisions")
    op.drop_table("supervision_preparations")
    op.drop_table("supervision_actions")
    op.drop_table("supervision_sessions")
    op.drop_column("people", "alias")
    op.drop_column("people", "nicknames")
