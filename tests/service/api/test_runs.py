"""Runs, findings (filters, paging, the JSON contract), run diffs and reports over HTTP."""

import httpx
import pytest

CONTRACT_KEYS = {
    "asset",
    "sources",
    "identifiers",
    "manufacturer",
    "controller",
    "brand",
    "model",
    "category",
    "country_of_production",
    "confidence",
    "evidence",
    "determinations",
    "verdict",
}


@pytest.fixture(scope="module")
def run_id(viewer: httpx.Client) -> int:
    runs = viewer.get("/api/runs").json()["runs"]
    return int(runs[-1]["id"])


def test_runs_list_counts(viewer: httpx.Client, run_id: int) -> None:
    run = next(r for r in viewer.get("/api/runs").json()["runs"] if r["id"] == run_id)
    assert run["as_of"] == "2026-11-23"
    assert sum(run["counts"].values()) == run["assets"] > 0


def test_findings_are_contract_objects_paged(viewer: httpx.Client, run_id: int) -> None:
    first = viewer.get(f"/api/runs/{run_id}/findings", params={"limit": 10}).json()
    second = viewer.get(f"/api/runs/{run_id}/findings", params={"limit": 10, "offset": 10}).json()
    assert len(first["items"]) == 10 and first["total"] > 20
    assert set(first["items"][0]) >= CONTRACT_KEYS
    assert {i["asset"] for i in first["items"]}.isdisjoint(i["asset"] for i in second["items"])


def test_findings_filters(viewer: httpx.Client, run_id: int) -> None:
    covered = viewer.get(f"/api/runs/{run_id}/findings", params={"verdict": "covered", "limit": 500}).json()
    assert covered["total"] > 0 and all(i["verdict"] == "covered" for i in covered["items"])
    huawei = viewer.get(
        f"/api/runs/{run_id}/findings", params={"manufacturer": "huawei-technologies", "limit": 500}
    ).json()
    assert huawei["total"] > 0
    assert all(i["manufacturer"]["id"] == "huawei-technologies" for i in huawei["items"])
    fcc = viewer.get(
        f"/api/runs/{run_id}/findings",
        params={"regime": "fcc-covered-list", "status": "covered", "limit": 500},
    ).json()
    for item in fcc["items"]:
        assert any(
            d["regime"] == "fcc-covered-list" and d["status"] == "covered" for d in item["determinations"]
        )
    host = huawei["items"][0]["identifiers"]["hostname"]
    found = viewer.get(f"/api/runs/{run_id}/findings", params={"text": host.upper()}).json()
    assert host in [i["identifiers"]["hostname"] for i in found["items"]]
    site = huawei["items"][0]["site"]
    at_site = viewer.get(f"/api/runs/{run_id}/findings", params={"site": site, "limit": 500}).json()
    assert at_site["total"] > 0 and {i["site"] for i in at_site["items"]} == {site}


def test_unknown_run_is_404(viewer: httpx.Client) -> None:
    answer = viewer.get("/api/runs/999999/findings")
    assert answer.status_code == 404 and "999999" in answer.json()["error"]


def test_bad_paging_names_the_field(viewer: httpx.Client, run_id: int) -> None:
    answer = viewer.get(f"/api/runs/{run_id}/findings", params={"limit": "many"})
    assert answer.status_code in (400, 422)
    assert "limit" in answer.json()["field"]


def test_diff_against_itself_is_empty(viewer: httpx.Client, run_id: int) -> None:
    diff = viewer.get(f"/api/runs/{run_id}/diff", params={"against": run_id}).json()
    assert diff["new"] == diff["resolved"] == diff["changed"] == []


# The HTML filings are written with their PDF (WeasyPrint: slow on a busy machine): one is enough.
@pytest.mark.parametrize(
    ("kind", "fmt", "marker"), [("fcc-annual", "csv", b","), ("889-evidence", "html", b"<html")]
)
def test_reports(viewer: httpx.Client, run_id: int, kind: str, fmt: str, marker: bytes) -> None:
    answer = viewer.get(f"/api/runs/{run_id}/reports/{kind}", params={"format": fmt}, timeout=900)
    assert answer.status_code == 200, answer.text
    assert marker in answer.content[:2000].lower()


def test_unknown_report_is_404(viewer: httpx.Client, run_id: int) -> None:
    assert viewer.get(f"/api/runs/{run_id}/reports/nothing").status_code == 404
