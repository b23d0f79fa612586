"""Alembic migrations of the store (SQLite and PostgreSQL): `netvet db upgrade`."""
