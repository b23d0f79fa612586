"""Closed vocabularies of the domain: statuses, verdicts, tiers, categories, use classes."""

from enum import IntEnum, StrEnum


class Status(StrEnum):
    """What one regime says about one asset."""

    COVERED = "covered"
    REVIEW = "review"
    NOT_COVERED = "not-covered"
    UNKNOWN = "unknown"


class Verdict(StrEnum):
    """The most severe status over an asset's binding regimes."""

    COVERED = "covered"
    REVIEW = "review"
    CLEAR = "clear"
    UNKNOWN = "unknown"


VERDICT_RANK: dict[Verdict, int] = {
    Verdict.CLEAR: 0,
    Verdict.UNKNOWN: 1,
    Verdict.REVIEW: 2,
    Verdict.COVERED: 3,
}


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
