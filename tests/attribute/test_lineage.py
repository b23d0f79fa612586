"""Lineage: a product line that changed hands is made by its owner on the acquisition date, and
the current owner is kept beside it; an ambiguous name stays explained."""

from datetime import date

from netvet.kb.loader import KnowledgeBase
from netvet.model import Observation, SourceRef
from netvet.pipeline.stream import ScanStream
from netvet.report.records import finding_record
from tests.conftest import AS_OF


def attribute_row(kb: KnowledgeBase, tmp_path, row: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "inventory.csv"
    path.write_text("hostname,sysdescr,acquired\n" + row + "\n", encoding="utf-8")
    finding = next(ScanStream(kb=kb, as_of=AS_OF, paths=[path]).findings())
    return finding, finding_record(finding, kb.entities, kb.graph, AS_OF)


def test_product_line_sold_is_dated(kb: KnowledgeBase, tmp_path) -> None:  # type: ignore[no-untyped-def]
    before, record = attribute_row(kb, tmp_path, "srv1,FusionServer 2288H V5 iBMC,2020-06-01")
    assert before.attribution.manufacturer == "huawei-technologies"
    assert record["lineage"]["maker_then"]["id"] == "huawei-technologies"
    assert record["lineage"]["maker_now"]["id"] == "xfusion"
    after, record = attribute_row(kb, tmp_path, "srv2,FusionServer 2288H V5 iBMC,2022-06-01")
    assert after.attribution.manufacturer == "xfusion" and record["lineage"] is None


def test_undated_product_line_names_its_current_maker(kb: KnowledgeBase, tmp_path) -> None:  # type: ignore[no-untyped-def]
    finding, record = attribute_row(kb, tmp_path, "srv3,FusionServer 2288H V5 iBMC,")
    assert finding.attribution.manufacturer == "xfusion" and record["lineage"] is None


def test_hp_comware_is_explained(kb: KnowledgeBase, tmp_path) -> None:  # type: ignore[no-untyped-def]
    finding, _ = attribute_row(kb, tmp_path, "sw1,HP Comware Platform Software Version 5.20,2012-01-01")
    attr = finding.attribution
    assert "hpe" in {e.claims for e in attr.evidence}
    # Bought in 2012: HP's Comware then (3Com's until 2010-04-12, HPE's since the 2015 split).
    assert attr.lineage is not None and attr.lineage.maker_now == "hpe"
    assert attr.manufacturer == attr.lineage.maker_then == "org:Hewlett Packard"
    plain, _ = attribute_row(kb, tmp_path, "sw2,Comware Software Version 5.20 Release 1105,")
    product = next(e for e in plain.attribution.evidence if e.rule == "sysdescr-product:h3c-comware")
    assert plain.attribution.manufacturer == "h3c"  # Comware alone is H3C's OS...
    assert "H3C" in product.reason and "HP" in product.reason  # ...and the reason says HP ships it too


def test_honor_brand_before_and_after_the_sale(kb: KnowledgeBase) -> None:
    brands = [b for b in kb.brands if b.brand == "Honor"]

    def owner_on(day: date) -> str:
        return next(b.owner for b in brands if (b.valid_from or date.min) <= day < (b.valid_to or date.max))

    assert owner_on(date(2019, 1, 1)) == "huawei-technologies" and owner_on(date(2021, 1, 1)) == "honor"


def test_row_and_batch_give_the_same_lineage(kb: KnowledgeBase) -> None:
    from netvet.attribute import attribute
    from netvet.kb.views import relatedness, rule_kb

    obs = Observation(SourceRef("x", "1"), sysdescr="FusionServer Pro", acquired=date(2020, 6, 1))
    attr = attribute(obs, rule_kb(kb), relatedness(kb, AS_OF))
    assert attr.lineage is not None and attr.lineage.maker_then == "huawei-technologies"
