"""The product-line table kb/data/products.yaml, read as data (the loader lives elsewhere).

Every row names a product line, model series or OS, its maker (a kb entity or a registry name) and
its sources; these tests hold the table to its schema and check, with a small reference matcher
that follows the documented match kinds, that the covered groups' lines name the right makers.
"""

import csv
import gzip
import re
from collections.abc import Iterator
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from netvet.kb.loader import DATA_DIR
from netvet.model.vocab import Category

PRODUCTS = DATA_DIR / "products.yaml"
ROW_KEYS = {
    *("id", "name", "match", "pattern", "maker", "category"),
    *("kind", "strength", "reason", "sources", "verified"),
}
KINDS = {"os", "product-line", "model-series", "software"}
MATCHES = {"word", "prefix", "regex"}
# Names that are ordinary words or shared between makers: never a strong whole-word match.
COMMON_WORDS = {
    "mini",
    "air",
    "phantom",
    "edge",
    "nova",
    "inspire",
    "spark",
    "panorama",
    "eos",
    "ios",
    "ilo",
    "catalyst",
    "nexus",
    "summit",
    "rocket",
    "spot",
    "dock",
    "go",
    "deco",
    "archer",
    "balance",
}

Row = dict[str, Any]


@cache
def table() -> dict[str, Any]:
    loaded = yaml.safe_load(PRODUCTS.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def rows() -> list[Row]:
    products = table()["products"]
    assert isinstance(products, list)
    return products


@cache
def entity_ids() -> frozenset[str]:
    entities = yaml.safe_load((DATA_DIR / "entities.yaml").read_text(encoding="utf-8"))["entities"]
    return frozenset(e["id"] for e in entities)


def packaged_registry_names() -> Iterator[str]:
    with gzip.open(DATA_DIR / "ieee_registry.csv.gz", "rt", encoding="utf-8") as f:
        yield from (r["organization"].strip() for r in csv.DictReader(f))
    with gzip.open(DATA_DIR / "pens.csv.gz", "rt", encoding="utf-8") as f:
        yield from (r["organization"].strip() for r in csv.DictReader(f))


def shared_registry_names(shared: Path) -> Iterator[str]:
    for path in sorted((shared / "ieee").glob("*.csv")):
        with path.open(encoding="utf-8") as f:
            yield from (r["Organization Name"].strip() for r in csv.DictReader(f))
    for line in (shared / "iana-pen" / "enterprises.tsv").read_text(encoding="utf-8").splitlines():
        number, _, name = line.partition("\t")
        if number.isdigit():
            yield name.split("\t#")[0].strip()


def matches(row: Row, text: str) -> bool:
    """Reference reading of the three match kinds documented in the file header."""
    if row["match"] == "regex":
        return re.search(row["pattern"], text, re.IGNORECASE) is not None
    name = re.escape(row["name"])
    if row["match"] == "prefix":
        return re.search(rf"(?<![A-Za-z0-9]){name}[A-Za-z0-9]", text, re.IGNORECASE) is not None
    return re.search(rf"(?<!\w){name}(?!\w)", text, re.IGNORECASE) is not None


def makers_for(text: str) -> set[str]:
    return {row["maker"] for row in rows() if matches(row, text)}


def owners_of(row_id: str) -> list[dict[str, Any]]:
    row = next(r for r in rows() if r["id"] == row_id)
    owners = row.get("owners")
    assert isinstance(owners, list)
    return owners


def test_header_and_size() -> None:
    assert table()["schema"] == "netvet.products/1"
    assert isinstance(table()["retrieved"], date)
    assert len(rows()) >= 400


def test_every_row_has_the_schema_fields_and_vocabularies() -> None:
    categories = {c.value for c in Category}
    for row in rows():
        assert ROW_KEYS <= set(row) <= ROW_KEYS | {"owners"}, row["id"]
        assert re.fullmatch(r"[a-z0-9-]+", row["id"]), row["id"]
        assert isinstance(row["name"], str) and row["name"].strip(), row["id"]
        assert row["match"] in MATCHES, row["id"]
        assert row["kind"] in KINDS, row["id"]
        assert row["strength"] in {"strong", "weak"}, row["id"]
        assert row["category"] is None or row["category"] in categories, row["id"]
        assert isinstance(row["verified"], bool), row["id"]
        assert isinstance(row["reason"], str) and len(row["reason"]) > 10, row["id"]


def test_ids_are_unique() -> None:
    ids = [row["id"] for row in rows()]
    assert len(ids) == len(set(ids))


def test_every_row_has_a_dated_source_with_an_address() -> None:
    for row in rows():
        assert row["sources"], row["id"]
        for source in row["sources"]:
            assert source["title"].strip(), row["id"]
            assert re.match(r"https?://\S+$", source["url"]), row["id"]
            assert isinstance(source["retrieved"], date), row["id"]


def test_at_least_half_of_rows_are_confirmed_by_their_source() -> None:
    verified = sum(row["verified"] for row in rows())
    assert verified >= len(rows()) // 2


def test_unconfirmed_rows_still_carry_a_specific_page() -> None:
    """An unverified row names the best page at hand, never a registry listing as a stand-in."""
    for row in rows():
        for source in row["sources"]:
            assert "iana.org/assignments" not in source["url"] or row["verified"], row["id"]


def test_patterns_compile_without_lookbehind_and_only_on_regex_rows() -> None:
    for row in rows():
        if row["match"] == "regex":
            assert isinstance(row["pattern"], str), row["id"]
            assert "(?<" not in row["pattern"].replace("(?<P", ""), row["id"]
            re.compile(row["pattern"], re.IGNORECASE)
            assert re.search(row["pattern"], "", re.IGNORECASE) is None, row["id"]
        else:
            assert row["pattern"] is None, row["id"]


def test_prefixes_are_specific_model_number_stems() -> None:
    for row in rows():
        if row["match"] == "prefix":
            stem = row["name"]
            assert len(stem) >= 3 and re.search(r"[A-Za-z]", stem), row["id"]
            assert not re.fullmatch(r"[A-Za-z]{1,3}-?", stem), row["id"]


def test_common_words_are_never_strong_whole_word_names() -> None:
    for row in rows():
        if row["match"] == "word":
            assert row["name"].lower() not in COMMON_WORDS, row["id"]


def test_every_maker_and_owner_resolves(shared: Path) -> None:
    names = set(packaged_registry_names()) | set(shared_registry_names(shared))
    for row in rows():
        for maker in [row["maker"], *(o["maker"] for o in row.get("owners") or [])]:
            if maker.startswith("org:"):
                assert maker[4:] in names, (row["id"], maker)
            else:
                assert maker in entity_ids(), (row["id"], maker)


def test_owner_periods_are_ordered_and_do_not_overlap() -> None:
    for row in rows():
        owners = row.get("owners") or []
        for i, owner in enumerate(owners):
            start, end = owner["from"], owner["to"]
            assert start is None or isinstance(start, date), row["id"]
            assert end is None or isinstance(end, date), row["id"]
            assert start is None or end is None or start < end, row["id"]
            assert (start is None) == (i == 0 and start is None), row["id"]
            assert (end is None) <= (i == len(owners) - 1), row["id"]
            if i:
                before = owners[i - 1]["to"]
                assert before is not None and start is not None and before <= start, row["id"]


COVERED_TEXTS = {
    "huawei-technologies": [
        "Huawei Versatile Routing Platform Software VRP (R) software, Version 8.180",
        "S5720-28X-SI-AC",
        "CE6865-48S8CQ-EI",
        "NE40E-X8A",
        "OptiX OSN 1800",
        "OptiX RTN 950",
        "EchoLife HG8245H",
        "OptiXstar HG8145X6",
        "SmartAX MA5800-X7",
        "MA5683T",
        "AirEngine 5760-51",
        "OceanStor Dorado 5000",
        "iMaster NCE-Campus",
        "eSight",
        "Quidway S3700",
        "NetEngine AR6120",
        "CloudEngine S5731-S24T4X",
        "SUN2000-5KTL-M1",
    ],
    "zte-corporation": [
        "ZXR10 M6000-S",
        "ZXA10 C600",
        "ZXHN F670L",
        "ZXCTN 6180H",
        "ZXMP S385",
        "ZXSDR BS8700",
        "ZXUN xGW",
        "ZTE ZXROS Software",
    ],
    "hikvision": [
        "DS-2CD2143G2-IS",
        "DS-7608NI-I2/8P",
        "iDS-2CD7146G0-IZS",
        "HikCentral Professional",
        "iVMS-4200",
        "DS-2DE4425IW-DE",
        "HiLook",
        "HiWatch",
        "Hikvision-Webs",
    ],
    "dahua-technology": [
        "DH-IPC-HFW2431S-S-S2",
        "DHI-NVR4216-16P-4KS2",
        "IPC-HDW4431C-A",
        "IPC-HDBW2431E-S",
        "XVR5108HS-I3",
        "SmartPSS",
        "DSS Pro",
    ],
    "hytera": ["PD785G", "MD785", "HP78X", "HM78X", "RD985", "HR1065", "PT580H", "Hytera SmartDispatch"],
    "dji": [
        "DJI Mavic 3",
        "DJI Phantom 4 RTK",
        "Matrice 300 RTK",
        "DJI Mini 4 Pro",
        "DJI Air 3",
        "DJI Inspire 3",
        "Agras T40",
        "Zenmuse H20T",
        "DJI Dock 2",
        "DJI Pilot 2",
    ],
    "ao-kaspersky-lab": [
        "Kaspersky Security Center 14",
        "Kaspersky Endpoint Security for Linux",
        "Kaspersky Network Agent",
        "KasperskyOS",
    ],
}
SUBSIDIARY_TEXTS = {
    "ezviz": "EZVIZ C6N",
    "huacheng": "Imou Ranger 2",
    "lorex": "Lorex 4K NVR",
    "hikmicro": "HIKMICRO Pocket2",
    "hikrobot": "Hikrobot",
    "honor": "Honor Magic 5",
    "sepura": "Sepura SC20",
}
OTHER_MAKERS_TEXTS = [
    "Cisco IOS Software, C2960X Software",
    "Juniper Networks, Inc. ex4300-48t Ethernet Switch, JUNOS 21.4R3",
    "Linux 5.10 armv7l",
    "AXIS P1448-LE Network Camera",
    "Brother NC-8300h",
    "HP ETHERNET MULTI-ENVIRONMENT",
    "RouterOS RB4011iGS+",
    "FortiGate-60F v7.2.5",
    "Synology DiskStation DS920+",
    "APC Web/SNMP Management Card",
]
COVERED_BRANDS = {"ezviz", "huacheng", "hikmicro", "hikrobot", "huawei-digital-power", "honor"}


@pytest.mark.parametrize("maker", sorted(COVERED_TEXTS))
def test_covered_group_lines_name_their_maker(maker: str) -> None:
    for text in COVERED_TEXTS[maker]:
        assert maker in makers_for(text), text


def test_covered_subsidiary_brands_name_the_brand_owner() -> None:
    for maker, text in SUBSIDIARY_TEXTS.items():
        assert maker in makers_for(text), text


def test_other_makers_text_does_not_name_a_covered_group() -> None:
    covered = set(COVERED_TEXTS) | COVERED_BRANDS
    for text in OTHER_MAKERS_TEXTS:
        assert not makers_for(text) & covered, (text, makers_for(text) & covered)


def test_dated_lines_answer_by_date() -> None:
    fusion = owners_of("huawei-fusionserver")
    assert [o["maker"] for o in fusion] == ["huawei-technologies", "xfusion"]
    assert fusion[0]["to"] == fusion[1]["from"] == date(2021, 11, 5)
    lorex = owners_of("dh-lorex")
    assert [o["maker"] for o in lorex] == ["flir", "dahua-technology", "skywatch"]
    assert (lorex[1]["from"], lorex[1]["to"]) == (date(2018, 2, 6), date(2022, 11, 24))
    honor = owners_of("honor-brand")
    assert [o["maker"] for o in honor] == ["huawei-technologies", "honor"]
    assert honor[0]["to"] == date(2020, 11, 17)


def test_comware_stays_an_explained_shared_name() -> None:
    """Comware alone is H3C's OS but also HPE's: weak, and HPE's own row is dated from the 3Com purchase."""
    h3c = next(r for r in rows() if r["id"] == "h3c-comware")
    assert h3c["strength"] == "weak" and h3c["maker"] == "h3c"
    hpe = owners_of("hp-comware")
    assert hpe[0]["maker"] == "org:3COM" and hpe[0]["to"] == date(2010, 4, 12)
    assert makers_for("HPE Comware Software, Version 7.1.045") >= {"hpe", "h3c"}
