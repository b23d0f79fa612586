"""Category entries of the Covered List (foreign-produced UAS, routers, inverters, robots).

They name no company: a product is covered when it is of the category, produced in a foreign
country (any major stage of production outside the US), and holds no Conditional Approval. The
entries act on equipment authorization: a model authorized before the entry date may stay in use
(and, for routers, get non-degrading updates until the waiver ends).
"""

from dataclasses import dataclass, replace
from datetime import date

from netvet.model import AssetContext, Attribution, Designation, Status
from netvet.model.vocab import Flag


@dataclass(frozen=True, slots=True)
class CategoryHit:
    """What a category entry says about an asset of its category."""

    entry: Designation
    status: Status
    reason: str
    missing: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    updates_allowed_until: date | None = None


def missing_facts(attr: Attribution, ctx: AssetContext, entry: Designation) -> tuple[str, ...]:
    """The facts the entry needs that the inventory does not give."""
    missing = []
    if attr.country_of_production is None:
        missing.append("country of production")
    if entry.conditional_approval_exception and ctx.conditional_approval is None:
        missing.append("conditional approval")
    if ctx.first_authorized is None:
        missing.append("first authorization date")
    return tuple(missing)


def match_category(attr: Attribution, ctx: AssetContext, entry: Designation) -> CategoryHit | None:
    """The answer of one category entry (flagged when the kb marks its reading unverified), or
    None when the asset is not of its category."""
    hit = category_answer(attr, ctx, entry)
    if hit is None or entry.verified:
        return hit
    return replace(hit, flags=(*hit.flags, Flag.UNVERIFIED))


def category_answer(attr: Attribution, ctx: AssetContext, entry: Designation) -> CategoryHit | None:
    """The answer of one category entry, or None when the asset is not of its category."""
    if attr.category is None or attr.category not in entry.categories:
        return None
    what = f"{attr.category} (entry of {entry.date_added.isoformat()})"
    if attr.country_of_production == "US":
        return CategoryHit(entry, Status.NOT_COVERED, f"{what}: produced in the US")
    if ctx.conditional_approval:
        return CategoryHit(entry, Status.NOT_COVERED, f"{what}: holds a Conditional Approval")
    missing = missing_facts(attr, ctx, entry)
    if "country of production" in missing or "conditional approval" in missing:
        reason = (
            f"{what}: covered if produced abroad without a Conditional "
            f"Approval; unknown: {', '.join(missing)}"
        )
        return CategoryHit(entry, Status.REVIEW, reason, missing)
    return foreign_without_approval(attr, ctx, entry, what)


def foreign_without_approval(
    attr: Attribution, ctx: AssetContext, entry: Designation, what: str
) -> CategoryHit:
    """Produced abroad, no Conditional Approval: covered; the authorization date says what
    may continue."""
    base = f"{what}: produced in {attr.country_of_production} without a Conditional Approval"
    base += exceptions_note(entry)
    if ctx.first_authorized is None:
        reason = f"{base}; the first authorization date decides whether the model may stay in use"
        return CategoryHit(entry, Status.REVIEW, reason, ("first authorization date",))
    if ctx.first_authorized < entry.date_added:
        return previously_authorized(entry, base)
    reason = f"{base}; first authorized on or after the entry date: not authorizable"
    return CategoryHit(entry, Status.COVERED, reason, flags=(Flag.NEW_AUTHORIZATION_BARRED,))


def previously_authorized(entry: Designation, base: str) -> CategoryHit:
    """Authorized before the entry: may stay in use; updates until the waiver ends."""
    until = entry.updates_allowed_until
    updates = f"; software and firmware updates allowed until {until.isoformat()}" if until else ""
    reason = f"{base}; first authorized before the entry date: may stay in use{updates}"
    flags = (Flag.PREVIOUSLY_AUTHORIZED, Flag.CONTINUED_USE_ALLOWED)
    return CategoryHit(entry, Status.COVERED, reason, flags=flags, updates_allowed_until=until)


def exceptions_note(entry: Designation) -> str:
    """The entry's other exceptions, which the inventory cannot tell."""
    others = [e for e in entry.exceptions if "Conditional Approval" not in e]
    return f" (unless: {'; '.join(others)})" if others else ""
