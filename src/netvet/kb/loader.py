"""Load the knowledge base from its data files (lazily, once per directory)."""

import csv
import gzip
import re
from collections.abc import Mapping
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from netvet.attribute import Assignment, CatalogueModel, ModelPattern, ModelRules, OuiTable
from netvet.attribute.mac_index import MacIndex
from netvet.attribute.snmp import DescrRule, ObjectIdRule, SnmpRules
from netvet.errors import KnowledgeBaseError
from netvet.kb.jurisdictions import load_instruments
from netvet.kb.knowledge import DATA_DIR as DATA_DIR  # re-exported: where callers look for them
from netvet.kb.knowledge import KnowledgeBase as KnowledgeBase
from netvet.kb.manifest import verify_manifest
from netvet.kb.parse import brand_from, each_item, edge_from, entity_from, list_from, read_yaml, required_date
from netvet.kb.products import load_products
from netvet.kb.text_scanner import COMMON_WORDS, TEXT_NAMES, load_common_words, load_text_names, text_scanner
from netvet.match import build_index
from netvet.model import Brand, Category, Entity, ListVersion, OwnershipEdge, OwnershipGraph
from netvet.model.rows import NumberedNames
from netvet.regimes import RegimeKB, UseRules


def load_entities(path: Path) -> tuple[dict[str, Entity], tuple[OwnershipEdge, ...], tuple[Brand, ...]]:
    """Entities, ownership edges and brands; dangling ids are an error naming the file."""
    doc = read_yaml(path)
    entities = {e.id: e for e in each_item(str(path), "entities", doc.get("entities"), entity_from)}
    edges = tuple(each_item(str(path), "ownership", doc.get("ownership") or [], edge_from))
    brands = tuple(each_item(str(path), "brands", doc.get("brands") or [], brand_from))
    referenced = {i for e in edges for i in (e.parent, e.child)} | {b.owner for b in brands}
    dangling = sorted(referenced - set(entities))
    if dangling:
        raise KnowledgeBaseError(f"{path}: unknown entity ids in ownership/brands: {dangling}")
    return entities, edges, brands


def load_lists(directory: Path, hashes: Mapping[str, str]) -> dict[str, ListVersion]:
    """Every list file under lists/ that has entries, each with the sha256 the manifest records."""
    lists: dict[str, ListVersion] = {}
    for path in sorted((directory / "lists").glob("*.yaml")):
        doc = read_yaml(path)
        if "entries" in doc:
            try:
                found = list_from(doc, hashes.get(path.relative_to(directory).as_posix(), ""))
            except (KeyError, ValueError, TypeError) as exc:
                raise KnowledgeBaseError(f"{path}: {exc!r}") from exc
            lists[found.list_id] = found
    return lists


def load_adversaries(path: Path) -> dict[str, date]:
    """Country code -> the day it became a foreign adversary under 15 CFR 791.4."""
    doc = read_yaml(path)
    return {a["country"]: required_date(a["since"], "since") for a in doc["adversaries"] if a.get("country")}


def load_categories(path: Path) -> dict[str, Category]:
    """Lower-case device-type words -> Category."""
    doc = read_yaml(path)
    return {str(word).casefold(): Category(cat) for cat, words in doc["categories"].items() for word in words}


def load_patterns(path: Path) -> tuple[ModelPattern, ...]:
    """Model-number patterns from models.yaml (none when the file is absent)."""
    if not path.exists():
        return ()
    doc = read_yaml(path)

    def build(item: Mapping[str, Any]) -> ModelPattern:
        category = Category(item["category"]) if item.get("category") else None
        return ModelPattern(
            str(item["id"]),
            str(item["manufacturer"]),
            str(item["regex"]),
            category,
            item.get("strength", "strong") == "strong",
            str(item["reason"]),
            bool(item.get("verified", True)),
        )

    return tuple(each_item(str(path), "patterns", doc.get("patterns"), build))


def load_catalogue(path: Path) -> dict[str, tuple[CatalogueModel, ...]]:
    """The device-type catalogue snapshot: model key -> catalogued models."""
    catalogue: dict[str, list[CatalogueModel]] = {}
    if not path.exists():
        return {}
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["entity"]:
                model = CatalogueModel(
                    row["entity"], row["model"], Category(row["category"]) if row["category"] else None
                )
                catalogue.setdefault(row["key"], []).append(model)
    return {k: tuple(v) for k, v in catalogue.items()}


