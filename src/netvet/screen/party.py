"""Screen an organisation name: matched entities, their controller, ownership path, and the
list entries that reach them on a date (the `netvet match` contract)."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from netvet.kb.loader import KnowledgeBase
from netvet.kb.screening import (
    Effect,
    ListRole,
    ListTargets,
    Purpose,
    ScreeningTable,
    list_targets,
    load_screening,
)
from netvet.match import NameMatch, match_name
from netvet.model import Designation, Scope
from netvet.regimes.entities import link_on
from netvet.regimes.services import classify_service
from netvet.report.records import party
from netvet.review.decisions import EMPTY_BOOK, DecisionBook, DecisionKind, decision_record

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


def screen_name(
    kb: KnowledgeBase,
    query: str,
    day: date,
    threshold: float,
    book: DecisionBook = EMPTY_BOOK,
    country: str | None = None,
    identifiers: tuple[tuple[str, str], ...] = (),
) -> dict[str, Any]:
    """One query's matches, best first, its country and identifiers counting when given; a match
    a review decision marks false positive is kept, flagged suppressed, with the decision."""
    matches = []
    for m in match_name(kb.names, query, threshold=threshold, country=country, identifiers=identifiers):
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
                **decided(book, query, m.entity, day),
            }
        )
    return {"query": query, "matches": matches}


def decided(book: DecisionBook, query: str, target: str, day: date) -> dict[str, Any]:
    """'decision' (the one in force, or None) and 'suppressed' for one match."""
    decision = book.current(query, target, day)
    suppressed = decision is not None and decision.kind is DecisionKind.FALSE_POSITIVE
    return {"decision": decision_record(decision) if decision else None, "suppressed": suppressed}


VERDICT_ORDER = ("clear", "review", "hit")
# List entries often repeat one name (a party on SDN and SSI): look further than for entities.
ENTRY_LIMIT = 10


@dataclass(frozen=True, slots=True)
class Screening:
    """What one screening reads: the kb, its list roles and entry index, the purpose, the day,
    the score threshold and the review decisions."""

    kb: KnowledgeBase
    table: ScreeningTable
    targets: ListTargets
    purpose: Purpose
    day: date
    threshold: float
    book: DecisionBook = EMPTY_BOOK


def open_screening(
    kb: KnowledgeBase, purpose: Purpose, day: date, threshold: float, book: DecisionBook = EMPTY_BOOK
) -> Screening:
    """A screening over a loaded kb."""
    return Screening(kb, load_screening(kb.directory), list_targets(kb), purpose, day, threshold, book)


def hit_record(role: ListRole, entry: Designation, path: list[str], affiliate_rule: bool) -> dict[str, Any]:
    """One list entry reaching a match, with the effect it has for the purpose and why."""
    direct = len(path) <= 1
    effect, why = str(role.effect), f"on {role.title or role.list_id} ({role.citation})"
    if role.effect is Effect.INFORMATIONAL:
        effect, why = "review", f"{why}: informational; {role.note or 'a person decides'}"
    elif entry.use_qualified:
        effect, why = "review", f"{why}: only for the uses the entry names"
    elif not direct and not affiliate_rule:
        effect, why = "review", f"{why}: a company linked by ownership is listed, not this one"
    status = "hit" if effect == str(Effect.RESTRICTED) else "review"
    return {
        "list": entry.list_id,
        "entry": entry.id,
        "text": entry.text,
        "since": entry.date_added.isoformat(),
        "effect": status,
        "path": path,
        "reason": why,
    }


def entity_hits(s: Screening, entity: str) -> list[dict[str, Any]]:
    """Entries in force, on lists that serve the purpose, that name the entity or its group."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for list_id in sorted(s.kb.lists):
        role = s.table.roles.get(list_id)
        if role is None or s.purpose not in role.purposes:
            continue
        for entry in s.kb.regime_kb.entries_above(list_id, entity):
            links = (s.kb.graph.link(entity, t, s.day) for t in entry.entities)
            link = next((k for k in links if k is not None and not k.via_state_body), None)
            if entry.in_force(s.day) and link is not None and (list_id, entry.id) not in found:
                found[list_id, entry.id] = hit_record(role, entry, list(link.path), entry.includes_affiliates)
    return list(found.values())


