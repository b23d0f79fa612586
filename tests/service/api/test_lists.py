"""Lists over HTTP: an admin imports two versions of a user list into the service's own kb
folder; versions, the diff, the audit row, a later screening and the list-changed webhook
(delivered to a receiver on 127.0.0.1) all see it."""

import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from netvet.kb.loader import DATA_DIR
from netvet.service.app import create_app
from netvet.service.roles import Role
from netvet.service.tokens import create_token
from netvet.service.webhooks import Event, add_webhook
from netvet.settings import Settings
from netvet.store import open_store
from tests.service.api.conftest import received, serving


@pytest.fixture(scope="module")
def kb_admin(tmp_path_factory: pytest.TempPathFactory, receiver: str) -> Iterator[httpx.Client]:
    """An admin client of a server with a kb folder of its own and a list-changed webhook."""
    home = tmp_path_factory.mktemp("lists")
    shutil.copytree(DATA_DIR, home / "kb")
    url = f"sqlite:///{home / 'netvet.db'}"
    engine = open_store(url)
    secret = create_token(engine, role=Role.ADMIN, by="test", name="test-admin")[1]
    add_webhook(engine, receiver, [Event.LIST_CHANGED], by="test")
    engine.dispose()
    app = create_app(url)
    app.state.settings = Settings(kb_dir=home / "kb")
    with (
        serving(app) as base,
        httpx.Client(base_url=base, headers={"Authorization": f"Bearer {secret}"}, timeout=300) as client,
    ):
        yield client


def upload(client: httpx.Client, names: list[str], version: str) -> httpx.Response:
    text = "name\n" + "".join(f"{n}\n" for n in names)
    files = {"file": ("suppliers.csv", text.encode(), "text/csv")}
    return client.post("/api/lists/user-blocked/import", files=files, data={"version": version})


def test_import_versions_diff_audit_screen_webhook(kb_admin: httpx.Client, tmp_path: Path) -> None:
    first = upload(kb_admin, ["Acme Widgets Ltd"], "2026-11-01")
    assert first.status_code == 201, first.text
    second = upload(kb_admin, ["Acme Widgets Ltd", "Beta Parts Trading Co"], "2026-11-20")
    assert second.status_code == 201 and len(second.json()["added"]) == 1
    versions = kb_admin.get("/api/lists/user-blocked/versions").json()["versions"]
    assert [v["version"] for v in versions] == ["2026-11-01", "2026-11-20"]
    diff = kb_admin.get("/api/lists/user-blocked/diff").json()
    assert [e["text"] for e in diff["added"]] == ["Beta Parts Trading Co"] and diff["removed"] == []
    assert "user-blocked" in {entry["id"] for entry in kb_admin.get("/api/lists").json()["lists"]}
    audit = kb_admin.get("/api/audit").json()["items"]
    assert [r["subject"] for r in audit if r["action"] == "list-imported"] == ["user-blocked"] * 2
    rows = [{"name": "Beta Parts Trading Co"}]
    screened = kb_admin.post(
        "/api/screen", json={"rows": rows, "purpose": "procurement", "as_of": "2026-11-25"}
    )
    assert screened.json()["rows"][0]["verdict"] == "hit"
    changed = received("list-changed", 2)
    assert [b["data"]["list"] for b in changed] == ["user-blocked", "user-blocked"]


def test_unknown_list_versions_is_empty_and_diff_400(kb_admin: httpx.Client) -> None:
    assert kb_admin.get("/api/lists/user-nothing/versions").json()["versions"] == []
    assert kb_admin.get("/api/lists/user-nothing/diff").status_code == 400
