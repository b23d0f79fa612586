"""Fuse evidence into one attribution: agreement raises confidence, disagreement lowers it
and is shown. Claims for related entities (a subsidiary and its parent) agree."""

import math
from collections.abc import Callable, Sequence
from datetime import date

from netvet.ids import normalize_country
from netvet.model import Attribution, Category, Evidence, Lineage, Observation, Tier

TIER_WEIGHT = {Tier.EXACT: 0.95, Tier.MULTI_FIELD: 0.8, Tier.HEURISTIC: 0.6, Tier.KEYWORD: 0.3}
DISAGREEMENT_PENALTY = 0.5
# The observation fields fuse reads besides the evidence: the model and country it restates, and
# the acquisition day that dates a product line's maker.
FUSE_READS = ("model", "country_of_production", "acquired")

Related = Callable[[str, str], bool]


def support(evidence: Sequence[Evidence]) -> float:
    """Noisy-or of the evidence strengths: 1 - prod(1 - tier weight x rule weight)."""
    return 1.0 - math.prod(1.0 - TIER_WEIGHT[e.tier] * e.weight for e in evidence)


def cluster_claims(claims: Sequence[Evidence], related: Related) -> list[list[Evidence]]:
    """Group evidence whose claimed entities are the same or related."""
    clusters: list[list[Evidence]] = []
    for ev in claims:
        assert ev.claims is not None
        home = next((c for c in clusters if any(related(ev.claims, o.claims or "") for o in c)), None)
        if home is None:
            clusters.append([ev])
        else:
            home.append(ev)
    return clusters


def lead_entity(cluster: Sequence[Evidence]) -> str:
    """The entity claimed by the strongest evidence of a cluster (ties: most often claimed)."""
    counts: dict[str, int] = {}
    for ev in cluster:
        counts[ev.claims or ""] = counts.get(ev.claims or "", 0) + 1
    best = max(cluster, key=lambda e: (e.tier, e.weight, counts[e.claims or ""]))
    return best.claims or ""


def category_of(winner: Sequence[Evidence], evidence: Sequence[Evidence]) -> Category | None:
    """Category from the winning claims' model evidence, else any category evidence."""
    for pool in (winner, evidence):
        ranked = sorted(
            (e for e in pool if e.category is not None),
            key=lambda e: (-e.tier, e.category == Category.OTHER),
        )
        if ranked:
            return ranked[0].category
    return None


def describe(cluster: Sequence[Evidence]) -> str:
    """'oui says org (exact)' for the strongest evidence of a cluster."""
    ev = max(cluster, key=lambda e: e.tier)
    return f"{ev.kind} says {lead_entity(cluster)} ({ev.tier.label})"


def lineage_of(winner: Sequence[Evidence], day: date | None) -> Lineage | None:
    """When the winning evidence names a product line that changed hands, its maker on the
    acquisition date (the device was made then, by the line's owner then) and today."""
    if day is None:
        return None
    for ev in winner:
        then = next((o.maker for o in ev.owners if o.holds_on(day)), None)
        if then is not None and ev.claims is not None and then != ev.claims:
            return Lineage(ev.value, then, ev.claims)
    return None


def fuse(obs: Observation, evidence: tuple[Evidence, ...], related: Related) -> Attribution:
    """One attribution from all evidence of one observation."""
    claims = [e for e in evidence if e.claims]
    country = normalize_country(obs.country_of_production)
    if not claims:
        category = category_of((), evidence)
        return Attribution(None, 0.0, evidence, (), obs.model, category, country)
    clusters = sorted(cluster_claims(claims, related), key=support, reverse=True)
    winner, others = clusters[0], clusters[1:]
    strongest_other = support(others[0]) if others else 0.0
    confidence = support(winner) * (1.0 - DISAGREEMENT_PENALTY * strongest_other)
    contradictions = tuple(f"{describe(winner)}, but {describe(c)}" for c in others)
    lineage = lineage_of(winner, obs.acquired)
    return Attribution(
        manufacturer=lineage.maker_then if lineage else lead_entity(winner),
        confidence=round(confidence, 3),
        evidence=evidence,
        contradictions=contradictions,
        model=obs.model,
        category=category_of(winner, evidence),
        country_of_production=country,
        alternates=tuple(lead_entity(c) for c in others),
        brand=next((e.brand for e in evidence if e.brand), None),
        lineage=lineage,
    )
