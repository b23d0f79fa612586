"""FastAPI and Uvicorn load only with the service: the CLI (and the service's token, audit and
webhook functions it calls) start without them, and Alembic loads only when a store needs it."""

import ast
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "netvet"
WEB_STACK = ("fastapi", "uvicorn", "starlette")


def top_level_imports(path: Path) -> set[str]:
    """The modules a file imports at module level (not inside functions)."""
    found: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_only_the_service_imports_the_web_stack() -> None:
    for path in SRC.rglob("*.py"):
        if path.is_relative_to(SRC / "service") and path.name not in ("tokens.py", "audit.py", "webhooks.py"):
            continue
        wrong = {n for n in top_level_imports(path) if n.startswith(WEB_STACK)}
        assert not wrong, f"{path}: imports {wrong} at module level"


LOADED = """
import sys
import netvet.cli.app, netvet.service.tokens, netvet.service.audit, netvet.service.webhooks
from netvet.store import open_store
open_store(sys.argv[1]).dispose()  # a store already up to date: no migration to run
print(sorted({m.split('.')[0] for m in sys.modules} & {'fastapi', 'uvicorn', 'starlette', 'alembic'}))
"""


def test_the_cli_starts_without_the_web_stack(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ready.db'}"
    subprocess.run([sys.executable, "-c", LOADED, url], check=True, capture_output=True, timeout=300)
    done = subprocess.run([sys.executable, "-c", LOADED, url], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
