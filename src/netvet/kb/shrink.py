"""An import must not silently empty a list. A list file cut short at a row boundary still parses,
so the counts are checked too: an import that would take a list (or one IEEE registry) down by
more than MAX_DROP of its entries, or to none, is refused with the counts unless the user says
the list really shrank (`--allow-shrink`)."""

import csv
import gzip
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from netvet.errors import SourceError
from netvet.kb.manifest import sha256_of
from netvet.kb.parse import read_yaml

# Between publications these lists move by a few entries: the six Covered List tables kept in the
# shared data (2024-04 to 2026-08) go from 10 to 16 entries and never down, IEEE assignments are
# only added, and a Federal Register rule adds or removes tens of Entity List parties at a time.
# A cut or damaged file loses far more (the failure seen: ~900 -> 2). A fifth is well clear of
# both; the limit applies per list, so a small list cannot hide in a large file.
MAX_DROP = 0.20
REGISTRY = "ieee_registry.csv.gz"


@dataclass(frozen=True, slots=True)
class Shrink:
    """One list an import would shrink past the limit."""

    name: str
    before: int
    after: int

    def describe(self) -> str:
        """'ear-entity-list: 919 -> 2 entries (917 dropped, 99.8 %)'."""
        dropped = self.before - self.after
        return (
            f"{self.name}: {self.before} -> {self.after} entries "
            f"({dropped} dropped, {100 * dropped / self.before:.1f} %)"
        )


def too_much(before: int, after: int) -> bool:
    """All entries gone, or more than MAX_DROP of them."""
    return before > 0 and (after == 0 or (before - after) / before > MAX_DROP)


def list_entries(path: Path) -> int:
    """Entries of a list file; 0 when it does not exist."""
    return len(read_yaml(path).get("entries") or ()) if path.exists() else 0


def registry_counts(path: Path) -> Counter[str]:
    """Rows per IEEE registry (MA-L, MA-M, MA-S, IAB) of a registry snapshot."""
    if not path.exists():
        return Counter()
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        return Counter(f"ieee {row['registry']}" for row in csv.DictReader(fh))


def changed(old: Path, new: Path) -> bool:
    """The two files differ (one missing counts as a difference)."""
    return old.exists() != new.exists() or (old.exists() and sha256_of(old) != sha256_of(new))


def shrinks(old_dir: Path, new_dir: Path) -> Iterator[Shrink]:
    """Every list (and IEEE registry) of old_dir that new_dir shrinks past the limit."""
    names = {p.name for d in (old_dir, new_dir) for p in (d / "lists").glob("*.yaml")}
    for name in sorted(names):
        old, new = old_dir / "lists" / name, new_dir / "lists" / name
        if changed(old, new) and too_much(before := list_entries(old), after := list_entries(new)):
            yield Shrink(name.removesuffix(".yaml"), before, after)
    if changed(old_dir / REGISTRY, new_dir / REGISTRY):
        before_rows, after_rows = registry_counts(old_dir / REGISTRY), registry_counts(new_dir / REGISTRY)
        for registry, count in sorted(before_rows.items()):
            if too_much(count, after_rows[registry]):
                yield Shrink(registry, count, after_rows[registry])


def refuse_shrinks(source: Path, old_dir: Path, new_dir: Path) -> None:
    """A SourceError naming the file and every list it would shrink past the limit."""
    found = [s.describe() for s in shrinks(old_dir, new_dir)]
    if found:
        raise SourceError(
            f"{source}: refused, the import would drop more than {MAX_DROP:.0%} of a list "
            f"(a cut or wrong file?): {'; '.join(found)}. If the list really shrank, import it again "
            "with --allow-shrink; the previous version stays in force"
        )
