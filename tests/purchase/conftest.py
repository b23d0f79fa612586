"""Purchase-review fixtures: the review's view of the packaged kb, and one-line factories."""

from datetime import date

import pytest

from netvet.kb.loader import KnowledgeBase
from netvet.kb.views import relatedness, rule_kb
from netvet.model import Observation, Organisation, SourceRef
from netvet.purchase import ApprovalRegister, ConditionalApproval, PurchaseLine, ReviewKB
from netvet.purchase.qualified import QualifiedList
from netvet.regimes import REGIMES
from tests.conftest import AS_OF

UNKNOWN_ORG = Organisation()
CARRIER = Organisation(federal_contractor=False, usf_recipient=True, customers=4200)


@pytest.fixture(scope="session")
def review_kb(kb: KnowledgeBase) -> ReviewKB:
    """Every registered regime, no registers."""
    return ReviewKB(rule_kb(kb), relatedness(kb, AS_OF), kb.regime_kb, kb.uses, tuple(REGIMES))


def purchase(
    supplier: str | None = None, quantity: int | None = None, ref: str | None = None, **fields: object
) -> PurchaseLine:
    """A purchase line (line 2 of buy.csv) with product fields as an Observation; paid from the
    buyer's own capital unless the scenario says otherwise (funding=None: not given)."""
    fields.setdefault("funding", "own capital")
    obs = Observation(source=SourceRef("buy.csv", "line 2"), **fields)  # type: ignore[arg-type]
    return PurchaseLine(2, obs, supplier, quantity, ref)


def approval(
    company: str, models: tuple[str, ...] = (), expires: date | None = None, category: str | None = "router"
) -> ConditionalApproval:
    """A Conditional Approval granted on 2026-04-14."""
    return ConditionalApproval("CA-1", company, models, category, "DoW", date(2026, 4, 14), expires)


def register(*approvals: ConditionalApproval) -> ApprovalRegister:
    """A register read from approvals.csv."""
    return ApprovalRegister(tuple(approvals), ("approvals.csv",))


def empty_qml() -> QualifiedList:
    """A qualified manufacturer list with nobody on it."""
    return QualifiedList((), "qml.yaml")
