"""Write imported screening lists as kb list files (schema netvet.list/1): the Consolidated
Screening List split into its source lists, and a user's own list of names."""

import csv
import io
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from netvet.errors import SourceError
from netvet.ids import normalize_country
from netvet.kb.build import Resolver, write_yaml
from netvet.kb.importers.complete import require_complete_csv
from netvet.kb.importers.csl import CslEntry, read_csl
from netvet.kb.importers.dod_1260h import slug
from netvet.kb.knowledge import DATA_DIR
from netvet.kb.parse import read_yaml
from netvet.kb.paths import checked_list_id, inside
from netvet.kb.screening import SCREENING_FILE, Effect, ListRole, Purpose, load_screening
from netvet.model import Issue

RESOLVE_MIN = 0.95
CSL_URL = "https://www.trade.gov/consolidated-screening-list"
USER_COLUMNS = ("name", "aliases", "country", "note")


def read_text(path: Path) -> str:
    """A list file as UTF-8 text; other encodings are an error naming the line."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SourceError(
            f"{path}: line {line}: not UTF-8 text (byte {exc.start}); save it as UTF-8"
        ) from exc


def resolved(names: Sequence[str], resolve: Resolver) -> list[str]:
    """The kb entity the listed name (or an alternative name) resolves to, with certainty."""
    for name in names:
        hit = resolve(name)
        if hit and hit[1] >= RESOLVE_MIN:
            return [hit[0]]
    return []


def csl_item(entry: CslEntry, version: date, resolve: Resolver) -> dict[str, Any]:
    """One CSL entry as a list entry; undated entries count from the version they appear in."""
    item: dict[str, Any] = {
        "id": entry.id,
        "text": entry.name,
        "date_added": entry.start_date or version,
        "date_added_known": entry.start_date is not None,
        "names": [entry.name, *entry.alt_names],
        "entities": resolved((entry.name, *entry.alt_names[:3]), resolve),
        "includes_affiliates": False,
        "countries": list(entry.countries),
        "addresses": list(entry.addresses),
        "programs": list(entry.programs),
        "type": entry.kind,
        "federal_register_notice": entry.federal_register_notice,
    }
    if entry.source_list_url:
        item["source_url"] = entry.source_list_url
    if entry.end_date:
        item["date_removed"] = entry.end_date
    return item


def list_doc(
    role: ListRole, version: date, sources: list[tuple[str, str | None]], entries: list[dict[str, Any]]
) -> dict[str, Any]:
    """A netvet.list/1 document for one list version, with its sources (title, url)."""
    return {
        "schema": "netvet.list/1",
        "list_id": role.list_id,
        "title": role.title,
        "version": version,
        "citation": role.citation,
        "sources": [{"title": t, "url": u, "retrieved": version} for t, u in sources],
        "entries": entries,
    }


def build_csl_lists(source: Path, kb_dir: Path, version: date, resolve: Resolver) -> list[Issue]:
    """Write one list file per CSL source list (every known one, empty when absent)."""
    entries, issues = read_csl(read_text(source), str(source))
    table = load_screening.__wrapped__(kb_dir)
    grouped: dict[str, list[dict[str, Any]]] = {r.list_id: [] for r in table.csl.values()}
    sources: dict[str, dict[tuple[str, str | None], None]] = {r.list_id: {} for r in table.csl.values()}
    unknown: set[str] = set()
    for entry in entries:
        role = table.role_of_code(entry.code)
        if entry.code not in table.csl:
            unknown.add(entry.source)
        grouped[role.list_id].append(csl_item(entry, version, resolve))
        sources[role.list_id][entry.source, entry.source_information_url] = None
    issues += [
        Issue(str(source), "source", "source", f"unknown source list kept as csl-other: {s}")
        for s in sorted(unknown)
    ]
    csl = (f"trade.gov Consolidated Screening List ({source.name})", CSL_URL)
    roles = {r.list_id: r for r in table.csl.values()}
    for list_id, items in grouped.items():
        doc = list_doc(roles[list_id], version, [csl, *sources[list_id]], items)
        write_yaml(inside(kb_dir / "lists", f"{checked_list_id(list_id)}.yaml"), doc)
    return issues


def user_item(row: dict[str, str], version: date) -> dict[str, Any]:
    """One row of a user list as a list entry; its id is the given id or the name's slug."""
    name = (row.get("name") or "").strip()
    aliases = [a.strip() for a in (row.get("aliases") or "").split(";") if a.strip()]
    country = normalize_country(row.get("country") or "")
    return {
        "id": (row.get("id") or "").strip() or slug(name),
        "text": name,
        "date_added": version,
        "names": [name, *aliases],
        "entities": [],
        "countries": [country] if country else [],
        "note": (row.get("note") or "").strip() or None,
    }


def read_user_list(content: str, path: str, version: date) -> tuple[list[dict[str, Any]], list[Issue]]:
    """Rows of a user list (name, aliases, country, note); a row without a name is an Issue and
    an id (or name) used twice makes the file unusable."""
    reader = csv.DictReader(io.StringIO(content))
    headers = [h.strip().casefold() for h in reader.fieldnames or []]
    if "name" not in headers:
        raise SourceError(f"{path}: line 1: not a user list: no 'name' column (columns: {USER_COLUMNS})")
    reader.fieldnames = headers
    require_complete_csv(content, path, ragged=True)
    items: list[dict[str, Any]] = []
    issues: list[Issue] = []
    seen: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        if not (row.get("name") or "").strip():
            issues.append(Issue(path, f"line {line}", "name", "row without a name skipped"))
            continue
        item = user_item(row, version)
        if item["id"] in seen:
            raise SourceError(
                f"{path}: line {line}: duplicated id {item['id']!r} (first at line {seen[item['id']]})"
            )
        seen[item["id"]] = line
        items.append(item)
    if not items:
        raise SourceError(f"{path}: no row with a name: not imported as an empty list")
    return items, issues


def build_user_list(
    source: Path, kb_dir: Path, version: date, list_id: str, purposes: Sequence[str]
) -> list[Issue]:
    """Write lists/<list_id>.yaml from a user CSV and record the purposes it serves."""
    items, issues = read_user_list(read_text(source), str(source), version)
    role = ListRole(
        list_id, frozenset(), Effect.RESTRICTED, f"user list {source.name}", f"user list {list_id}"
    )
    doc = list_doc(role, version, [(f"user list {source.name}", None)], items)
    write_yaml(inside(kb_dir / "lists", f"{checked_list_id(list_id, '--list-id')}.yaml"), doc)
    path = kb_dir / SCREENING_FILE
    table = read_yaml(path if path.exists() else DATA_DIR / SCREENING_FILE)
    table.setdefault("lists", {})[list_id] = {
        "purposes": sorted(str(Purpose(p)) for p in purposes),
        "effect": "restricted",
        "citation": f"user list {source.name}",
        "title": f"user list {list_id}",
    }
    write_yaml(path, table)
    return issues
