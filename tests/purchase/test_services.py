"""Services through the procurement gate: a service line is attributed to its provider and
answered by the services entries (47 CFR 1.50002 §214 entries, 54.9/54.10)."""

from netvet.purchase import Decision, ReviewKB, review_line
from tests.conftest import AS_OF
from tests.purchase.conftest import CARRIER, purchase


def test_usf_funded_service_from_a_listed_carrier_is_prohibited(review_kb: ReviewKB) -> None:
    """The bug users hit: USF money buying transit from a Covered List carrier came back
    `conditions`; 47 CFR 54.10 prohibits it from 60 days after the listing."""
    line = purchase(supplier="China Telecom (Americas) Corp.", service="IP transit", funding="USF high-cost")
    review = review_line(line, review_kb, CARRIER, AS_OF)
    per_regime = {r.determination.regime: r for r in review.regimes}
    assert review.decision == Decision.PROHIBITED
    assert per_regime["fcc-subsidy"].decision == Decision.PROHIBITED
    assert per_regime["fcc-subsidy"].party == "product"
    assert "54.10" in per_regime["fcc-subsidy"].determination.reason
    assert review.attribution is not None
    assert review.attribution.manufacturer == "china-telecom-americas"


def test_colocation_from_a_listed_carrier_needs_information(review_kb: ReviewKB) -> None:
    line = purchase(
        supplier="China Unicom (Americas) Operations Limited", service="colocation", funding="USF"
    )
    review = review_line(line, review_kb, CARRIER, AS_OF)
    assert review.decision == Decision.NEEDS_INFORMATION
    assert "whether colocation is a service the entry names" in review.missing


def test_an_unlisted_carriers_transit_is_allowed(review_kb: ReviewKB) -> None:
    line = purchase(supplier="Telia Carrier", service="IP transit", funding="USF high-cost")
    review = review_line(line, review_kb, CARRIER, AS_OF)
    assert review.decision == Decision.ALLOWED
    listed = next(r for r in review.regimes if r.determination.regime == "fcc-covered-list")
    assert "matches no listed entity" in listed.determination.reason


def test_equipment_from_a_services_only_carrier_is_not_covered(review_kb: ReviewKB) -> None:
    line = purchase(vendor="China Telecom (Americas) Corp.", category="router")
    review = review_line(line, review_kb, CARRIER, AS_OF)
    listed = next(r for r in review.regimes if r.determination.regime == "fcc-covered-list")
    assert listed.determination.status == "not-covered"
