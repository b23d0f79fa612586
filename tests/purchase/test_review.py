"""Table-driven purchase decisions, written from REGIME.md: each decision, each missing fact,
the profile, the supplier, the Conditional Approval register."""

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from netvet.model import Organisation
from netvet.purchase import Decision, ReviewKB, review_line, review_record
from netvet.purchase.model import PurchaseLine
from netvet.regimes import REGIMES
from tests.conftest import AS_OF
from tests.purchase.conftest import CARRIER, UNKNOWN_ORG, approval, purchase, register

ROUTER_CN_NEW = {
    "vendor": "TP-Link",
    "model": "Archer BE800",
    "category": "wifi router",
    "country_of_production": "CN",
    "first_authorized": date(2026, 6, 1),
}
NETGEAR_TW = {
    "vendor": "NETGEAR",
    "model": "RAX50",
    "category": "wifi router",
    "country_of_production": "TW",
}
HIKVISION = {
    "vendor": "Hikvision",
    "model": "DS-2CD2143G2-I",
    "category": "ip camera",
    "country_of_production": "CN",
}

# (name, line, organisation, expected decision, missing facts expected, {regime: decision})
SCENARIOS: list[tuple[str, PurchaseLine, Organisation, Decision, tuple[str, ...], dict[str, Decision]]] = [
    (
        "cisco router made in Mexico",
        purchase(vendor="Cisco Systems", model="ISR4331", category="router", country_of_production="MX"),
        CARRIER,
        Decision.ALLOWED,
        (),
        {r: Decision.ALLOWED for r in REGIMES},
    ),
    (
        "huawei OLT",
        purchase(vendor="Huawei", model="MA5800-X7", category="olt", country_of_production="CN"),
        CARRIER,
        Decision.PROHIBITED,
        (),
        {
            "fcc-covered-list": Decision.PROHIBITED,
            "ndaa-889": Decision.ALLOWED,
            "dod-1260h": Decision.CONDITIONS,
        },
    ),
    (
        "huawei OLT, a USF recipient not saying how it is paid",
        purchase(vendor="Huawei", model="MA5800-X7", category="olt", funding=None),
        CARRIER,
        Decision.PROHIBITED,
        ("funding source",),
        {"fcc-subsidy": Decision.NEEDS_INFORMATION},
    ),
    (
        "huawei OLT paid from the USF High Cost program",
        purchase(vendor="Huawei", model="MA5800-X7", category="olt", funding="USF High Cost"),
        CARRIER,
        Decision.PROHIBITED,
        (),
        {"fcc-subsidy": Decision.PROHIBITED},
    ),
    (
        "huawei OLT, buyer's contractor status unknown",
        purchase(vendor="Huawei", model="MA5800-X7", category="olt"),
        UNKNOWN_ORG,
        Decision.PROHIBITED,
        ("whether the buyer is a federal contractor",),
        {"ndaa-889": Decision.NEEDS_INFORMATION},
    ),
    (
        "huawei OLT bought by a federal contractor",
        purchase(vendor="Huawei", model="MA5800-X7", category="olt"),
        Organisation(federal_contractor=True),
        Decision.PROHIBITED,
        (),
        {"ndaa-889": Decision.PROHIBITED},
    ),
    (
        "hikvision camera, use not given",
        purchase(**HIKVISION),
        CARRIER,
        Decision.NEEDS_INFORMATION,
        ("intended use",),
        {"fcc-covered-list": Decision.NEEDS_INFORMATION},
    ),
    (
        "hikvision camera for public safety",
        purchase(**HIKVISION, intended_use="public safety surveillance"),
        CARRIER,
        Decision.PROHIBITED,
        (),
        {"fcc-covered-list": Decision.PROHIBITED},
    ),
    (
        "hikvision camera for a purpose the entry does not name",
        purchase(**HIKVISION, intended_use="retail loss prevention"),
        CARRIER,
        Decision.CONDITIONS,
        (),
        {"fcc-covered-list": Decision.ALLOWED, "icts-791": Decision.CONDITIONS},
    ),
    (
        "foreign router authorized before the 2026-03-23 entry",
        purchase(**NETGEAR_TW, first_authorized=date(2020, 3, 2), conditional_approval=False),
        CARRIER,
        Decision.CONDITIONS,
        (),
        {"fcc-covered-list": Decision.CONDITIONS},
    ),
    (
        "foreign router first authorized after the entry, no approval",
        purchase(**ROUTER_CN_NEW, conditional_approval=False),
        CARRIER,
        Decision.PROHIBITED,
        (),
        {"fcc-covered-list": Decision.PROHIBITED},
    ),
    (
        "router of unknown production country",
        purchase(vendor="Adtran", model="SDG 8733v", category="residential gateway"),
        CARRIER,
        Decision.NEEDS_INFORMATION,
        ("country of production",),
        {"fcc-covered-list": Decision.NEEDS_INFORMATION},
    ),
    (
        "foreign router, approval unknown and no register",
        purchase(**{**ROUTER_CN_NEW, "first_authorized": None}),
        CARRIER,
        Decision.NEEDS_INFORMATION,
        ("conditional approval", "first authorization date"),
        {"fcc-covered-list": Decision.NEEDS_INFORMATION},
    ),
    (
        "foreign router, no approval, authorization date unknown",
        purchase(**{**NETGEAR_TW, "conditional_approval": False}),
        CARRIER,
        Decision.NEEDS_INFORMATION,
        ("first authorization date",),
        {"fcc-covered-list": Decision.NEEDS_INFORMATION},
    ),
    (
        "router made in the US",
        purchase(
            vendor="Adtran", model="SDG 854", category="residential gateway", country_of_production="US"
        ),
        CARRIER,
        Decision.ALLOWED,
        (),
        {"fcc-covered-list": Decision.ALLOWED},
    ),
    (
        "DJI drone",
        purchase(vendor="DJI", model="Matrice 350 RTK", category="drone", country_of_production="CN"),
        CARRIER,
        Decision.PROHIBITED,
        (),
        {"fcc-covered-list": Decision.PROHIBITED},
    ),
    (
        "maker named but on no list: an organisation of its own",
        purchase(vendor="Qwerty Widgetworks Pty", model="QW-1", category="switch"),
        CARRIER,
        Decision.ALLOWED,
        (),
        {"ndaa-889": Decision.ALLOWED, "fcc-covered-list": Decision.ALLOWED},
    ),
    (
        "no maker at all",
        purchase(model="QW-1", category="switch"),
        CARRIER,
        Decision.NEEDS_INFORMATION,
        ("manufacturer",),
        {"ndaa-889": Decision.NEEDS_INFORMATION},
    ),
    (
        "Nokia ONT bought from ZTE USA",
        purchase(
            supplier="ZTE USA Inc.",
            vendor="Nokia",
            model="G-240W-F",
            category="ont",
            country_of_production="FI",
        ),
        CARRIER,
        Decision.NEEDS_INFORMATION,
        ("whether the supplier's part (sale, installation, maintenance, updates) is a covered service",),
        {"fcc-covered-list": Decision.NEEDS_INFORMATION, "ndaa-889": Decision.ALLOWED},
    ),
]


