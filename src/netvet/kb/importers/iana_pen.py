"""IANA Private Enterprise Numbers as '<number> <organisation>' lines (Wireshark's layout)."""

import re
from dataclasses import dataclass
from typing import TextIO

from netvet.errors import SourceError
from netvet.model import Issue

_LINE = re.compile(r"^(\d+)\s+(.+?)\s*(#.*)?$")


@dataclass(frozen=True, slots=True)
class EnterpriseNumber:
    """One IANA enterprise number and its holder."""

    number: int
    organization: str


def read_pens(fh: TextIO, path: str) -> tuple[list[EnterpriseNumber], list[Issue]]:
    """Numbered lines; comments and blank lines are skipped, anything else is an Issue."""
    found: list[EnterpriseNumber] = []
    issues: list[Issue] = []
    for number, line in enumerate(fh, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        match = _LINE.match(line)
        if match is None:
            issues.append(Issue(path, f"line {number}", None, "not '<number> <organisation>'"))
        else:
            found.append(EnterpriseNumber(int(match.group(1)), match.group(2)))
    if not found:
        raise SourceError(f"{path}: no enterprise numbers found")
    return found, issues
