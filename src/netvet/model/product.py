"""Product lines and operating systems: a name printed in device text, the maker it names, and
the makers on each date where the line changed hands."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from netvet.model.sources import Source
from netvet.model.vocab import Category


class MatchKind(StrEnum):
    """How a product row is found in text."""

    WORD = "word"
    PREFIX = "prefix"
    REGEX = "regex"


class ProductKind(StrEnum):
    """What a product row names."""

    OS = "os"
    PRODUCT_LINE = "product-line"
    MODEL_SERIES = "model-series"
    SOFTWARE = "software"


@dataclass(frozen=True, slots=True)
class Owner:
    """The maker of a product line between two dates (open ends are None)."""

    maker: str
    valid_from: date | None = None
    valid_to: date | None = None

    def holds_on(self, day: date) -> bool:
        """True when this maker owned the line on that day."""
        if self.valid_from is not None and day < self.valid_from:
            return False
        return self.valid_to is None or day < self.valid_to


@dataclass(frozen=True, slots=True)
class ProductLine:
    """One row of products.yaml."""

    id: str
    name: str
    match: MatchKind
    maker: str
    category: Category | None
    kind: ProductKind
    strong: bool
    reason: str
    pattern: str | None = None
    owners: tuple[Owner, ...] = ()
    sources: tuple[Source, ...] = ()
    verified: bool = True

    def maker_on(self, day: date | None) -> str:
        """The maker on a day (the current maker when the day is unknown or no owner is dated)."""
        if day is not None:
            for owner in self.owners:
                if owner.holds_on(day):
                    return owner.maker
        return self.maker


@dataclass(frozen=True, slots=True)
class Lineage:
    """A product line that changed hands: its maker on the asset's acquisition date and today."""

    product: str
    maker_then: str
    maker_now: str
