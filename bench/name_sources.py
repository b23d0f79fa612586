"""Real organisation names from the shared data: IEEE registrants, IANA PEN holders, CSL entries
(with their alt names) and device-type manufacturers. I/O only; name_eval.py builds the set."""

import csv
import re
from dataclasses import dataclass
from pathlib import Path

IEEE_FILES = ("oui.csv", "mam.csv", "oui36.csv", "iab.csv", "cid.csv")
CSL_FILE = "consolidated_subset_2023-11.csv"
COMMENT = re.compile(r"\s+#.*$|\s*\(?https?://\S*\s*\)?")
SKIP = frozenset({"", "reserved", "private", "ieee registration authority", "none", "n/a"})


@dataclass(frozen=True, slots=True)
class RealName:
    """One organisation name as a registry or list spells it."""

    source: str
    name: str


@dataclass(frozen=True, slots=True)
class ListedEntity:
    """One CSL entry: its primary name and the alt names the list gives for it."""

    name: str
    alt_names: tuple[str, ...]


def ieee_names(data: Path) -> list[RealName]:
    """Registrant names of every IEEE assignment listing."""
    names = []
    for file in IEEE_FILES:
        with (data / "ieee" / file).open(encoding="utf-8") as fh:
            rows = csv.reader(fh)
            next(rows)
            names += [RealName("ieee", row[2].strip()) for row in rows if len(row) > 2]
    return names


def pen_names(data: Path) -> list[RealName]:
    """Holder names of the IANA Private Enterprise Numbers."""
    names = []
    with (data / "iana-pen" / "enterprises.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            number, _, name = line.rstrip("\n").partition("\t")
            name = COMMENT.sub("", name).strip()
            if number.strip().isdigit() and name:
                names.append(RealName("iana-pen", name))
    return names


def csl_entities(data: Path) -> list[ListedEntity]:
    """Entity rows of the CSL subset (individuals and vessels left out), with alt names."""
    found = []
    with (data / "csl" / CSL_FILE).open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row.get("_id") == "_id" or row["type"] in ("Individual", "Vessel"):
                continue
            alts = tuple(a.strip() for a in row["alt_names"].split(";") if a.strip())
            found.append(ListedEntity(row["name"].strip(), alts))
    return found


def devicetype_makers(data: Path) -> list[RealName]:
    """Manufacturer names of the device-type library."""
    with (data / "devicetypes" / "index.csv").open(encoding="utf-8") as fh:
        return [
            RealName("devicetypes", m) for m in sorted({row["manufacturer"] for row in csv.DictReader(fh)})
        ]


def real_names(data: Path) -> list[RealName]:
    """Every real organisation name, distinct per source, in a stable order."""
    csl = [RealName("csl", e.name) for e in csl_entities(data)]
    names = ieee_names(data) + pen_names(data) + csl + devicetype_makers(data)
    seen: set[RealName] = set()
    kept = []
    for name in names:
        if name.name.casefold() not in SKIP and name not in seen:
            seen.add(name)
            kept.append(name)
    return kept
