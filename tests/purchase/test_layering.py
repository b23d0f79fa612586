"""The purchase core is core: no edges, adapters or frameworks, no file I/O (STYLE.md)."""

import ast

from tests.test_layering import EDGES_AND_ADAPTERS, FORBIDDEN_IN_CORE, files_of, imports_of


def test_purchase_core_imports_no_edges_or_frameworks() -> None:
    for path in files_of("purchase"):
        for name in imports_of(path):
            assert not name.startswith(EDGES_AND_ADAPTERS + FORBIDDEN_IN_CORE + ("yaml",)), f"{path}: {name}"


def test_purchase_core_opens_no_files() -> None:
    for path in files_of("purchase"):
        calls = [n for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(n, ast.Call)]
        names = {getattr(c.func, "id", None) or getattr(c.func, "attr", None) for c in calls}
        assert not names & {"open", "read_text", "read_bytes", "write_text"}, f"{path} does I/O"
