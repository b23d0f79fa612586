"""Bulk review decisions: recorded together, audited, and applied to a later findings read."""

import httpx


def test_bulk_false_positive_applies_to_later_findings_read(
    viewer: httpx.Client, analyst: httpx.Client, admin: httpx.Client
) -> None:
    run = viewer.get("/api/runs").json()["runs"][-1]["id"]
    covered = viewer.get(f"/api/runs/{run}/findings", params={"verdict": "covered", "limit": 2}).json()[
        "items"
    ]
    body = {
        "decisions": [
            {
                "subject": c["asset"],
                "entity": c["manufacturer"]["id"],
                "decision": "false-positive",
                "reason": "test: lab unit, not in the network",
                "expires": "2099-01-01",
            }
            for c in covered
        ]
    }
    answer = analyst.post("/api/review-decisions", json=body)
    assert answer.status_code == 201, answer.text
    assert [d["author"] for d in answer.json()["decisions"]] == ["test-analyst"] * len(covered)
    for c in covered:
        after = viewer.get(f"/api/runs/{run}/findings", params={"text": c["asset"]}).json()["items"]
        mine = next(i for i in after if i["asset"] == c["asset"])
        assert mine["verdict"] == "clear" and mine["verdict_before_review"] == "covered"
        assert mine["review"]["reason"] == "test: lab unit, not in the network"
    listed = viewer.get("/api/review-decisions").json()["decisions"]
    assert {c["asset"] for c in covered} <= {d["subject"] for d in listed if d["state"] == "in force"}
    audit = admin.get("/api/audit", params={"limit": 1000}).json()["items"]
    assert sum(1 for r in audit if r["action"] == "review-decision" and r["who"] == "test-analyst") >= len(
        covered
    )
    assert admin.get("/api/audit/verify").json()["ok"] is True


def test_bad_decision_writes_nothing(viewer: httpx.Client, analyst: httpx.Client) -> None:
    before = len(viewer.get("/api/review-decisions").json()["decisions"])
    good = {"subject": "x", "entity": "zte", "decision": "confirmed", "reason": "seen"}
    bad = {"subject": "y", "entity": "zte", "decision": "maybe", "reason": "seen"}
    answer = analyst.post("/api/review-decisions", json={"decisions": [good, bad]})
    assert answer.status_code in (400, 422)
    assert "decisions.1.decision" in answer.json()["field"]
    assert len(viewer.get("/api/review-decisions").json()["decisions"]) == before
