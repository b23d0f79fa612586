"""Every reader, fed arbitrary bytes and hostile files shaped like its format, returns
observations and Issues or raises one of the documented errors (netvet.errors), nothing else."""

import csv
import io
import json
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netvet.errors import NetvetError
from netvet.ingest import (
    read_cyclonedx,
    read_inventory,
    read_mactable,
    read_nmap,
    read_snmprec,
    read_snmpwalk,
    read_source,
)
from netvet.ingest.approved import read_conditional_approvals, read_register
from netvet.ingest.purchase import read_purchase_lines
from tests.fuzz.profiles import count
from tests.fuzz.strategies import CELL, HEADERS, LINE_CELL, SNMPREC_LINE, WALK_LINE

Reader = Callable[[Path], Any]
READERS: dict[str, tuple[str, Reader]] = {
    "inventory-csv": (".csv", read_inventory),
    "inventory-xlsx": (".xlsx", read_inventory),
    "snmprec": (".snmprec", read_snmprec),
    "snmpwalk": (".walk", read_snmpwalk),
    "mactable": (".txt", read_mactable),
    "cyclonedx": (".cdx.json", read_cyclonedx),
    "nmap": (".xml", read_nmap),
    "purchase": (".csv", read_purchase_lines),
    "approvals": (".csv", read_conditional_approvals),
    "register": (".yaml", read_register),
    "auto": (".dat", read_source),
}


