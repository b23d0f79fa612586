"""The import direction of STYLE.md: model and ids depend on nothing of ours, the core never
imports edges or adapters (nor sqlalchemy, typer, fastapi, pyspark) and never opens files."""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "netvet"
CORE = ("attribute", "match", "regimes", "report")
EDGES_AND_ADAPTERS = (
    "netvet.kb",
    "netvet.ingest",
    "netvet.collect",
    "netvet.store",
    "netvet.batch",
    "netvet.cli",
    "netvet.pipeline",
    "netvet.web",
    "netvet.screen",
    "netvet.review",
)
FORBIDDEN_IN_CORE = ("sqlalchemy", "typer", "fastapi", "pyspark", "rich", "openpyxl", "pysnmp")


def imports_of(path: Path) -> set[str]:
    """Every module a file imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


# The one module of report/ that writes files (CSV, XLSX, HTML, PDF): the edge of the outputs.
OUTPUT_EDGE = SRC / "report" / "files.py"


def files_of(package: str) -> list[Path]:
    return sorted(p for p in (SRC / package).rglob("*.py") if p != OUTPUT_EDGE)


@pytest.mark.parametrize("package", ["model", "ids"])
def test_foundation_imports_only_itself_and_stdlib(package: str) -> None:
    for path in files_of(package):
        for name in imports_of(path):
            if name.startswith("netvet"):
                assert name.startswith(("netvet.model", "netvet.ids")), f"{path}: imports {name}"
            assert not name.startswith(FORBIDDEN_IN_CORE + ("numpy", "pyarrow", "yaml")), (
                f"{path}: imports {name}"
            )


@pytest.mark.parametrize("package", CORE)
def test_core_does_not_import_edges_or_frameworks(package: str) -> None:
    for path in files_of(package):
        for name in imports_of(path):
            assert not name.startswith(EDGES_AND_ADAPTERS), f"{path}: imports {name}"
            assert not name.startswith(FORBIDDEN_IN_CORE), f"{path}: imports {name}"


@pytest.mark.parametrize("package", CORE)
def test_core_opens_no_files(package: str) -> None:
    for path in files_of(package):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
        names = {getattr(c.func, "id", None) or getattr(c.func, "attr", None) for c in calls}
        assert not names & {"open", "read_text", "read_bytes", "write_text"}, f"{path} does I/O"


def test_every_source_file_is_small() -> None:
    for path in SRC.rglob("*.py"):
        lines = path.read_text(encoding="utf-8").count("\n")
        assert lines <= 300, f"{path} has {lines} lines (STYLE.md: modules <= 300)"
