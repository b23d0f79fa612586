"""Other countries' rules: one generic, pure rule reads an instrument record (a data file under
kb/data/jurisdictions/) and answers for one asset, as of a day.

Each obligation is read on its own and the gravest answer wins: a removal deadline that has
passed with the equipment still installed is `covered`; a deadline still ahead is `review`
with its date; equipment installed after a ban on new installs came into force is `covered`.
Facts the inventory cannot give (the network part or generation when not stated, a site's
significance, a share of the network) turn `covered` into `review` naming the fact. A policy or
a proposal has no force of law: its determination is informational and never raises the verdict.
"""

from dataclasses import dataclass, replace
from datetime import date

from netvet.errors import LookupFailure
from netvet.model import (
    AssetContext,
    Attribution,
    Determination,
    Instrument,
    NetworkPart,
    Obligation,
    ObligationKind,
    Status,
)
from netvet.model.vocab import Flag, LinkKind
from netvet.regimes.base import Determine, RegimeKB
from netvet.regimes.network_parts import PartAnswer, is_network_equipment, network_part_of
from netvet.regimes.outcome import SEVERITY, maker_name, unattributed

JURISDICTIONS = ("us", "uk", "ca", "de", "se", "eu", "au", "in")
ALL_PARTS = frozenset(NetworkPart)
UNVERIFIED = Flag.UNVERIFIED


@dataclass(frozen=True, slots=True)
class Answer:
    """One obligation's answer for the asset."""

    status: Status
    reason: str
    obligation: Obligation
    missing: tuple[str, ...] = ()
    deadline: date | None = None
    flags: tuple[str, ...] = ()
    would_cover: bool = False


@dataclass(frozen=True, slots=True)
class Reach:
    """How the instrument reaches the maker: the ownership path to the vendor it names, the facts
    still to settle (criteria only a person can apply), and whether the naming is unverified."""

    path: tuple[str, ...]
    doubts: tuple[str, ...] = ()
    unverified: bool = False


def instrument_regime(regime_id: str) -> Determine:
    """The determine function of one instrument id (the record is read from the kb)."""

    def determine(attr: Attribution, ctx: AssetContext, kb: RegimeKB, as_of: date) -> Determination:
        try:
            instrument = kb.instruments[regime_id]
        except KeyError as exc:
            raise LookupFailure(f"no instrument '{regime_id}' in the knowledge base") from exc
        return determine_instrument(instrument, attr, ctx, kb, as_of)

    return determine


def determine_instrument(
    inst: Instrument, attr: Attribution, ctx: AssetContext, kb: RegimeKB, as_of: date
) -> Determination:
    """The instrument's answer for one asset as of a day."""
    informational = not inst.status.binding
    if as_of < inst.issued:
        return outside(inst, f"{inst.title} was issued on {inst.issued.isoformat()}", informational)
    if not is_network_equipment(attr, ctx):
        return outside(
            inst, f"a {attr.category} is not network equipment the instrument reaches", informational
        )
    if attr.manufacturer is None and not inst.all_vendors:
        found = unattributed(inst.id, inst.fact.citation, inst.version, attr)
        return replace(found, informational=informational)
    reach = vendor_reach(inst, attr, ctx, kb, as_of)
    if reach is None:
        why = f"made by {maker_name(kb, attr)}, which the instrument does not name"
        return outside(inst, why, informational)
    part = network_part_of(ctx, attr)
    answers = [
        qualified(obligation_answer(o, ctx, as_of), o, part, ctx, inst, reach) for o in inst.obligations
    ]
    return determination(inst, gravest(answers), answers, part, reach.path)


def outside(inst: Instrument, why: str, informational: bool) -> Determination:
    """Not covered: the instrument does not reach the asset (or was not issued yet)."""
    return Determination(
        regime=inst.id,
        status=Status.NOT_COVERED,
        reason=why,
        citation=inst.fact.citation,
        entry=None,
        list_version=inst.version,
        informational=informational,
    )


