"""The names file of `netvet screen` is read as `scan` reads inventories: UTF-8 or Windows-1252,
cells past Python's 128 KB CSV limit, and a name cut to the length limit with an Issue."""

from pathlib import Path

from netvet.ingest.limits import MAX_CELL
from netvet.screen.rows import read_parties


def test_names_in_windows_1252_and_a_cell_over_128_kb(tmp_path: Path) -> None:
    path = tmp_path / "names.csv"
    long = "Z" * 200_000
    path.write_bytes(f"name,note\nSociété Générale,{long}\n{long},x\n".encode("cp1252"))
    headers, rows, issues = read_parties(path, None)
    assert headers == ["name", "note"]
    assert rows[0].name == "Société Générale" and rows[0].cells["note"] == long
    assert len(rows[1].name) == MAX_CELL
    assert [(i.locator, i.field) for i in issues] == [("line 3", "name")]
