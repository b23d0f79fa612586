"""The attribution rules: each turns one observation into evidence. The table RULES is the
whole of attribution's knowledge; every rule's docstring is the sentence a report prints."""

import re
from collections.abc import Callable

from netvet.attribute.model_rules import catalogue_evidence, category_hint_evidence, model_pattern_evidence
from netvet.attribute.oui import lookup_mac
from netvet.attribute.rule_kb import RuleKB
from netvet.attribute.text_rules import (
    banner_evidence,
    banner_names_evidence,
    cpe_evidence,
    enterprise_evidence,
    external_banner_evidence,
    model_names_evidence,
    sysdescr_evidence,
    sysdescr_model_evidence,
    sysdescr_names_evidence,
    walk_descriptions_evidence,
    walk_subtrees_evidence,
)
from netvet.ids import is_locally_administered, is_multicast
from netvet.model import Evidence, Observation, Tier

__all__ = ["RULES", "RuleKB", "collect_evidence"]


def oui_evidence(obs: Observation, kb: RuleKB) -> tuple[Evidence, ...]:
    """The MAC's IEEE block is registered to this organisation."""
    if obs.mac is None:
        return ()
    if is_multicast(obs.mac) or is_locally_administered(obs.mac):
        kind = "multicast" if is_multicast(obs.mac) else "locally administered"
        reason = f"the MAC is {kind}: it names no manufacturer"
        return (
            Evidence(
                rule="mac-local",
                kind="mac",
                value=kind,
                claims=None,
                tier=Tier.KEYWORD,
                reason=reason,
                weight=0.0,
            ),
        )
    hit = lookup_mac(kb.oui, obs.mac)
    if hit is None:
        reason = "the MAC's prefix is not in the IEEE registry"
        return (
            Evidence(
                rule="oui-unregistered",
                kind="oui",
                value="unregistered",
                claims=None,
                tier=Tier.KEYWORD,
                reason=reason,
                weight=0.0,
            ),
        )
    claims = hit.entity or f"org:{hit.organization}"
    reason = f"IEEE {hit.registry} {hit.prefix} is registered to {hit.organization}"
    return (
        Evidence(rule="oui", kind="oui", value=hit.prefix, claims=claims, tier=Tier.EXACT, reason=reason),
    )


# Vendor cells that name no organisation at all: they stay unattributed.
NO_ORGANISATION = frozenset(
    {"unknown", "n a", "na", "none", "generic", "other", "tbd", "various", "misc", "unbranded", "no name"}
)


def brand_key(text: str) -> str:
    """'  HONOR ' -> 'honor': a brand cell compared word for word, case aside."""
    return " ".join(re.findall(r"[^\W_]+", text.casefold()))


def brand_owner_evidence(vendor: str, kb: RuleKB) -> tuple[Evidence, ...]:
    """The vendor text is a brand the kb records (also one that changed hands, such as Honor or
    Lorex): its current owner made it, and the ownership graph dates the owner before that."""
    found = kb.brand_owners.get(brand_key(vendor))
    if found is None:
        return ()
    owner, brand = found
    reason = f"vendor text '{vendor.strip()}' is the brand {brand}, whose current owner is {owner}"
    return (
        Evidence(
            rule="vendor-brand",
            kind="vendor",
            value=vendor,
            claims=owner,
            tier=Tier.HEURISTIC,
            reason=reason,
            brand=brand,
        ),
    )


def own_organisation(vendor: str) -> tuple[Evidence, ...]:
    """A vendor name that matches no kb entity names an organisation of its own: screened and
    not listed, so regimes that need a listed maker can answer for it (weak evidence, so a MAC
    or model naming another maker still wins and the disagreement is shown)."""
    words = " ".join(re.findall(r"[^\W_]+", vendor.casefold()))
    if not re.search(r"[^\W\d_]{2}", words) or words in NO_ORGANISATION:
        return ()
    reason = f"vendor text '{vendor.strip()}' matches no kb entity: an organisation of its own, on no list"
    return (
        Evidence(
            rule="vendor-unlisted",
            kind="vendor",
            value=vendor,
            claims=f"org:{vendor.strip()}",
            tier=Tier.KEYWORD,
            reason=reason,
        ),
    )


def vendor_text_evidence(obs: Observation, kb: RuleKB) -> tuple[Evidence, ...]:
    """The vendor or manufacturer text names this organisation or one of its brands."""
    if not obs.vendor:
        return ()
    matches = kb.names(obs.vendor)
    if not matches:
        return brand_owner_evidence(obs.vendor, kb) or own_organisation(obs.vendor)
    best = matches[0]
    brand = kb.brands.get(best.matched_name.casefold())
    via = f" (brand {brand})" if brand else ""
    reason = (
        f"vendor text '{obs.vendor}' matches '{best.matched_name}'{via} at {best.score:.2f}: "
        + "; ".join(best.reasons)
    )
    found = Evidence(
        rule="vendor-name",
        kind="vendor",
        value=obs.vendor,
        claims=best.entity,
        tier=Tier.HEURISTIC,
        reason=reason,
        weight=best.score,
        brand=brand,
    )
    return (found, *oem_evidence(best.entity, kb))


def oem_evidence(owner: str, kb: RuleKB) -> tuple[Evidence, ...]:
    """The kb records that this seller's products are made by another company (an OEM link)."""
    maker = kb.oem.get(owner)
    if maker is None:
        return ()
    reason = f"the kb records {owner}'s products as made by {maker} (OEM link)"
    return (
        Evidence(
            rule="oem-link",
            kind="oem",
            value=owner,
            claims=maker,
            tier=Tier.KEYWORD,
            reason=reason,
            weight=1.0,
        ),
    )


Rule = Callable[[Observation, RuleKB], tuple[Evidence, ...]]

# Each rule declares the one observation field it reads: the batch engine runs a rule once per
# distinct value of its field and groups rows by the declared fields, and a test runs every rule
# on a recording observation and fails when it reads any other field.
RULES: tuple[tuple[Rule, str], ...] = (
    (oui_evidence, "mac"),
    (vendor_text_evidence, "vendor"),
    (model_pattern_evidence, "model"),
    (catalogue_evidence, "model"),
    (model_names_evidence, "model"),
    (category_hint_evidence, "category"),
    (enterprise_evidence, "sysobjectid"),
    (sysdescr_evidence, "sysdescr"),
    (sysdescr_model_evidence, "sysdescr"),
    (sysdescr_names_evidence, "sysdescr"),
    (banner_evidence, "banner"),
    (external_banner_evidence, "banner"),
    (banner_names_evidence, "banner"),
    (cpe_evidence, "cpe"),
    (walk_descriptions_evidence, "descriptions"),
    (walk_subtrees_evidence, "enterprises"),
)


def collect_evidence(obs: Observation, kb: RuleKB) -> tuple[Evidence, ...]:
    """Every rule's evidence for one observation, in table order."""
    return tuple(ev for rule, _ in RULES for ev in rule(obs, kb))
