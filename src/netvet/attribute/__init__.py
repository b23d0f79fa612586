"""Attribution: observations -> evidence (RULES) -> one fused attribution per asset."""

from dataclasses import replace

from netvet.attribute.fuse import FUSE_READS, Related, fuse
from netvet.attribute.model_number import CatalogueModel, ModelPattern, ModelRules
from netvet.attribute.oui import Assignment, OuiTable, lookup_mac
from netvet.attribute.rules import RULES, RuleKB, collect_evidence
from netvet.model import Attribution, Observation

__all__ = [
    "ATTRIBUTE_READS",
    "RULES",
    "Assignment",
    "CatalogueModel",
    "ModelPattern",
    "ModelRules",
    "OuiTable",
    "Related",
    "RuleKB",
    "attribute",
    "collect_evidence",
    "fuse",
    "lookup_mac",
]

# Every observation field attribution reads: each rule's field (RULES declares it), what fusion
# reads, and the bill of materials. The batch engine groups rows by these (and the context's), and
# a test fails when attribution reads a field not named here.
ATTRIBUTE_READS = tuple(dict.fromkeys((*(f for _, f in RULES), *FUSE_READS, "components")))


def attribute(obs: Observation, kb: RuleKB, related: Related) -> Attribution:
    """The row function: one observation in, one attribution out."""
    fused = fuse(obs, collect_evidence(obs, kb), related)
    return replace(fused, components=resolve_components(obs, kb)) if obs.components else fused


def resolve_components(obs: Observation, kb: RuleKB) -> tuple[tuple[str, str], ...]:
    """(entity, component name) for every sub-component whose maker the kb knows (a bill of
    materials: a covered chipset or module inside a device is a question for the regimes)."""
    resolved = []
    for maker, name in obs.components:
        matches = kb.names(maker)
        if matches:
            resolved.append((matches[0].entity, name))
    return tuple(resolved)
