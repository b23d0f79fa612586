"""Which records an agreement covers, what it says about them, and that it never changes a verdict."""

from datetime import date
from pathlib import Path
from typing import Any

from netvet.findings.record import FindingRecord
from netvet.ingest.agreements import read_agreements_file
from netvet.mitigation import Agreement, AgreementBook, AgreementKind, with_mitigation
from netvet.mitigation.apply import bearing_on
from netvet.report.evidence import evidence_item
from tests.conftest import ROOT

DAY = date(2026, 11, 23)


def record(asset: str, maker: str | None, *determinations: dict[str, Any], **extra: Any) -> FindingRecord:
    made = {"id": maker, "name": maker, "country": "CN"} if maker else None
    return FindingRecord.from_json(
        {
            "asset": asset,
            "manufacturer": made,
            "controller": None,
            "brand": None,
            "verdict": "covered",
            "identifiers": {"hostname": None},
            "model": None,
            "category": None,
            "sources": [],
            "determinations": list(determinations),
            **extra,
        }
    )


def det(regime: str, status: str, flags: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        "regime": regime,
        "status": status,
        "flags": list(flags),
        "reason": "r",
        "entry": None,
        "missing": [],
    }


def agreement(key: str, start: date = date(2026, 1, 1), **extra: Any) -> Agreement:
    return Agreement(key, AgreementKind.NO_SPY, key, "ZTE USA", start, **extra)


def test_an_agreement_reaches_its_supplier_and_its_assets_only() -> None:
    by_supplier = agreement("A", suppliers=("ZTE-Corporation",))
    by_asset = agreement("B", assets=("mac:00:11:22:33:44:55",))
    zte = record("serial:1", "zte-corporation", det("fcc-covered-list", "covered"))
    other = record("mac:00:11:22:33:44:55", "cisco", det("fcc-covered-list", "not-covered"))
    nobody = record("serial:3", "juniper", det("fcc-covered-list", "not-covered"))
    assert with_mitigation(zte, AgreementBook.build([by_supplier, by_asset], DAY)).mitigation.agreement == "A"
    assert (
        with_mitigation(other, AgreementBook.build([by_supplier, by_asset], DAY)).mitigation.agreement == "B"
    )
    assert with_mitigation(nobody, AgreementBook.build([by_supplier, by_asset], DAY)).mitigation is None


def test_the_gravest_agreement_is_shown_first_and_the_verdict_is_kept() -> None:
    lapsed = agreement("Z-EXPIRED", suppliers=("zte-corporation",), end=date(2026, 6, 30))
    good = agreement("A-GOOD", suppliers=("zte-corporation",))
    zte = record(
        "serial:1",
        "zte-corporation",
        det("fcc-covered-list", "covered"),
        det("icts-791", "not-covered", ("foreign-adversary-nexus",)),
    )
    marked = with_mitigation(zte, AgreementBook.build([good, lapsed], DAY))
    assert marked.verdict == "covered" and marked.determinations == zte.determinations
    held = marked.mitigation
    assert held is not None
    assert (held.agreement, held.status, held.also) == ("Z-EXPIRED", "expired", ("A-GOOD",))
    assert held.mitigates == ("icts-791",) and held.informational_for == ("fcc-covered-list",)
    assert "cannot clear a Covered List item" in held.effect
    assert marked.to_json()["mitigation"]["also"] == ["A-GOOD"]


def test_the_889_pack_names_the_agreement_as_informational() -> None:
    zte = record("serial:1", "zte-corporation", det("ndaa-889", "covered"))
    item = evidence_item(
        with_mitigation(zte, AgreementBook.build([agreement("NSA-1", suppliers=("zte-corporation",))], DAY))
    )
    assert "agreement NSA-1 (active; informational)" in item.flags


def test_agreements_bearing_on_a_case() -> None:
    for_case = agreement("C", case="ICTS-2026-001")
    by_name = agreement("N", suppliers=("zte-corporation",))
    elsewhere = agreement("E", suppliers=("hikvision",))
    found = bearing_on([for_case, by_name, elsewhere], "ICTS-2026-001", ["ZTE-corporation"], [])
    assert [a.key for a in found] == ["C", "N"]


