"""Login, CSRF and roles over HTTP against the real server: what a browser cannot be trusted to
refuse, the server must."""

import csv
import html
import io
import re
from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import create_engine, select

from netvet.service.roles import Role
from netvet.service.tokens import create_token, revoke_token
from netvet.store.tables import audit_log
from tests.service.web.conftest import Served

TIMEOUT = 120.0


def csrf_of(page: str) -> str:
    """The CSRF value a page's forms carry."""
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    assert found, "no CSRF field on the page"
    return found.group(1)


def client(served: Served) -> httpx.Client:
    return httpx.Client(base_url=served.url, timeout=TIMEOUT)


def logged_in(served: Served, role: Role) -> httpx.Client:
    """A client holding a session of the role's token."""
    c = client(served)
    form = c.get("/login")
    done = c.post("/login", data={"token": served.tokens[role], "csrf": csrf_of(form.text)})
    assert done.status_code == 303 and done.headers["location"] == "/"
    return c


@pytest.fixture()
def analyst(served: Served) -> Iterator[httpx.Client]:
    c = logged_in(served, Role.ANALYST)
    yield c
    c.close()


def test_pages_without_a_session_go_to_the_login_form(served: Served) -> None:
    with client(served) as c:
        for path in ("/", "/runs/2", "/review", "/audit", "/runs/2/findings.csv"):
            answer = c.get(path)
            assert (answer.status_code, answer.headers.get("location")) == (303, "/login"), path


def test_a_bad_token_is_refused(served: Served) -> None:
    with client(served) as c:
        answer = c.post("/login", data={"token": "nvt_not-a-token", "csrf": csrf_of(c.get("/login").text)})
        assert answer.status_code == 401
        assert "unknown, expired or revoked" in answer.text
        assert c.get("/").status_code == 303


def test_login_without_the_forms_csrf_value_is_refused(served: Served) -> None:
    with client(served) as c:
        c.get("/login")
        answer = c.post("/login", data={"token": served.tokens[Role.ADMIN], "csrf": "guessed"})
        assert answer.status_code == 403
        assert c.get("/").status_code == 303


def test_a_forged_cookie_is_no_session(served: Served) -> None:
    with client(served) as c:
        c.cookies.set("netvet_session", "eyJjIjoieCIsInQiOiJ5In0.forged.signature")
        assert c.get("/").status_code == 303


def test_marking_without_csrf_writes_nothing(served: Served, analyst: httpx.Client) -> None:
    before = count_audit(served.db)
    queue = analyst.get("/review?run=2").text
    pick = re.search(r'name="pick" value="([^"]+)"', queue)
    assert pick
    data = {"run": "2", "pick": pick.group(1).replace("&amp;", "&"), "decision": "confirmed", "reason": "x"}
    answer = analyst.post("/review/mark", data={**data, "csrf": "wrong"})
    assert answer.status_code == 403 and "CSRF" in answer.text
    assert count_audit(served.db) == before


def test_a_bulk_form_naming_no_reason_is_refused_with_the_field(analyst: httpx.Client) -> None:
    page = analyst.get("/review?run=2").text
    picks = re.findall(r'name="pick" value="([^"]+)"', page)[:2]
    answer = analyst.post(
        "/review/mark",
        data={"csrf": csrf_of(page), "run": "2", "pick": picks, "decision": "confirmed", "reason": " "},
    )
    assert answer.status_code == 400
    assert "a reason is required" in answer.text


def test_viewer_cannot_mark_nor_read_the_audit_log(served: Served) -> None:
    c = logged_in(served, Role.VIEWER)
    page = c.get("/review?run=2").text
    answer = c.post(
        "/review/mark", data={"csrf": csrf_of(page), "pick": "x|y", "decision": "confirmed", "reason": "r"}
    )
    assert answer.status_code == 403 and "needs the analyst role" in answer.text
    assert c.get("/audit").status_code == 403
    assert c.get("/purchase").status_code == 403
    c.close()


def test_csv_export_holds_exactly_the_filtered_findings(analyst: httpx.Client) -> None:
    page = analyst.get("/runs/2?verdict=review&manufacturer=huawei-technologies").text
    total = int(re.search(r"(\d+) findings", page).group(1))  # type: ignore[union-attr]
    answer = analyst.get("/runs/2/findings.csv?verdict=review&manufacturer=huawei-technologies")
    assert answer.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    assert len(rows) == total > 0
    assert {r["verdict"] for r in rows} == {"review"}


def test_logins_are_audited(served: Served) -> None:
    before = count_audit(served.db, "login")
    logged_in(served, Role.VIEWER).close()
    assert count_audit(served.db, "login") == before + 1


def test_revoking_a_token_ends_its_sessions(served: Served) -> None:
    engine = create_engine(served.db)
    try:
        _, secret = create_token(engine, role=Role.VIEWER, by="tests", name="leaving-user")
        with client(served) as c:
            c.post("/login", data={"token": secret, "csrf": csrf_of(c.get("/login").text)})
            assert c.get("/").status_code == 200
            revoke_token(engine, "leaving-user", by="tests")
            assert (c.get("/").status_code, c.get("/").headers.get("location")) == (303, "/login")
    finally:
        engine.dispose()


def count_audit(url: str, action: str | None = None) -> int:
    """Rows of the audit chain (of one action)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            query = select(audit_log.c.id)
            rows = conn.execute(query if action is None else query.where(audit_log.c.action == action)).all()
    finally:
        engine.dispose()
    return len(rows)


def test_findings_pages_follow_each_other_without_overlap(analyst: httpx.Client) -> None:
    first = analyst.get("/runs/2").text
    total = int(re.search(r"(\d+) findings", first).group(1))  # type: ignore[union-attr]
    second = analyst.get("/runs/2?offset=50").text
    assets = re.compile(r'/runs/2/assets/[^"]+">([^<]+)</a>')
    one, two = assets.findall(first), assets.findall(second)
    assert len(one) == 50 and len(two) == min(50, total - 50)
    assert not set(one) & set(two)
    assert 'offset=50">next</a>' in first and "previous</a>" in second


def test_an_already_expired_decision_is_recorded_but_leaves_the_finding_queued(analyst: httpx.Client) -> None:
    page = analyst.get("/review?run=2").text
    pick = re.findall(r'name="pick" value="([^"]+)"', page)[-1].replace("&amp;", "&")
    form = {"csrf": csrf_of(page), "run": "2", "pick": pick, "decision": "confirmed", "reason": "checked"}
    done = analyst.post("/review/mark", data={**form, "expires": "2020-01-01"})
    assert done.status_code == 303 and "marked=1" in done.headers["location"]
    assert f'value="{pick}"' in analyst.get("/review?run=2").text.replace("&amp;", "&")
    refused = analyst.post("/review/mark", data={**form, "expires": "someday"})
    assert refused.status_code == 400 and "not a date: 'someday'" in html.unescape(refused.text)


def test_an_unknown_run_is_a_404_page(analyst: httpx.Client) -> None:
    for path in ("/runs/99", "/review?run=99", "/runs/99/findings.csv", "/runs/2/assets/no-such-asset"):
        answer = analyst.get(path)
        assert answer.status_code == 404, path
        assert re.search(r"no (run 99|asset 'no-such-asset')", html.unescape(answer.text)), path
        assert answer.headers["content-type"].startswith("text/html")
