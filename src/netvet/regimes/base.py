"""What every regime reads: the lists, the ownership graph and the foreign-adversary list."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

from netvet.errors import LookupFailure
from netvet.model import (
    AssetContext,
    Attribution,
    Designation,
    Determination,
    Instrument,
    ListVersion,
    OwnershipGraph,
)


@dataclass(frozen=True, slots=True)
class RegimeKB:
    """Lists by id, the dated ownership graph, foreign adversaries (country -> since), and other
    jurisdictions' instruments by regime id."""

    lists: Mapping[str, ListVersion]
    graph: OwnershipGraph
    adversaries: Mapping[str, date]
    named: Mapping[str, Mapping[str, tuple[Designation, ...]]] = field(default_factory=dict)
    instruments: Mapping[str, Instrument] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        lists: Mapping[str, ListVersion],
        graph: OwnershipGraph,
        adversaries: Mapping[str, date],
        instruments: Mapping[str, Instrument] | None = None,
    ) -> "RegimeKB":
        """Index every list's entries by the entities they name."""
        named: dict[str, dict[str, list[Designation]]] = {}
        for list_id, listed in lists.items():
            for entry in listed.entries:
                for entity in entry.entities:
                    named.setdefault(list_id, {}).setdefault(entity, []).append(entry)
        frozen = {k: {e: tuple(v) for e, v in d.items()} for k, d in named.items()}
        return cls(lists, graph, adversaries, frozen, instruments=dict(instruments or {}))

    def entries_above(self, list_id: str, entity: str) -> tuple[Designation, ...]:
        """Entries of a list naming the entity or anything that was ever above it."""
        index = self.named.get(list_id, {})
        above = self.graph.ever_above.get(entity, frozenset({entity}))
        return tuple(e for node in sorted(above) for e in index.get(node, ()))

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
# A regime built on the Covered List: it is handed the list's answer for the asset (its last
# argument) instead of computing it again.
DetermineOnList = Callable[[Attribution, AssetContext, RegimeKB, date, Determination], Determination]
