"""Closed vocabularies of the domain: statuses, verdicts, tiers, categories, use classes."""

from collections.abc import Iterable
from enum import IntEnum, StrEnum
from operator import attrgetter
from typing import TypeVar


class Severity(IntEnum):
    """The one order of every graded answer (a regime's status, an asset's verdict, a screening
    verdict, a purchase decision): higher is graver."""

    NONE = 0
    UNSETTLED = 1
    REVIEW = 2
    BLOCKING = 3


# One table, keyed by the serialised word: the words of the graded vocabularies never clash, and
# a word means the same severity wherever it appears ('review' is review in all of them).
SEVERITY: dict[str, Severity] = {
    "not-covered": Severity.NONE,
    "clear": Severity.NONE,
    "allowed": Severity.NONE,
    "unknown": Severity.UNSETTLED,
    "conditions": Severity.UNSETTLED,
    "review": Severity.REVIEW,
    "needs-information": Severity.REVIEW,
    "covered": Severity.BLOCKING,
    "hit": Severity.BLOCKING,
    "prohibited": Severity.BLOCKING,
}


class Graded(StrEnum):
    """A closed vocabulary whose words are ordered by the one severity table."""

    @property
    def severity(self) -> Severity:
        """How grave this answer is, in the order every graded vocabulary shares."""
        return SEVERITY[self.value]


G = TypeVar("G", bound=Graded)


def most_severe(answers: Iterable[G], default: G) -> G:
    """The gravest answer (the first of equals), or the default when there is none."""
    return max(answers, key=attrgetter("severity"), default=default)


class Status(Graded):
    """What one regime says about one asset."""

    COVERED = "covered"
    REVIEW = "review"
    NOT_COVERED = "not-covered"
    UNKNOWN = "unknown"


class Verdict(Graded):
    """The most severe status over an asset's binding regimes."""

    COVERED = "covered"
    REVIEW = "review"
    CLEAR = "clear"
    UNKNOWN = "unknown"


# Kept for callers that rank verdicts by number: derived from the one severity table.
VERDICT_RANK: dict[Verdict, int] = {v: int(v.severity) for v in Verdict}


class ScreenVerdict(Graded):
    """What screening says about one party or one list hit: restricted, for a person, or nothing."""

    HIT = "hit"
    REVIEW = "review"
    CLEAR = "clear"


class Decision(Graded):
    """What the procurement gate says about one purchase line (or one regime's part of it)."""

    ALLOWED = "allowed"
    CONDITIONS = "conditions"
    NEEDS_INFORMATION = "needs-information"
    PROHIBITED = "prohibited"


class Tier(IntEnum):
    """Strength of one piece of evidence; higher is stronger."""

    KEYWORD = 1
    HEURISTIC = 2
    MULTI_FIELD = 3
    EXACT = 4

    @property
    def label(self) -> str:
        """The tier's name as printed in reports and JSON."""
        return {1: "keyword", 2: "heuristic", 3: "multi-field", 4: "exact"}[int(self)]


class Category(StrEnum):
    """Device categories; the category entries of the Covered List read these."""

    ROUTER = "router"
    CONSUMER_ROUTER = "consumer-router"
    SWITCH = "switch"
    FIREWALL = "firewall"
    OLT = "olt"
    ONT = "ont"
    CPE = "cpe"
    BASE_STATION = "base-station"
    MICROWAVE = "microwave"
    RADIO = "radio"
    RADIO_INFRASTRUCTURE = "radio-infrastructure"
    CAMERA = "camera"
    NVR = "nvr"
    DVR = "dvr"
    ACCESS_POINT = "access-point"
    PHONE = "phone"
    IP_PHONE = "ip-phone"
    MODEM = "modem"
    SERVER = "server"
    STORAGE = "storage"
    UAS = "uas"
    UAS_COMPONENT = "uas-component"
    INVERTER = "inverter"
    ROBOT = "robot"
    SECURITY_SOFTWARE = "security-software"
    OPTICAL_TRANSPORT = "optical-transport"
    POWER = "power"
    OTHER = "other"


