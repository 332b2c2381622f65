"""Alembic environment: runs on a connection CareJournal hands over, inside its transaction."""

from alembic import context

from carejournal.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
