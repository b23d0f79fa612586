"""Screen an organisation name: matched entities, their controller, ownership path, and the
list entries that reach them on a date (the `netvet match` contract)."""

from datetime import date
from typing import Any

from netvet.kb.loader import KnowledgeBase
from netvet.match import match_name
from netvet.model import Designation, Scope
from netvet.regimes.entities import link_on
from netvet.report.records import party

INFORMATIONAL_LISTS = frozenset({"dod-1260h"})
EXPORT_SCREENING_LISTS = frozenset({"ear-entity-list"})  # restricts selling to, not buying from


def entry_status(entry: Designation) -> str:
    """How an entry reaches an entity: covered, use-qualified, services-only, informational or
    export-restricted (the Entity List restricts supplying the entity, not buying from it)."""
    if entry.list_id in INFORMATIONAL_LISTS:
        return "informational"
    if entry.list_id in EXPORT_SCREENING_LISTS:
        return "export-restricted"
    if entry.use_qualified:
        return "use-qualified"
    if Scope.EQUIPMENT not in entry.scope:
        return "services-only" if Scope.SERVICES in entry.scope else "software-only"
    return "covered"


def designations_of(kb: KnowledgeBase, entity: str, day: date) -> list[dict[str, Any]]:
    """Entries in force on the day that name the entity or its group."""
    found = []
    for list_id, listed in sorted(kb.lists.items()):
        for entry in listed.in_force(day):
            link = link_on(kb.graph, entity, entry, day) if entry.entities else None
            if link is not None and not link.via_state_body:
                found.append(
                    {
                        "list": list_id,
                        "entry": entry.id,
                        "status": entry_status(entry),
                        "since": entry.date_added.isoformat(),
                        "link": link.kind,
                        "path": list(link.path),
                    }
                )
    return found


def screen_name(kb: KnowledgeBase, query: str, day: date, threshold: float) -> dict[str, Any]:
    """One query's matches, best first."""
    matches = []
    for m in match_name(kb.names, query, threshold=threshold):
        chain = kb.graph.chain(m.entity, day)
        controller = chain[-1]
        matches.append(
            {
                "entity": party(kb.entities, m.entity),
                "score": m.score,
                "matched_name": m.matched_name,
                "controller": party(kb.entities, controller),
                "path": list(chain),
                "designations": designations_of(kb, m.entity, day),
                "reasons": list(m.reasons),
            }
        )
    return {"query": query, "matches": matches}
