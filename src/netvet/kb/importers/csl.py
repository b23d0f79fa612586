"""The trade.gov Consolidated Screening List in its two published layouts: the CSV download
(`consolidated.csv`, one row per entry, lists joined with '; ') and the JSON download
(`consolidated.json`, `{"results": [...]}` with lists as arrays and addresses as objects)."""

import csv
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from netvet.errors import RecordError, SourceError
from netvet.ids import parse_date
from netvet.kb.importers.complete import load_json, require_complete_csv
from netvet.model import Issue

CSV_REQUIRED = ("_id", "source", "name", "addresses", "start_date", "end_date", "alt_names")
JSON_REQUIRED = ("id", "source", "name")
CODE = re.compile(r"\(([A-Z][A-Z-]*)(?: List)?\)")
COUNTRY = re.compile(r"^[A-Z]{2}$")
# "Gazprom Telekom, OOO (f.k.a. Zakrytoe Aktsionernoe Obshchestvo Gaztelekom)"
PARENTHESIS = re.compile(r"\s*\(([^()]*)\)")
FORMER = re.compile(
    r"^(?:f\.?k\.?a\.?|a\.?k\.?a\.?|d\.?b\.?a\.?|formerly|also known as)\s+(.+)$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class CslEntry:
    """One entry of one source list of the Consolidated Screening List."""

    id: str
    source: str
    code: str
    name: str
    alt_names: tuple[str, ...]
    addresses: tuple[str, ...]
    countries: tuple[str, ...]
    programs: tuple[str, ...]
    kind: str | None
    federal_register_notice: str | None
    start_date: date | None
    end_date: date | None
    source_list_url: str | None
    source_information_url: str | None
    line: int


def source_code(label: str) -> str:
    """'Entity List (EL) - Bureau of Industry and Security' -> 'EL'; the label itself if none."""
    found = CODE.search(label)
    return found.group(1) if found else label.strip()


def name_variants(name: str) -> tuple[str, ...]:
    """The name without its parentheses, and the former or other names they give."""
    inside = [m.group(1).strip() for m in PARENTHESIS.finditer(name)]
    base = PARENTHESIS.sub("", name).strip(" ,")
    former = [f.group(1).strip() for part in inside if (f := FORMER.match(part))]
    return tuple(n for n in dict.fromkeys((base, *former)) if n and n != name)


def split_joined(text: str | None) -> tuple[str, ...]:
    """A CSV cell holding a '; '-joined list, as its items."""
    return tuple(p.strip() for p in (text or "").split(";") if p.strip())


def country_of_address(address: str) -> str | None:
    """The ISO code that ends a CSL address ('..., Beijing, 100033, CN' -> 'CN')."""
    last = address.rsplit(",", 1)[-1].strip()
    return last if COUNTRY.match(last) else None


def text_or_none(value: object) -> str | None:
    """A stripped string, None when empty."""
    text = str(value).strip() if value is not None else ""
    return text or None


def entry_date(value: object, field: str) -> date | None:
    """A CSL date (YYYY-MM-DD), None when empty; a present non-date is a RecordError."""
    text = text_or_none(value)
    if text is None:
        return None
    day = parse_date(text)
    if day is None:
        raise RecordError(f"not a date: {text!r}", field=field)
    return day


def build_entry(fields: Mapping[str, Any], addresses: tuple[str, ...], line: int) -> CslEntry:
    """An entry from one row or result whose list cells are already split."""
    entry_id, name, source = (text_or_none(fields.get(k)) for k in ("id", "name", "source"))
    if not entry_id or not name or not source:
        missing = [k for k, v in (("id", entry_id), ("name", name), ("source", source)) if not v]
        raise RecordError(f"entry without {', '.join(missing)}", field=missing[0])
    return CslEntry(
        id=entry_id,
        source=source,
        code=source_code(source),
        name=name,
        alt_names=tuple(dict.fromkeys(a for a in (*name_variants(name), *fields["alt_names"]) if a != name)),
        addresses=addresses,
        countries=tuple(dict.fromkeys(c for a in addresses if (c := country_of_address(a)))),
        programs=tuple(fields["programs"]),
        kind=text_or_none(fields.get("type")),
        federal_register_notice=text_or_none(fields.get("federal_register_notice")),
        start_date=entry_date(fields.get("start_date"), "start_date"),
        end_date=entry_date(fields.get("end_date"), "end_date"),
        source_list_url=text_or_none(fields.get("source_list_url")),
        source_information_url=text_or_none(fields.get("source_information_url")),
        line=line,
    )


def read_csl_csv(content: str, path: str) -> tuple[list[CslEntry], list[Issue]]:
    """Entries of the CSV layout; a repeated header or a bad row is an Issue, a file cut short
    an error."""
    reader = csv.DictReader(io.StringIO(content.lstrip("\ufeff")))
    missing = [c for c in CSV_REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        raise SourceError(f"{path}: line 1: not a Consolidated Screening List CSV, missing columns {missing}")
    require_complete_csv(content, path)
    entries: list[CslEntry] = []
    issues: list[Issue] = []
    for row in reader:
        line = reader.line_num
        if row.get("_id") == "_id" and row.get("source") == "source":
            issues.append(Issue(path, f"line {line}", None, "repeated header row skipped"))
            continue
        fields = {**row, "id": row.get("_id"), "alt_names": split_joined(row.get("alt_names"))}
        fields["programs"] = split_joined(row.get("programs"))
        try:
            entries.append(build_entry(fields, split_joined(row.get("addresses")), line))
        except RecordError as exc:
            issues.append(Issue(path, f"line {line}", exc.field, str(exc)))
    return check_unique(require_entries(entries, path), path, "line"), issues


def json_address(item: object) -> str | None:
    """One address object of the JSON layout as the CSV layout writes it."""
    if isinstance(item, str):
        return text_or_none(item)
    if not isinstance(item, dict):
        return None
    keys = ("address", "city", "state", "postal_code", "country")
    parts = [text_or_none(item.get(k)) for k in keys]
    return ", ".join(p for p in parts if p) or None


def json_strings(value: object) -> tuple[str, ...]:
    """A JSON array (or a '; '-joined string) of names or programs as strings."""
    if isinstance(value, list):
        return tuple(t for v in value if (t := text_or_none(v)))
    return split_joined(value) if isinstance(value, str) else ()


def read_csl_json(content: str, path: str) -> tuple[list[CslEntry], list[Issue]]:
    """Entries of the JSON layout (`{"results": [...]}` or a bare array); a bad result is an Issue."""
    doc = load_json(content, path)
    results = doc.get("results") if isinstance(doc, dict) else doc
    if not isinstance(results, list):
        raise SourceError(f"{path}: not a Consolidated Screening List JSON: no 'results' array")
    require_total(doc, len(results), path)
    entries: list[CslEntry] = []
    issues: list[Issue] = []
    for number, item in enumerate(results, start=1):
        try:
            entries.append(json_entry(item, number))
        except RecordError as exc:
            issues.append(Issue(path, f"result {number}", exc.field, str(exc)))
    if results and not entries:
        raise SourceError(f"{path}: not a Consolidated Screening List JSON: no result has {JSON_REQUIRED}")
    return check_unique(require_entries(entries, path), path, "result"), issues


def require_total(doc: object, found: int, path: str) -> None:
    """The JSON layout's `total` counts its results: a file holding fewer is cut short (or is one
    page of a paged API answer), never a whole list."""
    total = doc.get("total") if isinstance(doc, dict) else None
    if isinstance(total, int) and total != found:
        raise SourceError(
            f"{path}: 'total' says {total} results and the file holds {found}: "
            "cut short, or one page of a paged answer"
        )


def require_entries(entries: list[CslEntry], path: str) -> list[CslEntry]:
    """The entries; none at all is an error (the published list is never empty)."""
    if not entries:
        raise SourceError(f"{path}: no entries: an empty or cut file is not a Consolidated Screening List")
    return entries


def json_entry(item: object, number: int) -> CslEntry:
    """One result object of the JSON layout."""
    if not isinstance(item, dict):
        raise RecordError("result is not an object")
    fields = {**item, "alt_names": json_strings(item.get("alt_names"))}
    fields["programs"] = json_strings(item.get("programs"))
    raw = item.get("addresses")
    addresses = tuple(a for x in raw if (a := json_address(x))) if isinstance(raw, list) else ()
    return build_entry(fields, addresses, number)


def check_unique(entries: Iterable[CslEntry], path: str, unit: str) -> list[CslEntry]:
    """The entries; an id used twice within one source list makes the whole file unusable."""
    seen: dict[tuple[str, str], int] = {}
    kept = []
    for entry in entries:
        key = (entry.code, entry.id)
        if key in seen:
            raise SourceError(
                f"{path}: {unit} {entry.line}: duplicated id {entry.id!r} in {entry.code} "
                f"(first at {unit} {seen[key]})"
            )
        seen[key] = entry.line
        kept.append(entry)
    return kept


def read_csl(content: str, path: str) -> tuple[list[CslEntry], list[Issue]]:
    """Either layout, told apart by the first character."""
    if content.lstrip("\ufeff \t\r\n")[:1] in ("{", "["):
        return read_csl_json(content, path)
    return read_csl_csv(content, path)
