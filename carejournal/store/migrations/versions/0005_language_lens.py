"""The language lens: per-entry counts stored at save, so that a period's balance and
findings are SQL sums; and the findings a worker dismissed in an entry.

Existing entries get lens_version NULL (not yet counted); the journal counts them the
first time a period is summed.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

COUNTS = ("word_count", "strength_words", "problem_words")
LENS_INDEX = ("deleted_at", "occurred_on", "lens_version", *COUNTS)


def _entry_fk() -> sa.ForeignKey:
    return sa.ForeignKey("entries.id", ondelete="CASCADE")


def upgrade() -> None:
    for name in COUNTS:
        op.add_column("entries", sa.Column(name, sa.Integer, nullable=False,
                                           server_default=sa.text("0")))
    op.add_column("entries", sa.Column("lens_version", sa.String(40), nullable=True))
    op.create_index("ix_entries_lens", "entries", list(LENS_INDEX))
    op.create_table(
        "entry_findings",
        sa.Column("entry_id", sa.Integer, _entry_fk(), primary_key=True),
        sa.Column("rule", sa.String(80), primary_key=True),
        sa.Column("category", sa.String(40), nullable=False),
        sa.Column("count", sa.Integer, nullable=False),
    )
    op.create_table(
        "entry_dismissals",
        sa.Column("entry_id", sa.Integer, _entry_fk(), primary_key=True),
        sa.Column("key", sa.Text, primary_key=True),
    )


def downgrade() -> None:
    op.drop_table("entry_dismissals")
    op.drop_table("entry_findings")
    op.drop_index("ix_entries_lens", table_name="entries")
    for name in ("lens_version", *reversed(COUNTS)):
        op.drop_column("entries", name)
