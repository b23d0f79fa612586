"""The `netvet` command: one Typer app, one module per verb group beside it; exit codes
0 done, 1 findings at or above --fail-on, 2 bad input or usage, 3 internal error."""

import typer

from netvet.cli.collect import collect_app
from netvet.cli.exit import run
from netvet.cli.icts import icts_app
from netvet.cli.kb import kb_app
from netvet.cli.mitigation import mitigation_app
from netvet.cli.purchase import review_purchase
from netvet.cli.report import report
from netvet.cli.review import review_app
from netvet.cli.scan import match, scan
from netvet.cli.screen import screen
from netvet.cli.service import audit_app, db_app, serve, token_app
from netvet.cli.webhook import webhook_app

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    help="Find covered equipment, explain why, and say since when.",
)
app.add_typer(kb_app, name="kb")
app.add_typer(collect_app, name="collect")
app.command("report")(report)
app.command("scan")(scan)
app.command("match")(match)
app.command("review-purchase")(review_purchase)
app.command("screen")(screen)
app.add_typer(review_app, name="review")
app.add_typer(icts_app, name="icts")
app.add_typer(mitigation_app, name="mitigation")
app.command("serve")(serve)
app.add_typer(token_app, name="token")
app.add_typer(audit_app, name="audit")
app.add_typer(db_app, name="db")
app.add_typer(webhook_app, name="webhook")


def main() -> None:
    """Entry point: errors become messages and exit codes (netvet.cli.exit)."""
    run(app)
