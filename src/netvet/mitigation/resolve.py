"""Suppliers named in an agreement, resolved to kb entities with the same name matcher
`netvet match` uses: the best match at or above the threshold, and the group's controller on the
agreement's start day, so an agreement with a maker's US subsidiary (ZTE USA) reaches the gear of
the group it supplies (ZTE Corporation). The names as given are kept."""

from dataclasses import replace

from netvet.match import DEFAULT_THRESHOLD, NameIndex, match_name
from netvet.mitigation.model import Agreement
from netvet.model import OwnershipGraph


def resolve_supplier(
    name: str, names: NameIndex, graph: OwnershipGraph, agreement: Agreement
) -> tuple[str, ...]:
    """The kb entity a supplier name is, and its controller on the start day (none when no match)."""
    if name in graph.entities:
        entity: str | None = name
    else:
        found = match_name(names, name, threshold=DEFAULT_THRESHOLD, limit=1)
        entity = found[0].entity if found else None
    if entity is None:
        return ()
    top = graph.controller(entity, agreement.start)
    return tuple(dict.fromkeys(e for e in (entity, top) if e))


def resolve_suppliers(
    agreement: Agreement, names: NameIndex, graph: OwnershipGraph
) -> tuple[Agreement, list[str]]:
    """The agreement with its suppliers' entities added, and one line per resolution made."""
    given = agreement.suppliers or (agreement.counterparty,)
    added: list[str] = []
    notes = []
    for name in given:
        ids = resolve_supplier(name, names, graph, agreement)
        new = [i for i in ids if i not in given and i not in added]
        added += new
        if new:
            notes.append(f"{agreement.key}: supplier {name!r} resolved to {', '.join(ids)}")
    return replace(agreement, suppliers=tuple(dict.fromkeys((*given, *added)))), notes
