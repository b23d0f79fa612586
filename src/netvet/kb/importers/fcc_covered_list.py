"""The FCC Covered List as published in a table (two layouts seen in the wild)."""

import csv
import io
import re
from dataclasses import dataclass
from datetime import date

from netvet.errors import SourceError
from netvet.ids import parse_date
from netvet.kb.importers.complete import require_complete_csv
from netvet.model import Issue

TEXT_COLUMNS = ("covered_equipment_or_services", "Covered Equipment or Services")
DATE_COLUMNS = ("date_of_inclusion_on_covered_list", "Date of Inclusion on Covered List")
_DATE = re.compile(r"[A-Z][a-z]+ \d{1,2}, \d{4}")
_SCRAPE_NOISE = re.compile(r"Visit - |[†#^£³]")


@dataclass(frozen=True, slots=True)
class RawEntry:
    """One published row: its text, inclusion date, later update dates and line number."""

    text: str
    date_added: date
    updated: tuple[date, ...]
    line: int


def clean_text(text: str) -> str:
    """The entry text without the scraper's link labels and footnote markers."""
    return re.sub(r"\s+", " ", _SCRAPE_NOISE.sub("", text)).strip()


def parse_dates(text: str) -> tuple[date, ...]:
    """'December 22, 2025Updated:January 7, 2026' -> (2025-12-22, 2026-01-07)."""
    days = [parse_date(m) for m in _DATE.findall(text)]
    return tuple(d for d in days if d is not None)


def read_fcc_covered_list(content: str, path: str) -> tuple[list[RawEntry], list[Issue]]:
    """Entries of either layout (comma table, or semicolon table with entity columns)."""
    first = content.splitlines()[0] if content.strip() else ""
    dialect = "excel" if first.count(",") else "semicolon"
    delimiter = "," if dialect == "excel" else ";"
    reader = csv.DictReader(io.StringIO(content.lstrip("\ufeff")), delimiter=delimiter)
    fields = reader.fieldnames or []
    text_col = next((c for c in TEXT_COLUMNS if c in fields), None)
    date_col = next((c for c in DATE_COLUMNS if c in fields), None)
    if text_col is None or date_col is None:
        raise SourceError(f"{path}: line 1: not a Covered List table (columns {fields})")
    require_complete_csv(content, path, delimiter)
    entries: list[RawEntry] = []
    issues: list[Issue] = []
    for line, row in enumerate(reader, start=2):
        days = parse_dates(row.get(date_col) or "")
        if not days or not (row.get(text_col) or "").strip():
            issues.append(Issue(path, f"line {line}", date_col, "entry without text or date"))
            continue
        entries.append(RawEntry(clean_text(row[text_col]), days[0], days[1:], line))
    if not entries:
        raise SourceError(f"{path}: no entry with text and a date: not imported as an empty list")
    return entries, issues
