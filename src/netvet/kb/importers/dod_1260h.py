"""The DoD Section 1260H list ('Chinese military companies') in its published CSV layout."""

import csv
import io
import re
from dataclasses import dataclass
from datetime import date

from netvet.errors import SourceError
from netvet.ids import parse_date
from netvet.kb.importers.complete import require_complete_csv
from netvet.model import Issue

REQUIRED = ("Name", "Clean Name", "Start date")


@dataclass(frozen=True, slots=True)
class ListedCompany:
    """One row of the 1260H list."""

    name: str
    aliases: tuple[str, ...]
    parent: str | None
    start: date
    end: date | None
    line: int


def read_1260h(content: str, path: str) -> tuple[list[ListedCompany], list[Issue]]:
    """Rows of the list; rows without a name or start date are Issues."""
    reader = csv.DictReader(io.StringIO(content.lstrip("\ufeff")))
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        raise SourceError(f"{path}: line 1: not a 1260H table, missing columns {missing}")
    require_complete_csv(content, path)
    rows: list[ListedCompany] = []
    issues: list[Issue] = []
    for line, row in enumerate(reader, start=2):
        name = (row.get("Clean Name") or row.get("Name") or "").strip()
        start = parse_date(row.get("Start date"))
        if not name or start is None:
            issues.append(Issue(path, f"line {line}", "Start date", "row without a name or a start date"))
            continue
        aliases = tuple(a for a in (row.get("Alias", "").strip(), row.get("Previous Name", "").strip()) if a)
        rows.append(
            ListedCompany(
                name,
                aliases,
                (row.get("Parent Name") or "").strip() or None,
                start,
                parse_date(row.get("End date")),
                line,
            )
        )
    if not rows:
        raise SourceError(f"{path}: no row with a name and a start date: not imported as an empty list")
    return rows, issues


def slug(text: str) -> str:
    """'Huawei Technologies Co., Ltd.' -> 'huawei-technologies-co-ltd'."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:60]
