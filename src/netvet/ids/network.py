"""Network parts and generations as inventories spell them: 'RAN', 'OSS/BSS', '4G/5G', 'FTTH'."""

import re

from netvet.model.jurisdiction import Generation, NetworkPart

PART_WORDS: dict[str, NetworkPart] = {
    "core": NetworkPart.CORE,
    "core network": NetworkPart.CORE,
    "5gc": NetworkPart.CORE,
    "epc": NetworkPart.CORE,
    "ran": NetworkPart.ACCESS,
    "ran access": NetworkPart.ACCESS,
    "access": NetworkPart.ACCESS,
    "radio access": NetworkPart.ACCESS,
    "radio access network": NetworkPart.ACCESS,
    "access network": NetworkPart.ACCESS,
    "fixed access": NetworkPart.ACCESS,
    "fibre access": NetworkPart.ACCESS,
    "fiber access": NetworkPart.ACCESS,
    "transport": NetworkPart.TRANSPORT,
    "transmission": NetworkPart.TRANSPORT,
    "backhaul": NetworkPart.TRANSPORT,
    "backbone": NetworkPart.TRANSPORT,
    "aggregation": NetworkPart.TRANSPORT,
    "management": NetworkPart.MANAGEMENT,
    "management oss": NetworkPart.MANAGEMENT,
    "oss": NetworkPart.MANAGEMENT,
    "oss bss": NetworkPart.MANAGEMENT,
    "nms": NetworkPart.MANAGEMENT,
    "network management": NetworkPart.MANAGEMENT,
    "managed service": NetworkPart.MANAGED_SERVICE,
    "managed services": NetworkPart.MANAGED_SERVICE,
}
GENERATION_WORDS: dict[str, tuple[Generation, ...]] = {
    "2g": (Generation.G2,),
    "gsm": (Generation.G2,),
    "3g": (Generation.G3,),
    "umts": (Generation.G3,),
    "wcdma": (Generation.G3,),
    "4g": (Generation.G4,),
    "lte": (Generation.G4,),
    "4g lte": (Generation.G4,),
    "lte a": (Generation.G4,),
    "5g": (Generation.G5,),
    "nr": (Generation.G5,),
    "5g nr": (Generation.G5,),
    "5g sa": (Generation.G5,),
    "5g nsa": (Generation.G4, Generation.G5),
    "fixed": (Generation.FIXED,),
    "fibre": (Generation.FIXED,),
    "fiber": (Generation.FIXED,),
    "full fibre": (Generation.FIXED,),
    "full fiber": (Generation.FIXED,),
    "ftth": (Generation.FIXED,),
    "fttp": (Generation.FIXED,),
    "gpon": (Generation.FIXED,),
    "xgs pon": (Generation.FIXED,),
    "dsl": (Generation.FIXED,),
    "cable": (Generation.FIXED,),
}


def words(text: str) -> str:
    """'Management/OSS' -> 'management oss'."""
    return " ".join(re.findall(r"[a-z0-9]+", text.casefold()))


def normalize_network_part(text: str) -> NetworkPart | None:
    """A network part from its usual spellings; None when not recognised."""
    return PART_WORDS.get(words(text))


def parse_generations(text: str) -> tuple[Generation, ...] | None:
    """'4G/5G' -> (4g, 5g); the pieces split on '/', ',', '+', ';' or ' and '; None when any
    piece is not recognised."""
    pieces = [words(p) for p in re.split(r"[/,+;&]| and ", text.casefold()) if words(p)]
    found = [GENERATION_WORDS.get(p) for p in pieces]
    if not found or any(f is None for f in found):
        return None
    return tuple(sorted({g for f in found if f for g in f}))
