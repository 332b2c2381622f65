"""Supervision's four functions: an agreed action may say which function it serves
(support, development, management, mediation), NULL when none was chosen; the agenda's tags,
"How I am" and the situation live in the preparation's JSON state and need no column.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A nullable column with no default: SQLite adds it in place, every row kept as it was.
    op.add_column("supervision_actions", sa.Column("function", sa.String(20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("supervision_actions") as batch:
        batch.drop_column("function")
