"""Evidence from names in text and from what a whole SNMP walk says: maker names and product
lines in any text, model numbers in standard-MIB descriptions, and the private enterprise
subtrees a walk answers."""

import re
from collections.abc import Sequence

from netvet.attribute.model_number import ModelRules, catalogue_models, matching_patterns
from netvet.attribute.snmp import SnmpRules
from netvet.attribute.text_names import Registry, TextHit, TextScanner, scan
from netvet.model import Evidence, Tier

CURATED = frozenset({Registry.ENTITY, Registry.BRAND})
# A model number: one token of letters, digits and - + . / with a digit and a letter in it.
MODEL_IN_TEXT = re.compile(r"(?<![\w-])(?=[\w+./-]*\d)(?=[\w+./-]*[A-Za-z])[A-Za-z0-9][\w+./-]{3,}")


def hit_evidence(hit: TextHit, kind: str) -> Evidence:
    """One name or product line seen in a text. A product row's strength sets its tier (a name
    only one maker uses is as strong as a multi-field rule); a kb name is a heuristic, a registry
    name a keyword: both below exact identifiers."""
    name, product = hit.name, hit.name.product
    if product is not None:
        reason = f"{kind} names '{hit.seen}': {product.reason}"
        tier = Tier.MULTI_FIELD if product.strong else Tier.HEURISTIC
        rule = f"{kind}-product:{product.id}"
        return Evidence(
            rule=rule,
            kind=kind,
            value=hit.seen,
            claims=product.maker,
            tier=tier,
            reason=reason,
            category=product.category,
            owners=product.owners,
        )
    reason = f"{kind} names '{hit.seen}', the {name.registry.value} name of {name.shown}"
    tier = Tier.HEURISTIC if name.registry in CURATED else Tier.KEYWORD
    return Evidence(
        rule=f"{kind}-name", kind=kind, value=hit.seen, claims=name.claims, tier=tier, reason=reason
    )


def text_evidence(scanner: TextScanner | None, text: str | None, kind: str) -> tuple[Evidence, ...]:
    """Every maker name and product line the text names."""
    if scanner is None or not text:
        return ()
    return tuple(hit_evidence(hit, kind) for hit in scan(scanner, text))


def model_numbers_evidence(models: ModelRules, field: str, text: str) -> tuple[Evidence, ...]:
    """Model numbers in a description: a catalogued model of one maker, or a strong model-number
    pattern (weak patterns need a model field, not free text)."""
    found = []
    for token in dict.fromkeys(MODEL_IN_TEXT.findall(text)):
        makers = {m.manufacturer for m in catalogue_models(models, token)}
        if len(makers) == 1:
            reason = (
                f"{field} holds '{token}', a catalogued model of {next(iter(makers))} (device-type library)"
            )
            found.append(
                Evidence(
                    rule="mib-catalogue",
                    kind="mib",
                    value=token,
                    claims=next(iter(makers)),
                    tier=Tier.HEURISTIC,
                    reason=reason,
                )
            )
        for p in matching_patterns(models, token):
            if p.strong:
                reason = f"{field} holds model '{token}': {p.reason}"
                found.append(
                    Evidence(
                        rule=f"mib-model:{p.id}",
                        kind="mib",
                        value=token,
                        claims=p.manufacturer,
                        tier=Tier.HEURISTIC,
                        reason=reason,
                    )
                )
    return tuple(found)


def descriptions_evidence(
    scanner: TextScanner | None, models: ModelRules, descriptions: Sequence[tuple[str, str]]
) -> tuple[Evidence, ...]:
    """Names, product lines and model numbers in the walk's standard-MIB maker and description
    fields (ENTITY-MIB, UPS-MIB, HOST-RESOURCES, Printer-MIB, LLDP local system)."""
    found: list[Evidence] = []
    for field, value in descriptions:
        for ev in text_evidence(scanner, value, "mib"):
            found.append(
                Evidence(
                    rule=ev.rule,
                    kind=ev.kind,
                    value=ev.value,
                    claims=ev.claims,
                    tier=ev.tier,
                    reason=f"{field}: {ev.reason}",
                    category=ev.category,
                    owners=ev.owners,
                )
            )
        found.extend(model_numbers_evidence(models, field, value))
    return tuple(found)


def subtree_evidence(rules: SnmpRules, enterprises: Sequence[int]) -> tuple[Evidence, ...]:
    """The walk answers under a private enterprise subtree: the device implements that
    organisation's own MIB (agent-software numbers, which any device may carry, say nothing)."""
    found = []
    for number in enterprises:
        holder = rules.pens.get(number)
        if number in rules.agent_pens or holder is None:
            continue
        name, entity = holder
        reason = f"the walk answers under 1.3.6.1.4.1.{number}, the private MIB subtree of {name}"
        found.append(
            Evidence(
                rule="subtree",
                kind="enterprises",
                value=str(number),
                claims=entity or f"org:{name}",
                tier=Tier.KEYWORD,
                reason=reason,
            )
        )
    return tuple(found)
