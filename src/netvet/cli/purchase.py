"""`netvet review-purchase`: the procurement gate over a file of purchase lines."""

import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from netvet.cli.common import (
    Customers,
    FederalContractor,
    Jurisdiction,
    ProfilePath,
    UsfRecipient,
    as_of_date,
    err,
    jurisdiction_regimes,
    organisation,
)
from netvet.cli.output import open_output, print_issues, write_output
from netvet.errors import UsageError
from netvet.ingest.columns import parse_overrides
from netvet.ingest.purchase import PURCHASE_SYNONYMS, read_purchase_lines
from netvet.kb.knowledge import DATA_DIR, KnowledgeBase
from netvet.kb.loader import load_kb
from netvet.pipeline.purchase import review_kb
from netvet.purchase import (
    Decision,
    LineReview,
    review_line,
    review_record,
)
from netvet.settings import Settings

COLOURS = {"allowed": "green", "conditions": "yellow", "needs-information": "magenta", "prohibited": "red"}


def review_row(r: LineReview) -> tuple[str, ...]:
    """The table cells of one line."""
    obs = r.line.observation
    quantity = f"x{r.line.quantity}" if r.line.quantity else None
    product = " ".join(x for x in (obs.vendor, obs.model, quantity) if x) if obs else "-"
    grave = [f"{d.determination.regime}: {d.decision}" for d in r.regimes if d.decision != Decision.ALLOWED]
    colour = COLOURS[str(r.decision)]
    return (
        str(r.line.line),
        r.line.supplier or "-",
        product,
        f"[{colour}]{r.decision}[/{colour}]",
        "\n".join(grave) or ("all allowed" if r.regimes else "-"),
        ", ".join(r.missing) or "-",
        r.reasons[0] if r.reasons else "",
    )


def print_reviews(console: Console, reviews: Sequence[LineReview], day: date) -> None:
    """One row per line: decision, per-regime decisions, missing facts and the gravest reason."""
    table = Table(
        "line",
        "supplier",
        "product",
        "decision",
        "regimes",
        "missing",
        "why",
        title=f"Purchase review as of {day.isoformat()}",
    )
    for r in reviews:
        table.add_row(*review_row(r))
    console.print(table)
    counts = {d: sum(1 for r in reviews if r.decision == d) for d in Decision}
    console.print(", ".join(f"{n} {d}" for d, n in counts.items()))


def write_reviews(
    reviews: Sequence[LineReview], kb: KnowledgeBase, day: date, json_: bool, output: Path | None
) -> None:
    """JSON (one object per line) or the table, to stdout or a file."""
    if json_:
        write_output("json", [review_record(r, kb.entities) for r in reviews], output)
        return
    with open_output(output) as out:
        wide = out is sys.stdout and sys.stdout.isatty()
        print_reviews(Console(file=out) if wide else Console(file=out, width=200), reviews, day)


def review_purchase(
    file: Annotated[Path, typer.Argument(help="Purchase lines (CSV or XLSX).")],
    as_of: Annotated[str | None, typer.Option(help="Judge the lines as of this date (YYYY-MM-DD).")] = None,
    federal_contractor: FederalContractor = None,
    usf_recipient: UsfRecipient = None,
    customers: Customers = None,
    profile: ProfilePath = None,
    approved: Annotated[
        list[Path] | None,
        typer.Option(
            help="Approved-products register: a Conditional Approval CSV or a register YAML (repeatable)."
        ),
    ] = None,
    json_: Annotated[bool, typer.Option("--json", help="Print one JSON object per line.")] = False,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write data here, not stdout.")
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(help="Exit 1 when a line is prohibited (or needs-information, or conditions)."),
    ] = None,
    strict: Annotated[bool, typer.Option(help="Stop at the first bad line.")] = False,
    jurisdiction: Jurisdiction = "us",
    column: Annotated[
        list[str] | None, typer.Option("--map", help="FIELD=HEADER (or FIELD=#N) column override.")
    ] = None,
) -> None:
    """Judge proposed purchases: per line and regime, prohibited, allowed, conditions or needs-information."""
    threshold = Decision(fail_on) if fail_on in {d.value for d in Decision} else None
    if fail_on is not None and threshold in (None, Decision.ALLOWED):
        raise UsageError("--fail-on takes prohibited, needs-information or conditions")
    day = as_of_date(as_of)
    org = organisation(profile, federal_contractor, usf_recipient, customers)
    overrides = parse_overrides(column or [], PURCHASE_SYNONYMS)
    lines, issues = read_purchase_lines(file, strict=strict, overrides=overrides)
    kb = load_kb(Settings.from_env().kb_dir or DATA_DIR)
    tools, problems = review_kb(kb, day, approved or [], jurisdiction_regimes(jurisdiction, kb.regime_kb))
    reviews = [review_line(line, tools, org, day) for line in lines]
    write_reviews(reviews, kb, day, json_, output)
    print_issues(err, [*issues, *problems])
    failed = threshold is not None and any(r.decision.severity >= threshold.severity for r in reviews)
    raise typer.Exit(1 if failed else 0)