@pytest.mark.parametrize(
    ("line", "org", "decision", "missing", "per_regime"),
    [s[1:] for s in SCENARIOS],
    ids=[s[0] for s in SCENARIOS],
)
def test_scenario(
    review_kb: ReviewKB,
    line: PurchaseLine,
    org: Organisation,
    decision: Decision,
    missing: tuple[str, ...],
    per_regime: dict[str, Decision],
) -> None:
    review = review_line(line, review_kb, org, AS_OF)
    assert review.decision == decision, review.reasons
    assert set(missing) <= set(review.missing), review.missing
    if decision != Decision.NEEDS_INFORMATION:
        assert not [m for m in review.missing if m not in missing]
    got = {r.determination.regime: r.decision for r in review.regimes}
    assert {k: got[k] for k in per_regime} == per_regime, review.reasons


def test_every_registered_regime_answers_in_registry_order(review_kb: ReviewKB) -> None:
    review = review_line(purchase(vendor="Cisco Systems", model="ISR4331"), review_kb, CARRIER, AS_OF)
    assert [r.determination.regime for r in review.regimes] == list(REGIMES)


def test_supplier_answer_names_the_supplier_and_its_path(review_kb: ReviewKB) -> None:
    line = purchase(supplier="ZTE USA Inc.", vendor="Nokia", model="G-240W-F", category="ont")
    review = review_line(line, review_kb, CARRIER, AS_OF)
    covered = next(r for r in review.regimes if r.determination.regime == "fcc-covered-list")
    assert covered.party == "supplier"
    assert covered.determination.path[-1] == "zte-corporation"
    assert "supplied by ZTE USA Inc." in covered.reason
    assert review.supplier is not None and review.supplier.entity == "zte-usa"


def test_supplier_that_is_the_maker_adds_nothing(review_kb: ReviewKB) -> None:
    line = purchase(
        supplier="Cisco Systems, Inc.", vendor="Cisco Systems", model="ISR4331", category="router"
    )
    review = review_line(line, review_kb, CARRIER, AS_OF)
    assert all(r.party == "product" for r in review.regimes)


def test_unmatched_supplier_is_said(review_kb: ReviewKB) -> None:
    line = purchase(supplier="Qwerty Widgetworks Pty", vendor="Cisco Systems", model="ISR4331")
    review = review_line(line, review_kb, CARRIER, AS_OF)
    assert any("matches no company" in r for r in review.reasons)


