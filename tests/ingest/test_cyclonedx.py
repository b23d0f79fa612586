"""CycloneDX hardware BOMs: devices become assets, nested parts are judged as components."""

from pathlib import Path

import pytest

from netvet.errors import SourceError
from netvet.ingest import detect_format, read_cyclonedx
from netvet.kb.loader import KnowledgeBase
from netvet.model import Status, Verdict
from netvet.pipeline.stream import ScanStream
from tests.conftest import AS_OF, DATA

BOMS = DATA / "cyclonedx"


def test_json_bom_devices_and_parts() -> None:
    found, issues = read_cyclonedx(BOMS / "camera-hbom.cdx.json")
    assert [o.model for o in found] == ["AXIS P3265-LVE", "NVR-4108"]
    assert found[0].serial == "ACCC8E123456" and found[0].source.locator == "component cam-lobby-1"
    assert found[1].components == (("HiSilicon Technologies Co., Ltd.", "Hi3536 SoC"),)
    assert issues == []


def test_covered_chipset_inside_a_device_is_review_with_its_path(kb: KnowledgeBase) -> None:
    findings = {
        f.observations[0].model: f
        for f in ScanStream(kb=kb, as_of=AS_OF, paths=[BOMS / "camera-hbom.cdx.json"]).findings()
    }
    nvr = findings["NVR-4108"]
    fcc = next(d for d in nvr.determinations if d.regime == "fcc-covered-list")
    assert fcc.status == Status.REVIEW and "Hi3536 SoC" in fcc.reason
    assert fcc.path[0] == "hisilicon" and "huawei-technologies" in fcc.path
    assert nvr.verdict == Verdict.REVIEW
    assert findings["AXIS P3265-LVE"].verdict == Verdict.CLEAR


def test_xml_bom_is_read_and_detected(kb: KnowledgeBase) -> None:
    path = BOMS / "switch-hbom.cdx.xml"
    assert detect_format(path) == "cyclonedx"
    finding = next(ScanStream(kb=kb, as_of=AS_OF, paths=[path]).findings())
    assert finding.attribution.manufacturer == "huawei-technologies" and finding.verdict == Verdict.COVERED


def test_bad_boms(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="not a readable CycloneDX BOM"):
        read_cyclonedx(BOMS / "entity-bomb.cdx.xml")
    truncated = tmp_path / "cut.cdx.json"
    truncated.write_text((BOMS / "camera-hbom.cdx.json").read_text()[:200], encoding="utf-8")
    with pytest.raises(SourceError, match="not a readable CycloneDX BOM"):
        read_cyclonedx(truncated)
    junk = tmp_path / "junk.cdx.json"
    junk.write_bytes(b"\x00\x01\x02")
    with pytest.raises(SourceError, match="neither JSON nor XML"):
        read_cyclonedx(junk)