@contextmanager
def input_file(suffix: str, data: bytes) -> Iterator[Path]:
    """The bytes as a file with the suffix, removed afterwards."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        yield path


def read_safely(name: str, data: bytes, reader_name: str | None = None) -> Any:
    """Run one reader on the bytes; a documented error is a fine answer (None)."""
    count(name)
    suffix, reader = READERS[reader_name or name]
    with input_file(suffix, data) as path:
        try:
            return reader(path)
        except NetvetError:
            return None


@pytest.mark.parametrize("name", sorted(READERS))
@settings(max_examples=max(50, settings.default.max_examples // 3))
@given(data=st.binary(max_size=4096))
def test_arbitrary_bytes_raise_only_documented_errors(name: str, data: bytes) -> None:
    read_safely(name, data)


def csv_bytes(rows: list[list[str]]) -> bytes:
    """Rows as a CSV document."""
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode("utf-8", errors="surrogatepass")


TABLE = st.tuples(HEADERS, st.lists(st.lists(LINE_CELL, max_size=9), max_size=8))


@given(table=TABLE, name=st.sampled_from(["inventory-csv", "purchase", "approvals"]))
def test_csv_readers_take_hostile_tables(table: tuple[list[str], list[list[str]]], name: str) -> None:
    header, rows = table
    if name == "approvals":
        header = ["approval_id", "company", "models", "category", "granted_by", "granted_on", *header]
    read_safely(name, csv_bytes([header, *rows]))


@given(lines=st.lists(SNMPREC_LINE, max_size=30))
def test_snmprec_takes_hostile_records(lines: list[str]) -> None:
    read_safely("snmprec", "\n".join(lines).encode("utf-8", errors="surrogatepass"))


@given(lines=st.lists(WALK_LINE, max_size=30))
def test_snmpwalk_takes_hostile_lines(lines: list[str]) -> None:
    read_safely("snmpwalk", "\n".join(lines).encode("utf-8", errors="surrogatepass"))


CISCO_TOP = (
    "sw#show mac address-table\n          Mac Address Table\n"
    "-------------------------------------------\n\n"
    "Vlan    Mac Address       Type        Ports\n----    -----------       --------    -----\n"
)
HUAWEI_TOP = (
    "<sw>display mac-address\nMAC Address    VLAN/VSI/BD   Learned-From  Type\n"
    "---------------------------------------------\n"
)
MAC_LINE = st.tuples(st.integers(1, 4094), CELL, st.sampled_from(["DYNAMIC", "STATIC", "?"]), LINE_CELL)


@given(rows=st.lists(MAC_LINE, max_size=20), head=st.sampled_from(["cisco", "huawei", "none"]))
def test_mactable_takes_hostile_rows(rows: list[tuple[int, str, str, str]], head: str) -> None:
    top = {"cisco": CISCO_TOP, "huawei": HUAWEI_TOP, "none": ""}[head]
    body = "\n".join(f" {v}    {mac}    {kind}    {port}" for v, mac, kind, port in rows)
    read_safely("mactable", (top + body).encode("utf-8", errors="surrogatepass"))


JSONISH = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), CELL),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=25,
)
COMPONENT = st.fixed_dictionaries(
    {"type": st.sampled_from(["device", "firmware", "library", "x"]), "name": CELL},
    optional={
        "bom-ref": CELL,
        "manufacturer": st.fixed_dictionaries({"name": CELL}),
        "supplier": st.fixed_dictionaries({"name": CELL}),
        "properties": st.lists(
            st.fixed_dictionaries({"name": st.just("cdx:device:serialNumber"), "value": CELL})
        ),
        "components": st.lists(st.fixed_dictionaries({"type": st.just("device"), "name": CELL}), max_size=3),
        "x": JSONISH,
    },
)


@given(
    version=st.sampled_from(["1.4", "1.5", "1.6", "9.9", "", "1"]),
    components=st.lists(COMPONENT, max_size=5),
    extra=JSONISH,
)
def test_cyclonedx_takes_hostile_boms(version: str, components: list[dict[str, Any]], extra: Any) -> None:
    doc = {
        "bomFormat": "CycloneDX",
        "specVersion": version,
        "version": 1,
        "components": components,
        "x": extra,
    }
    read_safely("cyclonedx", json.dumps(doc).encode())


def xml_text(text: str) -> str:
    """Text safe inside an XML attribute."""
    safe = "".join(c for c in text if c.isprintable())
    return safe.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


HOST = st.tuples(CELL, CELL, CELL, st.integers(-1, 70000))


@given(hosts=st.lists(HOST, max_size=6))
def test_nmap_takes_hostile_hosts(hosts: list[tuple[str, str, str, int]]) -> None:
    body = "".join(
        f'<host><address addr="{xml_text(a)}" addrtype="ipv4"/>'
        f'<address addr="{xml_text(m)}" addrtype="mac" vendor="{xml_text(v)}"/>'
        f'<ports><port protocol="tcp" portid="{p}"><service name="http" product="{xml_text(v)}"/>'
        "</port></ports></host>"
        for a, m, v, p in hosts
    )
    read_safely("nmap", f'<?xml version="1.0"?><nmaprun scanner="nmap">{body}</nmaprun>'.encode())


@given(doc=JSONISH)
def test_register_takes_hostile_yaml(doc: Any) -> None:
    import yaml

    read_safely("register", yaml.safe_dump({"qualified_manufacturers": doc, "x": doc}).encode())


PLAIN_CELL = st.one_of(
    st.sampled_from(
        ["", "Huawei", "00:1a:2b:3c:4d:5e", "2024-01-31", "12.5", "yes", "CN", "n/a", "x" * 5000]
    ),
    st.text(alphabet=st.characters(blacklist_characters="\"';|\t\r\n\x00", blacklist_categories=("Cs",))),
)
FIELD_HEADERS = st.lists(
    st.sampled_from(["mac", "vendor", "model", "cost", "acquired", "country", "ip"]), min_size=1
)


@given(header=FIELD_HEADERS, rows=st.lists(st.lists(PLAIN_CELL, min_size=1, max_size=7), max_size=6))
def test_every_dropped_inventory_value_leaves_an_issue(header: list[str], rows: list[list[str]]) -> None:
    from netvet.ingest.columns import map_columns

    rows = [r for r in rows if any(c.strip() for c in r)]
    read = read_safely("inventory-values", csv_bytes([header, *rows]), "inventory-csv")
    if read is None:
        return
    observations, issues = read
    by_line = {o.source.locator: o for o in observations}
    flagged = {(i.locator, i.field) for i in issues} | {(i.locator, None) for i in issues}
    fields = map_columns(header).fields
    for number, cells in enumerate(rows, start=2):
        where = f"line {number}"
        assert where in by_line or (where, None) in flagged, where
        obs = by_line.get(where)
        for field, index in fields.items() if obs and len(cells) == len(header) else ():
            if cells[index].strip() and getattr(obs, field) is None:
                assert (where, field) in flagged, (where, field, cells[index])
