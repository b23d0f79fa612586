"""Rebuild the kb's derived files from official files: the IEEE registry snapshot, the FCC
Covered List, the DoD 1260H list and the device-type catalogue. Names in registries are
resolved to kb entities by the same matcher `netvet match` uses."""

import csv
import gzip
import io
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, TextIO

import yaml

from netvet.attribute.model_number import model_key
from netvet.errors import SourceError
from netvet.kb.curate import curate
from netvet.kb.importers.complete import require_complete_csv
from netvet.kb.importers.dod_1260h import ListedCompany, read_1260h, slug
from netvet.kb.importers.fcc_covered_list import read_fcc_covered_list
from netvet.kb.importers.iana_pen import read_pens
from netvet.kb.importers.ieee import BITS, RegistryRow, read_ieee_csv, unique_organizations
from netvet.kb.loader import load_entities, with_brands
from netvet.kb.parse import read_yaml
from netvet.match import CachedMatcher, build_index
from netvet.model import Issue

IEEE_FILES = ("oui.csv", "mam.csv", "oui36.csv", "iab.csv")
# Registry rows that name no manufacturer: the RA's own parent blocks and hidden registrants.
NO_MAKER = frozenset({"IEEE Registration Authority", "Private"})

Resolver = Callable[[str], tuple[str, float] | None]


def entity_resolver(directory: Path, known_names: Iterable[str] = ()) -> Resolver:
    """name -> (entity id, score) using the kb's entities and brands, memoised; the registries'
    names are known real names (a registrant one letter from a kb name is another company)."""
    entities, _, brands = load_entities(directory / "entities.yaml")
    matcher = CachedMatcher(build_index(with_brands(entities, brands), known_names=known_names))

    def resolve(name: str) -> tuple[str, float] | None:
        if name in NO_MAKER:
            return None
        hits = matcher(name)
        return (hits[0].entity, hits[0].score) if hits else None

    return resolve


def read_ieee_dir(ieee_dir: Path) -> tuple[list[RegistryRow], list[Issue]]:
    """Every IEEE listing of the folder; all four must be there and whole, since a registry
    missing one (or cut short) would turn the MACs of its blocks `unknown`."""
    missing = [name for name in IEEE_FILES if not (ieee_dir / name).is_file()]
    if missing:
        raise SourceError(
            f"{ieee_dir}: missing IEEE listing(s) {', '.join(missing)} (MA-L oui.csv, MA-M mam.csv, "
            "MA-S oui36.csv and IAB iab.csv are all needed)"
        )
    rows: list[RegistryRow] = []
    issues: list[Issue] = []
    for name in IEEE_FILES:
        path = ieee_dir / name
        text = path.read_text(encoding="utf-8")
        found, bad = read_ieee_csv(io.StringIO(text), str(path))
        require_complete_csv(text, str(path))
        rows += found
        issues += bad
    return rows, issues


def build_registry(ieee_dir: Path, out: Path, resolve: Resolver) -> tuple[int, list[Issue]]:
    """Write the compact registry snapshot with each registrant's resolved entity."""
    rows, issues = read_ieee_dir(ieee_dir)
    resolved = {name: resolve(name) for name in unique_organizations(rows)}
    with gzip_text_writer(out) as fh:
        writer = csv.writer(fh)
        writer.writerow(["assignment", "bits", "registry", "organization", "country", "entity", "score"])
        for r in sorted(rows, key=lambda r: (BITS[r.registry], r.assignment)):
            hit = resolved[r.organization]
            writer.writerow(
                [
                    r.assignment,
                    BITS[r.registry],
                    r.registry,
                    r.organization,
                    r.country or "",
                    hit[0] if hit else "",
                    f"{hit[1]:.3f}" if hit else "",
                ]
            )
    return len(rows), issues


def build_pens(tsv: Path, out: Path, resolve: Resolver) -> tuple[int, list[Issue]]:
    """Write the enterprise-number snapshot (number, holder, resolved entity): facts, not the
    GPL-packaged file itself."""
    with tsv.open(encoding="utf-8", errors="replace") as fh:
        pens, issues = read_pens(fh, str(tsv))
    with gzip_text_writer(out) as fh:
        writer = csv.writer(fh)
        writer.writerow(["number", "organization", "entity"])
        for pen in pens:
            hit = resolve(pen.organization)
            writer.writerow([pen.number, pen.organization, hit[0] if hit else ""])
    return len(pens), issues


def build_fcc_list(csv_path: Path, curation_path: Path, version: date, out: Path) -> list[Issue]:
    """Write lists/fcc-covered-list.yaml from a published Covered List table."""
    raw, issues = read_fcc_covered_list(csv_path.read_text(encoding="utf-8-sig"), str(csv_path))
    doc, more = curate(raw, read_yaml(curation_path), version, str(csv_path))
    write_yaml(out, doc)
    return issues + more


