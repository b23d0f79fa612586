#!/usr/bin/env python3
"""Write a large synthetic carrier inventory CSV for benchmarks (standard library + numpy).

    python bench/make_inventory.py OUT.csv --rows 1000000 --seed 7 [--data ../shared/data]

The header is the one of examples/carrier_inventory.csv.  Rows are drawn from that sample file's
distributions: each generated row takes the joint identity of one well-formed sample row (vendor,
model, device type, site, country, intended use, funding, FCC ID, first-authorized date, conditional
approval), so vendor/model/use combinations stay realistic.  Everything else is made fresh with numpy:

* MAC addresses come from real IEEE blocks of all three sizes (MA-L 24-bit, MA-M 28-bit, MA-S 36-bit
  prefixes from ieee/oui.csv, mam.csv, oui36.csv): mostly the block of the sample row's vendor, some
  from a random registered block, and about 5 % unregistered or locally administered; printed in the
  usual mix of notations (colon, dash, Cisco dotted, bare).
* hostnames, IPs, serial numbers, purchase dates (jittered around the sample row's date, never before
  its first-authorization date) and costs (jittered around the sample row's cost, mixed notation).
* a small share of field-level malformations (bad MAC, impossible date, "n/a" cost, invalid IPv4),
  controlled by --malformed; the column count stays 16 on every line.

Output is deterministic for a given (rows, seed, data, sample, malformed).  Rows are generated and
written in chunks of 32,768 (well under the 200k-row budget), so memory stays flat whatever --rows is.
Hostnames carry a zero-padded row number (at least 7 digits), so every hostname is unique.

Also importable:  from bench.make_inventory import write_inventory
                  write_inventory("inv.csv", rows=100_000, seed=7, data_dir="../shared/data")
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import ipaddress
import re
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np

CHUNK = 32768  # fixed: part of the determinism contract
REPO_ROOT = Path(__file__).resolve().parent.parent


def _load_generator_module():
    spec = importlib.util.spec_from_file_location(
        "make_carrier_inventory", REPO_ROOT / "examples" / "make_carrier_inventory.py"
    )
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


HEADER = _load_generator_module().HEADER  # the sample inventory's header, one definition
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data"
DEFAULT_SAMPLE = REPO_ROOT / "examples" / "carrier_inventory.csv"

DATE0 = date(2016, 1, 1)
DATE1 = date(2026, 8, 19)  # the day before the Covered List snapshot in lists/
NDAYS = (DATE1 - DATE0).days + 1
SERIAL_ALPHABET = np.frombuffer(b"0123456789ABCDEFGHJKLMNPQRSTUVWXYZ", dtype=np.uint8)
HEX_UPPER = np.frombuffer(b"0123456789ABCDEF", dtype=np.uint8)
HEX_LOWER = np.frombuffer(b"0123456789abcdef", dtype=np.uint8)
HEX_BOTH = np.stack([HEX_UPPER, HEX_LOWER])


# ------------------------------------------------------------------------------------------------
# reference data
def load_registry(data_dir: Path):
    """Registered prefixes as {'MA-L': uint64[...], 'MA-M': ..., 'MA-S': ...} and {hex prefix: registry}."""
    out, lookup = {}, {}
    for reg, fname, width in (("MA-L", "oui.csv", 6), ("MA-M", "mam.csv", 7), ("MA-S", "oui36.csv", 9)):
        vals = []
        with open(Path(data_dir) / "ieee" / fname, newline="", encoding="utf-8") as f:
            rd = csv.reader(f)
            next(rd)
            for row in rd:
                if len(row) < 3:
                    continue
                a = row[1].strip().upper()
                if len(a) != width:
                    continue
                try:
                    v = int(a, 16)
                except ValueError:
                    continue
                lookup[a] = reg
                if row[2] not in ("IEEE Registration Authority", "Private"):
                    vals.append(v)
        out[reg] = np.array(sorted(set(vals)), dtype=np.uint64)
    return out, lookup


def _parse_date(s: str):
    s = s.strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", s) or None
    try:
        if m:
            return date(int(m[1]), int(m[2]), int(m[3])), "iso"
        m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", s)
        if m:
            return date(int(m[3]), int(m[1]), int(m[2])), "us"
    except ValueError:
        return None
    return None


def _parse_cost(s: str):
    s = s.strip().replace("$", "").replace(",", "")
    try:
        return float(s)
    except ValueError:
        return None


def _mac_hex(s: str):
    h = re.sub(r"[^0-9A-Fa-f]", "", s)
    if len(h) != 12 or re.search(r"[^0-9A-Fa-f:\-. ]", s):
        return None
    return h.upper()


def load_sample(sample: Path | None, data_dir: Path):
    """Well-formed rows of the sample inventory, as dicts (malformed ones are skipped)."""
    rows = []
    if sample is not None and Path(sample).exists():
        with open(sample, newline="", encoding="utf-8") as f:
            rd = csv.reader(f)
            header = next(rd)
            if header != HEADER:
                raise SystemExit(f"{sample}: unexpected header")
            for r in rd:
                if len(r) == len(HEADER):
                    rows.append(dict(zip(HEADER, r, strict=True)))
    else:  # no sample file: build the same rows in memory with the example generator
        _, built = _load_generator_module().build_rows(Path(data_dir))
        rows = [{h: r[h] for h in HEADER} for r in built]
    good = []
    for r in rows:
        if r["MAC Address"] and _mac_hex(r["MAC Address"]) is None:
            continue
        if r["Purchase Date"] and _parse_date(r["Purchase Date"]) is None:
            continue
        if r["Cost (USD)"] and _parse_cost(r["Cost (USD)"]) is None:
            continue
        try:
            ipaddress.IPv4Address(r["IP Address"])
        except ValueError:
            continue
        good.append(r)
    if not good:
        raise SystemExit("no usable rows in the sample inventory")
    return good


# ------------------------------------------------------------------------------------------------
# Speed: rows are stamped from pre-rendered line templates (NTEMPLATES, built once in Python from the
# sample rows: identity, MAC block and notation, date style, cost, malformations).  Each template is a
# NUL-padded byte row with slot offsets; per chunk numpy copies the chosen templates into a reused
# matrix, scatters the per-row random parts into the slots (host number, IP tail, MAC tail nibbles,
# serial tail, ISO purchase date), and the rows are joined through a fixed-width bytes view, which
# drops the trailing NULs.  No per-row Python work and no large per-chunk allocations.
NTEMPLATES = 16384
HOST_DIGITS = 7
MAC_SLOTS = 6


def _q(v: str) -> str:
    """CSV-quote one field the way csv.writer does (minimal quoting)."""
    if "," in v or '"' in v or "\n" in v or "\r" in v:
        return '"' + v.replace('"', '""') + '"'
    return v


class Templates:
    """NTEMPLATES line templates as a NUL-padded uint8 matrix plus slot offsets for the per-row parts."""

    def __init__(self, sample_rows, registry, lookup, seed: int, rows: int, malformed: float):
        rng = np.random.default_rng([seed, 0xC0FFEE])
        S, NT = len(sample_rows), NTEMPLATES
        hd = self.host_digits = max(HOST_DIGITS, len(str(rows)))

        # per sample row: constant CSV fragments (bytes) and facts
        frag = []
        for r in sample_rows:
            h = _mac_hex(r["MAC Address"]) if r["MAC Address"] else None
            block = None
            if h:
                block = next((h[:n] for n in (9, 7, 6) if h[:n] in lookup), h[:6])
            p = _parse_date(r["Purchase Date"]) if r["Purchase Date"] else None
            fa = _parse_date(r["First Authorized"]) if r["First Authorized"] else None
            frag.append(
                dict(
                    host=(re.sub(r"-?\d+$", "", r["Hostname"]) + "-").encode(),
                    ip=("," + ".".join(r["IP Address"].split(".")[:2]) + ".").encode(),
                    vm=("," + _q(r["Vendor"]) + "," + _q(r["Model"])).encode(),
                    serial=("," + r["Serial Number"][:4]).encode() if r["Serial Number"] else b",",
                    has_serial=bool(r["Serial Number"]),
                    site=(
                        "," + ",".join(_q(r[k]) for k in ("Site", "Device Type", "Country of Origin"))
                    ).encode(),
                    use=("," + _q(r["Funding Source"]) + "," + _q(r["Intended Use"])).encode(),
                    tail=(
                        ","
                        + ",".join(_q(r[k]) for k in ("FCC ID", "First Authorized", "Conditional Approval"))
                        + "\n"
                    ).encode(),
                    block=block,
                    day=(p[0] - DATE0).days if p else None,
                    fa=(fa[0] - DATE0).days if fa else None,
                    cost=_parse_cost(r["Cost (USD)"]) if r["Cost (USD)"] else None,
                )
            )

        # globally administered unicast 24-bit prefixes in no registry (nor MA-M / MA-S parents)
        cand = rng.integers(0, 1 << 24, size=20000, dtype=np.uint64)
        cand = cand[((cand >> np.uint64(16)) & np.uint64(3)) == 0]
        parents = np.concatenate([registry["MA-M"] >> np.uint64(4), registry["MA-S"] >> np.uint64(12)])
        unregistered = np.unique(cand[~np.isin(cand, registry["MA-L"]) & ~np.isin(cand, parents)])

        # all random draws up front
        sidx = rng.integers(0, S, size=NT)
        u_mac = rng.random(NT)
        mac_style = rng.choice(4, size=NT, p=[0.45, 0.2, 0.17, 0.18])
        reg_kind = rng.choice(3, size=NT, p=[0.7, 0.15, 0.15])
        reg_pick = {
            k: registry[k][rng.integers(0, len(registry[k]), size=NT)] for k in ("MA-L", "MA-M", "MA-S")
        }
        unreg_pick = unregistered[rng.integers(0, len(unregistered), size=NT)]
        nibbles = rng.integers(0, 16, size=(NT, 12))
        us_date = rng.random(NT) < 0.18
        jitter = rng.integers(-200, 201, size=NT)
        cost_f = rng.uniform(0.8, 1.25, size=NT)
        cost_style = rng.integers(0, 4, size=NT)
        bad = rng.random(NT) < malformed
        bad_kind = rng.integers(0, 4, size=NT)
        HEX = "0123456789ABCDEF"

        lines = []
        host_off = np.zeros(NT, np.int64)
        ip_off = np.zeros(NT, np.int64)
        serial_off = np.full(NT, -1, np.int64)
        date_off = np.full(NT, -1, np.int64)
        mac_pos = np.full((NT, MAC_SLOTS), -1, np.int64)
        mac_lower = np.isin(mac_style, (1, 2))
        base_day = np.zeros(NT, np.int64)
        jit_lo = np.full(NT, -45, np.int64)
        for t in range(NT):
            f = frag[sidx[t]]
            kind = int(bad_kind[t]) if bad[t] else -1
            out = [f["host"], b"#" * hd]
            pos = len(f["host"])
            host_off[t] = pos
            pos += hd
            if kind == 3:
                ip = b",10.0.0.300"
                ip_off[t] = -1
            else:
                ip = f["ip"] + b"ddd.ddd"
                ip_off[t] = pos + len(f["ip"])
            out.append(ip)
            pos += len(ip)
            # MAC: the row's own vendor block 75 %, a random registered block 20 % (MA-L / MA-M / MA-S),
            # unregistered 3 %, locally administered 2 %; the last nibbles are randomised per row
            mac = b","
            if f["block"] is not None and kind == 0:
                mac = b",zz:zz:zz:00:11:22"
            elif f["block"] is not None:
                u = u_mac[t]
                if u < 0.75:
                    pre = f["block"]
                elif u < 0.95:
                    reg, width = (("MA-L", 6), ("MA-M", 7), ("MA-S", 9))[reg_kind[t]]
                    pre = format(int(reg_pick[reg][t]), f"0{width}X")
                else:
                    pre = format(int(unreg_pick[t]), "06X")
                nib = pre + "".join(HEX[x] for x in nibbles[t, len(pre) :])
                if u >= 0.98:  # locally administered: set bit 1, clear bit 0 of the first octet
                    nib = format((int(nib[:2], 16) | 2) & ~1, "02X") + nib[2:]
                free = range(max(len(pre), 12 - MAC_SLOTS), 12)
                st = mac_style[t]
                if st == 0:
                    text, where = (
                        ":".join(nib[i : i + 2] for i in range(0, 12, 2)),
                        [i + i // 2 for i in free],
                    )
                elif st == 1:
                    text, where = (
                        "-".join(nib[i : i + 2] for i in range(0, 12, 2)).lower(),
                        [i + i // 2 for i in free],
                    )
                elif st == 2:
                    text, where = (
                        ".".join(nib[i : i + 4] for i in range(0, 12, 4)).lower(),
                        [i + i // 4 for i in free],
                    )
                else:
                    text, where = nib, list(free)
                mac = ("," + text).encode()
                mac_pos[t, : len(where)] = [pos + 1 + w for w in where]
            out.append(mac)
            pos += len(mac)
            out.append(f["vm"])
            pos += len(f["vm"])
            out.append(f["serial"])
            pos += len(f["serial"])
            if f["has_serial"]:
                out.append(b"########")
                serial_off[t] = pos
                pos += 8
            out.append(f["site"])
            pos += len(f["site"])
            # purchase date: the sample row's day +- 200 days, after first authorization, 18 % US style
            if f["day"] is None:
                ds = b","
            elif kind == 1:
                ds = b",2019-13-45"
            else:
                d = abs(f["day"] + int(jitter[t]))  # reflected at both ends of the date range
                d = 2 * (NDAYS - 1) - d if d > NDAYS - 1 else d
                if f["fa"] is not None:  # bought after it was first authorized
                    d = max(d, f["fa"] + 7)
                    jit_lo[t] = 0
                d = min(max(d, 0), NDAYS - 1)
                base_day[t] = d
                if us_date[t]:
                    dd = DATE0 + timedelta(days=d)
                    ds = f",{dd.month}/{dd.day}/{dd.year}".encode()
                else:
                    ds = b",YYYY-MM-DD"
                    date_off[t] = pos + 1
            out.append(ds)
            pos += len(ds)
            out.append(f["use"])
            pos += len(f["use"])
            if kind == 2:
                cs = b",n/a"
            elif f["cost"] is None:
                cs = b","
            else:
                v = f["cost"] * float(cost_f[t])
                cs = ("," + [f"{v:.0f}", f"{v:.2f}", f"${v:.2f}", _q(f"${v:,.2f}")][cost_style[t]]).encode()
            out.append(cs)
            out.append(f["tail"])
            lines.append(b"".join(out))

        W = max(len(x) for x in lines) + 1  # + 1 scratch column, always NUL, at the end of every row
        self.W = W
        m = np.zeros((NT, W), dtype=np.uint8)
        for t, x in enumerate(lines):
            m[t, : len(x)] = np.frombuffer(x, dtype=np.uint8)
        self.m = m
        scratch = W - 1
        # slot step per character: 1 where the slot exists, 0 where it points at the scratch column
        self.host_off = host_off
        self.ip_step = (ip_off >= 0).astype(np.int64)
        self.ip_off = np.where(ip_off >= 0, ip_off, scratch)
        self.serial_step = (serial_off >= 0).astype(np.int64)
        self.serial_off = np.where(serial_off >= 0, serial_off, scratch)
        self.date_step = (date_off >= 0).astype(np.int64)
        self.date_off = np.where(date_off >= 0, date_off, scratch)
        self.mac_pos = np.where(mac_pos >= 0, mac_pos, scratch)
        self.mac_lower = mac_lower
        self.base_day = base_day
        self.jit_lo = jit_lo
        self.ip_tails = np.array(
            [list(f"{a}.{b}".encode()) for a in range(100, 255) for b in range(100, 255)], dtype=np.uint8
        )
        self.iso = np.array(
            [list((DATE0 + timedelta(days=k)).isoformat().encode()) for k in range(NDAYS)], dtype=np.uint8
        )


class _Stamper:
    def __init__(self, T: Templates):
        self.T = T
        self.buf = np.zeros((CHUNK, T.W), dtype=np.uint8)
        self.flat = self.buf.reshape(-1)
        self.ones = np.ones(CHUNK, dtype=np.int64)
        self.pow10 = 10 ** np.arange(T.host_digits, dtype=np.int64)

    def chunk(self, rng: np.random.Generator, start: int, n: int) -> bytes:
        T, W, buf, flat = self.T, self.T.W, self.buf, self.flat
        t = rng.integers(0, len(T.m), size=n)
        np.take(T.m, t, axis=0, out=buf[:n])
        base = np.arange(n, dtype=np.int64) * W

        def put(offset, step, width, chars):  # chars: (n, width) uint8 written at offset + j * step
            pos = (base + offset)[:, None] + step[:, None] * np.arange(width, dtype=np.int64)
            flat[pos.reshape(-1)] = chars.reshape(-1)

        # host number, zero-padded
        hd = T.host_digits
        num = np.arange(start + 1, start + n + 1, dtype=np.int64)
        digits = (num[:, None] // self.pow10[None, :hd][:, ::-1] % 10 + 48).astype(np.uint8)
        put(T.host_off[t], self.ones[:n], hd, digits)
        # IP tail "ddd.ddd" (third and fourth octet 100..254)
        put(T.ip_off[t], T.ip_step[t], 7, T.ip_tails[rng.integers(0, len(T.ip_tails), size=n)])
        # MAC tail nibbles (slots a template does not use point at the scratch column)
        nib = rng.integers(0, 16, size=(n, MAC_SLOTS), dtype=np.uint8)
        ch = HEX_BOTH[T.mac_lower[t].astype(np.uint8)[:, None], nib]
        flat[(base[:, None] + T.mac_pos[t]).reshape(-1)] = ch.reshape(-1)
        # serial tail
        sc = SERIAL_ALPHABET[rng.integers(0, len(SERIAL_ALPHABET), size=(n, 8), dtype=np.uint8)]
        put(T.serial_off[t], T.serial_step[t], 8, sc)
        # ISO purchase date near the template's day: +-45 days, or 0..45 after a first authorization
        r = rng.integers(0, 91, size=n)
        day = np.clip(T.base_day[t] + np.where(T.jit_lo[t] == 0, r // 2, r - 45), 0, NDAYS - 1)
        put(T.date_off[t], T.date_step[t], 10, T.iso[day])
        # clear the scratch column, then join the rows through a fixed-width bytes view (drops trailing NULs)
        buf[:n, W - 1] = 0
        return b"".join(buf[:n].view(f"S{W}").reshape(-1).tolist())


def write_inventory(
    path, rows: int, seed: int = 7, data_dir=DEFAULT_DATA, sample=DEFAULT_SAMPLE, malformed: float = 0.001
) -> dict:
    """Write `rows` data lines plus the header to `path`; returns {'rows', 'bytes', 'seconds'}."""
    if not 0 <= malformed <= 0.25:
        raise ValueError("malformed must be between 0 and 0.25")
    t0 = time.perf_counter()
    data_dir = Path(data_dir)
    registry, lookup = load_registry(data_dir)
    T = Templates(
        load_sample(Path(sample) if sample else None, data_dir), registry, lookup, seed, rows, malformed
    )
    stamp = _Stamper(T)
    rng = np.random.default_rng(seed)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f:
        f.write((",".join(HEADER) + "\n").encode("ascii"))
        done = 0
        while done < rows:
            n = min(CHUNK, rows - done)
            f.write(stamp.chunk(rng, done, n))
            done += n
    return {"rows": rows, "bytes": path.stat().st_size, "seconds": time.perf_counter() - t0}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Write a large synthetic carrier inventory CSV.")
    ap.add_argument("out", help="output CSV path")
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument(
        "--data", default=str(DEFAULT_DATA), help="netvet shared data folder (default ../shared/data)"
    )
    ap.add_argument(
        "--sample", default=str(DEFAULT_SAMPLE), help="sample inventory whose distributions to follow"
    )
    ap.add_argument(
        "--malformed", type=float, default=0.001, help="share of rows with a bad field (default 0.001)"
    )
    a = ap.parse_args(argv)
    st = write_inventory(a.out, a.rows, a.seed, a.data, a.sample, a.malformed)
    print(
        f"wrote {a.out}: {st['rows']:,} rows, {st['bytes'] / 1e6:.1f} MB in {st['seconds']:.2f} s "
        f"({st['rows'] / max(st['seconds'], 1e-9):,.0f} rows/s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
