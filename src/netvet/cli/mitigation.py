"""`netvet mitigation add|import|list|show|audit|breach`: mitigation and security agreements
("no-spy agreements", security audits) kept in the store; `netvet scan` marks the findings that
rest on them."""

from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from netvet.cli.books import stored_agreements
from netvet.cli.common import as_of_date, data_console, err
from netvet.cli.icts import Author, Db, day_option, store
from netvet.errors import UsageError
from netvet.findings.record import FindingRecord
from netvet.icts.model import AssetLink, Case
from netvet.mitigation.apply import bearing_on, summary_row
from netvet.mitigation.model import Agreement, AgreementEvent, AgreementKind, EventKind
from netvet.mitigation.state import standing

mitigation_app = typer.Typer(
    no_args_is_help=True, help="Mitigation and security agreements: add, import, list, show, audit, breach."
)
AsOf = Annotated[str | None, typer.Option(help="Standing as of this day (default today).")]
SUMMARY = ("agreement", "kind", "counterparty", "status", "next_audit_due", "ends", "open_breaches")


def resolved(agreements: list[Agreement]) -> list[Agreement]:
    """The agreements with their suppliers resolved to kb entities by the name matcher (said on
    stderr, one line per supplier resolved)."""
    from netvet.kb.knowledge import DATA_DIR
    from netvet.kb.loader import load_kb
    from netvet.mitigation.resolve import resolve_suppliers
    from netvet.settings import Settings

    kb = load_kb(Settings.from_env().kb_dir or DATA_DIR)
    found = []
    for agreement in agreements:
        done, notes = resolve_suppliers(agreement, kb.names, kb.graph)
        found.append(done)
        for note in notes:
            err.print(note, markup=False, highlight=False)
    return found


def required(text: str, name: str) -> date:
    """A required date option."""
    found = day_option(text, name)
    if found is None:
        raise UsageError(f"{name} is required")
    return found


@mitigation_app.command("add")
def add(
    key: Annotated[str, typer.Argument(help="The agreement's id (e.g. its contract number).")],
    counterparty: Annotated[str, typer.Option(help="The other party (supplier or transaction party).")],
    start: Annotated[str, typer.Option(help="First day in force.")],
    kind: Annotated[str, typer.Option(help=", ".join(AgreementKind))] = "mitigation",
    title: Annotated[str | None, typer.Option(help="A short title.")] = None,
    end: Annotated[str | None, typer.Option(help="Last day in force.")] = None,
    supplier: Annotated[
        list[str] | None, typer.Option(help="kb entity id or name it covers (repeatable).")
    ] = None,
    asset: Annotated[list[str] | None, typer.Option(help="Asset key it covers (repeatable).")] = None,
    case: Annotated[str, typer.Option(help="ICTS case number it belongs to.")] = "",
    obligation: Annotated[list[str] | None, typer.Option(help="An obligation (repeatable).")] = None,
    audit_every: Annotated[int | None, typer.Option(min=1, help="Audit every N months.")] = None,
    report_every: Annotated[int | None, typer.Option(min=1, help="Report due every N months.")] = None,
    db: Db = None,
) -> None:
    """Record one agreement."""
    from netvet.store.agreements import save_agreements

    if kind not in set(AgreementKind):
        raise UsageError(f"--kind: '{kind}' is not one of {', '.join(AgreementKind)}")
    first, last = required(start, "--start"), day_option(end, "--end")
    if last is not None and last < first:
        raise UsageError(f"--end {last} is before --start {first}")
    agreement = Agreement(
        key,
        AgreementKind(kind),
        title or key,
        counterparty,
        first,
        last,
        tuple(supplier or (counterparty,)),
        tuple(asset or ()),
        case,
        tuple(obligation or ()),
        audit_every,
        report_every,
    )
    with store(db) as engine:
        save_agreements(engine, resolved([agreement]))
    err.print(f"agreement {key} recorded", highlight=False)


@mitigation_app.command("import")
def import_file(
    path: Annotated[Path, typer.Argument(help="YAML (agreements: [...]) or CSV file.")],
    db: Db = None,
) -> None:
    """Import agreements from a file: all of its good agreements in one transaction."""
    from netvet.ingest.agreements import read_agreements_file
    from netvet.store.agreements import save_agreements

    found, issues = read_agreements_file(path)
    for issue in issues:
        err.print(f"issue: {issue.describe()}", markup=False, highlight=False)
    with store(db) as engine:
        saved = save_agreements(engine, resolved(found))
    err.print(f"{saved} agreement(s) imported from {path}", highlight=False)
    if issues:
        raise typer.Exit(2)


