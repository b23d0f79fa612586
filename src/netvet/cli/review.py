"""`netvet review`: record a decision on a match (false positive or confirmed) and list them."""

from datetime import UTC, datetime
from typing import Annotated

import typer

from netvet.errors import UsageError
from netvet.ids import parse_date
from netvet.review.decisions import Decision, DecisionBook, DecisionKind, decision_record

review_app = typer.Typer(no_args_is_help=True, help="Review decisions on matches: mark, list.")


def store_url(db: str | None) -> str:
    """--db, else NETVET_DB_URL, else the default SQLite file."""
    from netvet.settings import Settings

    return db or Settings.from_env().db_url


@review_app.command("mark")
def mark(
    subject: Annotated[str, typer.Argument(help="The screened name (query) or the scan's asset key.")],
    entity: Annotated[str, typer.Option(help="The matched kb entity id or list entry (list/entry).")],
    decision: Annotated[str, typer.Option(help="false-positive | confirmed")],
    reason: Annotated[str, typer.Option(help="Why (kept with the decision).")],
    author: Annotated[str, typer.Option(help="Who decided.")],
    expires: Annotated[str | None, typer.Option(help="The decision stops applying after this day.")] = None,
    db: Annotated[
        str | None, typer.Option(help="Store URL (default NETVET_DB_URL or sqlite:///netvet.db).")
    ] = None,
) -> None:
    """Record a decision; it supersedes any earlier one on the same match."""
    from netvet.cli.common import err
    from netvet.store import open_store, save_decision

    if decision not in {str(k) for k in DecisionKind}:
        raise UsageError("--decision takes false-positive or confirmed")
    day = parse_date(expires) if expires else None
    if expires and day is None:
        raise UsageError(f"--expires: not a date: '{expires}' (use YYYY-MM-DD)")
    made = Decision(subject, entity, DecisionKind(decision), reason, author, datetime.now(UTC), day)
    engine = open_store(store_url(db))
    try:
        saved = save_decision(engine, made)
    finally:
        engine.dispose()
    err.print(f"decision {saved.id}: {subject!r} x {entity}: {decision} by {author}", highlight=False)


@review_app.command("list")
def list_decisions(
    json_: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    db: Annotated[
        str | None, typer.Option(help="Store URL (default NETVET_DB_URL or sqlite:///netvet.db).")
    ] = None,
) -> None:
    """Every decision ever made, with whether it is in force, superseded or expired."""
    from rich.console import Console
    from rich.table import Table

    from netvet.cli.output import write_output
    from netvet.store import decisions_at

    made = decisions_at(store_url(db))
    book, today = DecisionBook.build(made), datetime.now(UTC).date()
    records = [{**decision_record(d), "state": book.state_of(d, today)} for d in made]
    if json_:
        write_output("json", records, None)
        return
    table = Table("id", "subject", "entity", "decision", "author", "made", "expires", "state", "reason")
    for r in records:
        cells = ("id", "subject", "entity", "decision", "author", "made", "expires", "state", "reason")
        table.add_row(*(str(r[c] or "") for c in cells))
    Console(width=200).print(table)
