"""POST /api/match (viewer): yente's request and response shape over netvet's matcher, so tools
written for yente can point at netvet. Each result also carries netvet's designations, ownership
path, controller and reasons. yente refuses batches above its MAX_BATCH with 400; netvet's limit
is 100 queries."""

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Response
from pydantic import BaseModel, Field
from sqlalchemy import Engine

from netvet.kb.knowledge import KnowledgeBase
from netvet.match import DEFAULT_THRESHOLD, country_code
from netvet.review.decisions import DecisionBook
from netvet.screen.matches import screen_name
from netvet.screen.model import ScreenMatch
from netvet.screen.records import name_match_record
from netvet.service.api.deps import decision_book, knowledge, store, today
from netvet.service.api.errors import bad_request
from netvet.service.auth import Role, require

router = APIRouter(tags=["match"], dependencies=[Depends(require(Role.VIEWER))])
MAX_BATCH = 100
# FollowTheMe properties netvet reads as identifiers, with netvet's scheme names.
ID_PROPERTIES = {"leiCode": "lei", "uniqueEntityId": "uei", "cageCode": "cage"}
MATCHER = {
    "name": "netvet",
    "features": {
        "name_match": "netvet's organisation-name score (legal forms, scripts, aliases and the query's "
        "country and identifiers counted); the reasons say why"
    },
}


class EntityExample(BaseModel):
    """One query, as yente takes it: a schema and FollowTheMoney properties."""

    id: str | None = None
    schema_: str = Field(alias="schema")
    properties: dict[str, str | list[str]]


class MatchRequest(BaseModel):
    """yente's match request: queries by a key the caller chooses."""

    weights: dict[str, float] = {}
    queries: dict[str, EntityExample]


def values(example: EntityExample, prop: str) -> list[str]:
    """A property's values as a list (yente accepts a bare string too)."""
    found = example.properties.get(prop, [])
    return [found] if isinstance(found, str) else [v for v in found if v.strip()]


def query_context(example: EntityExample) -> tuple[str | None, tuple[tuple[str, str], ...]]:
    """The query's country (first of country, jurisdiction) and identifiers."""
    countries = [*values(example, "country"), *values(example, "jurisdiction")]
    code = next((c for c in map(country_code, countries) if c), None)
    ids = tuple((scheme, v) for prop, scheme in ID_PROPERTIES.items() for v in values(example, prop))
    return code, ids


def result(m: ScreenMatch, threshold: float) -> dict[str, Any]:
    """One scored entity in yente's shape, then netvet's fields (as `netvet match --json` has them)."""
    found = name_match_record(m)
    country = {"country": [m.entity.country]} if m.entity.country else {}
    return {
        "id": m.entity.id,
        "caption": m.entity.name,
        "schema": "Organization",
        "properties": {"name": [m.entity.name], **country},
        "datasets": sorted({h.list_id for h in m.hits}),
        "referents": [],
        "target": bool(m.hits),
        "score": m.score,
        "features": {"name_match": m.score},
        "match": m.score >= threshold and not m.suppressed,
        **{
            k: found[k] for k in ("designations", "path", "controller", "reasons", "matched_name", "decision")
        },
        "suppressed": m.suppressed,
    }


def answer(
    kb: KnowledgeBase, example: EntityExample, day: date, threshold: float, book: DecisionBook, limit: int
) -> dict[str, Any]:
    """One query's response: each name screened, the best score per entity kept, best first."""
    country, ids = query_context(example)
    best: dict[str | None, ScreenMatch] = {}
    for name in values(example, "name"):
        for m in screen_name(kb, name, day, threshold, book, country, ids).matches:
            kept = best.get(m.entity.id)
            if kept is None or m.score > kept.score:
                best[m.entity.id] = m
    ranked = sorted(best.values(), key=lambda m: -m.score)
    return {
        "status": 200,
        "results": [result(m, threshold) for m in ranked[:limit]],
        "total": {"value": len(ranked), "relation": "eq"},
        "query": example.model_dump(by_alias=True),
    }


@router.post("/match")
def post_match(
    body: MatchRequest,
    response: Response,
    kb: Annotated[KnowledgeBase, Depends(knowledge)],
    engine: Annotated[Engine, Depends(store)],
    limit: Annotated[int, Query(ge=1, le=5)] = 5,
    threshold: Annotated[float, Query(ge=0.0, le=1.0)] = DEFAULT_THRESHOLD,
    as_of: date | None = None,
) -> dict[str, Any]:
    """Screen a batch of organisations (at most 100) as `netvet match` does."""
    if len(body.queries) > MAX_BATCH:
        raise bad_request(f"Too many queries in one batch (limit: {MAX_BATCH})", "queries")
    if not body.queries:
        raise bad_request("No queries provided.", "queries")
    unnamed = next((k for k, q in body.queries.items() if not values(q, "name")), None)
    if unnamed is not None:
        raise bad_request("a query needs at least one name", f"queries.{unnamed}.properties.name")
    day, book = as_of or today(), decision_book(engine)
    responses = {k: answer(kb, q, day, threshold, book, limit) for k, q in body.queries.items()}
    response.headers["x-batch-size"] = str(len(responses))
    return {"responses": responses, "matcher": MATCHER, "limit": limit}
