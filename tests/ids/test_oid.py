"""OID arcs are ASCII digits only; nothing an SNMP file holds reaches int() unchecked."""

from netvet.attribute.snmp import enterprise_of
from netvet.ids import normalize_oid, oid_arc


def test_arcs_are_ascii_digits_of_reasonable_length() -> None:
    assert oid_arc("2011") == 2011
    assert [oid_arc(t) for t in ("²", "١٢", "9" * 5000, "", "-1", "0x1f")] == [None] * 6
    assert normalize_oid(".1.3.6.1.4.1.2011") == "1.3.6.1.4.1.2011"
    assert normalize_oid("1.3.²") is None and normalize_oid("1..3") is None


def test_enterprise_of_refuses_odd_arcs_instead_of_raising() -> None:
    assert enterprise_of("1.3.6.1.4.1.2011.2.23") == 2011
    assert enterprise_of("1.3.6.1.4.1.²") is None
    assert enterprise_of("1.3.6.1.4.1." + "9" * 5000) is None
