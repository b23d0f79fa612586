"""The `netvet` command: one Typer app, one module per verb group beside it; exit codes
0 done, 1 findings at or above --fail-on, 2 bad input or usage, 3 internal error.

A verb's module (and the pipeline, Arrow, the kb loaders it imports) is imported only when that
verb runs or prints its own help: `netvet --help` and usage errors answer without them. The
listing's one-line help is kept here, and a test checks it equals each verb's own."""

import copy
import importlib
from collections.abc import Iterator, Mapping

import typer
from typer import _click as click  # the Click Typer bundles (its own types)
from typer.core import TyperCommand, TyperGroup

from netvet.cli.exit import run

# name -> (module, attribute, the first paragraph of its help), in the listing's order.
VERBS: dict[str, tuple[str, str, str]] = {
    "report": ("netvet.cli.report", "report", "Render a filing or evidence pack from a stored run."),
    "scan": ("netvet.cli.scan", "scan", "Attribute every asset and determine each regime as of a date."),
    "match": (
        "netvet.cli.match",
        "match",
        "Screen organisation names against the kb's entities, owners and lists.",
    ),
    "review-purchase": (
        "netvet.cli.purchase",
        "review_purchase",
        "Judge proposed purchases: per line and regime, prohibited, allowed, conditions or "
        "needs-information.",
    ),
    "screen": (
        "netvet.cli.screen",
        "screen",
        "Screen a supplier or customer list for procurement or export, with review decisions.",
    ),
    "kb": ("netvet.cli.kb", "kb_app", "The knowledge base: versions, rebuilds, imports."),
    "collect": ("netvet.cli.collect", "collect_app", "Collect evidence from live devices."),
    "review": ("netvet.cli.review", "review_app", "Review decisions on matches: mark, list."),
    "icts": ("netvet.cli.icts", "icts_app", "ICTS transaction reviews (15 CFR 791)."),
    "mitigation": (
        "netvet.cli.mitigation",
        "mitigation_app",
        "Mitigation and security agreements: add, import, list, show, audit, breach.",
    ),
    "serve": (
        "netvet.cli.service",
        "serve",
        "Serve the API under /api (OpenAPI at /docs) and the dashboard under /.",
    ),
    "token": ("netvet.cli.service", "token_app", "API tokens: create, list, revoke."),
    "audit": ("netvet.cli.service", "audit_app", "The audit chain: verify."),
    "db": ("netvet.cli.service", "db_app", "The store's schema: upgrade."),
    "webhook": ("netvet.cli.webhook", "webhook_app", "Webhooks: add, list, remove."),
}


def load_verb(name: str) -> typer.Typer:
    """A Typer holding one verb, registered as the eager app registered it."""
    module, attribute, _ = VERBS[name]
    target = getattr(importlib.import_module(module), attribute)
    holder = typer.Typer()
    if isinstance(target, typer.Typer):
        holder.add_typer(target, name=name)
    else:
        holder.command(name)(target)
    return holder


class LazyCommands(Mapping[str, click.Command]):
    """The verbs by name; a verb's Click command is built the first time it is looked up."""

    def __init__(self) -> None:
        self.loaded: dict[str, click.Command] = {}

    def __getitem__(self, name: str) -> click.Command:
        if name not in VERBS:
            raise KeyError(name)
        if name not in self.loaded:
            self.loaded[name] = typer.main.get_group(load_verb(name)).commands[name]
        return self.loaded[name]

    def __iter__(self) -> Iterator[str]:
        return iter(VERBS)

    def __len__(self) -> int:
        return len(VERBS)


class LazyGroup(TyperGroup):
    """The root group: verbs listed from VERBS, imported when run."""

    def __init__(self, **attrs: object) -> None:
        super().__init__(**attrs)  # type: ignore[arg-type]
        self.commands = LazyCommands()  # type: ignore[assignment]  # read-only: verbs come from VERBS

    def list_commands(self, ctx: click.Context) -> list[str]:
        """The verbs in the listing's order, without importing them."""
        return list(VERBS)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The help page, its listing drawn from VERBS."""
        listing = copy.copy(self)
        listing.commands = {name: TyperCommand(name=name, help=text) for name, (_, _, text) in VERBS.items()}
        TyperGroup.format_help(listing, ctx, formatter)


app = typer.Typer(
    cls=LazyGroup,
    no_args_is_help=True,
    add_completion=False,
    help="Find covered equipment, explain why, and say since when.",
)


@app.callback()
def root() -> None:
    """(Verbs are registered lazily by LazyGroup; this callback only makes the app a group.)"""


def main() -> None:
    """Entry point: errors become messages and exit codes (netvet.cli.exit)."""
    run(app)
