"""Entity entries: is the maker (or its owner on the relevant day) named by a list entry?

Equipment 'produced by' a listed company stays produced by it after a sale of the maker, so
ownership is read on the day the asset was obtained (the latest day it can have been produced);
when that day is unknown and the maker changed hands, the answer is `review`.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from netvet.model import (
    AssetContext,
    Attribution,
    Category,
    Designation,
    Link,
    OwnershipGraph,
    Scope,
    ServiceType,
    Status,
)
from netvet.model.vocab import Flag, LinkKind

# Entries that name "telecommunications equipment" (and video surveillance for the qualified
# three) do not plainly reach power electronics or computing gear made by the same group:
# those categories are answered `review`, with this reason, rather than guessed.
NOT_PLAINLY_TELECOM = frozenset(
    {Category.INVERTER, Category.POWER, Category.SERVER, Category.STORAGE, Category.ROBOT}
)


@dataclass(frozen=True, slots=True)
class EntityHit:
    """An entry that names the maker or its group, how, and what that means for the asset."""

    entry: Designation
    link: Link
    status: Status
    reason: str
    missing: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()


def ownership_days(
    ctx: AssetContext, as_of: date, changes: Sequence[date], known_from: date | None
) -> tuple[date, ...]:
    """The acquisition day when known, else every day on which the answer could differ.

    Days before `known_from` (the earliest start of the maker's own ownership edges) are left
    out: the kb records a maker's ownership from its founding or from the earliest sourced
    date, and knows nothing before that."""
    if ctx.acquired is not None and ctx.acquired <= as_of:
        return (ctx.acquired,)
    days = {as_of}
    for change in changes:
        if change <= as_of:
            days.update((change, change - timedelta(days=1)))
    return tuple(sorted(d for d in days if known_from is None or d >= known_from))


def link_on(graph: OwnershipGraph, maker: str, entry: Designation, day: date) -> Link | None:
    """The maker's link to any entity the entry names, on one day."""
    for target in entry.entities:
        link = graph.link(maker, target, day)
        if link is not None and (entry.includes_affiliates or link.kind is LinkKind.SELF):
            return link
    return None


def applies_to_equipment(entry: Designation, category: Category | None) -> bool:
    """Services-only and software-only entries do not reach a piece of equipment."""
    return Scope.EQUIPMENT in entry.scope or (category is not None and category in entry.categories)


SOFTWARE_SERVICES = frozenset({ServiceType.SOFTWARE, ServiceType.MAINTENANCE})


def applies_to(entry: Designation, category: Category | None, ctx: AssetContext) -> bool:
    """A service is reached by entries naming services (software and its update channel also by
    entries naming software); equipment by entries naming equipment or its category."""
    if not ctx.is_service:
        return applies_to_equipment(entry, category)
    software = ctx.service in SOFTWARE_SERVICES and Scope.SOFTWARE in entry.scope
    return Scope.SERVICES in entry.scope or software


def names_of(graph: OwnershipGraph, path: Sequence[str]) -> str:
    """'Honor Device Co., Ltd. -> Huawei ...' for a path of ids."""
    return " -> ".join(graph.entities[i].name if i in graph.entities else i for i in path)


UNVERIFIED = Flag.UNVERIFIED


def unverified_flags(graph: OwnershipGraph, entry: Designation, path: Sequence[str]) -> tuple[str, ...]:
    """Flag a hit whose entry or ownership edges the kb marks verified: false, so a report says so."""
    on_path = set(path)
    edges = [e for child in path for e in graph.parents.get(child, ()) if e.parent in on_path]
    return (UNVERIFIED,) if not entry.verified or any(not e.verified for e in edges) else ()


def match_entry(
    graph: OwnershipGraph, attr: Attribution, ctx: AssetContext, entry: Designation, as_of: date
) -> EntityHit | None:
    """The hit of one entity entry on the asset's maker, or None when unrelated."""
    # Most entries name makers unrelated to the asset's: that cheapest test comes first.
    if attr.manufacturer is None or not may_relate_any(graph, attr.manufacturer, entry.entities):
        return None
    reaches = applies_to(entry, attr.category, ctx)
    if not (reaches or kind_unknown(attr, ctx)):
        return None
    starts = [e.valid_from for e in graph.parents.get(attr.manufacturer, ())]
    known_from = None if None in starts or not starts else min(d for d in starts if d is not None)
    days = ownership_days(ctx, as_of, graph.change_dates(attr.manufacturer), known_from)
    links = [link_on(graph, attr.manufacturer, entry, d) for d in days]
    live = [(d, lk) for d, lk in zip(days, links, strict=True) if lk is not None]
    if not live:
        return None
    day, link = live[-1]
    if len(live) < len(days):
        hit = ambiguous_ownership(graph, entry, link, day)
    else:
        hit = judge_link(graph, attr, ctx, entry, link) if reaches else unknown_kind(graph, entry, link)
    flags = unverified_flags(graph, entry, link.path)
    return replace(hit, flags=flags) if flags else hit


def may_relate_any(graph: OwnershipGraph, maker: str, targets: Sequence[str]) -> bool:
    """True when an edge on some day can link the maker to one of the targets (shared ancestor)."""
    above = graph.ever_above.get(maker, frozenset({maker}))
    return any(not above.isdisjoint(graph.ever_above.get(t, (t,))) for t in targets)


def kind_unknown(attr: Attribution, ctx: AssetContext) -> bool:
    """Neither a device category nor a service is known for the asset."""
    return attr.category is None and not ctx.is_service


def unknown_kind(graph: OwnershipGraph, entry: Designation, link: Link) -> EntityHit:
    """An entry limited to some products or services names the maker, and what the asset is
    is unknown: never clear, but review naming the fact that decides."""
    kinds = ", ".join([*(str(s) for s in entry.scope if s != Scope.EQUIPMENT), *map(str, entry.categories)])
    reason = (
        f"made by {describe_link(graph, entry, link)}; the entry reaches only its {kinds}, "
        "and what this asset is (product category or service) is unknown"
    )
    return EntityHit(entry, link, Status.REVIEW, reason, (f"product kind (is it {kinds}?)",))


def ambiguous_ownership(graph: OwnershipGraph, entry: Designation, link: Link, day: date) -> EntityHit:
    """The maker was in the listed group on some days only, and the asset's date is unknown."""
    reason = (
        f"made by {names_of(graph, link.path)} on {day.isoformat()}, but not on every day the asset"
        " may have been produced; the acquisition date decides"
    )
    return EntityHit(entry, link, Status.REVIEW, reason, ("acquisition date",))


def describe_link(graph: OwnershipGraph, entry: Designation, link: Link) -> str:
    """'Huawei Device Co., Ltd. (subsidiary of Huawei ...), named by the entry of 2021-03-12'."""
    maker = names_of(graph, link.path[:1])
    via = "" if link.kind is LinkKind.SELF else f" ({link.kind}: {names_of(graph, link.path)})"
    return f"{maker}{via}, named by the entry of {entry.date_added.isoformat()}"


def judge_link(
    graph: OwnershipGraph, attr: Attribution, ctx: AssetContext, entry: Designation, link: Link
) -> EntityHit:
    """Covered, review or not-covered for a maker linked to the entry."""
    how = " " + describe_link(graph, entry, link)
    if link.via_state_body:
        reason = (
            f"made by{how}, related only through common state ownership; "
            "whether that makes an affiliate is unsettled"
        )
        return EntityHit(entry, link, Status.REVIEW, reason, ("affiliate status",))
    if ctx.is_service:
        return judge_service(entry, link, ctx, how)
    if attr.category in NOT_PLAINLY_TELECOM:
        reason = (
            f"made by{how}, but the entry names telecommunications or "
            f"video surveillance equipment and this is {attr.category}"
        )
        return EntityHit(entry, link, Status.REVIEW, reason, ("whether it is telecommunications equipment",))
    if entry.use_qualified:
        return judge_use(entry, link, ctx, how)
    return EntityHit(entry, link, Status.COVERED, f"produced by{how}")


def judge_use(entry: Designation, link: Link, ctx: AssetContext, how: str) -> EntityHit:
    """The Hytera/Hikvision/Dahua entries reach only public-safety, government-facility,
    critical-infrastructure and national-security uses."""
    if ctx.use.qualifies:
        reason = f"produced by{how}, used for {ctx.use} ('{ctx.use_text}')"
        return EntityHit(entry, link, Status.COVERED, reason)
    if ctx.use.value == "unknown":
        reason = (
            f"produced by{how}; covered only for public-safety, government-facility, "
            "critical-infrastructure or national-security use, and the intended use is unknown"
        )
        return EntityHit(entry, link, Status.REVIEW, reason, ("intended use",))
    reason = f"produced by{how}, but the intended use '{ctx.use_text}' is not one the entry names"
    return EntityHit(entry, link, Status.NOT_COVERED, reason)


def judge_service(entry: Designation, link: Link, ctx: AssetContext, how: str) -> EntityHit:
    """A service provided by a listed company: covered when it is a kind of service the entry
    names (the §214 entries name telecommunications services), review when its kind is unknown or
    one the entry does not plainly name; the use qualifier applies to services too."""
    shown = f"{ctx.service or 'service'} ('{ctx.service_text}')" if ctx.service_text else str(ctx.service)
    if ctx.service is None:
        reason = f"a service provided by{how}, and which service '{ctx.service_text}' is is unknown"
        return EntityHit(entry, link, Status.REVIEW, reason, ("service type",))
    if entry.service_types and ctx.service not in entry.service_types:
        named = ", ".join(entry.service_types)
        reason = f"{shown} provided by{how}; the entry plainly names {named} services, not this kind"
        question = f"whether {ctx.service} is a service the entry names"
        return EntityHit(entry, link, Status.REVIEW, reason, (question,))
    if entry.use_qualified:
        return judge_use(entry, link, ctx, how)
    return EntityHit(entry, link, Status.COVERED, f"{shown} provided by{how}")
