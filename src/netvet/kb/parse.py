"""Turn kb YAML documents into domain objects; every failure names the file and the item."""

from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import yaml

from netvet.errors import KnowledgeBaseError
from netvet.ids import parse_date
from netvet.model import (
    Brand,
    Category,
    Designation,
    Entity,
    ListVersion,
    OwnershipEdge,
    Relation,
    Scope,
    ServiceType,
    Source,
)

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    """A YAML document; errors name the file."""
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=SAFE_LOADER)  # noqa: S506 — a safe loader (libyaml's when built)
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeBaseError(f"{path}: cannot read: {exc}") from exc


T = TypeVar("T")
Doc = Mapping[str, Any]


def optional_date(value: object) -> date | None:
    """A date from YAML (already a date, or text), None when empty."""
    return parse_date(value) if isinstance(value, str | date) else None


def required_date(value: object, what: str) -> date:
    """A date that must be present."""
    day = optional_date(value)
    if day is None:
        raise ValueError(f"{what} is not a date: {value!r}")
    return day


def source_from(doc: Doc) -> Source:
    """A Source from {title, url, retrieved}."""
    return Source(str(doc["title"]), doc.get("url"), optional_date(doc.get("retrieved")))


def sources_from(items: object) -> tuple[Source, ...]:
    """Sources from a YAML list (absent means none)."""
    return tuple(source_from(s) for s in items or ()) if isinstance(items, list) else ()


def identifiers_from(doc: object) -> tuple[tuple[str, str], ...]:
    """{scheme: [values]} -> ((scheme, value), ...)."""
    if not isinstance(doc, dict):
        return ()
    return tuple((str(k), str(v)) for k, vs in doc.items() for v in (vs if isinstance(vs, list) else [vs]))


def entity_from(doc: Doc) -> Entity:
    """An Entity from one item of entities.yaml."""
    return Entity(
        id=str(doc["id"]),
        name=str(doc["name"]),
        country=doc.get("country"),
        aliases=tuple(str(a) for a in doc.get("aliases") or ()),
        identifiers=identifiers_from(doc.get("identifiers")),
        kind=str(doc.get("kind", "company")),
        note=doc.get("note"),
        sources=sources_from(doc.get("sources")),
        verified=bool(doc.get("verified", True)),
    )


def edge_from(doc: Doc) -> OwnershipEdge:
    """An OwnershipEdge from one item of the ownership section."""
    share = doc.get("share")
    return OwnershipEdge(
        parent=str(doc["parent"]),
        child=str(doc["child"]),
        relation=Relation(doc["relation"]),
        share=float(share) if share is not None else None,
        valid_from=optional_date(doc.get("valid_from")),
        valid_to=optional_date(doc.get("valid_to")),
        sources=sources_from(doc.get("sources")),
        verified=bool(doc.get("verified", True)),
    )


def brand_from(doc: Doc) -> Brand:
    """A Brand from one item of the brands section."""
    return Brand(
        brand=str(doc["brand"]),
        owner=str(doc["owner"]),
        oem=doc.get("oem"),
        valid_from=optional_date(doc.get("valid_from")),
        valid_to=optional_date(doc.get("valid_to")),
        sources=sources_from(doc.get("sources")),
        verified=bool(doc.get("verified", True)),
    )


def designation_from(doc: Doc, list_id: str, version: date, default_citation: str) -> Designation:
    """A Designation from one entry of a list file."""
    return Designation(
        id=str(doc["id"]),
        list_id=list_id,
        list_version=version,
        text=str(doc["text"]),
        date_added=required_date(doc.get("date_added"), "date_added"),
        citation=str(doc.get("citation") or default_citation),
        entities=tuple(doc.get("entities") or ()),
        categories=tuple(Category(c) for c in doc.get("categories") or ()),
        scope=tuple(Scope(s) for s in doc.get("scope") or ("equipment",)),
        use_qualified=bool(doc.get("use_qualified", False)),
        includes_affiliates=bool(doc.get("includes_affiliates", True)),
        foreign_produced=bool(doc.get("foreign_produced", False)),
        conditional_approval_exception=bool(doc.get("conditional_approval_exception", False)),
        exceptions=tuple(str(e) for e in doc.get("exceptions") or ()),
        basis=doc.get("basis"),
        updated=tuple(required_date(d, "updated") for d in doc.get("updated") or ()),
        date_removed=optional_date(doc.get("date_removed")),
        updates_allowed_until=optional_date(doc.get("updates_allowed_until")),
        names=tuple(str(n) for n in doc.get("names") or ()),
        sources=sources_from(doc.get("sources")),
        verified=bool(doc.get("verified", True)),
        service_types=tuple(ServiceType(s) for s in doc.get("service_types") or ()),
    )


def list_from(doc: Doc, sha256: str) -> ListVersion:
    """A ListVersion from a list file (schema netvet.list/1)."""
    list_id = str(doc["list_id"])
    version = required_date(doc.get("version"), "version")
    citation = str(doc.get("citation", ""))
    entries = tuple(designation_from(e, list_id, version, citation) for e in doc.get("entries") or ())
    return ListVersion(list_id, version, sha256, str(doc.get("title", list_id)), entries)


def each_item(path: str, section: str, items: object, build: Callable[[Doc], T]) -> list[T]:
    """Build every item of a section; the error names file, section and item number."""
    if not isinstance(items, list):
        raise KnowledgeBaseError(f"{path}: section '{section}' must be a list")
    built = []
    for i, item in enumerate(items, start=1):
        try:
            built.append(build(item))
        except (KeyError, ValueError, TypeError) as exc:
            raise KnowledgeBaseError(f"{path}: {section} item {i}: {exc!r}") from exc
    return built
