"""The lazy root group: the listing kept in cli/app.py says what each verb's own help says, and
`netvet --help` imports neither a verb module nor the pipeline's heavy libraries."""

import inspect
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from netvet.cli.app import VERBS, load_verb


@pytest.mark.parametrize("name", list(VERBS))
def test_listing_matches_the_verbs_own_help(name: str) -> None:
    command = typer.main.get_group(load_verb(name)).commands[name]
    help_text = command.short_help or command.help or ""
    assert VERBS[name][2] == inspect.cleandoc(help_text).split("\n\n")[0]


def test_help_imports_no_verb_and_no_pipeline() -> None:
    probe = (
        "import sys\nfrom netvet.cli import main\nsys.argv = ['netvet', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = ('numpy', 'pyarrow', 'sqlalchemy', 'netvet.pipeline', 'netvet.kb.loader',"
        " 'netvet.cli.scan')\n"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert "Commands" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "[]"


HEAVY = ("numpy", "pyarrow", "sqlalchemy", "netvet.pipeline", "netvet.kb.loader")


def imported_after(
    argv: list[str], heavy: tuple[str, ...] = HEAVY, cwd: Path | None = None
) -> tuple[str, list[str]]:
    """The stderr of `netvet ARGV` run in a fresh interpreter, and which `heavy` modules it imported."""
    probe = (
        f"import sys\nfrom netvet.cli import main\nsys.argv = {['netvet', *argv]!r}\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print(sorted(m for m in {heavy!r} if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=cwd)
    return done.stderr, eval(done.stdout.strip().splitlines()[-1])  # noqa: S307 — our own probe's list


@pytest.mark.parametrize("argv", [["scan", "--bogus"], ["match", "--bogus"], ["scan", "--help"], ["match"]])
def test_usage_errors_and_verb_help_import_no_pipeline(argv: list[str]) -> None:
    """Usage errors answer before the kb, the pipeline or the store is imported."""
    stderr, heavy = imported_after(argv)
    assert heavy == []
    assert "--bogus" in stderr or argv[-1] != "--bogus"


def test_match_default_threshold_is_the_matchers() -> None:
    from netvet.cli.match import DEFAULT_THRESHOLD
    from netvet.match import DEFAULT_THRESHOLD as MATCHER_DEFAULT

    assert DEFAULT_THRESHOLD == MATCHER_DEFAULT


SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "carrier_inventory.csv"


def test_a_small_scan_imports_no_numpy_and_a_batch_scan_no_pandas(tmp_path: Path) -> None:
    """The row path (a small inventory) reads the kb's plain parts only, and the batch path reads
    Arrow arrays through their buffers: pyarrow's own conversions import pandas when it is
    installed (it is here, with the spark extra), 0.2 s of every batch scan."""
    inventory = tmp_path / "one.csv"
    inventory.write_text("".join(SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)[:3]))
    row = ["scan", str(inventory), "--no-store", "--no-auto-rules", "--as-of", "2026-11-23"]
    imported_after(row, cwd=tmp_path)  # writes the kb cache entry if there is none (from the files)
    _, heavy = imported_after(
        row, ("numpy", "pyarrow", "pandas", "sqlalchemy", "icu", "netvet.kb.loader"), tmp_path
    )
    assert heavy == []
    _, heavy = imported_after([*row, "--engine", "arrow"], ("pandas", "netvet.kb.loader"), tmp_path)
    assert heavy == []
