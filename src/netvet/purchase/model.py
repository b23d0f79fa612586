"""Purchase lines, the four purchase decisions, and one line's review."""

from dataclasses import dataclass

from netvet.model import Attribution, Determination, Issue, Observation
from netvet.model.vocab import Decision as Decision  # re-exported: the gate's vocabulary


@dataclass(frozen=True, slots=True)
class PurchaseLine:
    """One proposed purchase: the product facts (as an Observation), who sells it, how many,
    and the Conditional Approval reference given on the line; observation is None when the
    line could not be read."""

    line: int
    observation: Observation | None
    supplier: str | None = None
    quantity: int | None = None
    approval_ref: str | None = None
    issues: tuple[Issue, ...] = ()


@dataclass(frozen=True, slots=True)
class Fact:
    """A fact the review settled from a register or the line: its value, why, and what is
    still missing or must be done."""

    value: bool | None
    reason: str
    reference: str | None = None
    decision: Decision = Decision.ALLOWED
    missing: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RegimeDecision:
    """One regime's determination of the line and what it means for the purchase."""

    determination: Determination
    decision: Decision
    reason: str
    missing: tuple[str, ...] = ()
    party: str = "product"


@dataclass(frozen=True, slots=True)
class SupplierMatch:
    """The supplier text resolved to a kb entity (None when no entity matched)."""

    text: str
    entity: str | None
    score: float | None = None


@dataclass(frozen=True, slots=True)
class LineReview:
    """A purchase line's decision, per regime and overall, with missing facts and reasons."""

    line: PurchaseLine
    attribution: Attribution | None
    supplier: SupplierMatch | None
    regimes: tuple[RegimeDecision, ...]
    approval: Fact | None
    qualification: Fact | None
    decision: Decision
    missing: tuple[str, ...]
    reasons: tuple[str, ...]