def vendor_reach(
    inst: Instrument, attr: Attribution, ctx: AssetContext, kb: RegimeKB, as_of: date
) -> Reach | None:
    """How the instrument reaches the maker: through a vendor it names (ownership read on the
    day the asset was obtained), or through criteria that reach every vendor; None when not."""
    if inst.all_vendors:
        return Reach((), (inst.criteria or "whether the vendor meets the instrument's criteria",))
    maker = attr.manufacturer or ""
    if maker not in kb.graph.entities:
        return None
    day = ctx.acquired if ctx.acquired is not None and ctx.acquired <= as_of else as_of
    for vendor in inst.vendors:
        if vendor.since is not None and as_of < vendor.since:
            continue
        link = kb.graph.link(maker, vendor.entity, day)
        if (
            link is not None
            and link.kind in (LinkKind.SELF, LinkKind.SUBSIDIARY, LinkKind.AFFILIATE)
            and not link.via_state_body
        ):
            if vendor.fact.verified:
                return Reach(link.path)
            doubt = f"whether the instrument reaches {maker_name(kb, attr)} (named in commentary only)"
            return Reach(link.path, (doubt,), unverified=True)
    return None


def obligation_answer(o: Obligation, ctx: AssetContext, as_of: date) -> Answer:
    """What one obligation says about the asset on the day, by its kind and date."""
    if o.day is None:
        after = f" ({o.after})" if o.after else ""
        reason = f"{o.text}: no date set yet{after}"
        return Answer(Status.REVIEW, reason, o, ("the day the obligation takes effect",))
    if o.kind == ObligationKind.NO_NEW_INSTALLS:
        return no_new_installs(o, o.day, ctx.acquired, as_of)
    if o.kind == ObligationKind.REMOVE_BY:
        return remove_by(o, o.day, as_of)
    if o.kind == ObligationKind.CAP_SHARE:
        share = f"{o.share:g} %" if o.share is not None else "a share"
        since = "since" if as_of > o.day else "from"
        reason = f"{o.text}: capped at {share} {since} {o.day.isoformat()}"
        return Answer(Status.REVIEW, reason, o, ("the vendor's share of that part of the network",), o.day)
    return Answer(Status.REVIEW, o.text, o, ("whether the restriction applies to this asset",))


def no_new_installs(o: Obligation, day: date, acquired: date | None, as_of: date) -> Answer:
    """Covered when installed on or after the day the ban took effect; earlier kit is not. The
    reason names the day, not the install date: the batch engine shares one answer between
    install dates that fall between the same cut-off days."""
    if as_of < day:
        return Answer(Status.NOT_COVERED, f"{o.text}: no new installs from {day.isoformat()} (not yet)", o)
    if acquired is None:
        reason = f"{o.text}: no new installs since {day.isoformat()}; when was it installed?"
        return Answer(Status.REVIEW, reason, o, ("install or acquisition date",))
    if acquired >= day:
        reason = f"{o.text}: installed on or after {day.isoformat()}, when the ban took effect"
        return Answer(Status.COVERED, reason, o, flags=(Flag.INSTALLED_AFTER_BAN,))
    reason = f"{o.text}: installed before the ban from {day.isoformat()}"
    return Answer(Status.NOT_COVERED, reason, o)


def remove_by(o: Obligation, day: date, as_of: date) -> Answer:
    """Covered when still installed after the deadline day; review with the date before it."""
    if as_of > day:
        reason = f"{o.text}: still installed after the removal deadline {day.isoformat()}"
        return Answer(Status.COVERED, reason, o, deadline=day, flags=(Flag.REMOVAL_OVERDUE,))
    reason = f"{o.text}: to be removed by {day.isoformat()}"
    return Answer(Status.REVIEW, reason, o, deadline=day, flags=(Flag.REMOVAL_DEADLINE,))


