"""The text-name scanner of the kb: entity names, aliases and brands, the IEEE and IANA PEN
registries, the device-type manufacturers and the product lines.

Registry names are tens of thousands; reading each through the name normaliser takes seconds,
so `netvet kb build` does it once and writes `text_names.csv.gz` (literal, claim, registry,
name); loading reads that file. Curated names and product lines are few and read at load."""

import csv
import gzip
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml

from netvet.attribute.name_literals import (
    CURATED_SHARING,
    RegistryName,
    curated_names,
    product_names,
    registry_names,
    word_sharing,
)
from netvet.attribute.text_names import Registry, TextName, TextScanner, build_scanner
from netvet.model import Brand, Entity, ProductLine

TEXT_NAMES = "text_names.csv.gz"
COMMON_WORDS = "text_common_words.csv.gz"
COLUMNS = ["literal", "claims", "registry", "name"]


def gzip_rows(path: Path) -> Iterator[dict[str, str]]:
    """The rows of a gzip CSV file (none when it is absent)."""
    if not path.exists():
        return
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh)


def registry_rows(directory: Path) -> Iterator[RegistryName]:
    """IEEE registrants, IANA PEN holders (agent-software numbers left out) and device-type
    manufacturers of a kb directory, once per name."""
    with (directory / "snmp.yaml").open(encoding="utf-8") as fh:
        agents = {str(a["number"]) for a in yaml.safe_load(fh)["agent_pens"]}
    seen: set[str] = set()
    sources = (
        ("ieee_registry.csv.gz", "organization", Registry.IEEE),
        ("pens.csv.gz", "organization", Registry.PEN),
        ("devicetypes.csv.gz", "manufacturer", Registry.DEVICE_TYPES),
    )
    for name, column, registry in sources:
        for row in gzip_rows(directory / name):
            if row[column] not in seen and row.get("number") not in agents:
                seen.add(row[column])
                yield RegistryName(row[column], row["entity"] or None, registry)


def build_text_names(directory: Path) -> int:
    """Write text_names.csv.gz from the kb's registry snapshots; returns the number of names."""
    from netvet.kb.build import gzip_text_writer

    rows = list(registry_rows(directory))
    found = registry_names(rows, ())
    with gzip_text_writer(directory / TEXT_NAMES) as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        writer.writerows([n.literal, n.claims, n.registry.value, n.shown] for n in found)
    _, sharing = word_sharing(rows)
    with gzip_text_writer(directory / COMMON_WORDS) as fh:
        writer = csv.writer(fh)
        writer.writerow(["word", "organisations"])
        writer.writerows(sorted((w, n) for w, n in sharing.items() if n > CURATED_SHARING))
    return len(found)


def load_common_words(path: Path) -> dict[str, int]:
    """Registry words shared by many organisations (written by build_text_names)."""
    return {r["word"]: int(r["organisations"]) for r in gzip_rows(path)}


def load_text_names(path: Path) -> list[TextName]:
    """The registry names written by build_text_names."""
    return [TextName(r["literal"], r["claims"], Registry(r["registry"]), r["name"]) for r in gzip_rows(path)]


def text_scanner(
    entities: Iterable[Entity],
    brands: Iterable[Brand],
    registries: Iterable[TextName],
    products: tuple[ProductLine, ...],
    common: dict[str, int] | None = None,
) -> TextScanner:
    """One scanner over curated names, product lines and the registry names neither takes."""
    undated = [(b.brand, b.owner) for b in brands if b.valid_from is None and b.valid_to is None]
    companies = {e.id: e.names for e in entities if e.kind == "company"}
    curated, lines = curated_names(companies, undated, common), product_names(products)
    taken = {n.literal for n in (*curated, *lines)}
    return build_scanner((*curated, *lines, *(n for n in registries if n.literal not in taken)), products)
