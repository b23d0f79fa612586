"""The peers of netvet's name matcher, each as `predict(text) -> entity id | None`."""

import hashlib
from collections.abc import Sequence

from followthemoney import EntityProxy, model
from nomenklatura.matching import LogicV2
from rapidfuzz import fuzz, process, utils

from bench.name_eval import GalleryEntity
from netvet.match import NameIndex, name_key
from netvet.match.index import candidates


def company(entity_id: str, names: Sequence[str]) -> EntityProxy:
    """A followthemoney Company with a name and aliases."""
    proxy = model.make_entity("Company")
    proxy.id = entity_id
    proxy.add("name", names[0])
    proxy.add("alias", list(names[1:]))
    return proxy


class WRatioMatcher:
    """rapidfuzz WRatio over every gallery name (default_process), best name at or above cutoff."""

    def __init__(self, gallery: Sequence[GalleryEntity], cutoff: float) -> None:
        self.names = [n for e in gallery for n in e.names]
        self.owners = [e.id for e in gallery for _ in e.names]
        self.cutoff = cutoff

    def __call__(self, text: str) -> str | None:
        """The owner of the best name, or None."""
        best = process.extractOne(
            text, self.names, scorer=fuzz.WRatio, processor=utils.default_process, score_cutoff=self.cutoff
        )
        return self.owners[best[2]] if best else None


class NomenklaturaMatcher:
    """nomenklatura logic-v2 on the candidates of a blocking index (plus rapidfuzz's `extra` nearest)."""

    def __init__(
        self, gallery: Sequence[GalleryEntity], index: NameIndex, threshold: float, extra: int
    ) -> None:
        self.proxies = {e.id: company(e.id, e.names) for e in gallery}
        self.index = index
        self.threshold = threshold
        self.config = LogicV2.default_config()
        self.nearest = WRatioMatcher(gallery, 0) if extra else None
        self.extra = extra

    def candidate_ids(self, text: str) -> set[str]:
        """Entities of the blocking index's candidates, and of the nearest names by WRatio."""
        found = {self.index.names[i].entity for i in candidates(self.index, name_key(text))}
        if self.nearest is not None:
            hits = process.extract(
                text,
                self.nearest.names,
                scorer=fuzz.WRatio,
                processor=utils.default_process,
                limit=self.extra,
            )
            found.update(self.nearest.owners[h[2]] for h in hits)
        return found

    def __call__(self, text: str) -> str | None:
        """The best-scoring candidate at or above the threshold, or None."""
        # nomenklatura caches name analyses by entity id: each query text needs its own.
        query = company("query-" + hashlib.sha1(text.encode()).hexdigest(), [text])
        best, best_score = None, self.threshold
        for entity_id in sorted(self.candidate_ids(text)):
            score = LogicV2.compare(query, self.proxies[entity_id], self.config).score
            if score >= best_score:
                best, best_score = entity_id, score
        return best
