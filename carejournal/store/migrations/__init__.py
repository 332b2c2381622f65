"""Alembic migrations, shipped inside the package."""

# The newest revision in versions/; a test checks it against Alembic's own view,
# so that the usual start-up path need not import Alembic at all.
HEAD_REVISION = "0009"
