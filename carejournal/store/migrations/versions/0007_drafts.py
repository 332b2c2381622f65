"""Drafts: unsaved typing kept inside the journal (never in a plain file), one row per entry
being edited (entry_id NULL for a new entry not yet stored), so a crash loses nothing.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "drafts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("entry_id", sa.Integer, sa.ForeignKey("entries.id", ondelete="CASCADE"),
                  nullable=True, unique=True),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("drafts")
