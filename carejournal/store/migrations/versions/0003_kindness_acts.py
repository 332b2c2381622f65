"""The little things: a catalogue of kindness acts and the acts recorded on entries.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "kindness_acts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(60), nullable=True, unique=True),
        sa.Column("label", sa.String(200), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("retired_at", sa.DateTime, nullable=True),
    )
    op.create_table(
        "entry_acts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("entry_id", sa.Integer, sa.ForeignKey("entries.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("act_id", sa.Integer,
                  sa.ForeignKey("kindness_acts.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("label", sa.String(200), nullable=False),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("ix_entry_acts_entry_id", "entry_acts", ["entry_id"])
    op.create_index("ix_entry_acts_act_id", "entry_acts", ["act_id"])


def downgrade() -> None:
    op.drop_table("entry_acts")
    op.drop_table("kindness_acts")
