"""The dashboard in Debian's Chromium against the real server: log in, open every page (a
screenshot of each under out/screenshots/), filter with htmx, mark a review decision in bulk and
see it applied, log out."""

from collections.abc import Iterator
from typing import Any

import pytest

from netvet.service.roles import Role
from tests.service.web.conftest import Served, screenshot

# Browser steps wait at most this long (ms): the first page that loads the kb takes seconds here.
WAIT = 120_000


def log_in(browser: Any, served: Served, role: Role) -> Any:
    """A new browser context logged in with the role's token; its page."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(WAIT)
    page.goto(f"{served.url}/runs/1")
    assert page.url.endswith("/login")
    page.fill("input[name=token]", served.tokens[role])
    page.click("button[type=submit]")
    page.wait_for_url(f"{served.url}/")
    return page


@pytest.fixture(scope="module")
def admin(browser: Any, served: Served) -> Iterator[Any]:
    page = log_in(browser, served, Role.ADMIN)
    yield page
    page.context.close()


def test_runs_page_lists_both_runs_with_a_trend(admin: Any, served: Served) -> None:
    admin.goto(f"{served.url}/")
    assert admin.locator("#runs tr").count() == 3  # header and two runs
    assert admin.locator("svg[aria-label='Assets by verdict across runs'] polyline").count() == 4
    screenshot(admin, "runs")


def test_findings_filter_and_search_swap_the_table(admin: Any, served: Served) -> None:
    admin.goto(f"{served.url}/runs/2")
    everything = admin.locator("#results p").first.inner_text()
    admin.evaluate("window.notReloaded = true")  # gone if the browser loaded a whole new page
    admin.select_option("select[name=verdict]", "covered")
    admin.fill("input[name=text]", "huawei")
    admin.click("form.filters button[type=submit]")
    admin.wait_for_url("**verdict=covered**")
    rows = admin.locator("#findings tr td:nth-child(2)")
    assert rows.count() > 0
    assert set(rows.all_inner_texts()) == {"covered"}
    assert all(
        "huawei" in m.casefold() for m in admin.locator("#findings tr td:nth-child(3)").all_inner_texts()
    )
    assert admin.locator("#results p").first.inner_text() != everything
    assert "verdict=covered" in (admin.get_attribute("#csv", "href") or "")
    assert admin.evaluate("window.notReloaded === true"), "htmx did not swap the table in place"
    screenshot(admin, "findings")


def test_asset_page_shows_evidence_citations_and_path(admin: Any, served: Served) -> None:
    admin.goto(f"{served.url}/runs/2?verdict=covered&text=huawei")
    admin.locator("#findings tr td:first-child a").first.click()
    admin.wait_for_selector("#determinations")
    assert "47 CFR 1.50002" in admin.locator("#determinations").inner_text()
    assert admin.locator("#evidence tr").count() > 1
    assert "Huawei" in admin.locator("#path").inner_text()
    screenshot(admin, "asset")


def test_changes_between_the_two_runs(admin: Any, served: Served) -> None:
    admin.goto(f"{served.url}/changes")
    summary = admin.locator("#summary").inner_text()
    assert "Run #2 against #1" in summary
    assert admin.locator("#changed tr").count() > 1  # listings after 2020-06-01 change verdicts
    screenshot(admin, "changes")


def test_lists_purchase_and_audit_pages_open(admin: Any, served: Served) -> None:
    admin.goto(f"{served.url}/lists")
    assert "fcc-covered-list" in admin.locator("#lists").inner_text()
    screenshot(admin, "lists")
    admin.goto(f"{served.url}/lists/fcc-covered-list")
    screenshot(admin, "list")
    admin.goto(f"{served.url}/audit?verify=1")
    assert "The chain holds" in admin.locator("#verify").inner_text()
    assert "login" in admin.locator("#audit").inner_text()
    screenshot(admin, "audit")


def test_purchase_gate_judges_uploaded_lines(admin: Any, served: Served) -> None:
    from tests.service.web.conftest import ROOT

    admin.goto(f"{served.url}/purchase")
    admin.set_input_files("input[name=lines]", str(ROOT / "examples" / "purchase_lines.csv"))
    admin.select_option("select[name=usf_recipient]", "yes")
    admin.click("#purchase button[type=submit]")
    admin.wait_for_selector("#decisions")
    decisions = admin.locator("#decisions tr td:nth-child(2)").all_inner_texts()
    assert "prohibited" in decisions and "allowed" in decisions
    screenshot(admin, "purchase")


def test_marking_a_review_finding_applies_the_decision(browser: Any, served: Served) -> None:
    page = log_in(browser, served, Role.ANALYST)
    page.goto(f"{served.url}/review?run=2")
    waiting = page.locator("#queue input[name=pick]").count()
    assert waiting > 1
    first = page.locator("#queue input[name=pick]").first
    maker, _, asset = (first.get_attribute("value") or "").partition("|")
    first.check()
    page.select_option("select[name=decision]", "false-positive")
    page.fill("input[name=reason]", "lab spare, never connected")
    page.click("#mark button[type=submit]")
    page.wait_for_selector("#marked")
    assert page.locator("#queue input[name=pick]").count() == waiting - 1
    screenshot(page, "review")
    page.goto(f"{served.url}/runs/2?text={asset}")
    row = page.locator("#findings tr", has_text=asset).first
    assert "clear" in row.inner_text() and "false-positive by analyst-user" in row.inner_text()
    page.click("header button[type=submit]")  # log out
    page.wait_for_url("**/login")
    page.goto(f"{served.url}/review")
    assert page.url.endswith("/login")
    page.context.close()
    assert maker


def test_viewer_sees_the_queue_without_the_mark_form(browser: Any, served: Served) -> None:
    page = log_in(browser, served, Role.VIEWER)
    page.goto(f"{served.url}/review?run=2")
    assert page.locator("#queue input[name=pick]").count() == 0
    assert page.locator("#mark button[type=submit]").count() == 0
    page.goto(f"{served.url}/audit")
    assert "needs the admin role" in page.locator("main").inner_text()
    page.context.close()
