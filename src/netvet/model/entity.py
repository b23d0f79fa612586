"""Legal entities, dated ownership edges and brands of the knowledge base."""

from dataclasses import dataclass
from datetime import date

from netvet.model.sources import Source
from netvet.model.vocab import Relation


@dataclass(frozen=True, slots=True)
class Entity:
    """A legal entity (company or state body) with its names and identifiers."""

    id: str
    name: str
    country: str | None
    aliases: tuple[str, ...] = ()
    identifiers: tuple[tuple[str, str], ...] = ()
    kind: str = "company"
    note: str | None = None
    sources: tuple[Source, ...] = ()
    verified: bool = True

    @property
    def names(self) -> tuple[str, ...]:
        """The legal name followed by every alias."""
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class OwnershipEdge:
    """Parent owns or controls child between two dates (open ends are None)."""

    parent: str
    child: str
    relation: Relation
    share: float | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    sources: tuple[Source, ...] = ()
    verified: bool = True

    def holds_on(self, day: date) -> bool:
        """True when the edge was in force on that day."""
        if self.valid_from is not None and day < self.valid_from:
            return False
        return self.valid_to is None or day < self.valid_to


@dataclass(frozen=True, slots=True)
class Brand:
    """A brand name, its owner, and the maker when the brand is an OEM relabel."""

    brand: str
    owner: str
    oem: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    sources: tuple[Source, ...] = ()
    verified: bool = True
