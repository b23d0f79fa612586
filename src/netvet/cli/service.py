"""`netvet serve`, `netvet token`, `netvet audit` and `netvet db`: the service and its state.
FastAPI and Uvicorn are imported only inside `serve`, so `netvet --help` stays fast."""

import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from netvet.errors import UsageError
from netvet.ids import parse_date

if TYPE_CHECKING:
    from netvet.store import Engine

DbUrl = Annotated[str | None, typer.Option(help="Store URL (default NETVET_DB_URL or sqlite:///netvet.db).")]
token_app = typer.Typer(no_args_is_help=True, help="API tokens: create, list, revoke.")
audit_app = typer.Typer(no_args_is_help=True, help="The audit chain: verify.")
db_app = typer.Typer(no_args_is_help=True, help="The store's schema: upgrade.")


def store_url(db: str | None) -> str:
    """--db, else NETVET_DB_URL, else the default SQLite file."""
    from netvet.settings import Settings

    return db or Settings.from_env().db_url


@contextmanager
def opened_store(db: str | None) -> Iterator["Engine"]:
    """The store --db names (see store_url), opened (and upgraded) and disposed of afterwards."""
    from netvet.store import open_store

    engine = open_store(store_url(db))
    try:
        yield engine
    finally:
        engine.dispose()


def show_records(records: list[dict[str, object]], json_: bool, columns: tuple[str, ...]) -> None:
    """A listing: JSON with --json, else a table of the columns."""
    from netvet.cli.output import write_output

    if json_:
        write_output("json", records, None)
    else:
        print_table(records, columns)


def cli_user() -> str:
    """Who acts from the command line, as the audit log names them: `cli:<os user>`."""
    try:
        return f"cli:{getpass.getuser()}"
    except (OSError, KeyError):  # no login name and no passwd entry (some containers)
        return "cli:unknown"


def serve(
    db: DbUrl = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8080,
) -> None:
    """Serve the API under /api (OpenAPI at /docs) and the dashboard under /."""
    import uvicorn

    from netvet.service.app import create_app
    from netvet.settings import Settings

    app = create_app(store_url(db), secret=Settings.from_env().service_secret)
    uvicorn.run(app, host=host, port=port, log_level="info")


@token_app.command("create")
def create(
    role: Annotated[str, typer.Option(help="viewer | analyst | admin")],
    name: Annotated[str | None, typer.Option(help="A name for the token (default <role>-<random>).")] = None,
    expires: Annotated[str | None, typer.Option(help="Last day the token works (YYYY-MM-DD).")] = None,
    db: DbUrl = None,
) -> None:
    """Create a token and print it once, as the last line of stdout (only its hash is kept)."""
    from netvet.cli.common import err
    from netvet.service.roles import Role
    from netvet.service.tokens import create_token

    if role not in {str(r) for r in Role}:
        raise UsageError(f"--role takes viewer, analyst or admin, not '{role}'")
    day = parse_date(expires) if expires else None
    if expires and day is None:
        raise UsageError(f"--expires: not a date: '{expires}' (use YYYY-MM-DD)")
    with opened_store(db) as engine:
        token, secret = create_token(engine, role=Role(role), by=cli_user(), name=name, expires=day)
    err.print(f"token '{token.name}' ({token.role}) created; it is shown only once:", highlight=False)
    typer.echo(secret)


@token_app.command("list")
def list_all(
    json_: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    db: DbUrl = None,
) -> None:
    """Every token (never its secret): role, expiry, last use, revocation."""
    from netvet.service.tokens import list_tokens

    with opened_store(db) as engine:
        records = [token.as_json() for token in list_tokens(engine)]
    show_records(
        records, json_, ("id", "name", "role", "created_at", "expires", "last_used_at", "revoked_at")
    )


def print_table(records: list[dict[str, object]], columns: tuple[str, ...]) -> None:
    """Records as a Rich table on stdout; '-' for a missing value."""
    from rich.table import Table

    from netvet.cli.common import data_console

    table = Table(*columns)
    for record in records:
        table.add_row(*(str(record[c]) if record[c] is not None else "-" for c in columns))
    data_console().print(table)


@token_app.command("revoke")
def revoke(
    token: Annotated[str, typer.Argument(help="The token's name (or id).")],
    db: DbUrl = None,
) -> None:
    """Revoke a token: it stops working at once and stays listed (and named in the audit log)."""
    from netvet.cli.common import err
    from netvet.service.tokens import revoke_token

    with opened_store(db) as engine:
        revoked = revoke_token(engine, token, by=cli_user())
    err.print(f"token '{revoked.name}' revoked", highlight=False)


@audit_app.command("verify")
def verify(db: DbUrl = None) -> None:
    """Exit 0 when the audit chain holds; 1 naming the first row that does not."""
    from netvet.cli.common import err
    from netvet.service.audit import head
    from netvet.service.audit import verify as first_bad_row

    with opened_store(db) as engine:
        bad, (rows, last) = first_bad_row(engine), head(engine)
    if bad is not None:
        err.print(
            f"audit chain broken at row {bad.id} ({bad.action} by {bad.who} at {bad.at:%Y-%m-%d %H:%M:%S}Z)"
        )
        raise typer.Exit(1)
    err.print(f"audit chain holds: {rows} rows, newest hash {last}", highlight=False)


@db_app.command("upgrade")
def upgrade(db: DbUrl = None) -> None:
    """Bring the store's schema up to the newest revision (Alembic); a no-op when it is."""
    from netvet.cli.common import err
    from netvet.store.migrate import upgrade_store

    before, after = upgrade_store(store_url(db))
    was = before or "without a revision: new, or made by 0.1.0"
    err.print(f"store at revision {after}" + (f" (was {was})" if before != after else ""), highlight=False)
