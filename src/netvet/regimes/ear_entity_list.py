"""EAR Entity List (15 CFR 744.11, part 744 Supp. 4): export screening. A listed party needs a BIS
licence to be *supplied* with items subject to the EAR; buying from it is not restricted, so this
determination is informational and never raises an asset's verdict."""

from datetime import date

from netvet.model import AssetContext, Attribution, Designation, Determination, Link, Status
from netvet.model.vocab import Flag, LinkKind
from netvet.regimes.base import RegimeKB
from netvet.regimes.entities import names_of
from netvet.regimes.outcome import maker_name

REGIME = "ear-entity-list"
LIST_ID = "ear-entity-list"
CITATION = "15 CFR 744.11; 15 CFR part 744, Supplement No. 4"
NOT_A_BAN = (
    "exporting, reexporting or transferring items subject to the EAR to it needs a BIS licence; "
    "buying from it is not restricted"
)


def determine(attr: Attribution, ctx: AssetContext, kb: RegimeKB, as_of: date) -> Determination:
    """Listed (covered, informational), owned by a listed party (review), or not listed."""
    listed = kb.get_list(LIST_ID)
    if attr.manufacturer is None:
        reason = "no manufacturer attributed: the party cannot be screened"
        return answer(Status.UNKNOWN, reason, None, listed.version, missing=("manufacturer",))
    hits = [
        (e, link)
        for e in kb.entries_above(LIST_ID, attr.manufacturer)
        if (link := link_of(kb, attr, e, as_of))
    ]
    direct = [(e, lk) for e, lk in hits if lk.kind is LinkKind.SELF]
    if direct:
        entry, link = direct[0]
        reason = (
            f"{maker_name(kb, attr)} is on the Entity List since {entry.date_added.isoformat()}: {NOT_A_BAN}"
        )
        flags = (Flag.EXPORT_SCREENING,) + (() if entry.verified else (Flag.UNVERIFIED,))
        return answer(Status.COVERED, reason, entry, listed.version, link.path, flags=flags)
    if hits:
        entry, link = hits[0]
        reason = (
            f"{names_of(kb.graph, link.path)}: owned by a listed party, but not itself listed as far as the "
            f"kb knows; check the current Entity List before supplying it"
        )
        return answer(
            Status.REVIEW, reason, entry, listed.version, link.path, ("whether the affiliate is listed",)
        )
    return answer(Status.NOT_COVERED, not_listed(kb, attr, as_of), None, listed.version)


def link_of(kb: RegimeKB, attr: Attribution, entry: Designation, as_of: date) -> Link | None:
    """The maker itself, or an owner above it, named by an entry in force on the day."""
    if not entry.in_force(as_of) or attr.manufacturer is None:
        return None
    for target in entry.entities:
        link = kb.graph.link(attr.manufacturer, target, as_of)
        if link is not None and link.kind in (LinkKind.SELF, LinkKind.SUBSIDIARY):
            return link
    return None


def not_listed(kb: RegimeKB, attr: Attribution, as_of: date) -> str:
    """Not listed on the day; says so when an entry was removed before."""
    maker = attr.manufacturer or ""
    removed = [
        e
        for e in kb.entries_above(LIST_ID, maker)
        if maker in e.entities and e.date_removed and e.date_removed <= as_of
    ]
    if removed:
        return f"{maker_name(kb, attr)} was removed from the Entity List on {removed[0].date_removed}"
    return f"{maker_name(kb, attr)} is not on the Entity List on {as_of.isoformat()} (kb entities only)"


def answer(
    status: Status,
    reason: str,
    entry: Designation | None,
    version: date,
    path: tuple[str, ...] = (),
    missing: tuple[str, ...] = (),
    flags: tuple[str, ...] = (),
) -> Determination:
    """This regime's informational answer."""
    entry_id = entry.id if entry else None
    citation = f"{CITATION}; {entry.citation}" if entry else CITATION
    return Determination(
        regime=REGIME,
        status=status,
        reason=reason,
        citation=citation,
        entry=entry_id,
        list_version=version,
        missing=missing,
        path=path,
        flags=flags,
        informational=True,
    )
