"""`netvet icts case open|show|note|decide|score|list|file`: ICTS transaction reviews
(15 CFR 791 Subpart B) kept in the store, with their clocks and case file."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from netvet.cli.common import as_of_date, data_console, err
from netvet.errors import UsageError
from netvet.icts.model import (
    AssetLink,
    Case,
    CaseEntry,
    EntryKind,
    Outcome,
    Step,
    Transaction,
    check_decision,
)
from netvet.icts.model import TransactionKind as Kind
from netvet.ids import parse_date

icts_app = typer.Typer(no_args_is_help=True, help="ICTS transaction reviews (15 CFR 791).")
case_app = typer.Typer(no_args_is_help=True, help="ICTS cases: open, show, note, decide, score, list, file.")
icts_app.add_typer(case_app, name="case")
Db = Annotated[str | None, typer.Option(help="Store URL (default NETVET_DB_URL or sqlite:///netvet.db).")]
Author = Annotated[str, typer.Option(help="Who records it.")]
AsOf = Annotated[str | None, typer.Option(help="Clocks as of this day (default today).")]


@contextmanager
def store(db: str | None) -> Iterator[Any]:
    """An open store engine, disposed afterwards."""
    from netvet.settings import Settings
    from netvet.store import open_store

    engine = open_store(db or Settings.from_env().db_url)
    try:
        yield engine
    finally:
        engine.dispose()


def day_option(text: str | None, name: str) -> date | None:
    """An optional date option; a UsageError names a bad one."""
    if text is None:
        return None
    day = parse_date(text)
    if day is None:
        raise UsageError(f"{name}: not a date: '{text}' (use YYYY-MM-DD)")
    return day


def asset_link(text: str) -> AssetLink:
    """RUN:ASSET (the asset key may itself hold colons)."""
    run, _, asset = text.partition(":")
    if not run.isdigit() or not asset:
        raise UsageError(f"--asset: '{text}' is not RUN:ASSET (a stored run id and an asset key)")
    return AssetLink(int(run), asset)


def vocabulary(kind: type[Step] | type[Outcome] | type[Kind], text: str | None, name: str) -> Any:
    """A value of a closed vocabulary; a UsageError lists the known ones."""
    if text is None:
        return None
    try:
        return kind(text)
    except ValueError as exc:
        raise UsageError(f"{name}: '{text}' is not one of {', '.join(kind)}") from exc


@case_app.command("open")
def open_case(
    title: Annotated[str, typer.Option(help="A short title.")],
    party: Annotated[list[str], typer.Option(help="A party to the transaction (repeatable).")],
    item: Annotated[str, typer.Option(help="The ICTS item: hardware, software or service.")],
    author: Author,
    number: Annotated[str | None, typer.Option(help="Case number (default ICTS-YEAR-NNN).")] = None,
    kind: Annotated[str, typer.Option(help=", ".join(Kind))] = "acquisition",
    initiated: Annotated[str | None, typer.Option(help="Day the transaction was initiated.")] = None,
    completed: Annotated[str | None, typer.Option(help="Day it was completed.")] = None,
    value: Annotated[float | None, typer.Option(min=0, help="Transaction value.")] = None,
    currency: Annotated[str, typer.Option(help="Currency of the value.")] = "USD",
    supplier: Annotated[list[str] | None, typer.Option(help="A supplier (repeatable).")] = None,
    asset: Annotated[list[str] | None, typer.Option(help="A linked asset RUN:ASSET (repeatable).")] = None,
    referral_source: Annotated[str, typer.Option(help="Who referred it, on what information.")] = "",
    referred: Annotated[str | None, typer.Option(help="Day the referral was received.")] = None,
    db: Db = None,
) -> None:
    """Open a case for one transaction; --referred records the referral step."""
    transaction = Transaction(
        tuple(party), item, vocabulary(Kind, kind, "--kind"), day_option(initiated, "--initiated"),
        day_option(completed, "--completed"), value, currency, tuple(supplier or ()),
        tuple(asset_link(a) for a in asset or ()),
    )  # fmt: skip
    now = datetime.now(UTC)
    entries = referral_entry(author, now, referral_source, day_option(referred, "--referred"))
    saved = save_new_case(db, Case(number or "", title, transaction, author, now, referral_source, entries))
    err.print(f"opened ICTS case {saved.number}", highlight=False)
    typer.echo(saved.number)


def referral_entry(author: str, now: datetime, source: str, day: date | None) -> tuple[CaseEntry, ...]:
    """The referral step, when its day is given."""
    if day is None:
        return ()
    text = f"referral received{': ' + source if source else ''}"
    return (CaseEntry(EntryKind.DECISION, author, now, text, Step.REFERRAL, day),)


def save_new_case(db: str | None, case: Case) -> Case:
    """Store a new case once every linked asset is found in a stored run."""
    from netvet.store.cases import linked_records, save_case

    with store(db) as engine:
        _, missing = linked_records(engine, case.transaction.assets)
        if missing:
            raise UsageError(f"--asset: not in the store: {', '.join(str(m) for m in missing)}")
        return save_case(engine, case)


def add(db: str | None, number: str, entry: CaseEntry) -> CaseEntry:
    """Store one entry on a case."""
    from netvet.store.cases import add_entry

    with store(db) as engine:
        return add_entry(engine, number, entry)


@case_app.command("note")
def note(
    number: Annotated[str, typer.Argument(help="Case number.")],
    text: Annotated[str, typer.Argument(help="The note (kept as written; never changed).")],
    author: Author,
    db: Db = None,
) -> None:
    """Add a note to a case."""
    saved = add(db, number, CaseEntry(EntryKind.NOTE, author, datetime.now(UTC), text))
    err.print(f"note {saved.id} added to {number}", highlight=False)


@case_app.command("decide")
def decide(
    number: Annotated[str, typer.Argument(help="Case number.")],
    step: Annotated[str, typer.Option(help=", ".join(Step))],
    on: Annotated[str, typer.Option(help="Day the step was taken (YYYY-MM-DD).")],
    reason: Annotated[str, typer.Option(help="Why, or what was decided.")],
    author: Author,
    outcome: Annotated[str | None, typer.Option(help=", ".join(Outcome))] = None,
    until: Annotated[str | None, typer.Option(help="New Final Determination due day (step extend).")] = None,
    db: Db = None,
) -> None:
    """Record a process step (a decision) on the day it was taken."""
    entry = CaseEntry(
        EntryKind.DECISION,
        author,
        datetime.now(UTC),
        reason,
        vocabulary(Step, step, "--step"),
        day_option(on, "--on"),
        vocabulary(Outcome, outcome, "--outcome"),
        day_option(until, "--until"),
    )
    if problem := check_decision(entry):
        raise UsageError(problem)
    saved = add(db, number, entry)
    err.print(f"{number}: {step} on {on} recorded (entry {saved.id})", highlight=False)


@case_app.command("score")
def score(
    number: Annotated[str, typer.Argument(help="Case number.")],
    criterion: Annotated[int, typer.Option(min=1, max=10, help="§791.103(c) criterion, 1-10.")],
    value: Annotated[int, typer.Option("--score", min=0, max=2, help="0 no concern, 1 some, 2 strong.")],
    reason: Annotated[str, typer.Option(help="Why this score.")],
    author: Author,
    evidence: Annotated[list[str] | None, typer.Option(help="Evidence it rests on (repeatable).")] = None,
    db: Db = None,
) -> None:
    """Score one §791.103(c) criterion with the evidence it rests on (the latest score wins)."""
    now, cited = datetime.now(UTC), tuple(evidence or ())
    add(
        db,
        number,
        CaseEntry(EntryKind.SCORE, author, now, reason, criterion=criterion, score=value, evidence=cited),
    )
    err.print(f"{number}: criterion ({criterion}) scored {value}/2", highlight=False)


def casefile_of(engine: Any, number: str, day: date, stored: Any = None, agreements: Any = None) -> Any:
    """The case file of a case as of a day, with the agreements that bear on it (the case and
    the agreements are read from the store unless given)."""
    from netvet.cli.mitigation import case_agreement_rows
    from netvet.report.casefile import build_casefile
    from netvet.store.agreements import read_agreements
    from netvet.store.cases import linked_records, read_case

    case = stored or read_case(engine, number)
    linked, missing = linked_records(engine, case.transaction.assets)
    found = read_agreements(engine) if agreements is None else agreements
    return build_casefile(case, day, linked, missing, case_agreement_rows(found, case, linked, day))


@case_app.command("show")
def show(
    number: Annotated[str, typer.Argument(help="Case number.")],
    as_of: AsOf = None,
    json_: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    db: Db = None,
) -> None:
    """The case: transaction, steps, clocks, criteria and notes."""
    from netvet.cli.output import write_output
    from netvet.report.casefile import casefile_record

    with store(db) as engine:
        file = casefile_of(engine, number, as_of_date(as_of))
    if json_:
        write_output("json", [casefile_record(file)], None)
    else:
        print_case(file)


def print_case(file: Any) -> None:
    """The case file as tables on the terminal."""
    from rich.table import Table

    console, case = data_console(), file.case
    console.print(
        f"[bold]{case.number}[/bold] {case.title} — {file.status} (as of {file.as_of})", highlight=False
    )
    clocks = Table("clock", "citation", "state", "start", "due", "done", "note", title="Clocks")
    for c in file.clocks:
        clocks.add_row(
            c.name, c.citation, str(c.state), *(str(x or "") for x in (c.start, c.due, c.done)), c.note
        )
    criteria = Table("#", "criterion", "score", "basis", title="§791.103(c) criteria")
    for c in file.criteria:
        criteria.add_row(str(c.number), c.name, "—" if c.score is None else f"{c.score}/2", c.basis)
    entries = Table("day / written", "kind", "by", "text", title="Entries")
    for e in case.entries:
        entries.add_row(
            str(e.day or e.created_at.date()), f"{e.kind} {e.step or ''}".strip(), e.author, e.text
        )
    for table in (clocks, criteria, entries):
        console.print(table)


@case_app.command("list")
def list_cases(
    as_of: AsOf = None,
    json_: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    db: Db = None,
) -> None:
    """Every case with its stage and the next clock due."""
    from rich.table import Table

    from netvet.cli.output import write_output
    from netvet.report.casefile import casefile_record
    from netvet.store.agreements import read_agreements
    from netvet.store.cases import list_cases as stored_cases

    day = as_of_date(as_of)
    with store(db) as engine:
        agreements = read_agreements(engine)
        records = [
            casefile_record(casefile_of(engine, c.number, day, c, agreements)) for c in stored_cases(engine)
        ]
    if json_:
        keys = ("case", "title", "status", "as_of", "next_due", "clocks")
        write_output("json", [{k: r[k] for k in keys} for r in records], None)
        return
    table = Table("case", "title", "status", "next due", title=f"ICTS cases as of {day}")
    for r in records:
        due = r["next_due"]
        table.add_row(
            r["case"], r["title"], r["status"], f"{due['name']}: {due['due']} ({due['state']})" if due else ""
        )
    data_console().print(table)


@case_app.command("file")
def case_file(
    number: Annotated[str, typer.Argument(help="Case number.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder to write the files to.")] = Path("."),
    as_of: AsOf = None,
    db: Db = None,
) -> None:
    """Write the case file as HTML and PDF."""
    from netvet.report.files import write_casefile

    with store(db) as engine:
        file = casefile_of(engine, number, as_of_date(as_of))
    for path in write_casefile(file, output):
        err.print(f"wrote {path}", markup=False, highlight=False)