def qualified(
    a: Answer, o: Obligation, part: PartAnswer, ctx: AssetContext, inst: Instrument, reach: Reach
) -> Answer:
    """The answer once the facts it rests on are checked: a part or network the obligation does
    not reach makes it not covered; an unknown one, a condition or an unverified fact makes a
    covered answer a review naming what is missing."""
    if a.status == Status.NOT_COVERED:
        return a
    if part.part is not None and part.part not in o.parts:
        return Answer(Status.NOT_COVERED, f"{o.text}: reaches {parts_text(o)}, not {part.part}", o)
    if o.networks and ctx.generation and not set(ctx.generation) & o.networks:
        nets = "/".join(sorted(o.networks))
        return Answer(Status.NOT_COVERED, f"{o.text}: reaches {nets} networks, not this one", o)
    missing = list(a.missing)
    if part.part is None and o.parts != ALL_PARTS:
        missing.append(f"network part (the obligation reaches {parts_text(o)})")
    if o.networks and not ctx.generation:
        missing.append(f"whether it serves a {'/'.join(sorted(o.networks))} network")
    if o.condition:
        missing.append(o.condition)
    flags = a.flags
    if not (o.fact.verified and inst.fact.verified):
        missing.append(f"confirmation of '{o.text}' in the instrument (not confirmed in a primary source)")
    missing += reach.doubts
    if reach.unverified or not (o.fact.verified and inst.fact.verified):
        flags = (*flags, UNVERIFIED)
    if missing and a.status == Status.COVERED:
        return replace(a, status=Status.REVIEW, missing=tuple(missing), flags=flags, would_cover=True)
    return replace(a, missing=tuple(missing), flags=flags)


def parts_text(o: Obligation) -> str:
    """'core, management' or 'every part'."""
    return "every part" if o.parts == ALL_PARTS else ", ".join(sorted(o.parts))


def gravest(answers: list[Answer]) -> Answer | None:
    """The most severe answer. Among reviews: obligations on the asset itself before those that
    hang on a condition (a site's significance); one that would be covered but for a missing
    fact, then one that asks for a fact, before a deadline still ahead; then the earliest day."""
    live = [a for a in answers if a.status != Status.NOT_COVERED]
    if not live:
        return None
    return min(
        live,
        key=lambda a: (
            -SEVERITY[a.status],
            a.obligation.condition is not None,
            not a.would_cover,
            not a.missing,
            a.deadline or date.max,
            a.obligation.id,
        ),
    )


def determination(
    inst: Instrument, best: Answer | None, answers: list[Answer], part: PartAnswer, path: tuple[str, ...]
) -> Determination:
    """The instrument's determination from its gravest obligation (not covered when none bites)."""
    informational = not inst.status.binding
    where = f"; network part: {part.describe()}"
    force = f" ({inst.status} without force of law: informational)" if informational else ""
    if best is None:
        reason = "; ".join(a.reason for a in answers) or "the instrument sets no obligation"
        return replace(outside(inst, f"{reason}{where}{force}", informational), path=path)
    others = [also(a) for a in answers if a is not best and a.status != Status.NOT_COVERED]
    where += f"; also: {'; '.join(others)}" if others else ""
    flags = (*best.flags, Flag.NETWORK_PART_INFERRED) if part.inferred else best.flags
    return Determination(
        regime=inst.id,
        status=best.status,
        reason=f"{best.reason}{where}{force}",
        citation=best.obligation.fact.citation or inst.fact.citation,
        entry=best.obligation.id,
        list_version=inst.version,
        missing=best.missing,
        path=path,
        flags=flags,
        informational=informational,
        deadline=best.deadline,
    )


def cutoffs(kb: RegimeKB) -> frozenset[date]:
    """Every day an instrument's obligation compares an acquisition date with."""
    return frozenset(o.day for inst in kb.instruments.values() for o in inst.obligations if o.day)


def also(a: Answer) -> str:
    """A short line for another obligation that bites: its text and its day."""
    day = a.deadline or a.obligation.day
    return f"{a.obligation.text} ({a.obligation.kind} {day.isoformat() if day else 'no date yet'})"


def regimes_for(codes: tuple[str, ...], kb: RegimeKB, us: tuple[str, ...]) -> tuple[str, ...]:
    """The regime ids of the chosen jurisdictions: the US regimes for 'us', then every
    instrument of each other code in id order; an unknown code is a LookupFailure."""
    unknown = sorted(set(codes) - set(JURISDICTIONS))
    if unknown:
        raise LookupFailure(f"unknown jurisdiction {unknown}: choose from {', '.join(JURISDICTIONS)}")
    found = us if "us" in codes else ()
    for code in JURISDICTIONS[1:]:
        if code in codes:
            found += tuple(sorted(i for i, inst in kb.instruments.items() if inst.jurisdiction == code))
    return found
