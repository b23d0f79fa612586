"""POST /api/match answers yente's shape with netvet's matcher, and refuses over 100 queries."""

import httpx

from netvet.screen.matches import screen_name
from tests.conftest import AS_OF

HIKVISION = "Hangzhou Hikvision Digital Technology Co., Ltd."


def query(name: str, **more: list[str]) -> dict[str, object]:
    return {"schema": "Company", "properties": {"name": [name], **more}}


def test_yente_shape_with_netvet_fields(viewer: httpx.Client, kb: object) -> None:
    body = {"queries": {"a": query(HIKVISION, country=["cn"]), "b": query("Quiet Meadow Bakery LLC")}}
    answer = viewer.post("/api/match", json=body, params={"as_of": AS_OF.isoformat()})
    assert answer.status_code == 200, answer.text
    data = answer.json()
    assert set(data) >= {"responses", "matcher", "limit"}
    a = data["responses"]["a"]
    assert a["status"] == 200 and a["query"]["properties"]["name"] == [HIKVISION]
    assert a["total"]["value"] >= 1 and a["total"]["relation"] == "eq"
    best = a["results"][0]
    assert {"id", "caption", "score", "match", "features", "designations", "path", "reasons"} <= set(best)
    assert best["match"] is True and best["designations"] and best["path"][0] == best["id"]
    expected = screen_name(kb, HIKVISION, AS_OF, 0.9, country="CN").matches[0]  # type: ignore[arg-type]
    assert best["id"] == expected.entity.id and best["score"] == expected.score
    assert data["responses"]["b"]["results"] == []


def test_more_than_100_queries_is_400(viewer: httpx.Client) -> None:
    body = {"queries": {f"q{i}": query(f"Company {i}") for i in range(101)}}
    answer = viewer.post("/api/match", json=body)
    assert answer.status_code == 400
    assert answer.json()["field"] == "queries"


def test_100_queries_are_answered(viewer: httpx.Client) -> None:
    body = {"queries": {f"q{i}": query(f"ZTE Corporation {i}") for i in range(100)}}
    answer = viewer.post("/api/match", json=body)
    assert answer.status_code == 200 and len(answer.json()["responses"]) == 100


def test_missing_schema_names_the_field(viewer: httpx.Client) -> None:
    answer = viewer.post("/api/match", json={"queries": {"a": {"properties": {"name": ["ZTE"]}}}})
    assert answer.status_code in (400, 422)
    assert "queries.a.schema" in answer.json()["field"]
