"""What a query's country changes: IEEE registrants resolved against the kb with and without
the country of their registered address.

    python bench/name_countries.py --data ../shared/data [--show 20]

Every distinct registrant whose address ends in an ISO country code (with or without a postal
code after it) is matched twice with match_name at DEFAULT_THRESHOLD: by name alone and with its
country. Prints how many best answers change and which, with the reasons of the new answer, and
how many best answers rest on an acronym. The registry has no labels, so a change is to be read,
not scored: a homonym abroad dropped is right, a covered group's subsidiary dropped is wrong.
"""

import argparse
import csv
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from netvet.kb.loader import load_kb  # noqa: E402
from netvet.match import match_name  # noqa: E402

REGISTRIES = ("oui.csv", "mam.csv", "oui36.csv", "iab.csv")
_CODE = re.compile(r"[A-Z]{2}")


def address_country(address: str) -> str | None:
    """The ISO code ending an IEEE address ('... CN 201206' or '... US')."""
    return next((t for t in reversed(address.split()[-2:]) if _CODE.fullmatch(t)), None)


def registrants(data: Path) -> Iterator[tuple[str, str]]:
    """Distinct (name, country) pairs of the IEEE registries, first address wins."""
    seen: set[str] = set()
    for registry in REGISTRIES:
        with (data / "ieee" / registry).open(encoding="utf-8") as fh:
            for row in list(csv.reader(fh))[1:]:
                name, country = row[2].strip(), address_country(row[3]) if len(row) > 3 else None
                if name and country and name not in seen:
                    seen.add(name)
                    yield name, country


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--show", type=int, default=20)
    args = parser.parse_args()
    names = load_kb().names
    pairs = list(registrants(args.data))
    changed, acronyms = [], 0
    for name, country in pairs:
        plain, placed = match_name(names, name), match_name(names, name, country=country)
        before, after = (plain[0].entity if plain else None), (placed[0].entity if placed else None)
        if before != after:
            changed.append((name, country, before, after, (placed or plain)[0].reasons))
        acronyms += bool(placed and any("acronym" in r for r in placed[0].reasons))
    print(f"{len(pairs)} registrants with a country; best answer changed for {len(changed)}")
    print(f"best answers resting on an acronym (with the country): {acronyms}")
    for name, country, before, after, reasons in changed[: args.show]:
        print(f"  {name!r} [{country}]: {before} -> {after} ({'; '.join(reasons)})")


if __name__ == "__main__":
    main()
