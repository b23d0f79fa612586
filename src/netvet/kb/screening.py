"""Which lists serve which screening purpose (screening.yaml), and an index over the names of
every list entry, so a name on a list hits even when it is no kb entity."""

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from netvet.errors import KnowledgeBaseError
from netvet.kb.knowledge import DATA_DIR, KnowledgeBase
from netvet.kb.parse import read_yaml
from netvet.match import NameIndex, build_index
from netvet.model import Designation, Entity

SCREENING_FILE = "screening.yaml"
TARGET_SEPARATOR = "/"


class Purpose(StrEnum):
    """What the screened party is to the user: a supplier (procurement) or a customer (export)."""

    PROCUREMENT = "procurement"
    EXPORT = "export"


class Effect(StrEnum):
    """What a hit on a list means for the purpose it serves."""

    RESTRICTED = "restricted"
    REVIEW = "review"
    INFORMATIONAL = "informational"


@dataclass(frozen=True, slots=True)
class ListRole:
    """The purposes one list serves and the effect of a hit on it."""

    list_id: str
    purposes: frozenset[Purpose]
    effect: Effect
    citation: str
    title: str = ""
    note: str | None = None
    verified: bool = True


@dataclass(frozen=True, slots=True)
class ScreeningTable:
    """List roles by list id, and the Consolidated Screening List source codes."""

    roles: dict[str, ListRole]
    csl: dict[str, ListRole]

    def role_of_code(self, code: str) -> ListRole:
        """The role of a CSL source code; unknown codes fall to 'other'."""
        return self.csl.get(code) or self.csl["other"]


def role_from(list_id: str, doc: Mapping[str, Any]) -> ListRole:
    """A ListRole from one item of screening.yaml."""
    return ListRole(
        list_id=list_id,
        purposes=frozenset(Purpose(p) for p in doc["purposes"]),
        effect=Effect(doc["effect"]),
        citation=str(doc.get("citation", "")),
        title=str(doc.get("title", list_id)),
        note=doc.get("note"),
        verified=bool(doc.get("verified", True)),
    )


@cache
def load_screening(directory: Path) -> ScreeningTable:
    """screening.yaml of a kb folder; a malformed item names the file and the list."""
    path = directory / SCREENING_FILE
    doc = read_yaml(path if path.exists() else DATA_DIR / SCREENING_FILE)
    try:
        csl = {code: role_from(str(d["list_id"]), d) for code, d in (doc.get("csl") or {}).items()}
        roles = {k: role_from(k, d) for k, d in (doc.get("lists") or {}).items()}
    except (KeyError, ValueError, TypeError) as exc:
        raise KnowledgeBaseError(f"{path}: {exc!r}") from exc
    if "other" not in csl:
        raise KnowledgeBaseError(f"{path}: section 'csl' needs an 'other' item")
    return ScreeningTable({**{r.list_id: r for r in csl.values()}, **roles}, csl)


def target_id(entry: Designation) -> str:
    """The id a list entry is matched and decided under: 'ear-entity-list/<entry id>'."""
    return f"{entry.list_id}{TARGET_SEPARATOR}{entry.id}"


def entry_party(entry: Designation) -> Entity:
    """A list entry as a matchable party: its listed name and alternative names."""
    names = tuple(n for n in entry.names if n != entry.text)
    return Entity(target_id(entry), entry.text, None, names, kind="list-entry")


@dataclass(frozen=True, slots=True)
class ListTargets:
    """Every entry of every list by target id, and a name index over them."""

    entries: dict[str, Designation]
    index: NameIndex


# (kb folder, manifest sha256) -> its list targets: built once per kb as its manifest stands.
TARGETS: dict[tuple[Path, str], ListTargets] = {}


def list_targets(kb: KnowledgeBase) -> ListTargets:
    """The name index over the kb's list entries (built once per kb folder and manifest)."""
    key = (kb.directory, kb.manifest_sha256)
    found = TARGETS.get(key)
    if found is None:
        found = TARGETS.setdefault(key, targets_of(kb))
    return found


def targets_of(kb: KnowledgeBase) -> ListTargets:
    """The name index over the list entries of a kb."""
    entries = {target_id(e): e for listed in kb.lists.values() for e in listed.entries if e.names}
    return ListTargets(entries, build_index(entry_party(e) for e in entries.values()))
