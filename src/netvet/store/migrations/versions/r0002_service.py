"""The service's state: API tokens, the audit chain, webhooks and their deliveries.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the four tables."""
    col, moment = sa.Column, sa.DateTime(timezone=True)
    op.create_table(
        "api_tokens",
        col("id", sa.Integer, primary_key=True, autoincrement=True),
        col("name", sa.String(128), nullable=False, unique=True),
        col("role", sa.String(16), nullable=False),
        col("secret_sha256", sa.String(64), nullable=False, unique=True),
        col("created_at", moment, nullable=False),
        col("created_by", sa.String(128), nullable=False),
        col("expires", sa.Date),
        col("last_used_at", moment),
        col("revoked_at", moment),
    )
    op.create_table(
        "audit_log",
        col("id", sa.Integer, primary_key=True, autoincrement=True),
        col("at", moment, nullable=False),
        col("who", sa.String(128), nullable=False),
        col("action", sa.String(64), nullable=False),
        col("request_id", sa.String(64)),
        col("subject", sa.Text),
        col("before", sa.JSON),
        col("after", sa.JSON),
        col("prev_hash", sa.String(64), nullable=False, unique=True),
        col("hash", sa.String(64), nullable=False),
    )
    op.create_table(
        "webhooks",
        col("id", sa.Integer, primary_key=True, autoincrement=True),
        col("url", sa.Text, nullable=False),
        col("events", sa.JSON, nullable=False),
        col("secret", sa.String(128), nullable=False),
        col("created_at", moment, nullable=False),
        col("created_by", sa.String(128), nullable=False),
    )
    op.create_table(
        "webhook_deliveries",
        col("id", sa.Integer, primary_key=True, autoincrement=True),
        col("webhook_id", sa.Integer, nullable=False),
        col("event", sa.String(32), nullable=False),
        col("url", sa.Text, nullable=False),
        col("attempts", sa.Integer, nullable=False),
        col("status_code", sa.Integer),
        col("delivered", sa.Boolean, nullable=False),
        col("error", sa.Text),
        col("at", moment, nullable=False),
    )
    op.create_index("ix_webhook_deliveries_webhook_id", "webhook_deliveries", ["webhook_id"])


def downgrade() -> None:
    """Drop the four tables."""
    for table in ("webhook_deliveries", "webhooks", "audit_log", "api_tokens"):
        op.drop_table(table)
