"""The store's tables (SQLAlchemy Core): runs, their inputs, assets, determinations, issues, review
decisions, and the service's tokens, audit chain and webhooks."""

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True), nullable=False),
    Column("as_of", Date, nullable=False),
    Column("kb_manifest_sha256", String(64), nullable=False),
    Column("regimes", JSON, nullable=False),
    Column("netvet_version", String(32), nullable=False),
    Column("assets", Integer, nullable=False),
    Column("counts", JSON, nullable=False),
)

inputs = Table(
    "inputs",
    metadata,
    Column("run_id", ForeignKey("runs.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("path", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("format", String(32), nullable=False),
    Column("observations", Integer, nullable=False),
)

assets = Table(
    "assets",
    metadata,
    Column("run_id", ForeignKey("runs.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("asset", Text, nullable=False),
    Column("verdict", String(16), nullable=False, index=True),
    Column("manufacturer", String(128)),
    Column("model", Text),
    Column("category", String(32)),
    Column("confidence", Float, nullable=False),
    Column("record", JSON, nullable=False),
)

determinations = Table(
    "determinations",
    metadata,
    Column("run_id", ForeignKey("runs.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("regime", String(32), primary_key=True),
    Column("status", String(16), nullable=False),
    Column("entry", String(128)),
    Column("list_version", Date),
    Column("reason", Text, nullable=False),
)

issues = Table(
    "issues",
    metadata,
    Column("run_id", ForeignKey("runs.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("path", Text, nullable=False),
    Column("locator", Text, nullable=False),
    Column("field", String(64)),
    Column("severity", String(16), nullable=False),
    Column("message", Text, nullable=False),
)

# Review decisions are only ever inserted: a later row on the same (subject_key, target)
# supersedes an earlier one, so the table is its own audit trail.
review_decisions = Table(
    "review_decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("subject", Text, nullable=False),
    Column("subject_key", String(512), nullable=False, index=True),
    Column("target", String(256), nullable=False),
    Column("decision", String(32), nullable=False),
    Column("reason", Text, nullable=False),
    Column("author", String(128), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires", Date),
)

# The service's tables (revision 0002). A token is kept after revocation so the audit log's
# "who" still names it; only the sha256 of its secret is stored.
api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(128), nullable=False, unique=True),
    Column("role", String(16), nullable=False),
    Column("secret_sha256", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("created_by", String(128), nullable=False),
    Column("expires", Date),
    Column("last_used_at", DateTime(timezone=True)),
    Column("revoked_at", DateTime(timezone=True)),
)

# Insert-only and hash-chained: each row's hash covers the previous row's hash and its own
# content; prev_hash is unique, so two writers can never fork the chain.
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("who", String(128), nullable=False),
    Column("action", String(64), nullable=False),
    Column("request_id", String(64)),
    Column("subject", Text),
    Column("before", JSON),
    Column("after", JSON),
    Column("prev_hash", String(64), nullable=False, unique=True),
    Column("hash", String(64), nullable=False),
)

webhooks = Table(
    "webhooks",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("url", Text, nullable=False),
    Column("events", JSON, nullable=False),
    Column("secret", String(128), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("created_by", String(128), nullable=False),
)

# One row per delivery attempt series: kept after its webhook is removed.
webhook_deliveries = Table(
    "webhook_deliveries",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("webhook_id", Integer, nullable=False, index=True),
    Column("event", String(32), nullable=False),
    Column("url", Text, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("status_code", Integer),
    Column("delivered", Boolean, nullable=False),
    Column("error", Text),
    Column("at", DateTime(timezone=True), nullable=False),
)
