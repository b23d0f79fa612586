"""Hypothesis strategies for hostile input files: arbitrary bytes, and texts shaped like each
format with hostile values in their fields."""

from hypothesis import strategies as st

from netvet.ingest.columns import SYNONYMS

# Values a hostile or broken export holds: formulas, look-alikes, huge numbers, odd digits.
NASTY = st.sampled_from(
    [
        "",
        " ",
        "=cmd|'/C calc'!A0",
        "+1",
        "-3.5",
        "@SUM(A1)",
        "\tx",
        "Huаwei",
        "华为",
        "²³",
        "9" * 5000,
        "1." * 400 + "1",
        "00:1A:2B:3C:4D:5E",
        "001a.2b3c.4d5e",
        "zz:zz:zz:zz:zz:zz",
        "9999-12-31",
        "0000-00-00",
        "NaN",
        "inf",
        "-1e309",
        "\x00",
        "\ufeff",
        "\u202e",
        "a" * 5000,
        "x" * 70_000,
        '"',
        "ZTE Corporation",
        "Hikvision",
    ]
)
CELL = st.one_of(NASTY, st.text(max_size=40))
LINE_CELL = CELL.map(lambda s: s.replace("\n", " ").replace("\r", " "))
HEADER = st.one_of(st.sampled_from([w for words in SYNONYMS.values() for w in words]), st.text(max_size=12))
HEADERS = st.lists(HEADER.map(lambda s: s.replace("\n", " ").replace("\r", " ")), min_size=1, max_size=8)
ARC = st.one_of(st.integers(0, 2**32).map(str), st.sampled_from(["9" * 5000, "²", "-1", "", "0x1f", "١"]))
OID = st.lists(ARC, min_size=1, max_size=14).map(".".join)
KNOWN_OID = st.sampled_from(
    [
        "1.3.6.1.2.1.1.1.0",
        "1.3.6.1.2.1.1.2.0",
        "1.3.6.1.2.1.1.5.0",
        "1.3.6.1.2.1.2.2.1.6.1",
        "1.3.6.1.2.1.47.1.1.1.1.12.1",
        "1.3.6.1.2.1.47.1.1.1.1.13.1",
        "1.0.8802.1.1.2.1.4.1.1.5.0.1.1",
        "1.3.6.1.2.1.4.22.1.2.1.10.0.0.1",
        "1.3.6.1.2.1.17.4.3.1.1.0.1.2.3.4.5",
        "1.3.6.1.2.1.17.4.3.1.3.0.1.2.3.4.5",
        "1.3.6.1.4.1.9.9.23.1.2.1.1.6.1.1",
    ]
)
ANY_OID = st.one_of(KNOWN_OID, OID, st.tuples(KNOWN_OID, ARC).map(".".join))
SNMP_TYPE = st.sampled_from(["4", "4x", "6", "2", "64x", "x", "", "66", "4x4x"])
SNMP_VALUE = st.one_of(
    LINE_CELL, st.binary(max_size=12).map(bytes.hex), st.sampled_from(["1.3.6.1.4.1." + "9" * 5000])
)
SNMPREC_LINE = st.tuples(ANY_OID, SNMP_TYPE, SNMP_VALUE).map("|".join)
WALK_TYPE = st.sampled_from(["STRING", "Hex-STRING", "OID", "INTEGER", "Timeticks", "", "Gauge32"])
WALK_NAME = st.one_of(
    ANY_OID,
    ANY_OID.map(lambda o: "." + o),
    st.sampled_from(["SNMPv2-MIB::sysDescr.0", "IF-MIB::ifPhysAddress.1", "SNMPv2-MIB::sysDescr", "X::y.1"]),
)
WALK_LINE = st.one_of(
    st.tuples(WALK_NAME, WALK_TYPE, SNMP_VALUE).map(lambda t: f"{t[0]} = {t[1]}: {t[2]}"),
    st.tuples(WALK_NAME, SNMP_VALUE).map(lambda t: f"{t[0]} = {t[1]}"),
    LINE_CELL,
)
