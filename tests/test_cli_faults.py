"""Faults a hostile or unlucky user meets, as real subprocesses: a closed pipe, Windows-1252
names, a symlink loop, a zip bomb, formulas in the data, a long cell, an odd BOM version."""

import csv
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import run_netvet

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "carrier_inventory.csv"
CAMERA = ROOT / "tests" / "data" / "cyclonedx" / "camera-hbom.cdx.json"


def test_a_closed_pipe_ends_quietly_with_141(tmp_path: Path) -> None:
    command = [sys.executable, "-c", "from netvet.cli import main; main()"]
    args = ["scan", str(SAMPLE), "--no-store", "--jsonl", "--as-of", "2026-11-23"]
    with subprocess.Popen(
        [*command, *args], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as p:
        assert p.stdout is not None and p.stderr is not None
        first = p.stdout.readline()
        p.stdout.close()  # what `| head -1` does
        err = p.stderr.read().decode()
        code = p.wait(timeout=600)
    assert first.startswith(b"{")
    assert code == 141, err
    assert "Traceback" not in err and "Exception ignored" not in err


def test_a_closed_pipe_mid_stream_ends_the_arrow_engine_too(tmp_path: Path) -> None:
    # The Arrow engine stops with its reader many blocks short of the end (blocks of 64 KB
    # here, so that a few MB make dozens): its file must be closed and Arrow's background reads
    # wound down before exit. Left to the garbage collector they still held the file when the
    # interpreter exited, and Arrow's thread pool waited for them forever: the command hung.
    lines = SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
    inventory = tmp_path / "large.csv"
    inventory.write_text(lines[0] + "".join(lines[1:]) * 60, encoding="utf-8")
    small_blocks = (
        "import netvet.batch.reader as r; r.BLOCK_BYTES = 1 << 16; from netvet.cli import main; main()"
    )
    args = ["scan", str(inventory), "--engine", "arrow", "--no-store", "--jsonl", "--as-of", "2026-11-23"]
    with subprocess.Popen(
        [sys.executable, "-c", small_blocks, *args],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as p:
        assert p.stdout is not None and p.stderr is not None
        first = p.stdout.readline()
        p.stdout.close()
        try:
            code = p.wait(timeout=120)
        except subprocess.TimeoutExpired:
            p.kill()
            raise AssertionError("the scan hung after its output was closed") from None
        err = p.stderr.read().decode()
    assert inventory.stat().st_size > 40 * (1 << 16)
    assert first.startswith(b"{")
    assert code == 141, err
    assert "Traceback" not in err and "Exception ignored" not in err


def test_screen_reads_windows_1252_names_and_writes_no_formula(tmp_path: Path) -> None:
    names = tmp_path / "names.csv"
    names.write_bytes('name,note\nSociété Générale,=HYPERLINK("x")\nZTE Corporation,ok\n'.encode("cp1252"))
    done = run_netvet("screen", "--names", str(names), "--purpose", "procurement", "--csv", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert rows[0]["name"] == "Société Générale" and rows[0]["note"] == '\'=HYPERLINK("x")'
    assert rows[1]["verdict"] != "clear"


def test_a_symlink_loop_is_named_as_such(tmp_path: Path) -> None:
    loop = tmp_path / "loop.csv"
    os.symlink(loop, loop)
    done = run_netvet("scan", str(loop), "--no-store", cwd=tmp_path)
    assert done.returncode == 2
    assert "symbolic links" in done.stderr and "Traceback" not in done.stderr


def test_an_xlsx_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            for _ in range(260):
                member.write(b" " * (1 << 20))
    assert bomb.stat().st_size < 2 << 20
    done = run_netvet("scan", str(bomb), "--no-store", cwd=tmp_path)
    assert done.returncode == 2
    assert "unpacks to 260 MiB" in done.stderr


def test_one_bad_input_does_not_stop_the_others(tmp_path: Path) -> None:
    bad = tmp_path / "walk.snmprec"
    bad.write_text("not|a walk\n")
    version = tmp_path / "v99.cdx.json"
    version.write_text(CAMERA.read_text().replace('"specVersion": "1.5"', '"specVersion": "9.9"'))
    formula = tmp_path / "inv.csv"
    formula.write_text("vendor,model,hostname\n=cmd|'/C calc'!A0,S5700,-h1\n")
    args = [str(bad), str(version), str(formula), "--no-store", "--csv", "--as-of", "2026-11-23"]
    done = run_netvet("scan", *args, cwd=tmp_path)
    assert done.returncode == 2
    assert "1 input(s) could not be read" in done.stderr
    assert "specVersion '9.9'" in done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert any(r["hostname"] == "'-h1" for r in rows)
    assert not any(v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values() if v)
