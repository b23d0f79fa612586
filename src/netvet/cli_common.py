"""What every `netvet` command shares: the stderr console, the stdout console, --as-of and the
data format options."""

import sys
from datetime import date

from rich.console import Console

from netvet.errors import UsageError
from netvet.ids import parse_date

err = Console(stderr=True, soft_wrap=True)


def data_console() -> Console:
    """The stdout console; wide enough for reasons when stdout is a file or a pipe."""
    return Console() if sys.stdout.isatty() else Console(width=160)


def as_of_date(text: str | None) -> date:
    """--as-of, default today."""
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
