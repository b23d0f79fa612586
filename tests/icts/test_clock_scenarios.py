"""The ICTS process clocks against the `clocks` table of scenarios_icts_cases.yaml: dates either
side of every deadline of REGIME.md §2.5, under the interim and the final rule."""

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from netvet.icts import case_clocks
from tests.icts.factories import case_with

TABLE = Path(__file__).parents[1] / "regimes" / "data" / "scenarios_icts_cases.yaml"
ROWS: list[dict[str, Any]] = yaml.safe_load(TABLE.read_text(encoding="utf-8"))["clocks"]


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_clock(row: dict[str, Any]) -> None:
    expect = row["expect"]
    clocks = {c.key: c for c in case_clocks(case_with(row["steps"]), row["as_of"])}
    if expect.get("absent"):
        assert expect["clock"] not in clocks
        return
    clock = clocks[expect["clock"]]
    for field in ("state", "start", "due", "done", "citation", "verified"):
        if field in expect:
            assert str(getattr(clock, field)) == str(expect[field]), (field, clock)
    for text in expect.get("note", ()):
        assert text in clock.note, (text, clock.note)


def test_every_clock_and_state_is_exercised() -> None:
    seen = {(r["expect"]["clock"], r["expect"].get("state")) for r in ROWS}
    assert {k for k, _ in seen} == {"acceptance", "notice", "response", "final", "retention"}
    assert {s for _, s in seen} >= {"running", "met", "late", "overdue", "too-early"}
    assert len({r["id"] for r in ROWS}) == len(ROWS)


def test_a_case_with_no_step_has_no_clock_running() -> None:
    states = {c.key: str(c.state) for c in case_clocks(case_with({}), date(2026, 11, 23))}
    assert set(states.values()) == {"not-started"}
