"""FindingRecord: made once from a finding and the kb, its JSON is the contract object, and a
stored JSON object reads back to the same typed record; wrong types are errors naming the field."""

import json
from dataclasses import replace
from typing import Any

import pytest

from netvet.errors import RecordError
from netvet.findings.record import FindingRecord
from netvet.kb.loader import KnowledgeBase
from netvet.model import Status, Verdict
from netvet.pipeline.stream import ScanStream
from netvet.report.records import record_of
from tests.conftest import AS_OF, ROOT


@pytest.fixture(scope="module")
def records(kb: KnowledgeBase) -> list[FindingRecord]:
    """The example inventory and contracts, scanned and resolved."""
    paths = [ROOT / "examples" / "carrier_inventory.csv", ROOT / "examples" / "contracts.csv"]
    return [
        record_of(f, kb.entities, kb.graph, AS_OF)
        for f in ScanStream(kb=kb, as_of=AS_OF, paths=paths).findings()
    ]


def test_every_record_reads_back_equal_from_its_json(records: list[FindingRecord]) -> None:
    for record in records:
        stored = json.loads(json.dumps(record.to_json()))
        assert FindingRecord.from_json(stored) == record
        assert FindingRecord.from_json(stored).to_json() == stored


def test_the_examples_exercise_the_optional_parts(records: list[FindingRecord]) -> None:
    assert {r.verdict for r in records} >= {Verdict.COVERED, Verdict.CLEAR, Verdict.UNKNOWN}
    assert any(r.controller for r in records) and any(r.renewal_due for r in records)
    assert any(r.network_part for r in records) and any(r.unknown_reason for r in records)
    assert any(d.list_version for r in records for d in r.determinations)


def test_the_contract_keys_come_in_the_contract_order(records: list[FindingRecord]) -> None:
    keys = list(records[0].to_json())
    assert keys[:4] == ["asset", "sources", "identifiers", "manufacturer"]
    assert keys.index("determinations") < keys.index("verdict") < keys.index("renewal_due")
    assert "review" not in keys and "mitigation" not in keys


def test_a_record_looks_up_its_determinations(records: list[FindingRecord]) -> None:
    covered = next(r for r in records if r.verdict is Verdict.COVERED)
    found = covered.determination("fcc-covered-list")
    assert found is not None and found.status is Status.COVERED
    assert covered.status("fcc-covered-list") == "covered" and covered.status("no-such-regime") is None


def test_an_older_record_without_newer_fields_takes_their_defaults() -> None:
    old = {
        "asset": "serial:1",
        "verdict": "review",
        "determinations": [{"regime": "ndaa-889", "status": "review"}],
    }
    record = FindingRecord.from_json(old)
    assert record.lineage is None and record.network_part is None and record.generation == ()
    assert record.determinations[0].missing == () and record.verdict is Verdict.REVIEW


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"verdict": "bad"}, "verdict"),
        ({"asset": 5}, "asset"),
        ({"acquired": "23/11/2026"}, "acquired"),
        ({"confidence": "high"}, "confidence"),
        ({"identifiers": {"mac": "00:11"}}, "identifiers.mac"),
        ({"determinations": [{"regime": "x", "status": "maybe"}]}, "determinations[0].status"),
        ({"manufacturer": ["huawei"]}, "manufacturer"),
        ({"conditional_approval": "yes"}, "conditional_approval"),
    ],
)
def test_a_wrong_field_is_an_error_naming_it(change: dict[str, Any], field: str) -> None:
    good = {"asset": "serial:1", "verdict": "covered", "determinations": []}
    with pytest.raises(RecordError) as caught:
        FindingRecord.from_json(good | change)
    assert caught.value.field == field and str(caught.value).startswith(field)


def test_a_record_that_is_not_an_object_is_an_error() -> None:
    with pytest.raises(RecordError, match="expected an object"):
        FindingRecord.from_json(["asset"])


def test_a_false_positive_keeps_the_verdict_before_it(records: list[FindingRecord]) -> None:
    covered = next(r for r in records if r.verdict is Verdict.COVERED)
    cleared = {**covered.to_json(), "verdict": "clear", "verdict_before_review": "covered"}
    cleared["review"] = {
        "id": 1, "subject": covered.asset, "entity": "x", "decision": "false-positive", "reason": "r",
        "author": "a", "made": "2026-11-01T09:30:00+00:00", "expires": None,
    }  # fmt: skip
    back = FindingRecord.from_json(cleared)
    assert back.review is not None and back.review.verdict_before is Verdict.COVERED
    assert back.to_json() == cleared and replace(back, review=None).verdict is Verdict.CLEAR
