"""The kb projections the row pipeline and the batch engine share: what the attribution rules
read, how two makers relate, and the context the regimes read about an asset."""

from datetime import date

from netvet.attribute import RuleKB
from netvet.attribute.fuse import Related
from netvet.attribute.rules import brand_key
from netvet.kb.knowledge import KnowledgeBase
from netvet.match import CachedMatcher, match_name
from netvet.model import AssetContext, Observation, Organisation
from netvet.regimes import classify_use
from netvet.regimes.services import SERVICE_READS, with_services

UNKNOWN_ORGANISATION = Organisation()  # frozen: safe as a shared default
# The observation fields context_of reads (the batch engine groups rows by them, and a test
# fails when context_of reads a field not named here).
CONTEXT_READS = (
    "intended_use",
    "acquired",
    "funding",
    "first_authorized",
    "conditional_approval",
    "network_part",
    "generation",
    *SERVICE_READS,
)


def rule_kb(kb: KnowledgeBase) -> RuleKB:
    """The parts of the kb the attribution rules read."""
    return RuleKB(
        oui=kb.oui,
        names=CachedMatcher(kb.names),
        models=kb.models,
        categories=kb.categories,
        brands={
            b.brand.casefold(): b.brand for b in kb.brands if b.valid_from is None and b.valid_to is None
        },
        oem={b.owner: b.oem for b in kb.brands if b.oem and b.valid_to is None},
        snmp=kb.snmp,
        external=kb.external,
        brand_owners={brand_key(b.brand): (b.owner, b.brand) for b in kb.brands if b.valid_to is None},
        text=kb.text,
    )


def relatedness(kb: KnowledgeBase, as_of: date) -> Related:
    """Two claimed makers agree when equal or linked by ownership (not only by the state)."""
    graph = kb.graph

    def related(a: str, b: str) -> bool:
        if a == b:
            return True
        if a not in graph.entities or b not in graph.entities:
            return False
        link = graph.link(a, b, as_of)
        return link is not None and not link.via_state_body

    return related


def context_of(obs: Observation, kb: KnowledgeBase, org: Organisation = UNKNOWN_ORGANISATION) -> AssetContext:
    """The facts regimes read about use and acquisition, and about the organisation scanning."""
    base = AssetContext(
        use=classify_use(kb.uses, obs.intended_use),
        use_text=obs.intended_use,
        acquired=obs.acquired,
        funding=obs.funding,
        first_authorized=obs.first_authorized,
        conditional_approval=obs.conditional_approval,
        organisation=org,
        network_part=obs.network_part,
        generation=obs.generation,
    )
    return with_services(base, obs, lambda text: servicer_of(kb, text))


def servicer_of(kb: KnowledgeBase, text: str) -> str | None:
    """The kb entity a servicer's name matches best, if any."""
    found = match_name(kb.names, text)
    return found[0].entity if found else None