def test_the_example_files_read_without_issues() -> None:
    for name in ("mitigation_agreements.yaml", "mitigation_agreements.csv"):
        found, issues = read_agreements_file(ROOT / "examples" / name)
        assert found and not issues, issues
    nsa = read_agreements_file(ROOT / "examples" / "mitigation_agreements.yaml")[0][0]
    assert [str(e.kind) for e in sorted(nsa.events, key=lambda e: e.day)] == [
        "audit",
        "breach",
        "cure",
        "report",
        "audit",
    ]


def test_bad_yaml_agreements_are_issues_with_their_place(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(
        "agreements:\n"
        "  - {id: A, counterparty: X, start: 2026-01-01, end: 2025-01-01}\n"
        "  - {id: B, counterparty: X, start: 2026-01-01, kind: handshake}\n"
        "  - {id: C, start: 2026-01-01}\n"
        "  - {id: D, counterparty: X, start: 2026-01-01, audit_every_months: 0}\n"
        "  - {id: E, counterparty: X, start: 2026-01-01, audits: [{result: pass}]}\n"
        "  - {id: F, counterparty: X, start: 2026-01-01}\n"
        "  - {id: F, counterparty: Y, start: 2026-01-01}\n"
    )
    found, issues = read_agreements_file(path)
    assert [a.key for a in found] == ["F"]
    assert [(i.locator, i.field) for i in issues] == [
        ("agreement 1", "end"),
        ("agreement 2", "kind"),
        ("agreement 3", "counterparty"),
        ("agreement 4", "audit_every_months"),
        ("agreement 5", "audits.day"),
        ("agreement 7", "id"),
    ]


def test_suppliers_resolve_to_kb_entities_and_their_group(kb: Any) -> None:
    from netvet.mitigation.resolve import resolve_suppliers

    by_name = agreement("US-ARM", suppliers=("ZTE USA Inc.",))
    done, notes = resolve_suppliers(by_name, kb.names, kb.graph)
    assert done.suppliers[0] == "ZTE USA Inc." and "zte-usa" in done.suppliers
    controller = kb.graph.controller("zte-corporation", date(2026, 1, 1))
    assert controller in done.suppliers and notes == [
        f"US-ARM: supplier 'ZTE USA Inc.' resolved to {', '.join(done.suppliers[1:])}"
    ]
    parent = {"id": controller, "name": controller, "country": "CN"}
    zte = record("serial:1", "zte-corporation", det("fcc-covered-list", "covered"), controller=parent)
    assert with_mitigation(zte, AgreementBook.build([done], DAY)).mitigation.agreement == "US-ARM"
    unknown, nothing = resolve_suppliers(
        agreement("X", suppliers=("Acme Widgets of Nowhere",)), kb.names, kb.graph
    )
    assert unknown.suppliers == ("Acme Widgets of Nowhere",) and nothing == []


def test_a_typed_finding_carries_its_mitigation_standing(kb: Any) -> None:
    from netvet.mitigation import apply_agreements
    from netvet.mitigation.apply import names_of
    from netvet.pipeline.stream import ScanStream
    from netvet.report.records import record_of

    stream = ScanStream(kb=kb, as_of=DAY, paths=[ROOT / "examples" / "carrier_inventory.csv"])
    finding = next(f for f in stream.findings() if f.attribution.manufacturer == "zte-corporation")
    book = AgreementBook.build([agreement("NSA-1", suppliers=("ZTE-Corporation",))], DAY)
    names = names_of(record_of(finding, kb.entities, kb.graph, DAY))
    marked = apply_agreements(finding, book, names)
    assert marked.mitigation is not None and marked.mitigation.agreement == "NSA-1"
    assert marked.verdict == finding.verdict and marked.determinations == finding.determinations
    shown = record_of(marked, kb.entities, kb.graph, DAY)
    assert shown == with_mitigation(record_of(finding, kb.entities, kb.graph, DAY), book)
    assert apply_agreements(finding, AgreementBook.build([], DAY), names) is finding