def listed_entry(row: ListedCompany, resolve: Resolver) -> dict[str, Any]:
    """One 1260H row as a list entry, with the kb entity its name (or an alias) resolves to."""
    hit = next((h for n in (row.name, *row.aliases) if (h := resolve(n)) and h[1] >= 0.9), None)
    entry: dict[str, Any] = {
        "id": f"{slug(row.name)}-{row.start.isoformat()}",
        "text": row.name,
        "date_added": row.start,
        "names": [row.name, *row.aliases],
        "entities": [hit[0]] if hit else [],
    }
    if row.end:
        entry["date_removed"] = row.end
    return entry


def build_1260h(csv_path: Path, version: date, out: Path, resolve: Resolver) -> list[Issue]:
    """Write lists/dod-1260h.yaml; listed names resolved to kb entities where they match."""
    rows, issues = read_1260h(csv_path.read_text(encoding="utf-8-sig"), str(csv_path))
    source = {
        "title": "DoD 1260H list, all tranches (shared/data/lists/dod_chinese_milcorps__sanctions.csv)",
        "url": "https://www.defense.gov/News/Releases/",
        "retrieved": version,
    }
    doc = {
        "schema": "netvet.list/1",
        "list_id": "dod-1260h",
        "title": "DoD Section 1260H list of Chinese military companies",
        "version": version,
        "citation": "NDAA FY2021 §1260H",
        "sources": [source],
        "entries": [listed_entry(row, resolve) for row in rows],
    }
    write_yaml(out, doc)
    return issues


def build_catalogue(index_csv: Path, out: Path, resolve: Resolver) -> int:
    """Write the device-type catalogue snapshot: model and part-number keys -> maker entity."""
    with index_csv.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["kind"] == "device"]
    makers = {m: resolve(m) for m in {r["manufacturer"] for r in rows}}
    count = 0
    with gzip_text_writer(out) as fh:
        writer = csv.writer(fh)
        writer.writerow(["key", "model", "manufacturer", "entity", "category"])
        for row in rows:
            hit = makers[row["manufacturer"]]
            for key in catalogue_keys(row):
                writer.writerow([key, row["model"], row["manufacturer"], hit[0] if hit else "", ""])
                count += 1
    return count


def catalogue_keys(row: dict[str, str]) -> Iterable[str]:
    """Distinct model keys of a catalogue row (model name and part number)."""
    return dict.fromkeys(
        k for k in (model_key(row["model"]), model_key(row.get("part_number") or "")) if len(k) >= 4
    )


@contextmanager
def gzip_text_writer(path: Path) -> Iterator[TextIO]:
    """A text stream into a gzip file with no timestamp, so rebuilds are byte-identical."""
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as packed:
        text = io.TextIOWrapper(packed, encoding="utf-8", newline="")
        yield text
        text.flush()
        text.detach()


def write_yaml(path: Path, doc: dict[str, Any]) -> None:
    """A YAML document with keys in the order given, written atomically."""
    tmp = path.with_suffix(".tmp")
    tmp.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8")
    tmp.replace(path)


FCC_VERSION = date(2026, 8, 20)
LIST_1260H_VERSION = date(2026, 6, 8)


def build_all(data: Path, directory: Path) -> dict[str, Any]:
    """Rebuild every derived kb file from the official files under `data`; write the manifest."""
    from netvet.kb.manifest import write_manifest
    from netvet.kb.text_scanner import build_text_names

    with (data / "iana-pen" / "enterprises.tsv").open(encoding="utf-8", errors="replace") as fh:
        holders = [pen.organization for pen in read_pens(fh, "enterprises.tsv")[0]]
    resolve = entity_resolver(directory, [*unique_organizations(read_ieee_dir(data / "ieee")[0]), *holders])
    blocks, ieee_issues = build_registry(data / "ieee", directory / "ieee_registry.csv.gz", resolve)
    lists = directory / "lists"
    fcc_issues = build_fcc_list(
        data / "lists" / "fcc_covered_list__table.csv",
        directory / "curation" / "fcc-covered-list.yaml",
        FCC_VERSION,
        lists / "fcc-covered-list.yaml",
    )
    issues_1260h = build_1260h(
        data / "lists" / "dod_chinese_milcorps__sanctions.csv",
        LIST_1260H_VERSION,
        lists / "dod-1260h.yaml",
        resolve,
    )
    models = build_catalogue(data / "devicetypes" / "index.csv", directory / "devicetypes.csv.gz", resolve)
    _, pen_issues = build_pens(data / "iana-pen" / "enterprises.tsv", directory / "pens.csv.gz", resolve)
    build_text_names(directory)
    versions = {
        "iana-pen": "2024-08-23",
        "ieee": "2026-05-21",
        "fcc-covered-list": FCC_VERSION.isoformat(),
        "dod-1260h": LIST_1260H_VERSION.isoformat(),
        "devicetypes": "2024-04-08",
    }
    write_manifest(directory, versions)
    return {
        "ieee_blocks": blocks,
        "catalogue_keys": models,
        "issues": [*ieee_issues, *fcc_issues, *issues_1260h, *pen_issues],
    }