def load_snmp(directory: Path, entities: Mapping[str, Entity]) -> SnmpRules:
    """Enterprise numbers (from the snapshot), agent numbers and sysDescr rules (snmp.yaml)."""
    doc = read_yaml(directory / "snmp.yaml")
    import pyarrow as pa
    from pyarrow import csv as pacsv

    strings = {c: pa.string() for c in ("organization", "entity")}
    table = pacsv.read_csv(
        directory / "pens.csv.gz", convert_options=pacsv.ConvertOptions(column_types=strings)
    )
    cols = [table.column(c).to_pylist() for c in ("number", "organization", "entity")]
    pens = NumberedNames.of({int(n): (str(o), e or None) for n, o, e in zip(*cols, strict=True)})
    descr = tuple(descr_rule(r) for r in doc["sysdescr"])
    object_ids = tuple(object_id_rule(r) for r in doc.get("sysobjectid", ()))
    makers = {r.manufacturer for r in descr} | {r.manufacturer for r in object_ids}
    unknown = sorted(makers - set(entities))
    if unknown:
        raise KnowledgeBaseError(f"{directory / 'snmp.yaml'}: unknown manufacturer ids {unknown}")
    agents = {int(a["number"]): str(a["reason"]) for a in doc["agent_pens"]}
    return SnmpRules(pens, agents, descr, object_ids)


def descr_rule(row: Mapping[str, Any]) -> DescrRule:
    """One sysdescr rule of snmp.yaml."""
    return DescrRule(
        row["id"], re.compile(row["regex"]), row["manufacturer"], bool(row.get("strong")), row["reason"]
    )


def object_id_rule(row: Mapping[str, Any]) -> ObjectIdRule:
    """One sysobjectid rule of snmp.yaml."""
    return ObjectIdRule(row["id"], str(row["prefix"]), row["manufacturer"], row["reason"])


def load_registry(path: Path) -> OuiTable:
    """The IEEE registry snapshot as a lookup table (read with Arrow: 57k rows)."""
    import pyarrow as pa
    from pyarrow import csv as pacsv

    strings = {c: pa.string() for c in ("assignment", "registry", "organization", "country", "entity")}
    table = pacsv.read_csv(path, convert_options=pacsv.ConvertOptions(column_types=strings))
    cols = {
        c: table.column(c).to_pylist() for c in ("assignment", "bits", "registry", "organization", "entity")
    }
    rows = [Assignment(a, int(b), r, o, e or None) for a, b, r, o, e in zip(*cols.values(), strict=True)]
    return OuiTable.build(rows)


@cache
def load_kb(directory: Path = DATA_DIR) -> KnowledgeBase:
    """The whole knowledge base of a data directory, checked against its manifest."""
    manifest, hashes = verify_manifest(directory)
    entities, edges, brands = load_entities(directory / "entities.yaml")
    uses = read_yaml(directory / "uses.yaml")
    patterns = load_patterns(directory / "models.yaml")
    unknown = sorted({p.manufacturer for p in patterns} - set(entities))
    if unknown:
        raise KnowledgeBaseError(f"{directory / 'models.yaml'}: unknown manufacturer ids {unknown}")
    lists = load_lists(directory, hashes)
    adversaries = load_adversaries(directory / "lists" / "foreign-adversaries.yaml")
    graph = OwnershipGraph.build(entities, edges)
    oui, snmp = load_registry(directory / "ieee_registry.csv.gz"), load_snmp(directory, entities)
    known = {r.organization for r in oui.rows} | {holder for holder, _ in snmp.pens.values()}
    products = load_products(directory / "products.yaml", entities)
    registries = load_text_names(directory / TEXT_NAMES)
    return KnowledgeBase(
        directory=directory,
        manifest_sha256=manifest,
        entities=entities,
        edges=edges,
        brands=brands,
        graph=graph,
        lists=lists,
        adversaries=adversaries,
        uses=UseRules.build(uses["order"], uses["classes"], uses.get("government_facilities")),
        categories=load_categories(directory / "categories.yaml"),
        models=ModelRules.build(patterns, load_catalogue(directory / "devicetypes.csv.gz")),
        oui=oui,
        mac_index=MacIndex.of_table(oui),
        names=build_index(with_brands(entities, brands), known_names=known),
        regime_kb=RegimeKB.build(lists, graph, adversaries, load_instruments(directory, entities, read_yaml)),
        snmp=snmp,
        products=products,
        text=text_scanner(
            entities.values(), brands, registries, products, load_common_words(directory / COMMON_WORDS)
        ),
    )


def with_brands(entities: dict[str, Entity], brands: tuple[Brand, ...]) -> list[Entity]:
    """Entities whose aliases include the brands they own, so brand names match their owner.
    Brands that changed hands (Honor, Lorex, Symantec) are left out: the date decides their
    owner, and their makers are kb entities of their own."""
    extra: dict[str, list[str]] = {}
    for brand in brands:
        if brand.valid_from is None and brand.valid_to is None:
            extra.setdefault(brand.owner, []).append(brand.brand)
    return [
        Entity(e.id, e.name, e.country, (*e.aliases, *extra.get(e.id, ())), e.identifiers, e.kind)
        for e in entities.values()
    ]
