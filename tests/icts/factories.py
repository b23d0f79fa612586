"""One-line factories for ICTS cases in tests."""

from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from netvet.icts.model import Case, CaseEntry, EntryKind, Outcome, Step, Transaction

WRITTEN = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
OUTCOMES = {Step.FINAL_DETERMINATION: Outcome.PROHIBITED}


def decision(step: str, day: date, until: date | None = None, n: int = 0) -> CaseEntry:
    """A decision on a day, as an analyst records it."""
    kind = Step(step)
    return CaseEntry(
        EntryKind.DECISION, "analyst", WRITTEN, f"{step} recorded", kind, day, OUTCOMES.get(kind), until, id=n
    )


def case_with(steps: Mapping[str, Any], number: str = "ICTS-2026-001") -> Case:
    """A case with the given steps ({step: day}, or extend: {day, until})."""
    entries = []
    for n, (step, when) in enumerate(steps.items(), 1):
        if isinstance(when, dict):
            entries.append(decision(step, when["day"], when.get("until"), n))
        else:
            entries.append(decision(step, when, n=n))
    transaction = Transaction(("Rifle Valley Telephone", "ZTE USA"), "OLT maintenance")
    return Case(number, "test case", transaction, "analyst", WRITTEN, entries=tuple(entries))
