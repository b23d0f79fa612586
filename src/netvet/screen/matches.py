"""The one screening path: a query's name matches, each with its controller, ownership path,
the list entries that reach it and the review decision in force (`netvet match` answers with it;
`netvet screen` adds the purpose's reading of each list)."""

from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from netvet.kb.knowledge import KnowledgeBase
from netvet.match import NameMatch, match_name
from netvet.model import Designation, Entity, Scope
from netvet.regimes.entities import link_on
from netvet.review.decisions import EMPTY_BOOK, DecisionBook
from netvet.screen.model import EntryStatus, ListHit, NameScreen, Party, ScreenMatch

INFORMATIONAL_LISTS = frozenset({"dod-1260h"})
EXPORT_SCREENING_LISTS = frozenset({"ear-entity-list"})  # restricts selling to, not buying from


def entry_status(entry: Designation) -> EntryStatus:
    """How an entry reaches an entity: covered, use-qualified, services-only, informational or
    export-restricted (the Entity List restricts supplying the entity, not buying from it)."""
    if entry.list_id in INFORMATIONAL_LISTS:
        return EntryStatus.INFORMATIONAL
    if entry.list_id in EXPORT_SCREENING_LISTS:
        return EntryStatus.EXPORT_RESTRICTED
    if entry.use_qualified:
        return EntryStatus.USE_QUALIFIED
    if Scope.EQUIPMENT not in entry.scope:
        return EntryStatus.SERVICES_ONLY if Scope.SERVICES in entry.scope else EntryStatus.SOFTWARE_ONLY
    return EntryStatus.COVERED


def named_party(entities: Mapping[str, Entity], entity_id: str) -> Party:
    """A kb entity as outputs show it, or a registrant the kb does not know ('org:NAME')."""
    if entity_id.startswith("org:"):
        return Party(None, entity_id.removeprefix("org:"))
    found = entities.get(entity_id)
    return Party(found.id, found.name, found.country) if found else Party(entity_id, entity_id)


def designations_of(kb: KnowledgeBase, entity: str, day: date) -> tuple[ListHit, ...]:
    """Entries in force on the day, on any list, that name the entity or its group."""
    found = []
    for list_id, listed in sorted(kb.lists.items()):
        for entry in listed.in_force(day):
            link = link_on(kb.graph, entity, entry, day) if entry.entities else None
            if link is not None and not link.via_state_body:
                found.append(
                    ListHit(
                        list_id=list_id,
                        entry=entry.id,
                        text=entry.text,
                        since=entry.date_added,
                        path=link.path,
                        link=link.kind,
                        status=entry_status(entry),
                    )
                )
    return tuple(found)


def entity_match(kb: KnowledgeBase, m: NameMatch, day: date, hits: tuple[ListHit, ...]) -> ScreenMatch:
    """A kb entity a query matched, with its controller and ownership path on the day."""
    chain = kb.graph.chain(m.entity, day)
    return ScreenMatch(
        target=m.entity,
        entity=named_party(kb.entities, m.entity),
        score=m.score,
        matched_name=m.matched_name,
        controller=named_party(kb.entities, chain[-1]),
        path=tuple(chain),
        hits=hits,
        reasons=m.reasons,
    )


def decided(book: DecisionBook, query: str, match: ScreenMatch, day: date) -> ScreenMatch:
    """The match with the review decision in force on it, if any."""
    return replace(match, decision=book.current(query, match.target, day))


def screen_name(
    kb: KnowledgeBase,
    query: str,
    day: date,
    threshold: float,
    book: DecisionBook = EMPTY_BOOK,
    country: str | None = None,
    identifiers: tuple[tuple[str, str], ...] = (),
) -> NameScreen:
    """One query's matches, best first, its country and identifiers counting when given; a match
    a review decision marks false positive is kept, flagged suppressed, with the decision."""
    found = match_name(kb.names, query, threshold=threshold, country=country, identifiers=identifiers)
    matches = (entity_match(kb, m, day, designations_of(kb, m.entity, day)) for m in found)
    return NameScreen(query, tuple(decided(book, query, m, day) for m in matches))
