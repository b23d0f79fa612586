"""An ICTS case as JSON-ready records for `--json` output."""

from datetime import date
from typing import Any

from netvet.icts.clocks import Clock, ClockState
from netvet.icts.criteria import Criterion
from netvet.icts.model import Case, CaseEntry, Transaction


def iso(day: date | None) -> str | None:
    """A date as YYYY-MM-DD, or None."""
    return day.isoformat() if day else None


def entry_record(e: CaseEntry) -> dict[str, Any]:
    """One entry."""
    return {
        "id": e.id,
        "kind": str(e.kind),
        "author": e.author,
        "written": e.created_at.isoformat(timespec="seconds"),
        "text": e.text,
        "step": str(e.step) if e.step else None,
        "day": iso(e.day),
        "outcome": str(e.outcome) if e.outcome else None,
        "until": iso(e.until),
        "criterion": e.criterion,
        "score": e.score,
        "evidence": list(e.evidence),
    }


def clock_record(c: Clock) -> dict[str, Any]:
    """One clock."""
    return {
        "clock": c.key,
        "name": c.name,
        "citation": c.citation,
        "state": str(c.state),
        "start": iso(c.start),
        "due": iso(c.due),
        "done": iso(c.done),
        "days": c.days,
        "note": c.note,
        "verified": c.verified,
    }


def transaction_record(t: Transaction) -> dict[str, Any]:
    """The transaction, as shown and as stored."""
    return {
        "parties": list(t.parties),
        "item": t.item,
        "kind": t.kind,
        "initiated": iso(t.initiated),
        "completed": iso(t.completed),
        "value": t.value,
        "currency": t.currency,
        "suppliers": list(t.suppliers),
        "assets": [{"run": a.run, "asset": a.asset} for a in t.assets],
    }


def next_due(clocks: tuple[Clock, ...]) -> Clock | None:
    """The running or overdue clock due first."""
    open_ = [c for c in clocks if c.due and c.state in (ClockState.RUNNING, ClockState.OVERDUE)]
    return min(open_, key=lambda c: c.due or date.max) if open_ else None


def case_record(
    case: Case, status: str, as_of: date, clocks: tuple[Clock, ...], criteria: tuple[Criterion, ...]
) -> dict[str, Any]:
    """The whole case as of a day."""
    due = next_due(clocks)
    return {
        "case": case.number,
        "title": case.title,
        "status": status,
        "as_of": as_of.isoformat(),
        "opened_by": case.opened_by,
        "opened_at": case.opened_at.isoformat(timespec="seconds"),
        "referral_source": case.referral_source,
        "transaction": transaction_record(case.transaction),
        "next_due": clock_record(due) if due else None,
        "clocks": [clock_record(c) for c in clocks],
        "criteria": [
            {
                "criterion": c.number,
                "name": c.name,
                "score": c.score,
                "basis": c.basis,
                "evidence": list(c.evidence),
            }
            for c in criteria
        ],
        "entries": [entry_record(e) for e in case.entries],
    }
