"""One line's overall decision, missing facts and reasons, from its per-regime answers."""

from netvet.model import Attribution
from netvet.model.vocab import most_severe
from netvet.purchase.approvals import CATEGORY_FAMILIES
from netvet.purchase.model import (
    Decision,
    Fact,
    LineReview,
    PurchaseLine,
    RegimeDecision,
    SupplierMatch,
)

UNREADABLE = "a readable purchase line"


def unreadable(line: PurchaseLine) -> LineReview:
    """A line that could not be read cannot be allowed: it needs information."""
    reasons = tuple(i.message for i in line.issues) or ("the line could not be read",)
    return LineReview(line, None, None, (), None, None, Decision.NEEDS_INFORMATION, (UNREADABLE,), reasons)


def approval_matters(attr: Attribution, approval: Fact) -> bool:
    """The Conditional Approval fact counts when a category entry could read it."""
    return any(attr.category in family for family in CATEGORY_FAMILIES.values())


def regime_reasons(regimes: tuple[RegimeDecision, ...]) -> list[tuple[Decision, str]]:
    """(decision, 'regime (decision): reason') for every regime."""
    return [(r.decision, f"{r.determination.regime} ({r.decision}): {r.reason}") for r in regimes]


def register_reasons(
    attr: Attribution, approval: Fact, qualification: Fact | None
) -> list[tuple[Decision, str]]:
    """The registers' reasons: the Conditional Approval when a category entry could read it,
    and the qualified manufacturer list when the organisation gave one."""
    found = []
    if approval_matters(attr, approval):
        found.append((approval.decision, f"conditional approval ({approval.decision}): {approval.reason}"))
    if qualification is not None:
        text = f"qualified manufacturer list ({qualification.decision}): {qualification.reason}"
        found.append((qualification.decision, text))
    return found


def summarise(
    line: PurchaseLine,
    attr: Attribution,
    supplier: SupplierMatch | None,
    regimes: tuple[RegimeDecision, ...],
    approval: Fact,
    qualification: Fact | None,
) -> LineReview:
    """The gravest decision of the regimes and the registers, their missing facts and reasons."""
    relevant = approval if approval_matters(attr, approval) else None
    facts = [f for f in (relevant, qualification) if f is not None]
    decision = most_severe([r.decision for r in regimes] + [f.decision for f in facts], Decision.ALLOWED)
    missing = [m for r in regimes if r.decision == Decision.NEEDS_INFORMATION for m in r.missing]
    missing += [m for f in facts for m in f.missing]
    ranked = sorted(
        regime_reasons(regimes) + register_reasons(attr, approval, qualification),
        key=lambda pair: -pair[0].severity,
    )
    reasons = [text for _, text in ranked] + notes(line, supplier)
    unique = tuple(dict.fromkeys(missing))
    return LineReview(
        line, attr, supplier, regimes, approval, qualification, decision, unique, tuple(reasons)
    )


def notes(line: PurchaseLine, supplier: SupplierMatch | None) -> list[str]:
    """An unmatched supplier, and the line's input issues."""
    found = [f"input: {i.describe()}" for i in line.issues]
    if supplier is not None and supplier.entity is None:
        text = f"supplier '{supplier.text}' matches no company in the knowledge base"
        found.insert(0, f"{text} (no listed company or affiliate by that name)")
    return found