def event(key: str, kind: EventKind, on: str, author: str, text: str, result: str, db: str | None) -> None:
    """Store one event on an agreement."""
    from netvet.store.agreements import add_event

    made = AgreementEvent(kind, required(on, "--on"), author, text, result, datetime.now(UTC))
    with store(db) as engine:
        saved = add_event(engine, key, made)
    err.print(f"{key}: {kind} on {made.day} recorded (event {saved.id})", highlight=False)


@mitigation_app.command("audit")
def audit(
    key: Annotated[str, typer.Argument(help="Agreement id.")],
    on: Annotated[str, typer.Option(help="Day of the audit (or report received).")],
    note: Annotated[str, typer.Option(help="What was found.")],
    author: Author,
    result: Annotated[str, typer.Option(help="pass | findings | fail")] = "pass",
    report: Annotated[bool, typer.Option("--report", help="A report received, not an audit.")] = False,
    db: Db = None,
) -> None:
    """Record an audit done (or, with --report, a report received)."""
    event(key, EventKind.REPORT if report else EventKind.AUDIT, on, author, note, result, db)


@mitigation_app.command("breach")
def breach(
    key: Annotated[str, typer.Argument(help="Agreement id.")],
    on: Annotated[str, typer.Option(help="Day of the breach (or of the cure).")],
    note: Annotated[str, typer.Option(help="What happened.")],
    author: Author,
    cured: Annotated[bool, typer.Option("--cured", help="Record the cure of earlier breaches.")] = False,
    db: Db = None,
) -> None:
    """Record a breach (or, with --cured, its cure)."""
    event(key, EventKind.CURE if cured else EventKind.BREACH, on, author, note, "", db)


def stored(db: str | None) -> list[Agreement]:
    """Every agreement in the store named by --db or the settings."""
    from netvet.settings import Settings

    return stored_agreements(db or Settings.from_env().db_url)


def agreement_record(a: Agreement, day: date) -> dict[str, Any]:
    """One agreement with its standing, as JSON."""
    held = standing(a, day)
    return {
        **dict(zip(SUMMARY, summary_row(a, held), strict=True)),
        "status": str(held.state),
        "problems": [str(p) for p in held.problems],
        "next_report_due": held.next_report_due.isoformat() if held.next_report_due else None,
        "open_breaches": held.open_breaches,
        "as_of": day.isoformat(),
        "title": a.title,
        "start": a.start.isoformat(),
        "suppliers": list(a.suppliers),
        "assets": list(a.assets),
        "case": a.case or None,
        "obligations": list(a.obligations),
        "audit_every_months": a.audit_every_months,
        "report_every_months": a.report_every_months,
        "events": [
            {
                "kind": str(e.kind),
                "day": e.day.isoformat(),
                "by": e.author,
                "note": e.text,
                "result": e.result,
            }
            for e in sorted(a.events, key=lambda e: e.day)
        ],
    }


@mitigation_app.command("list")
def list_agreements(
    as_of: AsOf = None,
    json_: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    db: Db = None,
) -> None:
    """Every agreement with its standing: overdue audits, open breaches, expired terms."""
    from rich.table import Table

    from netvet.cli.output import write_output

    day = as_of_date(as_of)
    records = [agreement_record(a, day) for a in stored(db)]
    if json_:
        write_output("json", records, None)
        return
    table = Table(*SUMMARY, title=f"Mitigation agreements as of {day}")
    for a in stored(db):
        table.add_row(*summary_row(a, standing(a, day)))
    data_console().print(table)


@mitigation_app.command("show")
def show(
    key: Annotated[str, typer.Argument(help="Agreement id.")],
    as_of: AsOf = None,
    json_: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    db: Db = None,
) -> None:
    """One agreement: obligations, schedule, events and standing."""
    from netvet.cli.output import write_output

    found = next((a for a in stored(db) if a.key == key), None)
    if found is None:
        raise UsageError(f"no mitigation agreement {key!r} in the store")
    record = agreement_record(found, as_of_date(as_of))
    if json_:
        write_output("json", [record], None)
        return
    console = data_console()
    for name, value in record.items():
        console.print(f"[bold]{name}[/bold]: {value}", highlight=False)


def case_agreement_rows(
    agreements: list[Agreement], case: Case, linked: Sequence[tuple[AssetLink, FindingRecord]], day: date
) -> tuple[tuple[str, ...], ...]:
    """The agreements that bear on an ICTS case, as case-file rows."""
    found = bearing_on(agreements, case.number, case.transaction.suppliers, [r for _, r in linked])
    return tuple(summary_row(a, standing(a, day)) for a in found)
