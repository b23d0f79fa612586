"""What one regime's determination means for a purchase, given who is buying and how it is paid.

A regime says whether the item is covered; whether that forbids *this* purchase depends on the
rule's role: prohibitions bind some buyers (§889 binds federal contractors; the FCC subsidy rules
bind USF and FCC-subsidy money, which that regime weighs itself; the Covered List bars
authorization and marketing for all),
obligations (annual reporting) attach conditions, and screening or informational lists ask for a
recorded decision. A regime this table does not know is read as a prohibition binding everyone.
"""

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from netvet.model import AssetContext, Determination, Status
from netvet.model.vocab import Flag
from netvet.purchase.model import Decision, RegimeDecision


class Role(StrEnum):
    """What kind of rule a regime is, for a buyer."""

    PROHIBITION = "prohibition"
    OBLIGATION = "obligation"
    SCREENING = "screening"
    INFORMATIONAL = "informational"


Binds = Callable[[AssetContext], tuple[bool | None, str]]


def binds_everyone(ctx: AssetContext) -> tuple[bool | None, str]:
    """The Covered List bars new authorization, import and marketing of covered equipment."""
    return True, "binds every buyer"


def binds_federal_contractor(ctx: AssetContext) -> tuple[bool | None, str]:
    """§889 binds agencies and, through FAR 52.204-24/-25/-26, federal contractors."""
    contractor = ctx.organisation.federal_contractor
    if contractor is None:
        return None, "whether the buyer is a federal contractor"
    if contractor:
        return True, "the buyer is a federal contractor"
    return (
        False,
        "§889 binds agencies and federal contractors (and federal grant or loan funds); the buyer is neither",
    )


@dataclass(frozen=True, slots=True)
class RegimeRole:
    """A regime's role for a buyer and which buyers its prohibition binds."""

    role: Role
    binds: Binds = binds_everyone


ROLES: dict[str, RegimeRole] = {
    "fcc-covered-list": RegimeRole(Role.PROHIBITION),
    # The subsidy regime itself weighs the funding source and whether the buyer takes USF.
    "fcc-subsidy": RegimeRole(Role.PROHIBITION),
    "ndaa-889": RegimeRole(Role.PROHIBITION, binds_federal_contractor),
    "icts-791": RegimeRole(Role.PROHIBITION),
    "fcc-annual-report": RegimeRole(Role.OBLIGATION),
    "fcc-reimbursement": RegimeRole(Role.INFORMATIONAL),
    "ear-entity-list": RegimeRole(Role.SCREENING),
    "dod-1260h": RegimeRole(Role.INFORMATIONAL),
}
DEFAULT_ROLE = RegimeRole(Role.PROHIBITION)


def role_of(d: Determination) -> RegimeRole:
    """The regime's role; a determination marked informational is informational."""
    if d.informational:
        return RegimeRole(Role.INFORMATIONAL)
    return ROLES.get(d.regime, DEFAULT_ROLE)


def decide(d: Determination, ctx: AssetContext, party: str = "product") -> RegimeDecision:
    """The purchase decision one determination leads to."""
    role = role_of(d)
    if d.status == Status.NOT_COVERED:
        return not_covered(d, party)
    if d.status == Status.UNKNOWN:
        return RegimeDecision(d, Decision.NEEDS_INFORMATION, d.reason, d.missing or ("manufacturer",), party)
    if role.role != Role.PROHIBITION:
        return non_binding(d, role.role, party)
    bound, why = role.binds(ctx)
    if bound is None:
        reason = f"{d.reason}; whether this binds the purchase is unknown: {why}"
        return RegimeDecision(d, Decision.NEEDS_INFORMATION, reason, (*d.missing, why), party)
    if not bound:
        return RegimeDecision(d, Decision.ALLOWED, f"{d.reason}; but {why}", (), party)
    return binding(d, why, party)


def not_covered(d: Determination, party: str) -> RegimeDecision:
    """Not covered: allowed, with a condition when the regime saw a foreign-adversary nexus."""
    if Flag.FOREIGN_ADVERSARY_NEXUS in d.flags:
        reason = f"{d.reason}; record the supply-chain risk assessment for this foreign-adversary nexus"
        return RegimeDecision(d, Decision.CONDITIONS, reason, (), party)
    return RegimeDecision(d, Decision.ALLOWED, d.reason, (), party)


def non_binding(d: Determination, role: Role, party: str) -> RegimeDecision:
    """Obligations, screening and informational lists attach conditions, not a ban; an
    informational rule's open question (a policy's or proposal's review) is a condition too,
    never a block."""
    if d.status == Status.REVIEW and role != Role.INFORMATIONAL:
        return RegimeDecision(
            d, Decision.NEEDS_INFORMATION, d.reason, d.missing or ("review decision",), party
        )
    then = {
        Role.OBLIGATION: "buying it creates the obligation",
        Role.SCREENING: "export-side screening, not a purchase ban: do not supply or export to this party",
        Role.INFORMATIONAL: "informational, not a ban by itself: record the decision to buy",
    }[role]
    return RegimeDecision(d, Decision.CONDITIONS, f"{d.reason}; {then}", (), party)


def binding(d: Determination, why: str, party: str) -> RegimeDecision:
    """A prohibition that binds the buyer: covered is prohibited unless continued use is allowed;
    review needs the missing facts, except a removal deadline still ahead with nothing missing,
    which allows the purchase on condition it is removed again by then."""
    if d.status == Status.REVIEW and Flag.REMOVAL_DEADLINE in d.flags and not d.missing:
        reason = f"{d.reason}; buying it means removing it again by {d.deadline}"
        return RegimeDecision(d, Decision.CONDITIONS, reason, (), party)
    if d.status == Status.REVIEW:
        return RegimeDecision(
            d, Decision.NEEDS_INFORMATION, d.reason, d.missing or ("review decision",), party
        )
    if Flag.CONTINUED_USE_ALLOWED in d.flags:
        until = f" until {d.updates_allowed_until.isoformat()}" if d.updates_allowed_until else ""
        reason = f"{d.reason}; a previously authorized model may still be sold and used (updates{until})"
        return RegimeDecision(d, Decision.CONDITIONS, reason, (), party)
    return RegimeDecision(d, Decision.PROHIBITED, f"{d.reason} ({why})", (), party)
