"""NDAA FY2019 §889 (FAR 52.204-24/-25/-26): the five named PRC companies, their subsidiaries
and affiliates; the Hytera, Hikvision and Dahua items only for the named purposes."""

from dataclasses import replace
from datetime import date

from netvet.model import AssetContext, Attribution, Determination, Status
from netvet.model.vocab import Flag
from netvet.regimes.base import RegimeKB
from netvet.regimes.entities import match_entry
from netvet.regimes.outcome import SEVERITY, Question, doubts, no_entry, unattributed

REGIME = "ndaa-889"
LIST_ID = "ndaa-889"
CITATION = "Pub. L. 115-232 §889; FAR 52.204-25"
# §889(a)(1)(A) took effect one year after enactment (13 Aug 2019), §889(a)(1)(B) two years after.
PART_A_EFFECTIVE = date(2019, 8, 13)
PART_B_EFFECTIVE = date(2020, 8, 13)
EXCEPTION_A = Flag.EXCEPTION_THIRD_PARTY_CONNECTION
EXCEPTION_B = Flag.EXCEPTION_NO_USER_DATA


def parts_in_force(as_of: date) -> tuple[str, ...]:
    """Which prohibitions apply on the day: Part A (buying) and Part B (contracting with users)."""
    parts = ["part-a"] if as_of >= PART_A_EFFECTIVE else []
    return (*parts, "part-b") if as_of >= PART_B_EFFECTIVE else tuple(parts)


def determine(attr: Attribution, ctx: AssetContext, kb: RegimeKB, as_of: date) -> Determination:
    """The §889 answer for one asset as of a day."""
    named = kb.get_list(LIST_ID)
    parts = parts_in_force(as_of)
    if not parts:
        reason = f"§889 prohibitions start {PART_A_EFFECTIVE.isoformat()}"
        return Determination(
            regime=REGIME,
            status=Status.NOT_COVERED,
            reason=reason,
            citation=CITATION,
            entry=None,
            list_version=named.version,
        )
    hits = [h for e in named.in_force(as_of) if (h := match_entry(kb.graph, attr, ctx, e, as_of))]
    if hits:
        hit = max(hits, key=lambda h: SEVERITY[h.status])
        citation = f"{CITATION}; {hit.entry.citation}"
        found = Determination(
            regime=REGIME,
            status=hit.status,
            reason=hit.reason,
            citation=citation,
            entry=hit.entry.id,
            list_version=named.version,
            missing=hit.missing,
            path=hit.link.path,
        )
        if hit.status == Status.NOT_COVERED:
            return replace(found, flags=(*parts, *hit.flags))
        return statutory_exception(found, ctx) or with_parts(found, parts, ctx, hit.flags)
    in_force = named.in_force(as_of)
    doubt = doubts(Question(REGIME, CITATION, kb, attr, in_force, ctx, as_of, named.version))
    if doubt is not None:
        return doubt
    if attr.is_unknown:
        return unattributed(REGIME, CITATION, named.version, attr)
    return prc_note(no_entry(REGIME, CITATION, kb, attr, named.version, as_of), kb, attr)


def prc_note(found: Determination, kb: RegimeKB, attr: Attribution) -> Determination:
    """A PRC maker not named by §889 is flagged: §889(f)(3)(D) lets the Secretary of Defense add
    entities owned or controlled by the PRC government."""
    if kb.country_of(attr.manufacturer) != "CN":
        return found
    reason = (
        found.reason
        + "; a PRC company, so §889(f)(3)(D) designations by the Secretary of Defense could reach it"
    )
    return replace(found, reason=reason, flags=(*found.flags, Flag.PRC_COMPANY))


def statutory_exception(found: Determination, ctx: AssetContext) -> Determination | None:
    """§889(a)(2): a service connecting to a third party's facilities (backhaul, roaming,
    interconnection), and equipment that cannot route or redirect user data traffic or permit
    visibility into user data or packets, are outside the prohibition."""
    if ctx.third_party_service:
        reason = (
            f"{found.reason}; but it is a service connecting to a third party's facilities "
            "(backhaul, roaming or interconnection): excepted by §889(a)(2)(A)"
        )
        return replace(found, status=Status.NOT_COVERED, reason=reason, missing=(), flags=(EXCEPTION_A,))
    if ctx.handles_user_data is False:
        reason = (
            f"{found.reason}; but it cannot route or redirect user data traffic or permit visibility "
            "into user data or packets: excepted by §889(a)(2)(B)"
        )
        return replace(found, status=Status.NOT_COVERED, reason=reason, missing=(), flags=(EXCEPTION_B,))
    return None


def with_parts(
    found: Determination, parts: tuple[str, ...], ctx: AssetContext, flags: tuple[str, ...]
) -> Determination:
    """Part A binds whoever sells to an agency; Part B binds a federal contractor's own use, so
    whether the organisation is one decides whether Part B reaches this asset."""
    contractor = ctx.organisation.federal_contractor
    if "part-b" not in parts:
        return replace(found, flags=(*parts, *flags))
    if contractor is False:
        reason = (
            f"{found.reason}; not a federal contractor, so Part B does not reach its use "
            "(Part A still bars selling it to an agency)"
        )
        return replace(found, reason=reason, flags=(Flag.PART_A, *flags))
    if contractor is None:
        reason = (
            f"{found.reason}; if the organisation is a federal contractor, Part B bars agencies "
            "from contracting with it while it uses this"
        )
        return replace(found, reason=reason, flags=(*parts, Flag.PART_B_IF_FEDERAL_CONTRACTOR, *flags))
    reason = (
        f"{found.reason}; a federal contractor: Part B bars agencies from contracting with it "
        "while it uses this"
    )
    return replace(found, reason=reason, flags=(*parts, *flags))
