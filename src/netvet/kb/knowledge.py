"""The knowledge base as one object: every part, loaded and indexed (`kb/loader.py` builds it from
the data files, `kb/cached_kb.py` reads it back from its cache entry).

Annotations are not evaluated here, so importing this module imports none of the parts' code."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from datetime import date

    from netvet.attribute import ModelRules, OuiTable
    from netvet.attribute.external import ExternalBanners
    from netvet.attribute.mac_index import MacIndex
    from netvet.attribute.snmp import SnmpRules
    from netvet.attribute.text_names import TextScanner
    from netvet.match import NameIndex
    from netvet.model import Brand, Category, Entity, ListVersion, OwnershipEdge, OwnershipGraph, ProductLine
    from netvet.regimes import RegimeKB, UseRules

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    """Every kb part, loaded and indexed."""

    directory: Path
    manifest_sha256: str
    entities: dict[str, Entity]
    edges: tuple[OwnershipEdge, ...]
    brands: tuple[Brand, ...]
    graph: OwnershipGraph
    lists: dict[str, ListVersion]
    adversaries: dict[str, date]
    uses: UseRules
    categories: dict[str, Category]
    models: ModelRules
    oui: OuiTable
    mac_index: MacIndex  # the vector path's MAC lookup (numpy; the row path never reads it)
    names: NameIndex
    regime_kb: RegimeKB
    snmp: SnmpRules
    external: tuple[ExternalBanners, ...] = ()
    products: tuple[ProductLine, ...] = ()
    text: TextScanner | None = None

    def with_parts(self, **parts: Any) -> KnowledgeBase:
        """The kb with some parts replaced (a kb read from its cache keeps the others unread)."""
        return replace(self, **parts)
