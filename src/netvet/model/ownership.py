"""The dated ownership graph: who controls whom on a given day, and how two entities relate."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from netvet.model.entity import Entity, OwnershipEdge
from netvet.model.vocab import LinkKind, Relation

CONTROL_RELATIONS = frozenset({Relation.OWNS, Relation.CONTROLS})


@dataclass(frozen=True, slots=True)
class Link:
    """How an entity relates to a target entity on a day: the kind and the path of ids."""

    kind: LinkKind
    path: tuple[str, ...]
    via_state_body: bool = False


@dataclass(frozen=True, slots=True)
class OwnershipGraph:
    """Entities and their dated edges; all queries take the day they are asked for."""

    entities: Mapping[str, Entity]
    parents: Mapping[str, tuple[OwnershipEdge, ...]] = field(default_factory=dict)
    ever_above: Mapping[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, entities: Mapping[str, Entity], edges: tuple[OwnershipEdge, ...]) -> "OwnershipGraph":
        """Index edges by child, and every entity's ancestors on any day (for a quick 'unrelated')."""
        parents: dict[str, list[OwnershipEdge]] = {}
        for edge in edges:
            parents.setdefault(edge.child, []).append(edge)
        frozen = {k: tuple(v) for k, v in parents.items()}
        return cls(entities, frozen, {e: ancestors_ever(frozen, e) for e in entities})

    def may_relate(self, a: str, b: str) -> bool:
        """False when no edge on any day can link the two: they share no ancestor ever."""
        return bool(self.ever_above.get(a, frozenset({a})) & self.ever_above.get(b, frozenset({b})))

    def controlling_parent(self, child: str, day: date) -> OwnershipEdge | None:
        """The owns/controls edge in force on that day with the largest share."""
        live = [e for e in self.parents.get(child, ()) if e.relation in CONTROL_RELATIONS and e.holds_on(day)]
        if not live:
            return None
        return max(live, key=lambda e: (e.relation == Relation.OWNS, e.share or 0.0))

    def chain(self, entity: str, day: date) -> tuple[str, ...]:
        """The entity followed by its controlling parents up to the ultimate controller."""
        path = [entity]
        while (edge := self.controlling_parent(path[-1], day)) is not None:
            if edge.parent in path:
                break
            path.append(edge.parent)
        return tuple(path)

    def controller(self, entity: str, day: date) -> str:
        """The ultimate controller on that day (the entity itself when nobody controls it)."""
        return self.chain(entity, day)[-1]

    def link(self, entity: str, target: str, day: date) -> Link | None:
        """How entity relates to target on that day, or None when unrelated."""
        up = self.chain(entity, day)
        if target in up:
            kind = LinkKind.SELF if target == entity else LinkKind.SUBSIDIARY
            return Link(kind, up[: up.index(target) + 1])
        target_up = self.chain(target, day)
        if entity in target_up:
            return Link(LinkKind.PARENT, tuple(reversed(target_up[: target_up.index(entity) + 1])))
        if up[-1] == target_up[-1]:
            top = self.entities.get(up[-1])
            state = top is not None and top.kind == "state-body"
            return Link(LinkKind.AFFILIATE, (*up, *reversed(target_up[:-1])), via_state_body=state)
        return self._direct_affiliate(entity, target, day)

    def _direct_affiliate(self, entity: str, target: str, day: date) -> Link | None:
        """An explicit affiliate or joint-venture edge between the two, either way round."""
        for child, parent in ((entity, target), (target, entity)):
            for edge in self.parents.get(child, ()):
                if edge.parent == parent and edge.holds_on(day):
                    return Link(LinkKind(edge.relation.value), (entity, target))
        return None

    def change_dates(self, entity: str) -> tuple[date, ...]:
        """Days on which the entity's controlling chain changed (edge starts and ends)."""
        days = {
            d
            for node in self.ever_above.get(entity, frozenset({entity}))
            for edge in self.parents.get(node, ())
            for d in (edge.valid_from, edge.valid_to)
            if d is not None
        }
        return tuple(sorted(days))


def ancestors_ever(parents: Mapping[str, tuple[OwnershipEdge, ...]], entity: str) -> frozenset[str]:
    """The entity and everything above it through any edge on any day."""
    seen: set[str] = set()
    todo = [entity]
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo.extend(edge.parent for edge in parents.get(node, ()))
    return frozenset(seen)
