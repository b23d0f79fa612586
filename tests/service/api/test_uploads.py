"""Scan uploads (a job, a stored run with its issues, audited), screening and purchase review."""

import httpx

from netvet.kb.screening import Purpose
from netvet.match import DEFAULT_THRESHOLD
from netvet.screen.party import open_screening, screen_party
from netvet.service.webhooks import Event, add_webhook
from netvet.store import open_store
from tests.conftest import AS_OF, ROOT
from tests.service.api.conftest import received, wait_for_job

DEMO_LINES = (ROOT / "examples" / "carrier_inventory.csv").read_text(encoding="utf-8").splitlines()


def test_scan_upload_with_a_malformed_row_stores_run_with_issue(
    viewer: httpx.Client, analyst: httpx.Client, admin: httpx.Client, service_db: str, receiver: str
) -> None:
    engine = open_store(service_db)
    add_webhook(engine, receiver, [Event.RUN_FINISHED, Event.NEW_COVERED], by="test")
    engine.dispose()
    header, rows = DEMO_LINES[0], DEMO_LINES[1:21]
    cells = rows[0].split(",")
    cells[9] = "31/31/2020"  # Purchase Date: no such day
    text = "\n".join([header, ",".join(cells), *rows[1:]]) + "\n"
    answer = analyst.post(
        "/api/scans",
        files={"files": ("inventory.csv", text.encode(), "text/csv")},
        data={"as_of": "2026-11-23", "federal_contractor": "true"},
    )
    assert answer.status_code == 202, answer.text
    job = wait_for_job(viewer, answer.json()["href"])
    assert job["state"] == "done", job
    assert job["result"]["issues"] >= 1  # type: ignore[index]
    run = job["run_id"]
    findings = viewer.get(f"/api/runs/{run}/findings", params={"limit": 500}).json()
    assert findings["total"] == 20
    audit = admin.get("/api/audit", params={"limit": 1000}).json()["items"]
    assert any(r["action"] == "scan-stored" and r["after"]["run"] == run for r in audit)
    assert admin.get("/api/audit/verify").json()["ok"] is True
    diff = viewer.get(f"/api/runs/{run}/diff", params={"against": 1}).json()
    assert diff["new"] == [] and len(diff["resolved"]) > 300
    finished = received("run-finished", 1)
    assert [b["data"]["run"] for b in finished] == [run]
    assert received("new-covered", 1, seconds=2) == []  # every covered asset was covered in run 1


def test_scan_bad_jurisdiction_names_the_field(analyst: httpx.Client) -> None:
    files = {"files": ("inventory.csv", "\n".join(DEMO_LINES[:3]).encode(), "text/csv")}
    answer = analyst.post("/api/scans", files=files, data={"jurisdiction": "mars"})
    assert answer.status_code == 400 and answer.json()["field"] == "jurisdiction"


def test_scan_needs_files(analyst: httpx.Client) -> None:
    answer = analyst.post("/api/scans", data={"as_of": "2026-11-23"})
    assert answer.status_code in (400, 422) and "files" in answer.json()["field"]


def test_screen_json_rows(analyst: httpx.Client, kb: object) -> None:
    name = "Hangzhou Hikvision Digital Technology Co., Ltd."
    rows = [{"name": name, "country": "CN"}, {"name": ""}]
    answer = analyst.post("/api/screen", json={"rows": rows, "purpose": "procurement", "as_of": "2026-11-23"})
    assert answer.status_code == 200, answer.text
    data = answer.json()
    s = open_screening(kb, Purpose.PROCUREMENT, AS_OF, DEFAULT_THRESHOLD)  # type: ignore[arg-type]
    expected = screen_party(s, name, "CN")
    assert expected.best is not None
    assert data["rows"][0]["verdict"] == expected.verdict != "clear"
    assert data["rows"][0]["entity"] == expected.best.entity.id == "hikvision"
    assert data["rows"][1]["verdict"] == "unknown"
    assert any(i["field"] == "name" for i in data["issues"])


def test_screen_bad_purpose_names_field(analyst: httpx.Client) -> None:
    answer = analyst.post("/api/screen", json={"rows": [{"name": "ZTE"}], "purpose": "fun"})
    assert answer.status_code == 400 and answer.json()["field"] == "purpose"


def test_purchase_review_csv_upload(analyst: httpx.Client) -> None:
    data = (ROOT / "examples" / "purchase_lines.csv").read_bytes()
    answer = analyst.post(
        "/api/purchase-review",
        files={"file": ("purchase_lines.csv", data, "text/csv")},
        data={"as_of": "2026-11-23", "federal_contractor": "true"},
    )
    assert answer.status_code == 200, answer.text
    lines = answer.json()["lines"]
    assert len(lines) == len(data.decode().strip().splitlines()) - 1
    assert "prohibited" in {line["decision"] for line in lines}
