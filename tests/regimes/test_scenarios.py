"""Table-driven regime scenarios (tests/regimes/data/scenarios.yaml), written from REGIME.md and
judged against the packaged kb: one row per rule, dates either side of every cut-off."""

from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from netvet.kb.loader import KnowledgeBase
from netvet.model import AssetContext, Attribution, Category, Determination, Organisation
from netvet.regimes import REGIMES, classify_use, get_regime
from netvet.regimes.services import classify_service, third_party
from tests.conftest import attr

TABLES = sorted((Path(__file__).parent / "data").glob("scenarios*.yaml"))
DOCS = [yaml.safe_load(table.read_text(encoding="utf-8")) for table in TABLES]
SCENARIOS: list[dict[str, Any]] = [dict(doc["defaults"], **row) for doc in DOCS for row in doc["scenarios"]]
CONTEXT_FIELDS = ("acquired", "funding", "first_authorized", "conditional_approval", "third_party_service")
CONTEXT_FIELDS += ("handles_user_data", "serviced_by", "service_country")
CONTEXT_FIELDS += ("network_part", "generation")


def asset_of(row: dict[str, Any]) -> Attribution:
    category = Category(row["category"]) if row.get("category") else None
    return attr(row.get("maker"), category, row.get("country"))


def context_of(kb: KnowledgeBase, row: dict[str, Any]) -> AssetContext:
    given = row.get("context") or {}
    facts = {name: given[name] for name in CONTEXT_FIELDS if name in given}
    if "generation" in facts:
        facts["generation"] = tuple(facts["generation"])
    organisation = Organisation(**given.get("organisation", {}))
    use = given.get("use")
    found = AssetContext(use=classify_use(kb.uses, use), use_text=use, organisation=organisation, **facts)
    return with_service(found, given.get("service"))


def with_service(found: AssetContext, text: str | None) -> AssetContext:
    """A service row: its text classified as the readers classify it."""
    if text is None:
        return found
    kind = classify_service(text)
    given = found.third_party_service
    return replace(found, service=kind, service_text=text, third_party_service=given or third_party(kind))


def judge(kb: KnowledgeBase, row: dict[str, Any]) -> Determination:
    as_of: date = row["as_of"]
    return get_regime(row["regime"])(asset_of(row), context_of(kb, row), kb.regime_kb, as_of)


@pytest.mark.parametrize("row", SCENARIOS, ids=[s["id"] for s in SCENARIOS])
def test_scenario(kb: KnowledgeBase, row: dict[str, Any]) -> None:
    expect = row["expect"]
    found = judge(kb, row)
    assert found.regime == row["regime"]
    assert str(found.status) == expect["status"], found.reason
    if "entry" in expect:
        assert found.entry == expect["entry"]
    if "missing" in expect:
        assert list(found.missing) == expect["missing"]
    elif found.status == "review":
        assert found.missing, "a review names the missing fact"
    for flag in expect.get("flags", ()):
        assert flag in found.flags, (flag, found.flags)
    for flag in expect.get("no_flags", ()):
        assert flag not in found.flags, (flag, found.flags)
    for text in expect.get("reason", ()):
        assert str(text) in found.reason, (text, found.reason)
    for node in expect.get("path", ()):
        assert node in found.path, (node, found.path)
    assert found.informational == expect.get("informational", found.informational)


def test_the_table_is_big_enough_and_reaches_every_regime() -> None:
    per_regime = Counter(s["regime"] for s in SCENARIOS)
    assert len(SCENARIOS) >= 40
    assert set(REGIMES) <= set(per_regime)
    assert all(get_regime(regime) for regime in per_regime)
    assert len({s["id"] for s in SCENARIOS}) == len(SCENARIOS)
    assert all(s.get("rule") for s in SCENARIOS)


def test_every_outcome_is_exercised() -> None:
    outcomes = {(s["regime"], s["expect"]["status"]) for s in SCENARIOS}
    for regime in ("fcc-subsidy", "fcc-annual-report", "fcc-reimbursement", "ndaa-889", "ear-entity-list"):
        assert {(regime, "covered"), (regime, "not-covered"), (regime, "review")} <= outcomes, regime
