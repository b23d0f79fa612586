from datetime import date

import pytest

from netvet.ids import (
    is_locally_administered,
    is_multicast,
    normalize_country,
    normalize_ip,
    normalize_mac,
    parse_amount,
    parse_date,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("001A.2B3C.4D5E", "00:1a:2b:3c:4d:5e"),
        ("00-1a-2b-3c-4d-5e", "00:1a:2b:3c:4d:5e"),
        ("001A2B3C4D5E", "00:1a:2b:3c:4d:5e"),
        ("0:1a:2b:3c:4d:5e", "00:1a:2b:3c:4d:5e"),
        (" 00:E0:FC:12:34:56 ", "00:e0:fc:12:34:56"),
        ("n/a", None),
        ("zz:zz:zz:00:11:22", None),
        ("00:11:22:33:44", None),
        ("", None),
        (None, None),
    ],
)
def test_normalize_mac(text: str | None, expected: str | None) -> None:
    assert normalize_mac(text) == expected


def test_local_and_multicast_bits() -> None:
    assert is_locally_administered("02:00:00:00:00:01")
    assert is_locally_administered("da:a1:19:00:00:01")
    assert not is_locally_administered("00:e0:fc:12:34:56")
    assert is_multicast("01:00:5e:00:00:fb")
    assert not is_multicast("00:e0:fc:12:34:56")


def test_dates_amounts_countries_ips() -> None:
    assert parse_date("2019-03-14") == date(2019, 3, 14)
    assert parse_date("3/14/2019") == date(2019, 3, 14)
    assert parse_date("March 12, 2021") == date(2021, 3, 12)
    assert parse_date("2019-13-45") is None
    assert parse_amount("$1,234.50") == 1234.5
    assert parse_amount("n/a") is None
    assert normalize_country("China") == "CN"
    assert normalize_country("CHN") == "CN"
    assert normalize_country("usa") == "US"
    assert normalize_country("Atlantis") is None
    assert normalize_ip("10.0.0.300") is None
    assert normalize_ip("10.0.0.3") == "10.0.0.3"
