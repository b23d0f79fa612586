"""FCC Covered List (47 CFR 1.50002): entity entries with affiliates and use qualifiers, and
category entries by country of production."""

from datetime import date

from netvet.model import AssetContext, Attribution, Designation, Determination, Status
from netvet.regimes.base import RegimeKB
from netvet.regimes.categories import CategoryHit, match_category
from netvet.regimes.entities import EntityHit, match_entry
from netvet.regimes.outcome import SEVERITY, Question, doubts, no_entry, unattributed

REGIME = "fcc-covered-list"
LIST_ID = "fcc-covered-list"
CITATION = "47 CFR 1.50002"


def determine(attr: Attribution, ctx: AssetContext, kb: RegimeKB, as_of: date) -> Determination:
    """The most severe answer of any entry in force on the as-of date."""
    covered_list = kb.get_list(LIST_ID)
    entries = covered_list.in_force(as_of)
    hits: list[Determination] = []
    for entry in entries:
        if entry.is_category_entry:
            cat = match_category(attr, ctx, entry)
            hits += [from_category(cat, covered_list.version)] if cat else []
        else:
            ent = match_entry(kb.graph, attr, ctx, entry, as_of)
            hits += [from_entity(ent, covered_list.version)] if ent else []
    if hits:
        return max(hits, key=lambda d: SEVERITY[d.status])
    version = covered_list.version
    doubt = doubts(Question(REGIME, CITATION, kb, attr, entries, ctx, as_of, version))
    if doubt is not None:
        return doubt
    if attr.is_unknown:
        return unattributed(REGIME, CITATION, version, attr)
    return no_entry(REGIME, CITATION, kb, attr, version, as_of)


def from_entity(hit: EntityHit, version: date) -> Determination:
    """A Determination from an entity-entry hit."""
    return as_determination(
        hit.entry, hit.status, hit.reason, hit.missing, version, hit.flags, path=hit.link.path
    )


def from_category(hit: CategoryHit, version: date) -> Determination:
    """A Determination from a category-entry hit."""
    until = hit.updates_allowed_until
    return as_determination(hit.entry, hit.status, hit.reason, hit.missing, version, hit.flags, until)


def as_determination(
    entry: Designation,
    status: Status,
    reason: str,
    missing: tuple[str, ...],
    version: date,
    flags: tuple[str, ...] = (),
    until: date | None = None,
    path: tuple[str, ...] = (),
) -> Determination:
    """The Covered List's answer for one entry."""
    citation = f"{CITATION}; {entry.citation}"
    return Determination(
        regime=REGIME,
        status=status,
        reason=reason,
        citation=citation,
        entry=entry.id,
        list_version=version,
        missing=missing,
        path=path,
        flags=flags,
        updates_allowed_until=until,
    )
