"""The procurement gate: one purchase line in, its decision per regime and overall out.

Every registered regime answers for the product (attributed from the line like an inventory
row) and for the supplier as if it were the maker: a covered supplier matters even when the
manufacturer is someone else. The register settles the Conditional Approval fact before the
regimes read it; the organisation's qualified manufacturer list adds its own answer.
"""

from dataclasses import dataclass, replace
from datetime import date

from netvet.attribute import Related, RuleKB, attribute
from netvet.model import AssetContext, Attribution, Observation, Organisation
from netvet.purchase.approvals import ApprovalRegister, approval_fact
from netvet.purchase.decide import decide
from netvet.purchase.model import (
    Decision,
    Fact,
    LineReview,
    PurchaseLine,
    RegimeDecision,
    SupplierMatch,
)
from netvet.purchase.qualified import QualifiedList, find_manufacturer, qualification_fact
from netvet.purchase.summary import summarise, unreadable
from netvet.regimes import RegimeKB, UseRules, classify_use, determine_all
from netvet.regimes.services import category_service, with_services


@dataclass(frozen=True, slots=True)
class ReviewKB:
    """What a purchase review reads: attribution rules, regimes, use terms and the registers."""

    rules: RuleKB
    related: Related
    regimes: RegimeKB
    uses: UseRules
    regime_ids: tuple[str, ...]
    approvals: ApprovalRegister | None = None
    qualified: QualifiedList | None = None

    def resolve(self, name: str) -> str | None:
        """The kb entity a name matches best, if any."""
        found = self.rules.names(name)
        return found[0].entity if found else None


def context_for(obs: Observation, kb: ReviewKB, org: Organisation, approval: Fact, day: date) -> AssetContext:
    """The facts the regimes read; a purchase is obtained on the review day unless the line dates it."""
    base = AssetContext(
        use=classify_use(kb.uses, obs.intended_use),
        use_text=obs.intended_use,
        acquired=obs.acquired or day,
        funding=obs.funding,
        first_authorized=obs.first_authorized,
        conditional_approval=approval.value,
        organisation=org,
        network_part=obs.network_part,
        generation=obs.generation,
    )
    return with_services(base, obs, kb.resolve)


def provided_by_supplier(line: PurchaseLine, obs: Observation) -> Observation:
    """A service line naming no maker is provided by its supplier: the supplier is attributed
    as the provider (and answers as such, not as a reseller)."""
    if obs.vendor or not line.supplier or not (obs.service or category_service(obs.category)):
        return obs
    return replace(obs, vendor=line.supplier)


def match_supplier(text: str | None, kb: ReviewKB) -> SupplierMatch | None:
    """The supplier resolved by the entity matcher (entity None when nothing matches)."""
    if not text:
        return None
    found = kb.rules.names(text)
    return SupplierMatch(text, found[0].entity, found[0].score) if found else SupplierMatch(text, None)


def supplier_side(
    attr: Attribution, supplier: SupplierMatch | None, ctx: AssetContext, kb: ReviewKB, day: date
) -> tuple[RegimeDecision, ...]:
    """Each regime's answer as if the supplier made the product (none when it is the maker)."""
    if supplier is None or supplier.entity is None or supplier.entity == attr.manufacturer:
        return ()
    as_maker = Attribution(
        supplier.entity,
        supplier.score or 0.0,
        model=attr.model,
        category=attr.category,
        country_of_production=attr.country_of_production,
    )
    found = determine_all(as_maker, ctx, kb.regimes, day, kb.regime_ids)
    return tuple(as_supplier(decide(d, ctx, "supplier"), supplier.text) for d in found)


def as_supplier(r: RegimeDecision, supplier: str) -> RegimeDecision:
    """A rule that reaches the supplier, not the maker: whether buying from it (and its
    installation, maintenance or updates) is a covered service is for a reviewer, so a
    prohibition becomes needs-information with that question."""
    reason = f"supplied by {supplier}, which the rule reaches as if it made the product: {r.reason}"
    if r.decision != Decision.PROHIBITED:
        return replace(r, reason=reason)
    question = "whether the supplier's part (sale, installation, maintenance, updates) is a covered service"
    return replace(r, decision=Decision.NEEDS_INFORMATION, reason=reason, missing=(question,))


def graver(product: RegimeDecision, supplier: RegimeDecision | None) -> RegimeDecision:
    """The supplier's answer when it is graver than the product's; the product's otherwise."""
    if supplier is None or supplier.decision.severity <= product.decision.severity:
        return product
    return supplier


def qualification(line: PurchaseLine, attr: Attribution, kb: ReviewKB, day: date) -> Fact | None:
    """The qualified manufacturer list's answer, when the organisation gave one."""
    if kb.qualified is None:
        return None
    maker_text = line.observation.vendor if line.observation else None
    if attr.manufacturer is None and not maker_text:
        return qualification_fact(None, kb.qualified, "the manufacturer (unknown)", day)
    name = kb.regimes.graph.entities.get(attr.manufacturer or "")
    shown = name.name if name else (maker_text or str(attr.manufacturer))
    entry = find_manufacturer(kb.qualified, attr, maker_text, kb.resolve)
    return qualification_fact(entry, kb.qualified, shown, day)


def review_line(line: PurchaseLine, kb: ReviewKB, org: Organisation, day: date) -> LineReview:
    """The decision for one purchase line as of a day."""
    if line.observation is None:
        return unreadable(line)
    obs = provided_by_supplier(line, line.observation)
    attr = attribute(obs, kb.rules, kb.related)
    approval = approval_fact(line, attr, kb.approvals, day, kb.resolve)
    ctx = context_for(obs, kb, org, approval, day)
    determinations = determine_all(attr, ctx, kb.regimes, day, kb.regime_ids)
    product = [decide(d, ctx) for d in determinations]
    supplier = match_supplier(line.supplier, kb)
    by_regime = {r.determination.regime: r for r in supplier_side(attr, supplier, ctx, kb, day)}
    regimes = tuple(graver(p, by_regime.get(p.determination.regime)) for p in product)
    return summarise(line, attr, supplier, regimes, approval, qualification(line, attr, kb, day))
