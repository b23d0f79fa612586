"""Evidence from fingerprint rules and the attribution fused from it."""

from dataclasses import dataclass

from netvet.model.product import Lineage, Owner
from netvet.model.vocab import Category, Tier


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    """One rule hit: what it saw, what it claims, how strong it is and why."""

    rule: str
    kind: str
    value: str
    claims: str | None
    tier: Tier
    reason: str
    category: Category | None = None
    weight: float = 1.0
    brand: str | None = None
    owners: tuple[Owner, ...] = ()


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who made an asset and what it is, with a confidence and the evidence behind it."""

    manufacturer: str | None
    confidence: float
    evidence: tuple[Evidence, ...] = ()
    contradictions: tuple[str, ...] = ()
    model: str | None = None
    category: Category | None = None
    country_of_production: str | None = None
    brand: str | None = None
    alternates: tuple[str, ...] = ()
    components: tuple[tuple[str, str], ...] = ()
    lineage: Lineage | None = None

    @property
    def is_unknown(self) -> bool:
        """True when no manufacturer could be attributed."""
        return self.manufacturer is None
