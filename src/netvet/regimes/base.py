"""What every regime reads: the lists, the ownership graph and the foreign-adversary list."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from netvet.errors import LookupFailure
from netvet.model import AssetContext, Attribution, Determination, ListVersion, OwnershipGraph


@dataclass(frozen=True, slots=True)
class RegimeKB:
    """Lists by id, the dated ownership graph, and foreign adversaries (country -> since)."""

    lists: Mapping[str, ListVersion]
    graph: OwnershipGraph
    adversaries: Mapping[str, date]

    def get_list(self, list_id: str) -> ListVersion:
        """A list by id; a missing list is a LookupFailure naming it."""
        try:
            return self.lists[list_id]
        except KeyError as exc:
            raise LookupFailure(f"no list '{list_id}' in the knowledge base") from exc

    def country_of(self, entity: str | None) -> str | None:
        """The country of incorporation of a kb entity, if known."""
        found = self.graph.entities.get(entity or "")
        return found.country if found else None


Determine = Callable[[Attribution, AssetContext, RegimeKB, date], Determination]