def entity_match(s: Screening, m: NameMatch) -> dict[str, Any]:
    """A kb entity a query matched: controller, ownership path and the list entries reaching it."""
    chain = s.kb.graph.chain(m.entity, s.day)
    return {
        "target": m.entity,
        "entity": party(s.kb.entities, m.entity),
        "score": m.score,
        "matched_name": m.matched_name,
        "controller": party(s.kb.entities, chain[-1]),
        "path": list(chain),
        "hits": entity_hits(s, m.entity),
        "reasons": list(m.reasons),
    }


def entry_match(s: Screening, m: NameMatch) -> dict[str, Any] | None:
    """A list entry a query matched by name (the entry itself is the target), when its list
    serves the purpose and the entry is in force."""
    entry = s.targets.entries[m.entity]
    role = s.table.roles.get(entry.list_id)
    if role is None or s.purpose not in role.purposes or not entry.in_force(s.day):
        return None
    return {
        "target": m.entity,
        "entity": {"id": m.entity, "name": entry.text, "country": None},
        "score": m.score,
        "matched_name": m.matched_name,
        "controller": None,
        "path": [m.entity],
        "hits": [hit_record(role, entry, [m.entity], True)],
        "reasons": list(m.reasons),
    }


def with_decision(s: Screening, query: str, match: dict[str, Any]) -> dict[str, Any]:
    """The match with the review decision in force on it, if any."""
    return {**match, **decided(s.book, query, match["target"], s.day)}


def match_verdict(match: dict[str, Any]) -> str:
    """hit, review or clear for one match (a suppressed match is clear)."""
    if match["suppressed"]:
        return "clear"
    effects = {h["effect"] for h in match["hits"]}
    return "hit" if "hit" in effects else "review" if effects else "clear"


def service_hit(s: Screening, hit: dict[str, Any], service: str) -> dict[str, Any]:
    """A hit on an entry that names some kinds of service only (the §214 entries name
    telecommunications services), for a party supplying another kind or one its text does not
    tell: review, with the question."""
    listed = s.kb.lists.get(hit["list"])
    entry = next((e for e in listed.entries if e.id == hit["entry"]), None) if listed else None
    kind = classify_service(service)
    if hit["effect"] != "hit" or entry is None or not entry.service_types or kind in entry.service_types:
        return hit
    what = f"{kind} ('{service}')" if kind else f"'{service}' (kind unknown)"
    named = ", ".join(entry.service_types)
    return {
        **hit,
        "effect": "review",
        "reason": f"{hit['reason']}: the entry names {named} services, not {what}",
    }


def with_service(s: Screening, match: dict[str, Any], service: str | None) -> dict[str, Any]:
    """The match with its hits read for the service the party supplies, when one is given."""
    if not service or not service.strip():
        return match
    return {**match, "hits": [service_hit(s, h, service.strip()) for h in match["hits"]]}


def screen_party(
    s: Screening,
    query: str,
    country: str | None = None,
    identifiers: tuple[tuple[str, str], ...] = (),
    service: str | None = None,
) -> dict[str, Any]:
    """One name (and its country, identifiers and the service it supplies, when known) screened
    for the purpose: its matches (kb entities and list entries, best first), each with the lists
    that reach it, and the verdict of the most severe unsuppressed match."""
    context: dict[str, Any] = {"country": country, "identifiers": identifiers}
    found = match_name(s.kb.names, query, threshold=s.threshold, **context)
    entities = [with_service(s, entity_match(s, m), service) for m in found]
    covered = {t for m in entities for h in m["hits"] for t in h["path"]}
    named = match_name(s.targets.index, query, threshold=s.threshold, limit=ENTRY_LIMIT, **context)
    entries = [
        e
        for m in named
        if (e := entry_match(s, m)) and not set(s.targets.entries[m.entity].entities) & covered
    ]
    matches = sorted((with_decision(s, query, m) for m in (*entities, *entries)), key=lambda m: -m["score"])
    verdicts = [match_verdict(m) for m in matches]
    verdict = max(verdicts, key=VERDICT_ORDER.index, default="clear")
    best = next((m for m, v in zip(matches, verdicts, strict=True) if v == verdict), None)
    return {"query": query, "purpose": str(s.purpose), "verdict": verdict, "best": best, "matches": matches}
