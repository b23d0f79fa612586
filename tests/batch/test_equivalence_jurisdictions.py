"""The Arrow batch path gives the row function's answers for other jurisdictions' instruments:
network part and generation columns, parts inferred from categories, and install dates either
side of every instrument's days all split groups as the row function does."""

from datetime import timedelta
from pathlib import Path

from netvet.kb.loader import KnowledgeBase
from netvet.model import Finding
from netvet.pipeline.stream import ScanStream
from netvet.regimes import JURISDICTIONS, jurisdiction_regimes
from tests.batch.test_equivalence import comparable
from tests.conftest import AS_OF, ROOT

UK_EXAMPLE = ROOT / "examples" / "uk_operator_inventory.csv"


def both_engines(
    kb: KnowledgeBase, path: Path, regimes: tuple[str, ...]
) -> tuple[list[Finding], list[Finding]]:
    row = ScanStream(kb=kb, as_of=AS_OF, paths=[path], engine="row", regimes=regimes)
    arrow = ScanStream(kb=kb, as_of=AS_OF, paths=[path], engine="arrow", regimes=regimes)
    return list(row.findings()), list(arrow.findings())


def test_uk_example_same_answers(kb: KnowledgeBase) -> None:
    regimes = jurisdiction_regimes(JURISDICTIONS, kb.regime_kb)
    row_found, arrow_found = both_engines(kb, UK_EXAMPLE, regimes)
    assert len(row_found) == len(arrow_found) == 10
    assert [comparable(a) for a in row_found] == [comparable(b) for b in arrow_found]
    uk = {
        f.observations[0].hostname: f.determinations[regimes.index("uk-designated-vendor")]
        for f in arrow_found
    }
    assert uk["core-fw-lon-01"].status == "covered"
    assert uk["gnb-bath-009"].status == "not-covered"


def test_install_days_parts_and_generations_split_groups(kb: KnowledgeBase, tmp_path: Path) -> None:
    cuts = {o.day for inst in kb.regime_kb.instruments.values() for o in inst.obligations if o.day}
    days = sorted({str(d) for c in cuts for d in (c, c - timedelta(days=1))}) + [""]
    parts, generations = ["core", "RAN", "OSS", ""], ["5G", "4G/LTE", "FTTP", ""]
    lines = ["Hostname,Vendor,Device Type,Install Date,Network Part,Network Generation"]
    lines += [
        f"h{i}-{j}-{k},{vendor},{kind},{day},{part},{gen}"
        for i, day in enumerate(days)
        for j, part in enumerate(parts)
        for k, gen in enumerate(generations)
        for vendor, kind in (("Huawei", "Switch"), ("ZTE", "Base Station"), ("Ericsson", "Server"))
    ]
    path = tmp_path / "juris.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    regimes = jurisdiction_regimes(("us", *JURISDICTIONS[1:]), kb.regime_kb)
    row_found, arrow_found = both_engines(kb, path, regimes)
    assert len(row_found) == len(lines) - 1
    assert [comparable(a) for a in row_found] == [comparable(b) for b in arrow_found]
    statuses = {d.status for f in arrow_found for d in f.determinations if d.regime.startswith("uk-")}
    assert statuses == {"covered", "review", "not-covered"}
