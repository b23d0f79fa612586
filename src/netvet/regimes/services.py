"""Classify free-text service descriptions into the kinds of service the list entries read.

The Covered List's §214 entries name telecommunications services (carriage: transit,
interconnection, roaming); the Huawei/ZTE and use-qualified entries name telecommunications or
video surveillance services provided by the company; the Kaspersky entries name information
security software and services. A service text naming no known kind is answered as unknown (the
regimes then ask which service it is), never guessed.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from netvet.model import AssetContext, Observation, ServiceType


@dataclass(frozen=True, slots=True)
class ServiceWords:
    """One kind of service and the words that name it."""

    kind: ServiceType
    pattern: re.Pattern[str]


def words(kind: ServiceType, pattern: str) -> ServiceWords:
    """ServiceWords matching case-insensitively on word boundaries."""
    return ServiceWords(kind, re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE))


# Tried in order: the narrower kinds first, so 'managed cloud firewall' is a managed service and
# 'antivirus update channel' is maintenance (an update channel), not software.
SERVICE_WORDS = (
    words(ServiceType.ROAMING, r"roaming|roam"),
    words(ServiceType.INTERCONNECTION, r"interconnect\w*|peering|peer|backhaul|cross[- ]?connects?|ix port"),
    words(
        ServiceType.TRANSIT,
        r"ip transit|transit|internet access|dia|upstream|private line|iplc|ipl|mpls|wavelengths?|"
        r"leased lines?|international (?:voice|circuits?|telecom\w*|bandwidth)|voice termination|"
        r"sip trunk\w*|long distance|carriage|bandwidth|capacity",
    ),
    words(
        ServiceType.COLOCATION, r"colo|colocation|co-location|data ?cent(?:er|re)s?|rack space|cabinet space"
    ),
    words(
        ServiceType.MANAGED_SERVICE,
        r"managed|outsourc\w*|noc|soc|network operations|monitoring service|operations service",
    ),
    words(ServiceType.CLOUD, r"cloud|iaas|paas|saas|hosting|hosted|cdn|content delivery"),
    words(
        ServiceType.MAINTENANCE,
        r"maintenance|maintain\w*|support contract|repairs?|update channel|updates?|patch\w*|"
        r"field service|technicians?|installation|install\w*|servicing",
    ),
    words(ServiceType.SOFTWARE, r"software|licen[cs]e\w*|subscriptions?|anti-?virus|endpoint protection"),
)
# A Category cell holds a device kind far more often than a service: it is read as a service
# only when it says so ('IP transit service', 'peering', 'colocation').
SERVICE_SIGNAL = re.compile(
    r"\b(?:services?|transit|peering|roaming|colocation|interconnection|cross[- ]?connect)\b", re.IGNORECASE
)


def classify_service(text: str | None) -> ServiceType | None:
    """The first kind of service the text names; None when empty or naming none."""
    if not text or not text.strip():
        return None
    return next((w.kind for w in SERVICE_WORDS if w.pattern.search(text)), None)


def category_service(text: str | None) -> ServiceType | None:
    """The kind of service a Category cell names, when it plainly names a service."""
    if not text or not SERVICE_SIGNAL.search(text):
        return None
    return classify_service(text)


def third_party(kind: ServiceType | None) -> bool | None:
    """Interconnection and roaming connect to a third party's facilities (§889(a)(2)(A)); for
    any other service, or none, the fact is unknown."""
    return True if kind is not None and kind.connects_third_party else None


# The observation fields with_services reads.
SERVICE_READS = ("service", "category", "serviced_by", "service_country")


def with_services(ctx: AssetContext, obs: Observation, resolve: Callable[[str], str | None]) -> AssetContext:
    """The context with what the observation says about services: the service it is (its Service
    column, or a Category cell that plainly names one) and who services or updates it (a name the
    entity matcher resolves)."""
    kind = classify_service(obs.service) or category_service(obs.category)
    text = obs.service or (obs.category if kind is not None else None)
    if text is None and not obs.serviced_by and not obs.service_country:
        return ctx
    servicer = obs.serviced_by.strip() if obs.serviced_by else ""
    return replace(
        ctx,
        service=kind,
        service_text=text,
        third_party_service=third_party(kind) if ctx.third_party_service is None else ctx.third_party_service,
        serviced_by=resolve(servicer) if servicer else ctx.serviced_by,
        service_country=obs.service_country or ctx.service_country,
    )
