"""Rules that read the model number and the inventory's device type (rows of the RULES table in
`attribute/rules.py`)."""

from netvet.attribute.model_number import catalogue_models, matching_patterns
from netvet.attribute.rule_kb import RuleKB
from netvet.model import Evidence, Observation, Tier


def model_pattern_evidence(obs: Observation, kb: RuleKB) -> tuple[Evidence, ...]:
    """The model number has a shape only this maker uses."""
    if not obs.model:
        return ()
    return tuple(
        Evidence(
            rule=f"model:{p.id}",
            kind="model",
            value=obs.model,
            claims=p.manufacturer,
            tier=Tier.MULTI_FIELD if p.strong else Tier.HEURISTIC,
            reason=f"model '{obs.model}': {p.reason}",
            category=p.category,
        )
        for p in matching_patterns(kb.models, obs.model)
    )


def catalogue_evidence(obs: Observation, kb: RuleKB) -> tuple[Evidence, ...]:
    """The model number is a catalogued model or part number of this maker."""
    if not obs.model:
        return ()
    found = catalogue_models(kb.models, obs.model)
    makers = {m.manufacturer for m in found}
    if len(makers) != 1:
        return ()
    hit = found[0]
    reason = f"'{obs.model}' is a catalogued model of {hit.manufacturer} (device-type library)"
    return (
        Evidence(
            rule="catalogue",
            kind="model",
            value=obs.model,
            claims=hit.manufacturer,
            tier=Tier.MULTI_FIELD,
            reason=reason,
            category=hit.category,
        ),
    )


def category_hint_evidence(obs: Observation, kb: RuleKB) -> tuple[Evidence, ...]:
    """The inventory says what kind of device this is."""
    if not obs.category:
        return ()
    category = kb.categories.get(obs.category.strip().casefold())
    if category is None:
        return ()
    reason = f"inventory device type '{obs.category}' reads as {category}"
    return (
        Evidence(
            rule="category-hint",
            kind="category",
            value=obs.category,
            claims=None,
            tier=Tier.HEURISTIC,
            reason=reason,
            category=category,
        ),
    )
