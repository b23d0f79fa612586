"""apply_review: the decision in force on a finding's (asset, maker) match is applied to the typed
finding; a false positive clears the verdict and keeps the one before, a confirmation only records."""

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from netvet.kb.loader import KnowledgeBase
from netvet.model import Finding, Verdict
from netvet.pipeline.stream import ScanStream
from netvet.report.records import record_of
from netvet.review.decisions import EMPTY_BOOK, Decision, DecisionBook, DecisionKind, apply_review
from tests.conftest import AS_OF, ROOT


@pytest.fixture(scope="module")
def covered(kb: KnowledgeBase) -> Finding:
    """The first covered finding of the example inventory."""
    stream = ScanStream(kb=kb, as_of=AS_OF, paths=[ROOT / "examples" / "carrier_inventory.csv"])
    return next(f for f in stream.findings() if f.verdict is Verdict.COVERED)


def decision(finding: Finding, kind: DecisionKind, expires: date | None = None) -> Decision:
    maker = finding.attribution.manufacturer or ""
    made = datetime(2026, 11, 1, 9, 30, tzinfo=UTC)
    return Decision(finding.asset.upper(), maker, kind, "lab unit", "R. Analyst", made, expires, 7)


def test_a_false_positive_clears_the_verdict_and_keeps_the_one_before(covered: Finding) -> None:
    book = DecisionBook.build([decision(covered, DecisionKind.FALSE_POSITIVE)])
    reviewed = apply_review(covered, book, AS_OF)
    assert reviewed.verdict is Verdict.CLEAR and reviewed.determinations == covered.determinations
    assert reviewed.review is not None and reviewed.review.verdict_before is Verdict.COVERED
    assert reviewed.review.decision.kind is DecisionKind.FALSE_POSITIVE


def test_a_confirmation_is_recorded_and_changes_nothing_else(covered: Finding) -> None:
    reviewed = apply_review(covered, DecisionBook.build([decision(covered, DecisionKind.CONFIRMED)]), AS_OF)
    assert reviewed.verdict is Verdict.COVERED and reviewed.review is not None
    assert reviewed.review.verdict_before is None
    assert replace(reviewed, review=None) == covered


def test_no_decision_an_expired_one_or_no_maker_leaves_the_finding(covered: Finding) -> None:
    expired = DecisionBook.build([decision(covered, DecisionKind.FALSE_POSITIVE, date(2026, 11, 22))])
    assert apply_review(covered, expired, AS_OF) is covered
    assert apply_review(covered, EMPTY_BOOK, AS_OF) is covered
    unattributed = replace(covered, attribution=replace(covered.attribution, manufacturer=None))
    book = DecisionBook.build([decision(covered, DecisionKind.FALSE_POSITIVE)])
    assert apply_review(unattributed, book, AS_OF) is unattributed


def test_the_record_shows_the_review_as_the_contract_does(kb: KnowledgeBase, covered: Finding) -> None:
    book = DecisionBook.build([decision(covered, DecisionKind.FALSE_POSITIVE)])
    shown = record_of(apply_review(covered, book, AS_OF), kb.entities, kb.graph, AS_OF).to_json()
    assert (shown["verdict"], shown["verdict_before_review"]) == ("clear", "covered")
    assert shown["review"] == {
        "id": 7,
        "subject": covered.asset.upper(),
        "entity": covered.attribution.manufacturer,
        "decision": "false-positive",
        "reason": "lab unit",
        "author": "R. Analyst",
        "made": "2026-11-01T09:30:00+00:00",
        "expires": None,
    }
    assert list(shown)[-2:] == ["review", "verdict_before_review"]


def test_a_registrant_the_kb_does_not_know_is_never_reviewed(covered: Finding) -> None:
    registrant = replace(covered, attribution=replace(covered.attribution, manufacturer="org:Juniper"))
    made = datetime(2026, 11, 1, tzinfo=UTC)
    book = DecisionBook.build(
        [Decision(covered.asset, "org:Juniper", DecisionKind.FALSE_POSITIVE, "r", "a", made)]
    )
    assert apply_review(registrant, book, AS_OF) is registrant
