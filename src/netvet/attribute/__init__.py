"""Attribution: observations -> evidence (RULES) -> one fused attribution per asset."""

from netvet.attribute.fuse import Related, fuse
from netvet.attribute.model_number import CatalogueModel, ModelPattern, ModelRules
from netvet.attribute.oui import Assignment, OuiTable, lookup_ints, lookup_mac
from netvet.attribute.rules import RULES, RuleKB, collect_evidence
from netvet.model import Attribution, Observation

__all__ = [
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
    "lookup_ints",
    "lookup_mac",
]


def attribute(obs: Observation, kb: RuleKB, related: Related) -> Attribution:
    """The row function: one observation in, one attribution out."""
    return fuse(obs, collect_evidence(obs, kb), related)
