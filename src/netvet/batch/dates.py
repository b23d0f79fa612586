"""The acquisition days that can change one group's answer, so a group's rows split only there.

A purchase date decides an answer in three ways, each read from the kb rather than kept by hand:
the regimes compare it with their cut-off days (`acquisition_cutoffs`); the ownership graph is
read on it, which matters only when a maker the evidence names may relate to an entity some list
names (`OwnershipGraph.may_relate`, the test `match_entry` starts with); and a product line's
maker on it (fusion's lineage), which only the owner days of the group's own evidence can move.
With other jurisdictions' instruments asked, ownership days split every group (an instrument
reads the vendor's owners on the day whatever the lists say)."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import numpy.typing as npt

from netvet.kb.knowledge import KnowledgeBase
from netvet.model import Evidence
from netvet.regimes import REGIMES, acquisition_cutoffs

I64 = npt.NDArray[np.int64]
NO_DAY = -1


@dataclass(frozen=True, slots=True)
class AcquiredEdges:
    """The days that may split every group, and those that split only some."""

    always: frozenset[date]
    ownership: frozenset[date]
    listed: frozenset[str]  # every entity a list names, and all ever above them
    kb: KnowledgeBase
    every_maker: bool = False

    def for_evidence(self, evidence: Iterable[Evidence]) -> tuple[date, ...]:
        """The sorted days on which the answer of a group with this evidence can change."""
        evidence = tuple(evidence)
        named = {e.claims for e in evidence if e.claims} | {o.maker for e in evidence for o in e.owners}
        lineage = {d for e in evidence for o in e.owners for d in (o.valid_from, o.valid_to) if d}
        related = self.every_maker or any(self.may_be_listed(n) for n in named)
        owned = self.ownership if related else frozenset()
        return tuple(sorted(self.always | owned | lineage))

    def may_be_listed(self, entity: str) -> bool:
        """True when an edge on some day can link the entity to one a list names: it shares an
        ancestor with one (`OwnershipGraph.may_relate` against every listed entity at once)."""
        return not self.kb.graph.ever_above.get(entity, frozenset({entity})).isdisjoint(self.listed)


def acquired_edges(kb: KnowledgeBase, as_of: date, regimes: tuple[str, ...]) -> AcquiredEdges:
    """The edges of a scan as of a day for the regimes asked."""
    cutoffs = acquisition_cutoffs(kb.regime_kb, regimes) | {as_of + timedelta(days=1)}
    ownership = frozenset(d for e in kb.edges for d in (e.valid_from, e.valid_to) if d)
    named = {n for lst in kb.regime_kb.lists.values() for e in lst.entries for n in e.entities}
    listed = frozenset(a for n in named for a in kb.graph.ever_above.get(n, frozenset({n})))
    instruments = any(r not in REGIMES for r in regimes)  # they read ownership on the day for any maker
    return AcquiredEdges(cutoffs, ownership, listed, kb, every_maker=instruments)


def day_numbers(days: list[object]) -> I64:
    """Proleptic ordinals of dates (NO_DAY for anything else), one per value, plus a NO_DAY slot."""
    return np.array([d.toordinal() if isinstance(d, date) else NO_DAY for d in days] + [NO_DAY])


def buckets(days: I64, edges: tuple[date, ...]) -> I64:
    """Per day, the interval between edges that holds it (bisect_right), NO_DAY without a day."""
    found = np.searchsorted(np.array([d.toordinal() for d in edges], dtype=np.int64), days, side="right")
    return np.where(days == NO_DAY, NO_DAY, found).astype(np.int64)
