"""Issue 10 fault tests, as a user meets them: real `netvet kb import` subprocesses, killed with
SIGKILL, run two at once, or given cut, path-shaped and too-deep input; afterwards the kb folder
still holds the previous version and a listed party still screens as a hit."""

import csv
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from netvet.kb.loader import load_kb
from netvet.kb.versions import read_log
from netvet.model import ListVersion
from tests.conftest import SHARED, run_netvet

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "data" / "csl" / "consolidated_sample.csv"
SUBSET = SHARED / "csl" / "consolidated_subset_2023-11.csv"
COMMAND = [sys.executable, "-c", "from netvet.cli import main; main()"]


def env_for(home: Path) -> dict[str, str]:
    return {**os.environ, "NETVET_KB_DIR": str(home / "kb"), "NETVET_DB_URL": f"sqlite:///{home / 's.db'}"}


def netvet(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    done = run_netvet(*args, cwd=home, env=env_for(home))
    assert "Traceback" not in done.stderr, done.stderr
    return done


def start(home: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*COMMAND, *args],
        cwd=home,
        env=env_for(home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen[str], kill: bool = False) -> tuple[int, str]:
    """Its exit code and stderr (killed with SIGKILL first when asked); its pipes closed."""
    if kill:
        process.send_signal(signal.SIGKILL)
    _, stderr = process.communicate(timeout=300)
    return process.returncode, stderr


def screened_verdict(home: Path, name: str) -> str:
    (home / "names.csv").write_text(f"name\n{name}\n", encoding="utf-8")
    done = netvet(home, "screen", "--names", "names.csv", "--purpose", "export", "--csv")
    assert done.returncode == 0, done.stderr
    return next(csv.DictReader(io.StringIO(done.stdout)))["verdict"]


@pytest.fixture
def home(tmp_path: Path) -> Path:
    done = netvet(tmp_path, "kb", "import", "csl", str(SAMPLE), "--version", "2023-11-30", "--allow-shrink")
    assert done.returncode == 0, done.stderr
    return tmp_path


def lists_of(home: Path) -> dict[str, ListVersion]:
    """The lists of the kb folder as it is now (not a cached load)."""
    load_kb.cache_clear()
    return load_kb(home / "kb").lists


def wait_for(path: Path, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.05)


def test_kill_9_mid_import_then_a_cut_file_leave_the_previous_version_in_force(home: Path) -> None:
    text = SUBSET.read_text(encoding="utf-8")
    (home / "whole.csv").write_text(text[: text.rindex("\n") + 1], encoding="utf-8")  # 4,000+ real rows
    running = start(home, "kb", "import", "csl", "whole.csv", "--version", "2023-12-01")
    wait_for(home / ".kb.staging" / "lists", 120)
    time.sleep(0.5)
    assert finish(running, kill=True)[0] == -signal.SIGKILL
    assert (home / ".kb.staging").exists()  # what the killed import left behind
    assert lists_of(home)["ear-entity-list"].version.isoformat() == "2023-11-30"
    # The real excerpt, cut mid-row as published: refused, and the killed import's staging is gone.
    refused = netvet(home, "kb", "import", "csl", str(SUBSET), "--version", "2023-12-02")
    assert refused.returncode == 2 and "consolidated_subset_2023-11.csv: line 4233" in refused.stderr
    assert not (home / ".kb.staging").exists() and not (home / "kb.previous").exists()
    assert [v.version for v in read_log(home / "kb") if v.list_id == "ear-entity-list"][-1] == "2023-11-30"
    assert screened_verdict(home, "ZTE Parsian") == "hit"


def test_three_imports_at_once_all_survive(home: Path) -> None:
    # Two user lists and a new CSL version (the sample without ZTE Parsian), started together.
    for name in ("a", "b"):
        (home / f"{name}.csv").write_text(f"name\nAcme {name.upper()} Widgets\n", encoding="utf-8")
    rows = list(csv.reader(io.StringIO(SAMPLE.read_text(encoding="utf-8"))))
    with (home / "v2.csv").open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(r for r in rows if r[5] != "ZTE Parsian")
    running = [start(home, "kb", "import", "user-list", f"{n}.csv", "--list-id", f"user-{n}") for n in "ab"]
    running.append(start(home, "kb", "import", "csl", "v2.csv", "--version", "2023-12-15"))
    results = [finish(p) for p in running]
    assert [code for code, _ in results] == [0, 0, 0], results
    lists = lists_of(home)
    assert {"user-a", "user-b"} <= set(lists)
    assert lists["ear-entity-list"].version.isoformat() == "2023-12-15"
    kept = read_log(home / "kb")
    assert {v.list_id for v in kept} >= {"user-a", "user-b"}
    assert [v.version for v in kept if v.list_id == "ear-entity-list"][-2:] == ["2023-11-30", "2023-12-15"]
    assert screened_verdict(home, "ZTE Parsian") == "clear"  # the new version is the one in force


def test_a_held_lock_makes_an_import_wait_or_fail_clearly(home: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(home / "kb")],
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    assert holder.stdout and holder.stdout.readline().strip() == "held"
    (home / "c.csv").write_text("name\nAcme C Widgets\n", encoding="utf-8")
    failed = netvet(home, "kb", "import", "user-list", "c.csv", "--lock-timeout", "1")
    assert failed.returncode == 2 and "another netvet process" in failed.stderr
    assert f"pid {holder.pid}" in failed.stderr and "user-c" not in lists_of(home)
    waiting = start(home, "kb", "import", "user-list", "c.csv")
    time.sleep(1)
    holder.send_signal(signal.SIGKILL)  # the OS releases a dead holder's lock
    holder.communicate(timeout=30)
    code, stderr = finish(waiting)
    assert code == 0, stderr
    assert "user-c" in lists_of(home)


HOLD = """
import sys, time
from pathlib import Path
from netvet.kb.lock import kb_lock
with kb_lock(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(120)
"""


def test_bad_options_and_hostile_files_are_clear_errors(home: Path) -> None:
    (home / "u.csv").write_text("name\nAcme Widgets\n", encoding="utf-8")
    bad_version = netvet(home, "kb", "import", "user-list", "u.csv", "--version", "2023-13-45")
    assert bad_version.returncode == 2 and "--version: not a date: '2023-13-45'" in bad_version.stderr
    assert "--as-of" not in bad_version.stderr
    traversal = netvet(home, "kb", "import", "user-list", "u.csv", "--list-id", "../../../x")
    assert traversal.returncode == 2 and "--list-id '../../../x'" in traversal.stderr
    assert not list(home.parent.parent.glob("x.yaml")) and not list(home.rglob("x.yaml"))
    (home / "deep.json").write_text('{"results": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    deep = netvet(home, "kb", "import", "csl", "deep.json")
    assert deep.returncode == 2 and "deep.json: JSON nested deeper" in deep.stderr
    (home / "header.csv").write_text(
        SAMPLE.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8"
    )
    header = netvet(home, "kb", "import", "csl", "header.csv")
    assert header.returncode == 2 and "header.csv: a header and no rows" in header.stderr
    assert lists_of(home)["ear-entity-list"].version.isoformat() == "2023-11-30"
