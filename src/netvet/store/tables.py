"""The store's tables (SQLAlchemy Core): runs, their inputs, assets, determinations, issues."""

from sqlalchemy import (
    JSON,
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
