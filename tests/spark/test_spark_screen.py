"""`screen --engine spark` gives the row path's screening results, row for row."""

from pathlib import Path
from typing import Any

import orjson

from netvet.cli.spark import screen_rows
from netvet.kb.loader import KnowledgeBase
from netvet.kb.screening import Purpose
from netvet.match import DEFAULT_THRESHOLD
from netvet.screen.party import open_screening
from netvet.screen.rows import read_parties
from tests.conftest import AS_OF

HEADER = "supplier_id,Company,Country\n"
ROWS = (
    "S1,ZTE Corporation,CN\n"
    "S2,Huawei Technologies Co. Ltd,China\n"
    "S3,,US\n"
    "S4,Acme Widgets Inc,US\n"
    "S5,Hangzhou Hikvision Digital Technology,CN\n"
    "S6,Cisco Systems,US\n"
)


def test_spark_screening_equals_the_row_path(spark: Any, kb: KnowledgeBase, tmp_path: Path) -> None:
    path = tmp_path / "suppliers.csv"
    path.write_text(HEADER + ROWS * 20, encoding="utf-8")
    _, rows, _ = read_parties(path, None, None)
    screening = open_screening(kb, Purpose.PROCUREMENT, AS_OF, DEFAULT_THRESHOLD)
    on_spark = screen_rows(screening, rows, "spark", None)
    here = screen_rows(screening, rows, "row", None)
    assert len(on_spark) == len(rows) == 120
    assert on_spark == orjson.loads(orjson.dumps(here))  # as both are written
    assert on_spark[2] is None  # the row without a name is not screened
    assert on_spark[0] is not None and on_spark[0]["verdict"] == "hit"
