"""Learning (CPD) records with their evidence files (kept inside the journal, so encrypted
with it), feedback received, and the reflective accounts written from entries.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "learning_records",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("method", sa.String(200), nullable=False),
        sa.Column("topic", sa.String(200), nullable=False),
        sa.Column("started_on", sa.Date, nullable=False),
        sa.Column("ended_on", sa.Date, nullable=False, index=True),
        sa.Column("minutes", sa.Integer, nullable=False),
        sa.Column("participatory_minutes", sa.Integer, nullable=False),
        sa.Column("themes", sa.Text, nullable=False, server_default=""),
        sa.Column("changed", sa.Text, nullable=False, server_default=""),
        sa.Column("peer_reflection", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "learning_evidence",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("learning_id", sa.Integer,
                  sa.ForeignKey("learning_records.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "feedback_received",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("received_on", sa.Date, nullable=False, index=True),
        sa.Column("from_role", sa.String(200), nullable=False),
        sa.Column("said", sa.Text, nullable=False),
        sa.Column("changed", sa.Text, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "reflective_accounts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("entry_id", sa.Integer, sa.ForeignKey("entries.id", ondelete="SET NULL"),
                  nullable=True, index=True),
        sa.Column("written_on", sa.Date, nullable=False),
        sa.Column("themes", sa.Text, nullable=False, server_default=""),
    )


def downgrade() -> None:
    op.drop_table("reflective_accounts")
    op.drop_table("feedback_received")
    op.drop_table("learning_evidence")
    op.drop_table("learning_records")
