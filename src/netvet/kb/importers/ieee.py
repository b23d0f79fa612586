"""The IEEE Registration Authority CSV listings (MA-L, MA-M, MA-S, IAB)."""

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TextIO

from netvet.errors import SourceError
from netvet.model import Issue

HEADER = ["Registry", "Assignment", "Organization Name", "Organization Address"]
BITS = {"MA-L": 24, "MA-M": 28, "MA-S": 36, "IAB": 36}
HEX_DIGITS = {24: 6, 28: 7, 36: 9}


@dataclass(frozen=True, slots=True)
class RegistryRow:
    """One assignment as IEEE lists it."""

    registry: str
    assignment: str
    organization: str
    country: str | None


def country_of(address: str) -> str | None:
    """The two-letter country code IEEE writes before the postcode at the end of an address."""
    words = address.split()
    for word in reversed(words[-3:]):
        if len(word) == 2 and word.isalpha() and word.isupper():
            return word
    return None


def read_ieee_csv(fh: TextIO, path: str) -> tuple[list[RegistryRow], list[Issue]]:
    """Rows of one IEEE CSV; a wrong header is a SourceError, a bad row an Issue."""
    reader = csv.reader(fh)
    header = next(reader, None)
    if header != HEADER:
        raise SourceError(f"{path}: line 1: expected IEEE header {HEADER}, found {header}")
    rows: list[RegistryRow] = []
    issues: list[Issue] = []
    for line, record in enumerate(reader, start=2):
        row = parse_row(record)
        if row is None:
            issues.append(Issue(path, f"line {line}", "Assignment", f"not an IEEE assignment: {record}"))
        else:
            rows.append(row)
    return rows, issues


def parse_row(record: list[str]) -> RegistryRow | None:
    """A RegistryRow when the registry is known and the assignment has the right length."""
    if len(record) < 3 or record[0] not in BITS:
        return None
    assignment = record[1].strip().upper()
    if len(assignment) != HEX_DIGITS[BITS[record[0]]] or not _is_hex(assignment):
        return None
    address = record[3] if len(record) > 3 else ""
    return RegistryRow(record[0], assignment, record[2].strip(), country_of(address))


def _is_hex(text: str) -> bool:
    return all(c in "0123456789ABCDEF" for c in text)


def unique_organizations(rows: Iterable[RegistryRow]) -> list[str]:
    """Distinct organisation names, in first-seen order."""
    return list(dict.fromkeys(r.organization for r in rows))
