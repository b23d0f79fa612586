"""Service contracts: detected by their header, each row a service of its provider."""

from pathlib import Path

from netvet.ingest import detect_format, read_contracts, read_source
from tests.conftest import ROOT

CONTRACTS = ROOT / "examples" / "contracts.csv"


def test_the_example_is_detected_and_read_as_services() -> None:
    assert detect_format(CONTRACTS) == "contracts"
    found, issues = read_source(CONTRACTS)
    assert len(found) == 8 and not [i for i in issues if i.severity != "info"]
    first = found[0]
    assert (first.vendor, first.service) == (
        "China Telecom (Americas) Corp.",
        "IP transit 10G to Los Angeles",
    )
    assert (first.acquired.isoformat(), first.contract_end.isoformat()) == ("2021-06-01", "2027-01-31")  # type: ignore[union-attr]
    assert first.funding == "USF high-cost support" and first.site == "Central Office Main St"


def test_an_inventory_is_not_taken_for_contracts() -> None:
    assert detect_format(ROOT / "examples" / "carrier_inventory.csv") == "inventory"


def test_a_row_naming_no_service_is_a_service_of_unknown_kind(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("Provider,Service,End Date\nChina Telecom Americas,,2027-01-01\nAcme,,not a date\n")
    found, issues = read_contracts(path)
    assert [o.service for o in found] == ["unspecified service", "unspecified service"]
    assert {(i.field, i.message) for i in issues} >= {
        ("service", "no service named: kind unknown"),
        ("contract_end", "not a date: 'not a date'"),
    }
