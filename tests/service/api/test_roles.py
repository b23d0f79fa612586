"""Every endpoint group answers 401 without a valid token and 403 to a role too low."""

import httpx
import pytest

# (method, path, body, the lowest role allowed): one or more per endpoint group.
ENDPOINTS = [
    ("GET", "/api/runs", None, "viewer"),
    ("GET", "/api/runs/1/findings", None, "viewer"),
    ("GET", "/api/runs/1/diff?against=1", None, "viewer"),
    ("GET", "/api/runs/1/reports/fcc-annual", None, "viewer"),
    ("GET", "/api/jobs/nothing", None, "viewer"),
    (
        "POST",
        "/api/match",
        {"queries": {"q": {"schema": "Company", "properties": {"name": ["ZTE"]}}}},
        "viewer",
    ),
    ("GET", "/api/review-decisions", None, "viewer"),
    ("GET", "/api/lists", None, "viewer"),
    ("POST", "/api/scans", None, "analyst"),
    ("POST", "/api/screen", {"rows": [{"name": "ZTE"}]}, "analyst"),
    ("POST", "/api/purchase-review", {"rows": [{"vendor": "ZTE"}]}, "analyst"),
    ("POST", "/api/review-decisions", {"decisions": []}, "analyst"),
    ("POST", "/api/lists/user-x/import", None, "admin"),
    ("GET", "/api/audit", None, "admin"),
    ("GET", "/api/audit/verify", None, "admin"),
]
BELOW = {"viewer": (), "analyst": ("viewer",), "admin": ("viewer", "analyst")}


def call(client: httpx.Client, method: str, path: str, body: object) -> httpx.Response:
    return client.request(method, path, json=body) if body is not None else client.request(method, path)


@pytest.mark.parametrize(("method", "path", "body", "needed"), ENDPOINTS)
def test_no_token_is_401(anonymous: httpx.Client, method: str, path: str, body: object, needed: str) -> None:
    answer = call(anonymous, method, path, body)
    assert answer.status_code == 401
    assert answer.json()["error"]


@pytest.mark.parametrize(("method", "path", "body", "needed"), ENDPOINTS)
def test_bad_token_is_401(base_url: str, method: str, path: str, body: object, needed: str) -> None:
    with httpx.Client(base_url=base_url, headers={"Authorization": "Bearer nvt_not-a-token"}) as client:
        assert call(client, method, path, body).status_code == 401


@pytest.mark.parametrize(("method", "path", "body", "needed"), [e for e in ENDPOINTS if e[3] != "viewer"])
def test_lower_role_is_403(
    request: pytest.FixtureRequest, method: str, path: str, body: object, needed: str
) -> None:
    for role in BELOW[needed]:
        client: httpx.Client = request.getfixturevalue(role)
        answer = call(client, method, path, body)
        assert answer.status_code == 403, (role, answer.text)
        assert needed in answer.json()["error"]


@pytest.mark.parametrize(("method", "path", "body", "needed"), ENDPOINTS)
def test_allowed_role_is_not_refused(
    request: pytest.FixtureRequest, method: str, path: str, body: object, needed: str
) -> None:
    client: httpx.Client = request.getfixturevalue(needed)
    assert call(client, method, path, body).status_code not in (401, 403)


def test_health_needs_no_token(anonymous: httpx.Client) -> None:
    assert anonymous.get("/api/health").json()["status"] == "ok"


def test_openapi_lists_every_endpoint(anonymous: httpx.Client) -> None:
    paths = anonymous.get("/openapi.json").json()["paths"]
    for _method, path, _body, _needed in ENDPOINTS:
        template = path.split("?")[0].replace("/1/", "/{run_id}/").replace("/nothing", "/{job_id}")
        template = template.replace("/user-x/", "/{list_id}/").replace("/fcc-annual", "/{kind}")
        assert template in paths, template
