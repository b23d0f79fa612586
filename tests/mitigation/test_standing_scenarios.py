"""Agreement standing against the `mitigation` table of scenarios_icts_cases.yaml: audits and
reports either side of their due day, breaches and cures, the term's ends."""

from pathlib import Path
from typing import Any

import pytest
import yaml

from netvet.mitigation import Agreement, AgreementEvent, AgreementKind, EventKind, standing

TABLE = Path(__file__).parents[1] / "regimes" / "data" / "scenarios_icts_cases.yaml"
ROWS: list[dict[str, Any]] = yaml.safe_load(TABLE.read_text(encoding="utf-8"))["mitigation"]


def agreement_of(given: dict[str, Any]) -> Agreement:
    events = tuple(
        AgreementEvent(EventKind(e["kind"]), e["day"], "auditor", e["kind"]) for e in given.get("events", ())
    )
    return Agreement(
        "NSA-1",
        AgreementKind.NO_SPY,
        "no-spy agreement",
        "ZTE USA",
        given["start"],
        given.get("end"),
        audit_every_months=given.get("audit_every_months"),
        report_every_months=given.get("report_every_months"),
        events=events,
    )


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_standing(row: dict[str, Any]) -> None:
    expect = row["expect"]
    held = standing(agreement_of(row["agreement"]), row["as_of"])
    assert str(held.state) == expect["state"], held
    for field in ("next_audit_due", "next_report_due", "open_breaches"):
        if field in expect:
            assert getattr(held, field) == expect[field], (field, held)
    if "problems" in expect:
        assert [str(p) for p in held.problems] == expect["problems"]


def test_every_state_is_exercised() -> None:
    states = {r["expect"]["state"] for r in ROWS}
    assert states == {"active", "audit-overdue", "report-overdue", "expired", "not-started", "breached"}
