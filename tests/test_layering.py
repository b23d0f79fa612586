"""The import direction of docs/architecture.md: each package of ours says which packages of ours
it may import and each framework says where it may appear; the pure packages never open files.
A package not stated here fails the test: say where it sits before adding it."""

import ast
from collections.abc import Iterator
from fnmatch import fnmatch
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "netvet"

# Domain types, identifier formats, the exception tree, and the version string: they import
# nothing of ours but each other (ids reads the model's vocabularies).
FOUNDATION = frozenset({"model", "ids", "errors", "__version__"})
# The pure core: observations -> attribution -> determinations -> the finding's contract record.
# No edges, frameworks or I/O.
CORE = FOUNDATION | {"attribute", "match", "regimes", "findings"}
# Pure steps built on the core: reports built as objects, cases, agreements, purchases, review.
DOMAIN = CORE | {"report", "icts", "mitigation", "purchase", "review"}
# Edges: files in, the kb, the store, the batch engines.
EDGES = DOMAIN | {"kb", "ingest", "collect", "store", "batch", "spark"}
# The flow over the edges that both adapters call.
FLOW = EDGES | {"pipeline", "screen"}

MAY_IMPORT: dict[str, frozenset[str]] = {
    "errors": frozenset(),
    "model": frozenset(),
    "ids": frozenset({"model"}),
    "settings": frozenset({"errors"}),  # read once in the adapters, passed down
    "match": FOUNDATION,
    "regimes": FOUNDATION,
    "findings": FOUNDATION,  # the typed JSON-contract record: model types, read and written
    "attribute": FOUNDATION | {"match"},
    "review": CORE,
    "mitigation": CORE,
    "report": CORE | {"icts", "review"},  # report/files.py is the one module that writes files
    "icts": CORE,
    "purchase": CORE | {"report"},
    "ingest": DOMAIN,  # readers build the domain's own records (purchase lines, agreements)
    "collect": DOMAIN | {"ingest"},
    "kb": DOMAIN | {"ingest"},
    "store": DOMAIN,
    "batch": DOMAIN | {"kb", "ingest"},
    "pipeline": DOMAIN | {"kb", "ingest", "batch", "store"},  # stored.py: a scan saved as it streams
    "spark": DOMAIN
    | {"kb", "ingest", "batch", "pipeline", "screen"},  # runs the pipeline's steps on executors
    "screen": DOMAIN | {"kb", "ingest"},
    "__init__": FLOW,  # the public Python API re-exports the flow
    "service": FLOW | {"settings"},  # the web adapter: never the CLI
    "cli": FLOW | {"settings", "service"},  # the command-line adapter (it may start the service)
}

# Where each framework may be imported (paths under src/netvet/, fnmatch patterns).
FRAMEWORKS: dict[str, tuple[str, ...]] = {
    "typer": ("cli/*",),
    "click": ("cli/*",),
    "rich": ("cli/*",),
    "jinja2": ("report/*", "service/*"),  # report templates; the dashboard's own templates
    "weasyprint": ("report/*",),
    "openpyxl": ("report/*", "ingest/*"),  # XLSX outputs; XLSX inventories read
    "sqlalchemy": ("store/*", "service/*"),
    "alembic": ("store/*", "service/*"),
    "fastapi": ("service/*",),
    "starlette": ("service/*",),
    "pydantic": ("service/*",),
    "uvicorn": ("service/*", "cli/*"),
    "pyspark": ("batch/spark*", "spark/*"),
    "pysnmp": ("collect/*",),
    "yaml": ("kb/*", "ingest/*", "cli/*", "service/*"),
}
# Packages that compute without opening files (report/files.py is the outputs' edge).
PURE = (
    "model",
    "ids",
    "attribute",
    "match",
    "regimes",
    "findings",
    "report",
    "icts",
    "mitigation",
    "purchase",
    "review",
)
OUTPUT_EDGE = SRC / "report" / "files.py"
IO_CALLS = frozenset({"open", "read_text", "read_bytes", "write_text", "write_bytes"})


def packages() -> list[str]:
    """Every package and top-level module of src/netvet (the root module is '__init__')."""
    return sorted(p.stem if p.is_file() else p.name for p in SRC.iterdir() if is_package(p))


def is_package(path: Path) -> bool:
    return (path.is_dir() and (path / "__init__.py").is_file()) or path.suffix == ".py"


def files_of(package: str) -> list[Path]:
    """The source files of a package (a top-level module is its own one file)."""
    if (SRC / f"{package}.py").is_file():
        return [SRC / f"{package}.py"]
    return sorted((SRC / package).rglob("*.py"))


def imports_of(path: Path) -> Iterator[str]:
    """Every absolute module a file imports; `from netvet import X` yields netvet.X."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "netvet":
                yield from (f"netvet.{alias.name}" for alias in node.names)
            else:
                yield node.module


def ours(module: str) -> str | None:
    """The package of ours a module name is in ('__init__' for the root), else None."""
    parts = module.split(".")
    if parts[0] != "netvet":
        return None
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_package_states_what_it_may_import() -> None:
    assert set(packages()) <= set(MAY_IMPORT), set(packages()) - set(MAY_IMPORT)
    assert {"model", "attribute", "regimes", "cli", "kb"} <= set(packages())


@pytest.mark.parametrize("package", packages())
def test_package_imports_only_what_it_may(package: str) -> None:
    allowed = MAY_IMPORT[package] | {package}
    for path in files_of(package):
        found = {ours(m) for m in imports_of(path)} - {None}
        assert found <= allowed, f"{path.relative_to(SRC)} imports {sorted(found - allowed)}"


@pytest.mark.parametrize("package", packages())
def test_frameworks_only_where_they_belong(package: str) -> None:
    for path in files_of(package):
        where = path.relative_to(SRC).as_posix()
        for module in imports_of(path):
            places = FRAMEWORKS.get(module.split(".")[0], ("*",))
            assert any(fnmatch(where, p) for p in places), f"{where} imports {module}"


@pytest.mark.parametrize("package", ["model", "ids"])
def test_foundation_imports_no_data_libraries(package: str) -> None:
    for path in files_of(package):
        for name in imports_of(path):
            assert not name.startswith(("numpy", "pyarrow", "yaml", "orjson")), f"{path}: imports {name}"


@pytest.mark.parametrize("package", PURE)
def test_pure_packages_open_no_files(package: str) -> None:
    for path in files_of(package):
        if path == OUTPUT_EDGE:
            continue
        calls = [n for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(n, ast.Call)]
        names = {getattr(c.func, "id", None) or getattr(c.func, "attr", None) for c in calls}
        assert not names & IO_CALLS, f"{path.relative_to(SRC)} does I/O"


def test_the_rules_catch_a_wrong_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import typer\nfrom netvet import __version__\nfrom netvet.store import x\n")
    found = list(imports_of(sample))
    assert found == ["typer", "netvet.__version__", "netvet.store"]
    assert {ours(m) for m in found} - {None} == {"__version__", "store"}
    assert "store" not in MAY_IMPORT["regimes"] and not fnmatch("regimes/x.py", FRAMEWORKS["typer"][0])


def test_every_source_file_is_small() -> None:
    for path in SRC.rglob("*.py"):
        lines = path.read_text(encoding="utf-8").count("\n")
        assert lines <= 300, f"{path} has {lines} lines (STYLE.md: modules <= 300)"
