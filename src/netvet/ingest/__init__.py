"""Readers: one module per input format, one signature, looked up in READERS."""

import csv
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Protocol

from netvet.errors import SourceError, registry_entry
from netvet.ingest.contracts import looks_like_contracts, read_contracts
from netvet.ingest.cyclonedx import read_cyclonedx
from netvet.ingest.dhcp import lease_layout, read_dhcp
from netvet.ingest.inventory import SNIFF_BYTES, decode, read_inventory, read_rows_xlsx, sniff_dialect
from netvet.ingest.limits import cap_observation
from netvet.ingest.mactable import read_mactable, table_of
from netvet.ingest.nmap import read_nmap
from netvet.ingest.snmprec import read_snmprec
from netvet.ingest.snmpwalk import looks_like_walk, read_snmpwalk
from netvet.model import Issue, Observation


class Reader(Protocol):
    """What every reader is: one input path in, its observations and Issues out; strict turns the
    first Issue into an error, overrides map the user's column names to fields."""

    def __call__(
        self, path: Path, *, strict: bool = False, overrides: Mapping[str, str] | None = None
    ) -> tuple[list[Observation], list[Issue]]: ...


READERS: dict[str, Reader] = {
    "inventory": read_inventory,
    "snmprec": read_snmprec,
    "snmpwalk": read_snmpwalk,
    "mactable": read_mactable,
    "cyclonedx": read_cyclonedx,
    "nmap": read_nmap,
    "dhcp": read_dhcp,
    "contracts": read_contracts,
}


def get_reader(name: str) -> Reader:
    """A reader by format name; an unknown format is a LookupFailure listing the known ones."""
    return registry_entry(READERS, name, "format")


def detect_format(path: Path) -> str:
    """The reader for a file, from its name, else from its first line."""
    suffix = path.suffix.lower()
    if suffix == ".snmprec":
        return "snmprec"
    if path.name.lower().endswith((".cdx.json", ".cdx.xml", ".bom.json", ".bom.xml")):
        return "cyclonedx"
    if suffix in (".walk", ".snmpwalk"):
        return "snmpwalk"
    if not path.is_file():
        return "inventory"
    if suffix in (".xlsx", ".xlsm", ".tsv"):
        return "contracts" if is_contract_list(path) else "inventory"
    with path.open("rb") as fh:
        head = fh.read(4096).decode("utf-8", errors="replace")
    if suffix == ".leases" or lease_layout(head):
        return "dhcp"
    if suffix == ".csv":
        return "contracts" if is_contract_list(path) else "inventory"
    if looks_like_walk(head):
        return "snmpwalk"
    if '"bomFormat"' in head or "cyclonedx.org/schema" in head:
        return "cyclonedx"
    if "<nmaprun" in head:
        return "nmap"
    return "mactable" if table_of(head) else "inventory"


def is_contract_list(path: Path) -> bool:
    """True when a spreadsheet's header is a contract list's (provider, service, start or end)."""
    try:
        rows = read_rows_xlsx(path) if path.suffix.lower() in (".xlsx", ".xlsm") else head_rows(path)
        header = next(rows, None)
    except SourceError:
        return False
    return header is not None and looks_like_contracts(header[1])


def head_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """The rows of a CSV file's first block (enough for its header), without reading it all."""
    with path.open("rb") as fh:
        head = decode(fh.read(SNIFF_BYTES), str(path))
    lines = head.splitlines()[:1]
    return enumerate(csv.reader(lines, sniff_dialect(head)), start=1)


def read_source(
    path: Path, fmt: str = "auto", *, strict: bool = False, overrides: Mapping[str, str] | None = None
) -> tuple[list[Observation], list[Issue]]:
    """Read one input with the named (or detected) reader; every value is cut to its length limit
    (ingest.limits), with an Issue per cut."""
    name = detect_format(path) if fmt == "auto" else fmt
    observations, issues = get_reader(name)(path, strict=strict, overrides=overrides)
    capped = [cap_observation(obs) for obs in observations]
    return [obs for obs, _ in capped], [*issues, *(i for _, cut in capped for i in cut)]


__all__ = [
    "READERS",
    "Reader",
    "detect_format",
    "get_reader",
    "read_contracts",
    "read_cyclonedx",
    "read_dhcp",
    "read_inventory",
    "read_mactable",
    "read_nmap",
    "read_snmprec",
    "read_snmpwalk",
    "read_source",
]
