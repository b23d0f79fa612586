"""Network parts and generations as inventories spell them."""

import pytest

from netvet.ids import normalize_network_part, parse_generations
from netvet.model import Generation, NetworkPart


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Core", NetworkPart.CORE),
        ("RAN/Access", NetworkPart.ACCESS),
        ("Management/OSS", NetworkPart.MANAGEMENT),
        ("backhaul", NetworkPart.TRANSPORT),
        ("Managed services", NetworkPart.MANAGED_SERVICE),
        ("edge", None),
        ("", None),
    ],
)
def test_network_parts(text: str, part: NetworkPart | None) -> None:
    assert normalize_network_part(text) == part


@pytest.mark.parametrize(
    ("text", "generations"),
    [
        ("5G", (Generation.G5,)),
        ("4G/5G", (Generation.G4, Generation.G5)),
        ("LTE, NR", (Generation.G4, Generation.G5)),
        ("5G NSA", (Generation.G4, Generation.G5)),
        ("FTTP", (Generation.FIXED,)),
        ("GSM and UMTS", (Generation.G2, Generation.G3)),
        ("5G/wifi", None),
        ("", None),
    ],
)
def test_generations(text: str, generations: tuple[Generation, ...] | None) -> None:
    assert parse_generations(text) == generations