class UseClass(StrEnum):
    """Intended use, as the use-qualified entries (Hytera, Hikvision, Dahua) read it."""

    PUBLIC_SAFETY = "public-safety"
    GOVERNMENT_FACILITY = "government-facility"
    CRITICAL_INFRASTRUCTURE = "critical-infrastructure"
    NATIONAL_SECURITY = "national-security"
    OTHER = "other"
    UNKNOWN = "unknown"

    @property
    def qualifies(self) -> bool:
        """True for the purposes named in NDAA FY2019 §889(f)(3)(B)."""
        return self not in (UseClass.OTHER, UseClass.UNKNOWN)


class ServiceType(StrEnum):
    """Kinds of service a carrier or organisation buys, as the services entries read them."""

    TRANSIT = "transit"
    INTERCONNECTION = "interconnection"
    ROAMING = "roaming"
    COLOCATION = "colocation"
    CLOUD = "cloud"
    MANAGED_SERVICE = "managed-service"
    MAINTENANCE = "maintenance"
    SOFTWARE = "software"

    @property
    def is_telecommunications(self) -> bool:
        """Carriage of traffic: what the §214 entries ('telecommunications services') name."""
        return self in (ServiceType.TRANSIT, ServiceType.INTERCONNECTION, ServiceType.ROAMING)

    @property
    def connects_third_party(self) -> bool:
        """A service connecting to a third party's facilities (interconnection, backhaul,
        roaming), which §889(a)(2)(A) excepts."""
        return self in (ServiceType.INTERCONNECTION, ServiceType.ROAMING)


class Relation(StrEnum):
    """Kinds of ownership and control edges between entities."""

    OWNS = "owns"
    CONTROLS = "controls"
    AFFILIATE = "affiliate"
    JOINT_VENTURE = "joint-venture"


class Scope(StrEnum):
    """What a designation covers."""

    EQUIPMENT = "equipment"
    SERVICES = "services"
    SOFTWARE = "software"


class LinkKind(StrEnum):
    """How an entity relates to a list's target entity: itself, up or down its ownership chain,
    under one group, or by an explicit edge."""

    SELF = "self"
    SUBSIDIARY = "subsidiary"
    PARENT = "parent"
    AFFILIATE = "affiliate"
    OWNS = "owns"
    CONTROLS = "controls"
    JOINT_VENTURE = "joint-venture"


class IssueSeverity(StrEnum):
    """How much an input problem matters: an error left something out, a warning is shown (and
    fails --strict), info is kept quietly."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Flag(StrEnum):
    """The fixed flags a determination can carry for reports and filters (regimes add open ones
    too, such as 'nexus-<limb>' and the scored ICTS criteria)."""

    UNVERIFIED = "rests-on-unverified-fact"
    EXPORT_SCREENING = "export-screening"
    PRC_COMPANY = "prc-company"
    PART_A = "part-a"
    PART_B_IF_FEDERAL_CONTRACTOR = "part-b-if-federal-contractor"
    EXCEPTION_THIRD_PARTY_CONNECTION = "exception-third-party-connection"
    EXCEPTION_NO_USER_DATA = "exception-no-user-data"
    NEW_AUTHORIZATION_BARRED = "new-authorization-barred"
    PREVIOUSLY_AUTHORIZED = "previously-authorized"
    CONTINUED_USE_ALLOWED = "continued-use-allowed"
    INSTALLED_AFTER_BAN = "installed-after-ban"
    REMOVAL_OVERDUE = "removal-overdue"
    REMOVAL_DEADLINE = "removal-deadline"
    NETWORK_PART_INFERRED = "network-part-inferred"
    REPORTABLE = "reportable"
    FOREIGN_ADVERSARY_NEXUS = "foreign-adversary-nexus"
