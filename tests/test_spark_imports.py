"""PySpark is imported only by netvet.spark, and only inside functions: `netvet --help` and the
other engines never pay for it."""

import ast
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "netvet"


def pyspark_imports(tree: ast.AST) -> list[ast.AST]:
    found: list[ast.AST] = []
    for node in ast.walk(tree):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        if any(n == "pyspark" or n.startswith("pyspark.") for n in names):
            found.append(node)
    return found


def lazy_or_typing_only(tree: ast.Module, node: ast.AST) -> bool:
    """An import inside a function, or under `if TYPE_CHECKING:`."""
    for top in tree.body:
        if isinstance(top, ast.If) and getattr(top.test, "id", None) == "TYPE_CHECKING":
            continue
        if node in list(ast.walk(top)) and not isinstance(top, ast.FunctionDef | ast.ClassDef):
            return False
    return True


def test_pyspark_is_imported_lazily_and_only_by_the_spark_package() -> None:
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found = pyspark_imports(tree)
        if found:
            assert path.parent.name == "spark", f"{path} imports pyspark"
            assert all(lazy_or_typing_only(tree, n) for n in found), f"{path} imports pyspark at load"


def test_loading_the_cli_and_the_spark_modules_loads_no_pyspark() -> None:
    code = (
        "import sys, netvet.cli.app, netvet.cli.spark, netvet.spark.scan, netvet.spark.screen, "
        "netvet.spark.session; print('pyspark' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
