"""`netvet webhook add|list|remove`: subscriptions to run-finished, list-changed, new-covered."""

from typing import Annotated

import typer

from netvet.cli.service import DbUrl, cli_user, opened_store, show_records

webhook_app = typer.Typer(no_args_is_help=True, help="Webhooks: add, list, remove.")


@webhook_app.command("add")
def add(
    url: Annotated[str, typer.Argument(help="Where to POST the events (http or https).")],
    events: Annotated[str, typer.Option(help="Comma-separated: run-finished, list-changed, new-covered.")],
    secret: Annotated[str | None, typer.Option(help="Signing secret (default: a random one).")] = None,
    db: DbUrl = None,
) -> None:
    """Subscribe a URL; prints the signing secret once, as the last line of stdout."""
    from netvet.cli.common import err
    from netvet.service.webhooks import add_webhook, parse_events

    chosen = parse_events(events)
    with opened_store(db) as engine:
        hook, signing = add_webhook(engine, url, chosen, by=cli_user(), secret=secret)
    err.print(f"webhook {hook.id} added for {', '.join(hook.events)}; its signing secret:", highlight=False)
    typer.echo(signing)


@webhook_app.command("list")
def list_all(
    json_: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    db: DbUrl = None,
) -> None:
    """Every subscription (never its secret)."""
    from netvet.service.webhooks import list_webhooks

    with opened_store(db) as engine:
        records = [hook.as_json() for hook in list_webhooks(engine)]
    # JSON keeps the events as a list; the table joins them.
    rows = records if json_ else [{**r, "events": ",".join(r["events"])} for r in records]
    show_records(rows, json_, ("id", "url", "events", "created_at", "created_by"))


@webhook_app.command("remove")
def remove(
    webhook_id: Annotated[int, typer.Argument(help="The subscription's id (see `netvet webhook list`).")],
    db: DbUrl = None,
) -> None:
    """Unsubscribe; past deliveries stay recorded."""
    from netvet.cli.common import err
    from netvet.service.webhooks import remove_webhook

    with opened_store(db) as engine:
        hook = remove_webhook(engine, webhook_id, by=cli_user())
    err.print(f"webhook {hook.id} ({hook.url}) removed", highlight=False)
