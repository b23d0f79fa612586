"""List entries (designations), effective-dated and versioned."""

from dataclasses import dataclass
from datetime import date

from netvet.model.sources import Source
from netvet.model.vocab import Category, Scope, ServiceType


@dataclass(frozen=True, slots=True)
class Designation:
    """One entry on one version of one list: a named entity or a category of products."""

    id: str
    list_id: str
    list_version: date
    text: str
    date_added: date
    citation: str
    entities: tuple[str, ...] = ()
    categories: tuple[Category, ...] = ()
    scope: tuple[Scope, ...] = (Scope.EQUIPMENT,)
    use_qualified: bool = False
    includes_affiliates: bool = True
    foreign_produced: bool = False
    conditional_approval_exception: bool = False
    exceptions: tuple[str, ...] = ()
    basis: str | None = None
    updated: tuple[date, ...] = ()
    date_removed: date | None = None
    updates_allowed_until: date | None = None
    names: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    verified: bool = True
    service_types: tuple[ServiceType, ...] = ()

    def in_force(self, day: date) -> bool:
        """True when the entry was on the list that day."""
        return self.date_added <= day and (self.date_removed is None or day < self.date_removed)

    @property
    def is_category_entry(self) -> bool:
        """True for entries defined by product category rather than by a named entity."""
        return bool(self.categories) and not self.entities


@dataclass(frozen=True, slots=True)
class ListVersion:
    """A list as published on one date, with the hash of the file it was read from."""

    list_id: str
    version: date
    sha256: str
    title: str
    entries: tuple[Designation, ...]

    def in_force(self, day: date) -> tuple[Designation, ...]:
        """Entries added on or before that day and not removed by then."""
        return tuple(e for e in self.entries if e.in_force(day))
