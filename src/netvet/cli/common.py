"""What every `netvet` command shares: the stderr console, the stdout console, --as-of and the
data format options."""

import math
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from netvet.errors import UsageError

if TYPE_CHECKING:  # imported where used, so `netvet --help` and usage errors stay fast
    from netvet.model import Organisation
    from netvet.regimes import RegimeKB

err = Console(stderr=True, soft_wrap=True)
# The organisation whose network or purchases are judged (47 CFR 54.9/54.10, §889 Part B, the
# reimbursement program's customer limit read it); a fact not given is unknown.
FederalContractor = Annotated[
    bool | None,
    typer.Option("--federal-contractor/--no-federal-contractor", help="We are (not) a federal contractor."),
]
UsfRecipient = Annotated[
    bool | None,
    typer.Option("--usf-recipient/--no-usf-recipient", help="We do (not) receive USF or other FCC subsidy."),
]
Customers = Annotated[int | None, typer.Option(min=0, help="Customers of ours and our affiliates.")]


def finite_number(value: float | None) -> float | None:
    """An Option callback refusing nan and infinities (Click's ranges let nan through)."""
    if value is not None and not math.isfinite(value):
        raise typer.BadParameter(f"{value} is not a finite number")
    return value


def positive_number(value: float | None) -> float | None:
    """An Option callback for a finite number above zero (seconds to wait)."""
    if value is not None and not (math.isfinite(value) and value > 0):
        raise typer.BadParameter(f"{value} is not a number above 0")
    return value


Threshold = Annotated[
    float,
    typer.Option(min=0.0, max=1.0, callback=finite_number, help="Lowest score reported (0 to 1)."),
]
ProfilePath = Annotated[Path | None, typer.Option(help="Organisation profile (YAML); flags override it.")]


def data_console() -> Console:
    """The stdout console; wide enough for reasons when stdout is a file or a pipe."""
    return Console() if sys.stdout.isatty() else Console(width=160)


def as_of_date(text: str | None) -> date:
    """--as-of, default today."""
    from netvet.ids import parse_date

    if text is None:
        return date.today()
    day = parse_date(text)
    if day is None:
        raise UsageError(f"--as-of: not a date: '{text}' (use YYYY-MM-DD)")
    return day


def output_format(json_: bool, jsonl: bool, csv_: bool) -> str | None:
    """The one data format asked for, or None for the summary."""
    chosen = [name for name, on in (("json", json_), ("jsonl", jsonl), ("csv", csv_)) if on]
    if len(chosen) > 1:
        raise UsageError("choose one of --json, --jsonl, --csv")
    return chosen[0] if chosen else None


def organisation(
    profile: Path | None, contractor: bool | None, usf: bool | None, customers: int | None
) -> "Organisation":
    """The profile file's facts, each overridden by a flag the user gave."""
    from netvet.model import Organisation

    base = Organisation()
    if profile:
        from netvet.ingest.approved import read_profile  # the register reader: only for a profile

        base = read_profile(profile)
    return Organisation(
        base.federal_contractor if contractor is None else contractor,
        base.usf_recipient if usf is None else usf,
        base.customers if customers is None else customers,
    )


Jurisdiction = Annotated[
    str,
    typer.Option(
        help="Jurisdictions whose rules apply, comma-separated: us,uk,ca,de,se,eu,au,in (or all).",
    ),
]


def jurisdiction_regimes(text: str, kb: "RegimeKB") -> tuple[str, ...]:
    """--jurisdiction 'us,uk' -> the regime ids to run; an unknown code is a usage error."""
    from netvet.regimes import JURISDICTIONS
    from netvet.regimes import jurisdiction_regimes as regimes_for

    codes = tuple(c.strip().casefold() for c in text.split(",") if c.strip())
    if "all" in codes:
        codes = JURISDICTIONS
    unknown = sorted(set(codes) - set(JURISDICTIONS))
    if unknown or not codes:
        raise UsageError(f"--jurisdiction takes {','.join(JURISDICTIONS)} or all; got '{text}'")
    return regimes_for(codes, kb)
