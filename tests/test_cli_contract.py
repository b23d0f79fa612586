"""Every command and subcommand, run as a user would with bad usage (an unknown option, a
missing argument, a bad value, a missing file, a folder for a file, an unwritable -o), exits 2
with a message and never prints a traceback."""

import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import typer.main

from netvet.cli import app

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = str(ROOT / "examples" / "carrier_inventory.csv")
LINES = str(ROOT / "examples" / "purchase_lines.csv")


def leaf_commands(command: object, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """The path of every runnable command of the Click tree Typer builds."""
    children = getattr(command, "commands", None)
    if not children:
        yield path
        return
    for name, child in children.items():
        yield from leaf_commands(child, (*path, name))


def cases(tmp: Path) -> dict[tuple[str, ...], list[list[str]]]:
    """Bad usages per command; `tmp` holds a folder, a plain file and nothing at 'missing'."""
    folder, plain, missing = str(tmp / "folder"), str(tmp / "plain.txt"), str(tmp / "missing.csv")
    under_file, kb = str(tmp / "plain.txt" / "out.json"), ["--kb-dir", str(tmp / "kb")]
    names = str(tmp / "names.csv")
    return {
        ("scan",): [
            ["scan", "--bogus"],
            ["scan"],
            ["scan", SAMPLE, "--no-store", "--engine", "nope"],
            ["scan", SAMPLE, "--no-store", "--customers", "-5"],
            ["scan", SAMPLE, "--no-store", "--jurisdiction", "zz"],
            ["scan", SAMPLE, "--no-store", "--as-of", "2026-13-45"],
            ["scan", missing, "--no-store"],
            ["scan", folder, "--no-store"],
            ["scan", SAMPLE, "--no-store", "--json", "-o", folder],
            ["scan", SAMPLE, "--no-store", "--json", "-o", under_file],
        ],
        ("match",): [
            ["match", "--bogus", "x"],
            ["match"],
            ["match", "x", "--threshold", "nan"],
            ["match", "x", "--threshold", "2"],
            ["match", "x", "--threshold", "-1"],
            ["match", "x", "--country", "Narnia"],
        ],
        ("screen",): [
            ["screen", "--bogus"],
            ["screen", "--purpose", "procurement"],
            ["screen", "--names", missing, "--purpose", "procurement"],
            ["screen", "--names", folder, "--purpose", "procurement"],
            ["screen", "--names", names, "--purpose", "nope"],
            ["screen", "--names", names, "--purpose", "procurement", "--threshold", "nan"],
            ["screen", "--names", names, "--purpose", "procurement", "--csv", "-o", under_file],
        ],
        ("review-purchase",): [
            ["review-purchase", "--bogus", LINES],
            ["review-purchase"],
            ["review-purchase", missing],
            ["review-purchase", folder],
            ["review-purchase", LINES, "--customers", "-5"],
            ["review-purchase", LINES, "--jurisdiction", "us,zz"],
            ["review-purchase", LINES, "--map", "nope=x"],
            ["review-purchase", LINES, "--json", "-o", folder],
        ],
        ("report",): [
            ["report", "--bogus"],
            ["report"],
            ["report", "nope"],
            ["report", "fcc-annual", "--sites", missing],
        ],
        ("kb", "versions"): [
            ["kb", "versions"],
            ["kb", "versions", "--bogus", "x"],
            ["kb", "versions", "nope", *kb],
        ],
        ("kb", "diff"): [["kb", "diff"], ["kb", "diff", "nope-list", *kb]],
        ("kb", "info"): [["kb", "info", "--bogus"]],
        ("kb", "build"): [["kb", "build"], ["kb", "build", "--data", missing, *kb]],
        ("kb", "import"): [
            ["kb", "import"],
            ["kb", "import", "csl", missing, *kb],
            ["kb", "import", "csl", folder, *kb],
            ["kb", "import", "nope", plain, *kb],
        ],
        ("collect", "snmp"): [
            ["collect", "snmp", "--bogus"],
            ["collect", "snmp", "127.0.0.1", "--timeout", "nan"],
            ["collect", "snmp", "127.0.0.1", "--concurrency", "0"],
            ["collect", "snmp", "--targets", missing],
            ["collect", "snmp", "127.0.0.1", "-o", under_file],
        ],
        ("review", "mark"): [
            ["review", "mark"],
            ["review", "mark", "x", "--entity", "e", "--decision", "nope", "--reason", "r", "--author", "a"],
        ],
        ("review", "list"): [["review", "list", "--bogus"]],
        ("icts", "case", "open"): [
            ["icts", "case", "open", "--bogus"],
            ["icts", "case", "open", "--title", "t", "--party", "p", "--item", "i"],
            ["icts", "case", "open", "--title", "t", "--party", "p", "--item", "i", "--author", "a"]
            + ["--value", "-1"],
            ["icts", "case", "open", "--title", "t", "--party", "p", "--item", "i", "--author", "a"]
            + ["--initiated", "2026-13-45"],
        ],
        ("icts", "case", "show"): [
            ["icts", "case", "show"],
            ["icts", "case", "show", "X", "--as-of", "nope"],
        ],
        ("icts", "case", "note"): [["icts", "case", "note", "X"], ["icts", "case", "note", "X", "t"]],
        ("icts", "case", "decide"): [
            ["icts", "case", "decide", "X"],
            ["icts", "case", "decide", "X", "--step", "nope", "--on", "2026-01-01", "--reason", "r"]
            + ["--author", "a"],
        ],
        ("icts", "case", "score"): [
            ["icts", "case", "score", "X", "--criterion", "11", "--score", "1", "--reason", "r"]
            + ["--author", "a"],
            ["icts", "case", "score", "X", "--criterion", "1", "--score", "3", "--reason", "r"]
            + ["--author", "a"],
        ],
        ("icts", "case", "list"): [["icts", "case", "list", "--as-of", "2026-13-45"]],
        ("icts", "case", "file"): [["icts", "case", "file"], ["icts", "case", "file", "X", "-o", plain]],
        ("mitigation", "add"): [
            ["mitigation", "add"],
            ["mitigation", "add", "k", "--counterparty", "c", "--start", "nope"],
            ["mitigation", "add", "k", "--counterparty", "c", "--start", "2026-01-01", "--audit-every", "0"],
        ],
        ("mitigation", "import"): [
            ["mitigation", "import"],
            ["mitigation", "import", missing],
            ["mitigation", "import", folder],
        ],
        ("mitigation", "list"): [["mitigation", "list", "--bogus"], ["mitigation", "list", "--as-of", "x"]],
        ("mitigation", "show"): [["mitigation", "show"], ["mitigation", "show", "k", "--as-of", "x"]],
        ("mitigation", "audit"): [
            ["mitigation", "audit", "k"],
            ["mitigation", "audit", "k", "--on", "x", "--note", "n", "--author", "a"],
        ],
        ("mitigation", "breach"): [
            ["mitigation", "breach", "k"],
            ["mitigation", "breach", "k", "--on", "x", "--note", "n", "--author", "a"],
        ],
        ("serve",): [["serve", "--bogus"], ["serve", "--port", "0"], ["serve", "--port", "x"]],
        ("token", "create"): [
            ["token", "create"],
            ["token", "create", "--role", "nope"],
            ["token", "create", "--role", "viewer", "--expires", "2026-13-45"],
        ],
        ("token", "list"): [["token", "list", "--bogus"]],
        ("token", "revoke"): [["token", "revoke"], ["token", "revoke", "no-such-token"]],
        ("audit", "verify"): [["audit", "verify", "--bogus"], ["audit", "verify", "--db", "nope://x"]],
        ("db", "upgrade"): [["db", "upgrade", "--bogus"], ["db", "upgrade", "--db", "nope://x"]],
        ("webhook", "add"): [
            ["webhook", "add"],
            ["webhook", "add", "http://127.0.0.1:9/", "--events", "nope"],
            ["webhook", "add", "ftp://127.0.0.1/", "--events", "run-finished"],
        ],
        ("webhook", "list"): [["webhook", "list", "--bogus"]],
        ("webhook", "remove"): [
            ["webhook", "remove"],
            ["webhook", "remove", "x"],
            ["webhook", "remove", "99"],
        ],
        (): [["--bogus"], ["no-such-command"]],
    }


def netvet(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """`netvet ARGS` in a subprocess, with no NETVET_ settings but a store in `cwd`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NETVET_")}
    env["NETVET_DB_URL"] = f"sqlite:///{cwd / 'contract.db'}"
    command = [sys.executable, "-c", "from netvet.cli import main; main()", *args]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def runs(
    tmp_path_factory: pytest.TempPathFactory,
) -> list[tuple[list[str], subprocess.CompletedProcess[str]]]:
    """Every bad usage run once (four at a time)."""
    tmp = tmp_path_factory.mktemp("contract")
    (tmp / "folder").mkdir()
    (tmp / "plain.txt").write_text("not a folder\n")
    (tmp / "names.csv").write_text("name\nHuawei\n")
    every = [args for group in cases(tmp).values() for args in group]
    with ThreadPoolExecutor(max_workers=4) as pool:
        done = list(pool.map(lambda args: netvet(args, tmp), every))
    return list(zip(every, done, strict=True))


def test_every_command_has_bad_usage_cases(tmp_path: Path) -> None:
    known = set(leaf_commands(typer.main.get_command(app)))
    assert known <= set(cases(tmp_path)), f"commands without contract cases: {known - set(cases(tmp_path))}"


def test_bad_usage_exits_2_without_a_traceback(
    runs: list[tuple[list[str], subprocess.CompletedProcess[str]]],
) -> None:
    wrong = [
        (" ".join(args), done.returncode, (done.stdout + done.stderr)[-300:])
        for args, done in runs
        if done.returncode != 2 or "Traceback" in done.stdout + done.stderr
    ]
    assert not wrong, "\n".join(map(str, wrong))
    assert all((done.stderr + done.stdout).strip() for _, done in runs)  # each says what went wrong
