"""The §889 reasonable-inquiry evidence pack from a real stored run: HTML, and a PDF rendered to
PNG and read back as text with Debian's poppler-utils."""

import hashlib
from pathlib import Path

from PIL import Image

from netvet.report.evidence import ReviewDecision, build_evidence
from netvet.report.run import records_with
from tests.report.conftest import EXAMPLES, Store, pdf_pages, pdf_text, report

SECTIONS = (
    "Scope",
    "Sources consulted",
    "List versions",
    "What was found",
    "What was not found",
    "Use qualifiers and exceptions applied",
    "Review decisions",
    "FAR 52.204-24(e) disclosure",
    "FAR 52.204-25(d) report clocks",
)


def test_pdf_has_every_section_the_hashes_and_the_clocks(store: Store, tmp_path: Path) -> None:
    done = report(store, tmp_path, "889-evidence", "--discovered", "2026-11-25")
    assert done.returncode == 0, done.stderr
    text = " ".join(pdf_text(tmp_path / "889-evidence.pdf").split())
    for section in SECTIONS:
        assert section in text
    inventory = hashlib.sha256((EXAMPLES / "carrier_inventory.csv").read_bytes()).hexdigest()
    squeezed = text.replace(" ", "")
    assert inventory in squeezed and store.carrier.kb_manifest_sha256 in squeezed
    assert "Friday 2026-11-27" in text and "Thursday 2026-12-10" in text
    assert "2026-11-26 Thanksgiving Day" in text
    covered = sum(1 for _ in records_with(store.carrier, "ndaa-889", "covered"))
    assert f"{covered} asset(s) covered under §889" in text


def test_pdf_pages_render_with_ink(store: Store, tmp_path: Path) -> None:
    report(store, tmp_path, "889-evidence")
    pages = pdf_pages(tmp_path / "889-evidence.pdf", tmp_path / "png")
    assert len(pages) > 2
    with Image.open(pages[0]) as first:
        width, height = first.size
        assert width > height  # landscape: the tables are wide
        low, high = first.convert("L").getextrema()
        assert low < 100 and high == 255
    html = (tmp_path / "889-evidence.html").read_text(encoding="utf-8")
    assert "<th>UEI</th>" in html and "<th>CAGE</th>" in html


def test_disclosure_rows_are_the_covered_items(store: Store) -> None:
    pack = build_evidence(store.carrier, {}, None, store.carrier.as_of)
    assert len(pack.disclosure) == len(pack.found) > 0
    assert all(row[1].startswith("not in the kb") for row in pack.disclosure)
    assert pack.cleared + len(pack.found) + len(pack.review) + pack.unattributed == len(store.carrier.records)
    assert pack.clocks[0].due > pack.discovered


def test_a_listed_maker_kept_out_by_its_use_is_shown_as_qualified(store: Store) -> None:
    pack = build_evidence(store.carrier, {}, None, store.carrier.as_of)
    assert pack.qualified, "the example inventory has Hikvision cameras in retail use"
    assert all(item.status == "not-covered" and item.entry for item in pack.qualified)


def test_review_decisions_are_printed_when_given(store: Store, tmp_path: Path) -> None:
    decision = ReviewDecision("cam-store-02", "not covered", "j.doe", "2026-11-24", "lobby camera, retail")
    pack = build_evidence(store.carrier, {}, None, store.carrier.as_of, decisions=[decision])
    assert pack.decisions == (decision,)


def test_no_covered_items(store: Store, tmp_path: Path) -> None:
    done = report(store, tmp_path, "889-evidence", run=store.clean.id)
    assert done.returncode == 0, done.stderr
    text = " ".join(pdf_text(tmp_path / "889-evidence.pdf").split())
    assert "0 asset(s) covered under §889" in text
    assert "nothing to disclose" in text
    assert "huawei-889" in text  # not found: every entry of the list


def test_a_bad_discovery_date_is_a_usage_error(store: Store, tmp_path: Path) -> None:
    done = report(store, tmp_path, "889-evidence", "--discovered", "2026-13-01")
    assert done.returncode == 2
    assert "--discovered" in done.stderr


def test_list_file_hashes_only_when_the_kb_is_the_runs(store: Store) -> None:
    hashes = {"ndaa-889": "c" * 64}
    run = store.carrier
    same = build_evidence(run, {}, None, run.as_of, kb_sha_now=run.kb_manifest_sha256, list_hashes=hashes)
    assert ("ndaa-889", "2018-08-13", "c" * 64) in same.versions
    subsidy = next(sha for regime, _, sha in same.versions if regime == "fcc-subsidy")
    assert subsidy.startswith("no list file of its own")
    other = build_evidence(run, {}, None, run.as_of, kb_sha_now="d" * 64, list_hashes=hashes)
    assert all(sha.startswith("not shown") for _, _, sha in other.versions)


def test_without_the_list_nothing_is_claimed_as_matched(store: Store) -> None:
    pack = build_evidence(store.clean, {}, None, store.clean.as_of)
    assert pack.list_entries == 0 and pack.not_found == ()
