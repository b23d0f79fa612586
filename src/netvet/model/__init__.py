"""Pure domain types of netvet (standard library only)."""

from netvet.model.attribution import Attribution, Evidence
from netvet.model.designation import Designation, ListVersion
from netvet.model.entity import Brand, Entity, OwnershipEdge
from netvet.model.finding import AssetContext, Determination, Finding, Organisation, verdict_of
from netvet.model.jurisdiction import (
    Generation,
    Instrument,
    InstrumentStatus,
    NetworkPart,
    Obligation,
    ObligationKind,
    Vendor,
)
from netvet.model.observation import Observation
from netvet.model.ownership import Link, OwnershipGraph
from netvet.model.product import Lineage, MatchKind, Owner, ProductKind, ProductLine
from netvet.model.sources import Issue, Source, SourceRef
from netvet.model.vocab import Category, Relation, Scope, ServiceType, Status, Tier, UseClass, Verdict

__all__ = [
    "AssetContext",
    "Attribution",
    "Brand",
    "Category",
    "Designation",
    "Determination",
    "Entity",
    "Evidence",
    "Finding",
    "Generation",
    "Instrument",
    "InstrumentStatus",
    "Issue",
    "Lineage",
    "Link",
    "ListVersion",
    "MatchKind",
    "NetworkPart",
    "Obligation",
    "ObligationKind",
    "Observation",
    "Organisation",
    "Owner",
    "OwnershipEdge",
    "OwnershipGraph",
    "ProductKind",
    "ProductLine",
    "Relation",
    "Scope",
    "ServiceType",
    "Source",
    "SourceRef",
    "Status",
    "Tier",
    "UseClass",
    "Vendor",
    "Verdict",
    "verdict_of",
]
