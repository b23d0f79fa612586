"""Other jurisdictions' instruments: one YAML file each under kb/data/jurisdictions/, read into
Instrument records; a bad file is a KnowledgeBaseError naming the file and the item."""

from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from netvet.errors import KnowledgeBaseError
from netvet.kb.parse import optional_date, required_date, sources_from
from netvet.model import (
    Generation,
    Instrument,
    InstrumentStatus,
    NetworkPart,
    Obligation,
    ObligationKind,
    Vendor,
)
from netvet.model.jurisdiction import Fact

Doc = Mapping[str, Any]
SCHEMA = "netvet.instrument/1"


def fact_from(doc: Doc, default_citation: str = "") -> Fact:
    """Citation, sources and the verified flag of one item."""
    citation = str(doc.get("citation") or default_citation)
    return Fact(citation, sources_from(doc.get("sources")), bool(doc.get("verified", True)))


def parts_from(value: object) -> frozenset[NetworkPart]:
    """['core', 'access'] or 'all'."""
    if value == "all" or value == ["all"]:
        return frozenset(NetworkPart)
    if not isinstance(value, list) or not value:
        raise ValueError(f"parts must be 'all' or a list of network parts, not {value!r}")
    return frozenset(NetworkPart(p) for p in value)


def obligation_from(doc: Doc, citation: str) -> Obligation:
    """One obligation of an instrument."""
    share = doc.get("share")
    return Obligation(
        id=str(doc["id"]),
        kind=ObligationKind(doc["kind"]),
        text=str(doc["text"]),
        day=optional_date(doc.get("day")),
        parts=parts_from(doc.get("parts")),
        fact=fact_from(doc, citation),
        networks=frozenset(Generation(g) for g in doc.get("networks") or ()),
        share=float(share) if share is not None else None,
        after=doc.get("after"),
        condition=doc.get("condition"),
    )


def vendor_from(doc: Doc, citation: str) -> Vendor:
    """One named vendor (a kb entity id)."""
    return Vendor(str(doc["entity"]), optional_date(doc.get("since")), fact_from(doc, citation))


def instrument_from(doc: Doc) -> Instrument:
    """An Instrument from one file's document."""
    if doc.get("schema") != SCHEMA:
        raise ValueError(f"schema must be {SCHEMA}")
    fact = fact_from(doc)
    return Instrument(
        id=str(doc["id"]),
        jurisdiction=str(doc["jurisdiction"]),
        authority=str(doc["authority"]),
        title=str(doc["title"]),
        issued=required_date(doc["issued"], "issued"),
        status=InstrumentStatus(doc["status"]),
        vendors=tuple(vendor_from(v, fact.citation) for v in doc.get("vendors") or ()),
        obligations=tuple(obligation_from(o, fact.citation) for o in doc["obligations"]),
        fact=fact,
        version=required_date(doc["version"], "version"),
        criteria=doc.get("criteria"),
        all_vendors=bool(doc.get("all_vendors", False)),
        instrument=str(doc.get("instrument") or ""),
    )


def check_instrument(inst: Instrument, stem: str, entities: Collection[str]) -> None:
    """The id is the file's name and begins with its jurisdiction; vendors are kb entities."""
    if inst.id != stem or not inst.id.startswith(f"{inst.jurisdiction}-"):
        raise ValueError(f"id '{inst.id}' must be the file name and begin with '{inst.jurisdiction}-'")
    unknown = sorted(v.entity for v in inst.vendors if v.entity not in entities)
    if unknown:
        raise ValueError(f"unknown entity ids {unknown}")


def load_instruments(directory: Path, entities: Collection[str], read: Any) -> dict[str, Instrument]:
    """Every instrument file under jurisdictions/ (none when the folder is absent)."""
    found: dict[str, Instrument] = {}
    for path in sorted((directory / "jurisdictions").glob("*.yaml")):
        try:
            inst = instrument_from(read(path))
            check_instrument(inst, path.stem, entities)
        except (KeyError, ValueError, TypeError) as exc:
            raise KnowledgeBaseError(f"{path}: {exc!r}") from exc
        found[inst.id] = inst
    return found
