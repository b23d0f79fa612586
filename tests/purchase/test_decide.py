"""What a determination means for a buyer: each role, each binding fact, each status."""

from dataclasses import replace
from datetime import date

import pytest

from netvet.model import AssetContext, Determination, Organisation, Status
from netvet.purchase import ROLES, Decision, decide
from tests.conftest import DESIGN_REGIME_IDS

V = date(2026, 8, 20)


def det(regime: str, status: Status, *, missing: tuple[str, ...] = (), **kw: object) -> Determination:
    return Determination(
        regime=regime,
        status=status,
        reason="why",
        citation="cite",
        entry=None,
        list_version=V,
        missing=missing,
        **kw,
    )  # type: ignore[arg-type]


def buyer(
    contractor: bool | None = None, usf: bool | None = None, funding: str | None = None
) -> AssetContext:
    return AssetContext(funding=funding, organisation=Organisation(contractor, usf))


@pytest.mark.parametrize(
    ("ctx", "decision", "missing"),
    [
        (buyer(contractor=True), Decision.PROHIBITED, ()),
        (buyer(contractor=False), Decision.ALLOWED, ()),
        (buyer(), Decision.NEEDS_INFORMATION, ("whether the buyer is a federal contractor",)),
    ],
)
def test_889_binds_federal_contractors(
    ctx: AssetContext, decision: Decision, missing: tuple[str, ...]
) -> None:
    found = decide(det("ndaa-889", Status.COVERED), ctx)
    assert (found.decision, found.missing) == (decision, missing)


def test_the_subsidy_regime_weighs_funding_itself() -> None:
    # fcc-subsidy answers covered only when USF or FCC-subsidy money is involved, and review naming
    # the funding when it cannot tell; the purchase side passes both on unchanged.
    covered = decide(det("fcc-subsidy", Status.COVERED), buyer(usf=False, funding="company capex"))
    assert (covered.decision, covered.missing) == (Decision.PROHIBITED, ())
    review = decide(replace(det("fcc-subsidy", Status.REVIEW), missing=("funding source",)), buyer())
    assert (review.decision, review.missing) == (Decision.NEEDS_INFORMATION, ("funding source",))


@pytest.mark.parametrize(
    ("regime", "informational", "decision"),
    [
        ("fcc-covered-list", False, Decision.PROHIBITED),
        ("icts-791", False, Decision.PROHIBITED),
        ("fcc-annual-report", False, Decision.CONDITIONS),
        ("fcc-reimbursement", False, Decision.CONDITIONS),
        ("ear-entity-list", False, Decision.CONDITIONS),
        ("dod-1260h", True, Decision.CONDITIONS),
        ("a-regime-added-later", False, Decision.PROHIBITED),
        ("a-regime-added-later", True, Decision.CONDITIONS),
    ],
)
def test_covered_by_role(regime: str, informational: bool, decision: Decision) -> None:
    found = decide(det(regime, Status.COVERED, informational=informational), buyer())
    assert found.decision == decision


def test_every_known_role_is_a_regime_id_of_design() -> None:
    assert set(ROLES) == set(DESIGN_REGIME_IDS)


def test_review_needs_the_missing_fact_and_unknown_the_maker() -> None:
    review = decide(det("fcc-covered-list", Status.REVIEW, missing=("country of production",)), buyer())
    assert (review.decision, review.missing) == (Decision.NEEDS_INFORMATION, ("country of production",))
    unknown = decide(det("icts-791", Status.UNKNOWN), buyer())
    assert (unknown.decision, unknown.missing) == (Decision.NEEDS_INFORMATION, ("manufacturer",))
    no_fact = decide(det("fcc-annual-report", Status.REVIEW), buyer())
    assert no_fact.missing == ("review decision",)


def test_review_under_a_rule_that_does_not_bind_the_buyer_is_allowed() -> None:
    found = decide(det("ndaa-889", Status.REVIEW, missing=("intended use",)), buyer(contractor=False))
    assert found.decision == Decision.ALLOWED


def test_previously_authorized_model_is_a_condition_with_the_update_date() -> None:
    d = det(
        "fcc-covered-list",
        Status.COVERED,
        flags=("previously-authorized", "continued-use-allowed"),
        updates_allowed_until=date(2027, 3, 1),
    )
    found = decide(d, buyer())
    assert found.decision == Decision.CONDITIONS and "2027-03-01" in found.reason


def test_foreign_adversary_nexus_is_a_condition_and_plain_not_covered_allowed() -> None:
    flagged = decide(det("icts-791", Status.NOT_COVERED, flags=("foreign-adversary-nexus",)), buyer())
    assert flagged.decision == Decision.CONDITIONS
    assert decide(det("icts-791", Status.NOT_COVERED), buyer()).decision == Decision.ALLOWED
