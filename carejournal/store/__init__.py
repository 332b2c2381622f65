"""Persistence: SQLAlchemy models, repositories, migrations and backups. No Qt here."""
