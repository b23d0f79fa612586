"""The attribution rules that read what a device says of itself: SNMP identity, service
banners, scanner CPEs and the walk's descriptions. Each rule's docstring is the sentence a report
prints; the table RULES in rules.py lists them with the field each reads."""

import re

from netvet.attribute.external import external_evidence
from netvet.attribute.model_number import catalogue_models
from netvet.attribute.rule_kb import RuleKB
from netvet.attribute.snmp import descr_claims, enterprise_claim, text_claims
from netvet.attribute.text_evidence import descriptions_evidence, subtree_evidence, text_evidence
from netvet.ids import parse_cpe
from netvet.model import Evidence, Observation, Tier

# A model number: one token of letters, digits and - + . / (no spaces), with a digit in it.
MODEL_TOKEN = re.compile(r"(?=[^ ]*\d)[A-Za-z0-9][A-Za-z0-9+./-]{3,}")


def enterprise_evidence(obs: Observation, kb: RuleKB) -> tuple[Evidence, ...]:
    """The sysObjectID's enterprise number is held by this organisation."""
    return enterprise_claim(kb.snmp, obs)


def sysdescr_evidence(obs: Observation, kb: RuleKB) -> tuple[Evidence, ...]:
    """The SNMP sysDescr names this maker or its product line."""
    return descr_claims(kb.snmp, obs)


def sysdescr_model_evidence(obs: Observation, kb: RuleKB) -> tuple[Evidence, ...]:
    """The sysDescr opens with a model number the device-type catalogue knows."""
    head = (obs.sysdescr or "").split(",", 1)[0].strip()
    if not MODEL_TOKEN.fullmatch(head):
        return ()
    found = catalogue_models(kb.models, head)
    makers = {m.manufacturer for m in found}
    if len(makers) != 1:
        return ()
    reason = (
        f"sysDescr opens with '{head}', a catalogued model of {found[0].manufacturer} (device-type library)"
    )
    return (
        Evidence(
            rule="sysdescr-model",
            kind="sysdescr",
            value=head,
            claims=found[0].manufacturer,
            tier=Tier.MULTI_FIELD,
            reason=reason,
        ),
    )


def banner_evidence(obs: Observation, kb: RuleKB) -> tuple[Evidence, ...]:
    """A service banner names this maker or its product line."""
    return text_claims(kb.snmp, obs.banner, "banner")


def external_banner_evidence(obs: Observation, kb: RuleKB) -> tuple[Evidence, ...]:
    """A service banner matches a rule of a fingerprint file the user gave (Nmap, Recog) that
    names this maker."""
    return external_evidence(obs, kb.external)


def cpe_evidence(obs: Observation, kb: RuleKB) -> tuple[Evidence, ...]:
    """The scanner matched a CPE whose vendor part names this organisation."""
    found = []
    for cpe in obs.cpe:
        parsed = parse_cpe(cpe)
        vendor = parsed.vendor_name if parsed else ""
        matches = kb.names(vendor) if vendor else ()
        if matches:
            reason = f"the scan matched {cpe}, vendor '{vendor}' = {matches[0].matched_name}"
            found.append(
                Evidence(
                    rule="cpe",
                    kind="cpe",
                    value=cpe,
                    claims=matches[0].entity,
                    tier=Tier.HEURISTIC,
                    reason=reason,
                    weight=matches[0].score,
                )
            )
    return tuple(found)


def sysdescr_names_evidence(obs: Observation, kb: RuleKB) -> tuple[Evidence, ...]:
    """The sysDescr names a maker (kb, IEEE, IANA PEN or device-type name) or a product line."""
    return text_evidence(kb.text, obs.sysdescr, "sysdescr")


def banner_names_evidence(obs: Observation, kb: RuleKB) -> tuple[Evidence, ...]:
    """A service banner names a maker or a product line."""
    return text_evidence(kb.text, obs.banner, "banner")


def model_names_evidence(obs: Observation, kb: RuleKB) -> tuple[Evidence, ...]:
    """The model text names a product line or model series (a model-number prefix)."""
    return text_evidence(kb.text, obs.model, "model")


def walk_descriptions_evidence(obs: Observation, kb: RuleKB) -> tuple[Evidence, ...]:
    """The walk's standard-MIB maker and description fields name a maker, a product line or a
    model number."""
    return descriptions_evidence(kb.text, kb.models, obs.descriptions)


def walk_subtrees_evidence(obs: Observation, kb: RuleKB) -> tuple[Evidence, ...]:
    """The walk implements a vendor's private MIB."""
    return subtree_evidence(kb.snmp, obs.enterprises)
