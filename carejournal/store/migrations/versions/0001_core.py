"""Core journal tables: entries, people, tags.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("occurred_on", sa.Date, nullable=False),
        sa.Column("occurred_time", sa.Time, nullable=True),
        sa.Column("shift", sa.String(40), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("feeling_score", sa.Integer, nullable=True),
        sa.Column("feeling_word", sa.String(40), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("deleted_at", sa.DateTime, nullable=True),
    )
    op.create_index("ix_entries_timeline", "entries",
                    ["deleted_at", "occurred_on", "occurred_time", "id"])
    for name in ("people", "tags"):
        op.create_table(
            name,
            sa.Column("id", sa.Integer, primary_key=True),
            sa.Column("name", sa.String(80, collation="NOCASE"), nullable=False, unique=True),
        )
    op.create_table(
        "entry_people",
        sa.Column("entry_id", sa.Integer, sa.ForeignKey("entries.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id", ondelete="CASCADE"),
                  primary_key=True),
    )
    op.create_index("ix_entry_people_person_id", "entry_people", ["person_id"])
    op.create_table(
        "entry_tags",
        sa.Column("entry_id", sa.Integer, sa.ForeignKey("entries.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("tag_id", sa.Integer, sa.ForeignKey("tags.id", ondelete="CASCADE"),
                  primary_key=True),
    )
    op.create_index("ix_entry_tags_tag_id", "entry_tags", ["tag_id"])


def downgrade() -> None:
    for name in ("entry_tags", "entry_people", "tags", "people", "entries"):
        op.drop_table(name)
