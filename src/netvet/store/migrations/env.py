"""Alembic's entry point: always run online, on the connection (and inside the transaction)
that netvet.store.migrate hands over in `config.attributes["connection"]`."""

from alembic import context

from netvet.store.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations with `netvet db upgrade`, not the alembic command")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
