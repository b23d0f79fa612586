"""A list change seen on the dashboard: two kept versions of the FCC Covered List in a kb folder,
the later one adding the Huawei entry; the page shows the diff and the newest run's findings that
now rest on the added entry."""

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from sqlalchemy import create_engine

from netvet.kb.loader import DATA_DIR
from netvet.kb.versions import keep_version
from netvet.service.roles import Role
from netvet.settings import Settings
from netvet.store import run_records
from tests.service.web.conftest import Served
from tests.service.web.test_forms import logged_in

ADDED = "huawei-2021-03-12"


def kb_with_two_versions(folder: Path) -> Path:
    """A kb folder keeping the packaged list and, before it, the same list without ADDED."""
    packaged = DATA_DIR / "lists" / "fcc-covered-list.yaml"
    doc = yaml.safe_load(packaged.read_text(encoding="utf-8"))
    older = {**doc, "version": "2021-01-01", "entries": [e for e in doc["entries"] if e["id"] != ADDED]}
    (folder / "lists").mkdir(parents=True)
    first = folder / "lists" / "fcc-covered-list.yaml"
    first.write_text(yaml.safe_dump(older), encoding="utf-8")
    assert keep_version(folder, first, "older", "")
    assert keep_version(folder, packaged, "packaged", "")
    return folder


@pytest.fixture()
def with_kb_folder(served: Served, tmp_path: Path) -> Iterator[None]:
    """The app reads its kb folder from its settings: point them at the folder for one test."""
    before = getattr(served.app.state, "settings", None)
    base = before or Settings.from_env()
    served.app.state.settings = replace(base, kb_dir=kb_with_two_versions(tmp_path / "kb"))
    yield
    served.app.state.settings = before


def resting_on(url: str, entry: str) -> set[str]:
    """Assets of the newest run (2) with a determination on the entry, read from the store."""
    engine = create_engine(url)
    try:
        records = run_records(engine, 2)
    finally:
        engine.dispose()
    return {r.asset for r in records if any(d.entry == entry for d in r.determinations)}


def test_list_page_shows_the_diff_and_what_it_now_hits(served: Served, with_kb_folder: None) -> None:
    c = logged_in(served, Role.VIEWER)
    page = c.get("/lists/fcc-covered-list").text
    c.close()
    assert "1 added, 0 removed, 0 changed" in page
    hits_table = page[page.index('id="hits"') :]
    shown = set(re.findall(r'/runs/2/assets/[^"]+">([^<]+)</a>', hits_table))
    assert shown == resting_on(served.db, ADDED) != set()
