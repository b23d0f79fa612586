"""Determinations per regime, the asset context they read, and the finding per asset."""

from dataclasses import dataclass
from datetime import date

from netvet.model.applied import AppliedMitigation, AppliedReview
from netvet.model.attribution import Attribution
from netvet.model.jurisdiction import Generation, NetworkPart
from netvet.model.observation import Observation
from netvet.model.vocab import ServiceType, Status, UseClass, Verdict, most_severe


@dataclass(frozen=True, slots=True)
class Organisation:
    """The organisation whose network or purchase is judged; None means the fact is not known."""

    federal_contractor: bool | None = None
    usf_recipient: bool | None = None
    customers: int | None = None


@dataclass(frozen=True, slots=True)
class AssetContext:
    """Facts about how an asset is used and was obtained, which regimes read.

    `third_party_service`: a service connecting to a third party's facilities (backhaul, roaming,
    interconnection), §889(a)(2)(A); `handles_user_data`: whether the equipment can route or
    redirect user data traffic or see user data or packets, §889(a)(2)(B); `serviced_by` (kb entity
    id) and `service_country`: who operates, maintains, repairs, updates or services it (15 CFR
    791.1(a)(1)); `network_part` and `generation`: where in which network it sits, as the
    inventory says (other countries' instruments read them). `service_text` is set when the asset
    is a service (a contract or purchase of transit, cloud, maintenance...), `service` its kind when
    the text names one. None means the fact is not known."""

    use: UseClass = UseClass.UNKNOWN
    use_text: str | None = None
    acquired: date | None = None
    funding: str | None = None
    first_authorized: date | None = None
    conditional_approval: bool | None = None
    organisation: Organisation = Organisation()
    third_party_service: bool | None = None
    handles_user_data: bool | None = None
    serviced_by: str | None = None
    service_country: str | None = None
    network_part: NetworkPart | None = None
    generation: tuple[Generation, ...] = ()
    service: ServiceType | None = None
    service_text: str | None = None

    @property
    def is_service(self) -> bool:
        """True when the asset is a service rather than a piece of equipment."""
        return self.service is not None or bool(self.service_text)


@dataclass(frozen=True, slots=True, kw_only=True)
class Determination:
    """What one regime says about one asset as of a date, and why."""

    regime: str
    status: Status
    reason: str
    citation: str
    entry: str | None = None
    list_version: date | None = None
    missing: tuple[str, ...] = ()
    path: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    informational: bool = False
    updates_allowed_until: date | None = None
    deadline: date | None = None


STATUS_TO_VERDICT = {
    Status.COVERED: Verdict.COVERED,
    Status.REVIEW: Verdict.REVIEW,
    Status.NOT_COVERED: Verdict.CLEAR,
    Status.UNKNOWN: Verdict.UNKNOWN,
}


def verdict_of(determinations: tuple[Determination, ...]) -> Verdict:
    """The most severe status of the binding (non-informational) determinations."""
    binding = [STATUS_TO_VERDICT[d.status] for d in determinations if not d.informational]
    if not binding:
        known = determinations and all(d.status != Status.UNKNOWN for d in determinations)
        return Verdict.CLEAR if known else Verdict.UNKNOWN
    return most_severe(binding, Verdict.UNKNOWN)


@dataclass(frozen=True, slots=True)
class Finding:
    """An asset, its attribution, its determinations and its verdict; after the regimes, the
    review decision and the mitigation agreement that apply (see `model.applied`)."""

    asset: str
    observations: tuple[Observation, ...]
    attribution: Attribution
    context: AssetContext
    determinations: tuple[Determination, ...]
    verdict: Verdict
    review: AppliedReview | None = None
    mitigation: AppliedMitigation | None = None
