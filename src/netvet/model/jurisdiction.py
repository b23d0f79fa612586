"""Other countries' rules as data: one instrument (a law, direction, licence condition, contract,
policy or proposal) with its vendors, the network parts it reaches and its dated obligations."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from netvet.model.sources import Source


class NetworkPart(StrEnum):
    """Where in a network an asset sits (3GPP/NCSC usage): the parts instruments name."""

    CORE = "core"
    ACCESS = "access"
    TRANSPORT = "transport"
    MANAGEMENT = "management"
    MANAGED_SERVICE = "managed-service"


class Generation(StrEnum):
    """Which network an asset serves: mobile generations, or fixed (fibre, copper, cable)."""

    G2 = "2g"
    G3 = "3g"
    G4 = "4g"
    G5 = "5g"
    FIXED = "fixed"


class InstrumentStatus(StrEnum):
    """What kind of instrument it is; policies and proposals have no force of law."""

    LAW = "law"
    DIRECTION = "direction"
    LICENCE_CONDITION = "licence-condition"
    CONTRACT = "contract"
    POLICY = "policy"
    PROPOSAL = "proposal"

    @property
    def binding(self) -> bool:
        """True for instruments that bind the operator (law, direction, licence, contract)."""
        return self not in (InstrumentStatus.POLICY, InstrumentStatus.PROPOSAL)


class ObligationKind(StrEnum):
    """What an obligation asks of the operator."""

    NO_NEW_INSTALLS = "no-new-installs"
    REMOVE_BY = "remove-by"
    CAP_SHARE = "cap-share"
    RESTRICT = "restrict"


@dataclass(frozen=True, slots=True)
class Fact:
    """Where a fact of an instrument comes from, and whether a primary source confirmed it."""

    citation: str
    sources: tuple[Source, ...] = ()
    verified: bool = True


@dataclass(frozen=True, slots=True)
class Vendor:
    """A vendor an instrument names (a kb entity, with its subsidiaries), from a day on."""

    entity: str
    since: date | None = None
    fact: Fact = Fact("")


@dataclass(frozen=True, slots=True)
class Obligation:
    """One dated obligation: its kind, the day it bites, the parts and networks it reaches.

    `day` None means the instrument sets no day yet (`after` says what it waits for);
    `networks` empty means every network; `condition` is a fact netvet cannot read from an
    inventory (e.g. a site significant to national security), asked for as a review."""

    id: str
    kind: ObligationKind
    text: str
    day: date | None
    parts: frozenset[NetworkPart]
    fact: Fact
    networks: frozenset[Generation] = frozenset()
    share: float | None = None
    after: str | None = None
    condition: str | None = None


@dataclass(frozen=True, slots=True)
class Instrument:
    """One instrument of one jurisdiction, read from its own data file (the file's date is the
    version a determination cites)."""

    id: str
    jurisdiction: str
    authority: str
    title: str
    issued: date
    status: InstrumentStatus
    vendors: tuple[Vendor, ...]
    obligations: tuple[Obligation, ...]
    fact: Fact
    version: date
    criteria: str | None = None
    all_vendors: bool = False
    instrument: str = ""
