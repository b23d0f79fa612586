"""Screen a party for a purpose (procurement or export): the one screening path's matches, with
each list entry read for what a hit on it means for the purpose, and list entries matched by name
(a name on a list hits even when it is no kb entity); the `netvet screen` answer."""

from dataclasses import dataclass, replace
from datetime import date

from netvet.kb.knowledge import KnowledgeBase
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
from netvet.model import Designation
from netvet.model.vocab import LinkKind, ScreenVerdict, most_severe
from netvet.regimes.services import classify_service
from netvet.review.decisions import EMPTY_BOOK, DecisionBook
from netvet.screen.matches import decided, entity_match, entry_status
from netvet.screen.model import ListHit, Party, PartyScreen, ScreenMatch

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


def effect_on(
    role: ListRole, entry: Designation, direct: bool, affiliate_rule: bool
) -> tuple[ScreenVerdict, str]:
    """What a hit on the entry means for the purpose its list serves, and why: restricted lists
    hit, unless the entry is informational, use-qualified, or reaches only an owner or affiliate
    while naming no affiliates."""
    why = f"on {role.title or role.list_id} ({role.citation})"
    if role.effect is Effect.INFORMATIONAL:
        return ScreenVerdict.REVIEW, f"{why}: informational; {role.note or 'a person decides'}"
    if entry.use_qualified:
        return ScreenVerdict.REVIEW, f"{why}: only for the uses the entry names"
    if not direct and not affiliate_rule:
        return ScreenVerdict.REVIEW, f"{why}: a company linked by ownership is listed, not this one"
    return (ScreenVerdict.HIT if role.effect is Effect.RESTRICTED else ScreenVerdict.REVIEW), why


def list_hit(
    role: ListRole, entry: Designation, path: tuple[str, ...], link: LinkKind, affiliate_rule: bool
) -> ListHit:
    """One list entry reaching a match, with the effect it has for the purpose and why."""
    effect, why = effect_on(role, entry, len(path) <= 1, affiliate_rule)
    return ListHit(
        list_id=entry.list_id,
        entry=entry.id,
        text=entry.text,
        since=entry.date_added,
        path=path,
        link=link,
        status=entry_status(entry),
        effect=effect,
        reason=why,
    )


def entity_hits(s: Screening, entity: str) -> tuple[ListHit, ...]:
    """Entries in force, on lists that serve the purpose, that name the entity or its group."""
    found: dict[tuple[str, str], ListHit] = {}
    for list_id in sorted(s.kb.lists):
        role = s.table.roles.get(list_id)
        if role is None or s.purpose not in role.purposes:
            continue
        for entry in s.kb.regime_kb.entries_above(list_id, entity):
            links = (s.kb.graph.link(entity, t, s.day) for t in entry.entities)
            link = next((k for k in links if k is not None and not k.via_state_body), None)
            if entry.in_force(s.day) and link is not None and (list_id, entry.id) not in found:
                found[list_id, entry.id] = list_hit(
                    role, entry, link.path, link.kind, entry.includes_affiliates
                )
    return tuple(found.values())


def entry_match(s: Screening, m: NameMatch) -> ScreenMatch | None:
    """A list entry a query matched by name (the entry itself is the target), when its list
    serves the purpose and the entry is in force."""
    entry = s.targets.entries[m.entity]
    role = s.table.roles.get(entry.list_id)
    if role is None or s.purpose not in role.purposes or not entry.in_force(s.day):
        return None
    return ScreenMatch(
        target=m.entity,
        entity=Party(m.entity, entry.text),
        score=m.score,
        matched_name=m.matched_name,
        controller=None,
        path=(m.entity,),
        hits=(list_hit(role, entry, (m.entity,), LinkKind.SELF, True),),
        reasons=m.reasons,
    )


def service_hit(s: Screening, hit: ListHit, service: str) -> ListHit:
    """A hit on an entry that names some kinds of service only (the §214 entries name
    telecommunications services), for a party supplying another kind or one its text does not
    tell: review, with the question."""
    listed = s.kb.lists.get(hit.list_id)
    entry = next((e for e in listed.entries if e.id == hit.entry), None) if listed else None
    kind = classify_service(service)
    if (
        hit.effect is not ScreenVerdict.HIT
        or entry is None
        or not entry.service_types
        or kind in entry.service_types
    ):
        return hit
    what = f"{kind} ('{service}')" if kind else f"'{service}' (kind unknown)"
    named = ", ".join(entry.service_types)
    return replace(
        hit, effect=ScreenVerdict.REVIEW, reason=f"{hit.reason}: the entry names {named} services, not {what}"
    )


def with_service(s: Screening, match: ScreenMatch, service: str | None) -> ScreenMatch:
    """The match with its hits read for the service the party supplies, when one is given."""
    if not service or not service.strip():
        return match
    return replace(match, hits=tuple(service_hit(s, h, service.strip()) for h in match.hits))


def screen_party(
    s: Screening,
    query: str,
    country: str | None = None,
    identifiers: tuple[tuple[str, str], ...] = (),
    service: str | None = None,
) -> PartyScreen:
    """One name (and its country, identifiers and the service it supplies, when known) screened
    for the purpose: its matches (kb entities and list entries, best first), each with the lists
    that reach it, and the verdict of the most severe unsuppressed match."""
    found = match_name(s.kb.names, query, threshold=s.threshold, country=country, identifiers=identifiers)
    entities = [
        with_service(s, entity_match(s.kb, m, s.day, entity_hits(s, m.entity)), service) for m in found
    ]
    covered = {t for m in entities for h in m.hits for t in h.path}
    named = match_name(
        s.targets.index,
        query,
        threshold=s.threshold,
        limit=ENTRY_LIMIT,
        country=country,
        identifiers=identifiers,
    )
    entries = [
        e
        for m in named
        if (e := entry_match(s, m)) and not set(s.targets.entries[m.entity].entities) & covered
    ]
    matches = sorted(
        (decided(s.book, query, m, s.day) for m in (*entities, *entries)), key=lambda m: -m.score
    )
    verdict = most_severe((m.verdict for m in matches), ScreenVerdict.CLEAR)
    best = next((m for m in matches if m.verdict is verdict), None)
    return PartyScreen(query, s.purpose, verdict, best, tuple(matches))
