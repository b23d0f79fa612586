"""Services: free-text service kinds and the context a service row gives the regimes."""

import pytest

from netvet.model import AssetContext, Observation, ServiceType, SourceRef
from netvet.regimes.services import category_service, classify_service, with_services


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("IP transit 10G", ServiceType.TRANSIT),
        ("international private line", ServiceType.TRANSIT),
        ("peering at LAX-IX", ServiceType.INTERCONNECTION),
        ("microwave backhaul", ServiceType.INTERCONNECTION),
        ("international roaming agreement", ServiceType.ROAMING),
        ("colocation rack (LA1)", ServiceType.COLOCATION),
        ("data centre space", ServiceType.COLOCATION),
        ("managed cloud firewall", ServiceType.MANAGED_SERVICE),
        ("IaaS hosting", ServiceType.CLOUD),
        ("antivirus update channel", ServiceType.MAINTENANCE),
        ("OLT maintenance contract", ServiceType.MAINTENANCE),
        ("endpoint anti-virus subscription", ServiceType.SOFTWARE),
        ("consulting", None),
        ("", None),
        (None, None),
    ],
)
def test_service_text_is_classified(text: str | None, kind: ServiceType | None) -> None:
    assert classify_service(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("IP transit service", ServiceType.TRANSIT),
        ("peering", ServiceType.INTERCONNECTION),
        ("data center switch", None),
        ("router", None),
        ("software", None),
    ],
)
def test_a_category_cell_is_a_service_only_when_it_says_so(text: str, kind: ServiceType | None) -> None:
    assert category_service(text) == kind


def test_a_service_row_sets_kind_text_third_party_and_servicer() -> None:
    obs = Observation(SourceRef("c.csv", "line 2"), service="roaming hub", serviced_by="ZTE Corp")
    found = with_services(AssetContext(), obs, lambda name: "zte-corporation" if "ZTE" in name else None)
    assert found.is_service
    assert (found.service, found.service_text) == (ServiceType.ROAMING, "roaming hub")
    assert found.third_party_service is True
    assert found.serviced_by == "zte-corporation"


def test_an_equipment_row_keeps_its_context() -> None:
    plain = AssetContext()
    assert with_services(plain, Observation(SourceRef("i.csv", "line 2"), category="router"), str) is plain
