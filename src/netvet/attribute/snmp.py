"""SNMP evidence: the enterprise number in sysObjectID, and maker names in sysDescr."""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from string import Template

from netvet.ids import oid_arc
from netvet.model import Evidence, Observation, Tier

ENTERPRISES = "1.3.6.1.4.1."
TEXT_FIELDS = {"sysdescr": "sysDescr", "banner": "banner"}


@dataclass(frozen=True, slots=True)
class DescrRule:
    """A regex over sysDescr that names a maker."""

    id: str
    pattern: re.Pattern[str]
    manufacturer: str
    strong: bool
    reason: str

    def reason_on(self, kind: str) -> str:
        """The rule's sentence for the text it matched: '$field' in the reason names that text
        (sysDescr or banner), so one rule reads right on either."""
        return Template(self.reason).safe_substitute(field=TEXT_FIELDS.get(kind, kind))


@dataclass(frozen=True, slots=True)
class ObjectIdRule:
    """A sysObjectID subtree whose maker is not the enterprise number's holder. It reads the
    sysObjectID alone, as every rule reads one field (the batch path runs it once per value)."""

    id: str
    prefix: str
    manufacturer: str
    reason: str

    def matches(self, oid: str) -> bool:
        """The OID is the prefix or under it."""
        return oid == self.prefix or oid.startswith(self.prefix + ".")


@dataclass(frozen=True, slots=True)
class SnmpRules:
    """Enterprise numbers (holder name, kb entity), agent-software numbers, sysObjectID subtree
    rules and sysDescr rules."""

    pens: Mapping[int, tuple[str, str | None]] = field(default_factory=dict)
    agent_pens: Mapping[int, str] = field(default_factory=dict)
    descr: tuple[DescrRule, ...] = ()
    object_ids: tuple[ObjectIdRule, ...] = ()


def enterprise_of(oid: str) -> int | None:
    """The enterprise number of an OID under 1.3.6.1.4.1, else None."""
    text = oid.strip().lstrip(".")
    if not text.startswith(ENTERPRISES):
        return None
    head = text[len(ENTERPRISES) :].split(".", 1)[0]
    return oid_arc(head)


def object_id_claim(rules: SnmpRules, obs: Observation) -> Evidence | None:
    """The longest sysObjectID subtree rule that holds for the observation, as evidence."""
    oid = (obs.sysobjectid or "").strip().lstrip(".")
    found = [r for r in rules.object_ids if r.matches(oid)]
    if not found:
        return None
    rule = max(found, key=lambda r: len(r.prefix))
    return Evidence(
        rule=f"sysobjectid:{rule.id}",
        kind="sysobjectid",
        value=oid,
        claims=rule.manufacturer,
        tier=Tier.HEURISTIC,
        reason=rule.reason,
    )


def enterprise_claim(rules: SnmpRules, obs: Observation) -> tuple[Evidence, ...]:
    """The sysObjectID's enterprise number is held by this organisation (never exact alone), unless
    a subtree rule knows the number is used by another maker."""
    number = enterprise_of(obs.sysobjectid or "")
    if number is None:
        return ()
    if (known := object_id_claim(rules, obs)) is not None:
        return (known,)
    if number in rules.agent_pens:
        return (
            Evidence(
                rule="pen-agent",
                kind="sysobjectid",
                value=str(number),
                claims=None,
                tier=Tier.KEYWORD,
                reason=rules.agent_pens[number],
                weight=0.0,
            ),
        )
    holder = rules.pens.get(number)
    if holder is None:
        reason = f"enterprise {number} is not in the IANA registry snapshot"
        return (
            Evidence(
                rule="pen-unknown",
                kind="sysobjectid",
                value=str(number),
                claims=None,
                tier=Tier.KEYWORD,
                reason=reason,
                weight=0.0,
            ),
        )
    name, entity = holder
    reason = f"sysObjectID {obs.sysobjectid} is under enterprise {number}, held by {name}"
    return (
        Evidence(
            rule="pen",
            kind="sysobjectid",
            value=str(number),
            claims=entity or f"org:{name}",
            tier=Tier.HEURISTIC,
            reason=reason,
        ),
    )


def descr_claims(rules: SnmpRules, obs: Observation) -> tuple[Evidence, ...]:
    """The sysDescr names a maker or its product line."""
    return text_claims(rules, obs.sysdescr, "sysdescr")


def text_claims(rules: SnmpRules, text: str | None, kind: str) -> tuple[Evidence, ...]:
    """Maker-naming rules over a free text (a sysDescr or a service banner)."""
    if not text:
        return ()
    return tuple(
        Evidence(
            rule=f"{kind}:{r.id}",
            kind=kind,
            value=text[:80],
            claims=r.manufacturer,
            tier=Tier.MULTI_FIELD if r.strong else Tier.HEURISTIC,
            reason=r.reason_on(kind),
        )
        for r in rules.descr
        if r.pattern.search(text)
    )