def test_register_approval_takes_router_out_of_the_entry(review_kb: ReviewKB) -> None:
    kb = replace(review_kb, approvals=register(approval("TP-Link Technologies Co., Ltd.", ("Archer BE800",))))
    review = review_line(purchase(**ROUTER_CN_NEW), kb, CARRIER, AS_OF)
    covered = next(r for r in review.regimes if r.determination.regime == "fcc-covered-list")
    assert covered.decision == Decision.ALLOWED
    assert review.approval is not None and review.approval.reference == "CA-1"


def test_register_approval_for_another_model_or_category_does_not_apply(review_kb: ReviewKB) -> None:
    other_model = register(approval("TP-Link Technologies Co., Ltd.", ("Archer AX55",)))
    other_category = register(approval("TP-Link Technologies Co., Ltd.", category="uas"))
    for approvals in (other_model, other_category):
        review = review_line(
            purchase(**ROUTER_CN_NEW), replace(review_kb, approvals=approvals), CARRIER, AS_OF
        )
        assert review.decision == Decision.PROHIBITED
        assert review.approval is not None and review.approval.value is False


def test_company_wide_approval_covers_every_model(review_kb: ReviewKB) -> None:
    kb = replace(review_kb, approvals=register(approval("TP-LINK TECHNOLOGIES CO.,LTD.")))
    review = review_line(purchase(**ROUTER_CN_NEW), kb, CARRIER, AS_OF)
    assert review.approval is not None and review.approval.value is True


def test_approval_of_the_spun_off_company_does_not_cover_the_other(review_kb: ReviewKB) -> None:
    kb = replace(review_kb, approvals=register(approval("TP-Link Systems Inc.")))
    review = review_line(purchase(**ROUTER_CN_NEW), kb, CARRIER, AS_OF)
    assert review.approval is not None and review.approval.value is False
    assert review.decision == Decision.PROHIBITED


def test_expired_approval_does_not_apply(review_kb: ReviewKB) -> None:
    ended = register(approval("TP-Link Technologies Co., Ltd.", expires=date(2026, 9, 30)))
    review = review_line(purchase(**ROUTER_CN_NEW), replace(review_kb, approvals=ended), CARRIER, AS_OF)
    assert review.decision == Decision.PROHIBITED
    during = review_line(
        purchase(**ROUTER_CN_NEW), replace(review_kb, approvals=ended), CARRIER, date(2026, 9, 1)
    )
    assert during.approval is not None and during.approval.value is True


def test_claimed_approval_missing_from_register_is_a_condition(review_kb: ReviewKB) -> None:
    kb = replace(review_kb, approvals=register())
    review = review_line(purchase(ref="DOW-CA-77", **ROUTER_CN_NEW), kb, CARRIER, AS_OF)
    assert review.decision == Decision.CONDITIONS
    assert any("does not hold" in r for r in review.reasons)


def test_unreadable_line_needs_information(review_kb: ReviewKB) -> None:
    review = review_line(PurchaseLine(7, None), review_kb, CARRIER, AS_OF)
    assert (review.decision, review.missing) == (Decision.NEEDS_INFORMATION, ("a readable purchase line",))


def test_record_follows_the_issue_contract(review_kb: ReviewKB, kb: Any) -> None:
    review = review_line(purchase(**HIKVISION), review_kb, CARRIER, AS_OF)
    record = review_record(review, kb.entities)
    assert list(record)[:5] == ["line", "decision", "determinations", "missing", "reasons"]
    assert record["line"] == 2 and record["decision"] == "needs-information"
    assert record["missing"] == ["intended use"]
    first = record["determinations"][0]
    assert {"regime", "status", "entry", "list_version", "citation", "reason", "decision"} <= set(first)


def test_claimed_approval_without_a_register_is_taken_on_condition(review_kb: ReviewKB) -> None:
    review = review_line(purchase(ref="DOW-CA-77", **ROUTER_CN_NEW), review_kb, CARRIER, AS_OF)
    covered = next(r for r in review.regimes if r.determination.regime == "fcc-covered-list")
    assert covered.decision == Decision.ALLOWED
    assert review.decision == Decision.CONDITIONS
    assert any("keep the grant on file" in r for r in review.reasons)


def test_approval_claim_on_a_product_no_category_entry_reads_changes_nothing(review_kb: ReviewKB) -> None:
    line = purchase(
        vendor="Cisco Systems",
        model="ISR4331",
        category="router",
        country_of_production="MX",
        conditional_approval=True,
    )
    review = review_line(line, review_kb, CARRIER, AS_OF)
    assert review.decision == Decision.ALLOWED
    assert not any("onditional" in r for r in review.reasons)
