"""Other jurisdictions' instrument records: every file loads, every fact has a source, and a bad
file is an error naming it."""

from datetime import date
from pathlib import Path

import pytest
import yaml

from netvet.errors import KnowledgeBaseError
from netvet.kb.jurisdictions import load_instruments
from netvet.kb.loader import KnowledgeBase
from netvet.kb.parse import read_yaml
from netvet.model import InstrumentStatus
from netvet.regimes import JURISDICTIONS

DATA = Path(__file__).resolve().parents[2] / "src" / "netvet" / "kb" / "data"


def test_every_other_jurisdiction_has_an_instrument(kb: KnowledgeBase) -> None:
    instruments = kb.regime_kb.instruments
    assert {i.jurisdiction for i in instruments.values()} == set(JURISDICTIONS) - {"us"}
    assert all(regime.startswith(f"{i.jurisdiction}-") for regime, i in instruments.items())


def test_every_fact_has_a_citation_and_a_source(kb: KnowledgeBase) -> None:
    for inst in kb.regime_kb.instruments.values():
        assert inst.fact.citation and inst.fact.sources and inst.authority and inst.instrument
        assert all(s.url and s.retrieved for s in inst.fact.sources)
        for o in inst.obligations:
            assert o.fact.citation and o.fact.sources, o.id
            assert o.id.startswith(f"{inst.jurisdiction}-"), o.id
        assert all(v.fact.citation for v in inst.vendors)


def test_policies_and_proposals_do_not_bind(kb: KnowledgeBase) -> None:
    binding = {i.id: i.status.binding for i in kb.regime_kb.instruments.values()}
    assert binding["uk-designated-vendor"] and binding["de-5g-critical-components"]
    assert not binding["eu-cybersecurity-act-proposal"] and not binding["ca-huawei-zte-policy"]
    assert not InstrumentStatus.PROPOSAL.binding


def test_unconfirmed_facts_are_stored_unverified(kb: KnowledgeBase) -> None:
    uk = kb.regime_kb.instruments["uk-designated-vendor"]
    verified = {o.id: o.fact.verified for o in uk.obligations}
    assert verified["uk-dvd-5g-transmission"] is False and verified["uk-dvd-core"] is True
    eu = kb.regime_kb.instruments["eu-cybersecurity-act-proposal"]
    assert eu.obligations[0].day is None and not eu.obligations[0].fact.verified


def write(folder: Path, name: str, doc: dict[str, object]) -> None:
    (folder / "jurisdictions").mkdir(exist_ok=True)
    (folder / "jurisdictions" / f"{name}.yaml").write_text(yaml.safe_dump(doc), encoding="utf-8")


def test_bad_files_name_themselves(tmp_path: Path) -> None:
    doc = read_yaml(DATA / "jurisdictions" / "de-5g-critical-components.yaml")
    write(tmp_path, "de-5g-critical-components", doc)
    found = load_instruments(tmp_path, {"huawei-technologies", "zte-corporation"}, read_yaml)
    assert found["de-5g-critical-components"].obligations[0].day == date(2026, 12, 31)
    with pytest.raises(KnowledgeBaseError, match="unknown entity ids"):
        load_instruments(tmp_path, {"huawei-technologies"}, read_yaml)
    write(tmp_path, "de-5g-critical-components", {**doc, "status": "rumour"})
    with pytest.raises(KnowledgeBaseError, match="de-5g-critical-components.yaml"):
        load_instruments(tmp_path, {"huawei-technologies", "zte-corporation"}, read_yaml)
    write(tmp_path, "de-5g-critical-components", {**doc, "id": "fr-5g"})
    with pytest.raises(KnowledgeBaseError, match="file name"):
        load_instruments(tmp_path, {"huawei-technologies", "zte-corporation"}, read_yaml)
