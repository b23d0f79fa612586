"""Shared fixtures: the packaged kb, the real data beside the repo, one-line factories."""

import subprocess
import sys
from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import Path

import pytest

from netvet.kb.loader import KnowledgeBase, load_kb
from netvet.model import AssetContext, Attribution, Category, Observation, SourceRef, UseClass

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
DATA = Path(__file__).parent / "data"
AS_OF = date(2026, 11, 23)
# The regime ids DESIGN.md fixes, in registry order (written out here, not read from the product).
DESIGN_REGIME_IDS = (
    "fcc-covered-list",
    "fcc-subsidy",
    "fcc-annual-report",
    "fcc-reimbursement",
    "ndaa-889",
    "icts-791",
    "ear-entity-list",
    "dod-1260h",
)


@pytest.fixture(scope="session", autouse=True)
def no_rule_files_of_this_machine() -> Iterator[None]:
    """Scans in tests use only the rule files a test names: Nmap's probes, installed for the
    Nmap tests, would otherwise join every scan (tests of that turn it back on)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NETVET_AUTO_RULES", "0")
        yield


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """The packaged knowledge base."""
    return load_kb()


@pytest.fixture(scope="session")
def shared() -> Path:
    """The real data folder beside the project (../shared/data)."""
    if not SHARED.is_dir():
        pytest.fail(f"{SHARED} is missing: tests need ../shared/data beside the repo")
    return SHARED


def run_netvet(
    *args: str, cwd: Path, env: Mapping[str, str] | None = None, timeout: int = 600
) -> subprocess.CompletedProcess[str]:
    """The `netvet` command as a user runs it, in a subprocess."""
    return subprocess.run(
        [sys.executable, "-c", "from netvet.cli import main; main()", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def obs(**fields: object) -> Observation:
    """An observation from keyword fields."""
    return Observation(source=SourceRef("test.csv", "line 2"), **fields)  # type: ignore[arg-type]


def attr(
    maker: str | None, category: Category | None = None, country: str | None = None, **kw: object
) -> Attribution:
    """An attribution with the given maker, category and country of production."""
    return Attribution(maker, 0.9 if maker else 0.0, category=category, country_of_production=country, **kw)  # type: ignore[arg-type]


def ctx(use: UseClass = UseClass.UNKNOWN, use_text: str | None = None, **kw: object) -> AssetContext:
    """An asset context."""
    return AssetContext(use=use, use_text=use_text, **kw)  # type: ignore[arg-type]
