"""The store as netvet 0.1.0 made it (runs, review decisions, ICTS cases, mitigation agreements).

Stores from before migrations existed already have these tables: each is created only when
missing, so such a store is adopted as it is and then upgraded.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision: str | None = None
branch_labels = None
depends_on = None


def release_schema() -> sa.MetaData:
    """The schema of 0.1.0, frozen here: later revisions change it, never this copy."""
    meta = sa.MetaData()
    runs_tables(meta)
    review_tables(meta)
    case_tables(meta)
    agreement_tables(meta)
    return meta


def run_id() -> "sa.Column[int]":
    """The key column of a run's child table."""
    return sa.Column("run_id", sa.ForeignKey("runs.id", ondelete="CASCADE"), primary_key=True)


def runs_tables(meta: sa.MetaData) -> None:
    """Runs, their inputs, assets, determinations and issues."""
    col = sa.Column
    sa.Table(
        "runs",
        meta,
        col("id", sa.Integer, primary_key=True, autoincrement=True),
        col("started_at", sa.DateTime(timezone=True), nullable=False),
        col("finished_at", sa.DateTime(timezone=True), nullable=False),
        col("as_of", sa.Date, nullable=False),
        col("kb_manifest_sha256", sa.String(64), nullable=False),
        col("regimes", sa.JSON, nullable=False),
        col("netvet_version", sa.String(32), nullable=False),
        col("assets", sa.Integer, nullable=False),
        col("counts", sa.JSON, nullable=False),
    )
    sa.Table(
        "inputs",
        meta,
        run_id(),
        col("position", sa.Integer, primary_key=True),
        col("path", sa.Text, nullable=False),
        col("sha256", sa.String(64), nullable=False),
        col("format", sa.String(32), nullable=False),
        col("observations", sa.Integer, nullable=False),
    )
    sa.Table(
        "assets",
        meta,
        run_id(),
        col("position", sa.Integer, primary_key=True),
        col("asset", sa.Text, nullable=False),
        col("verdict", sa.String(16), nullable=False, index=True),
        col("manufacturer", sa.String(128)),
        col("model", sa.Text),
        col("category", sa.String(32)),
        col("confidence", sa.Float, nullable=False),
        col("record", sa.JSON, nullable=False),
    )
    sa.Table(
        "determinations",
        meta,
        run_id(),
        col("position", sa.Integer, primary_key=True),
        col("regime", sa.String(32), primary_key=True),
        col("status", sa.String(16), nullable=False),
        col("entry", sa.String(128)),
        col("list_version", sa.Date),
        col("reason", sa.Text, nullable=False),
    )
    sa.Table(
        "issues",
        meta,
        run_id(),
        col("position", sa.Integer, primary_key=True),
        col("path", sa.Text, nullable=False),
        col("locator", sa.Text, nullable=False),
        col("field", sa.String(64)),
        col("severity", sa.String(16), nullable=False),
        col("message", sa.Text, nullable=False),
    )


def review_tables(meta: sa.MetaData) -> None:
    """Review decisions (insert-only)."""
    col = sa.Column
    sa.Table(
        "review_decisions",
        meta,
        col("id", sa.Integer, primary_key=True, autoincrement=True),
        col("subject", sa.Text, nullable=False),
        col("subject_key", sa.String(512), nullable=False, index=True),
        col("target", sa.String(256), nullable=False),
        col("decision", sa.String(32), nullable=False),
        col("reason", sa.Text, nullable=False),
        col("author", sa.String(128), nullable=False),
        col("created_at", sa.DateTime(timezone=True), nullable=False),
        col("expires", sa.Date),
    )


def case_tables(meta: sa.MetaData) -> None:
    """ICTS cases and their insert-only entries."""
    col = sa.Column
    sa.Table(
        "icts_cases",
        meta,
        col("id", sa.Integer, primary_key=True, autoincrement=True),
        col("number", sa.String(64), nullable=False, unique=True),
        col("title", sa.Text, nullable=False),
        col("opened_by", sa.String(128), nullable=False),
        col("opened_at", sa.DateTime(timezone=True), nullable=False),
        col("referral_source", sa.Text, nullable=False),
        col("transaction", sa.JSON, nullable=False),
    )
    sa.Table(
        "icts_case_entries",
        meta,
        col("id", sa.Integer, primary_key=True, autoincrement=True),
        col("case_id", sa.ForeignKey("icts_cases.id", ondelete="CASCADE"), nullable=False, index=True),
        col("kind", sa.String(16), nullable=False),
        col("author", sa.String(128), nullable=False),
        col("created_at", sa.DateTime(timezone=True), nullable=False),
        col("text", sa.Text, nullable=False),
        col("step", sa.String(32)),
        col("day", sa.Date),
        col("outcome", sa.String(32)),
        col("until", sa.Date),
        col("criterion", sa.Integer),
        col("score", sa.Integer),
        col("evidence", sa.JSON, nullable=False),
    )


def agreement_tables(meta: sa.MetaData) -> None:
    """Mitigation agreements and their events."""
    col = sa.Column
    sa.Table(
        "mitigation_agreements",
        meta,
        col("id", sa.Integer, primary_key=True, autoincrement=True),
        col("key", sa.String(128), nullable=False, unique=True),
        col("kind", sa.String(16), nullable=False),
        col("title", sa.Text, nullable=False),
        col("counterparty", sa.Text, nullable=False),
        col("start", sa.Date, nullable=False),
        col("end", sa.Date),
        col("suppliers", sa.JSON, nullable=False),
        col("assets", sa.JSON, nullable=False),
        col("case_number", sa.String(64), nullable=False),
        col("obligations", sa.JSON, nullable=False),
        col("audit_every_months", sa.Integer),
        col("report_every_months", sa.Integer),
    )
    sa.Table(
        "mitigation_events",
        meta,
        col("id", sa.Integer, primary_key=True, autoincrement=True),
        col(
            "agreement_id",
            sa.ForeignKey("mitigation_agreements.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        col("kind", sa.String(16), nullable=False),
        col("day", sa.Date, nullable=False),
        col("author", sa.String(128), nullable=False),
        col("text", sa.Text, nullable=False),
        col("result", sa.String(32), nullable=False),
        col("created_at", sa.DateTime(timezone=True), nullable=False),
    )


def upgrade() -> None:
    """Create the tables of 0.1.0 that are missing."""
    release_schema().create_all(op.get_bind(), checkfirst=True)


def downgrade() -> None:
    """Drop every table of 0.1.0 (and their rows)."""
    release_schema().drop_all(op.get_bind())
