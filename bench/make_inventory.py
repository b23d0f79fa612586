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
* hostnames, IPs, serial numbers, purchase dates (jittered around the sample row's date) and costs.
* a small share of field-level malformations (bad MAC, impossible date, "n/a" cost, invalid IPv4),
  controlled by --malformed; the column count stays 16 on every line.

Output is deterministic for a given (rows, seed, data, sample).  Rows are generated and written in
chunks of at most 200,000, so memory stays flat whatever --rows is.

Also importable:  from bench.make_inventory import write_inventory
                  write_inventory("inv.csv", rows=100_000, seed=7, data_dir="../shared/data")
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import ipaddress
import operator
import re
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np

HEADER = [
    "Hostname", "IP Address", "MAC Address", "Vendor", "Model", "Serial Number", "Site",
    "Device Type", "Country of Origin", "Purchase Date", "Funding Source", "Intended Use",
    "Cost (USD)", "FCC ID", "First Authorized", "Conditional Approval",
]

CHUNK = 32768  # fixed: part of the determinism contract
REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data"
DEFAULT_SAMPLE = REPO_ROOT / "examples" / "carrier_inventory.csv"

DATE0 = date(2016, 1, 1)
DATE1 = date(2026, 8, 15)
NDAYS = (DATE1 - DATE0).days + 1
COST_VARIANTS = 8
SERIAL_ALPHABET = np.frombuffer(b"0123456789ABCDEFGHJKLMNPQRSTUVWXYZ", dtype=np.uint8)
HEX_UPPER = np.frombuffer(b"0123456789ABCDEF", dtype=np.uint8)
HEX_LOWER = np.frombuffer(b"0123456789abcdef", dtype=np.uint8)


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


def _load_generator_module():
    spec = importlib.util.spec_from_file_location(
        "make_carrier_inventory", REPO_ROOT / "examples" / "make_carrier_inventory.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


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
                    rows.append(dict(zip(HEADER, r)))
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


def _csv_fields(values) -> str:
    """CSV-render a few fields (quoted as csv.writer would) joined by commas."""
    out = []
    for v in values:
        if any(c in v for c in ',"\r\n') or v != v.strip(" \t") and v:
            v = '"' + v.replace('"', '""') + '"'
        out.append(v)
    return ",".join(out)


# ------------------------------------------------------------------------------------------------
# Speed: rows are stamped from pre-rendered line templates (NTEMPLATES, built once in Python from the
# sample rows: identity, MAC block and notation, date style, cost, malformations).  Each template is a
# NUL-padded byte row with slot offsets; per chunk numpy copies the chosen templates into a reused
# matrix, scatters the per-row random parts into the slots (host number, IP tail, MAC tail nibbles,
# serial tail, ISO purchase date), and the rows are joined through a fixed-width bytes view, which
# drops the trailing NULs.  No per-row Python work and no large per-chunk allocations.
NTEMPLATES = 32768
HOST_DIGITS = 7
MAC_SLOTS = 6


def _quote(v: str) -> str:
    return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\r\n') else v


class Templates:
    def __init__(self, sample_rows, registry, lookup, seed, rows):
        rng = np.random.default_rng([seed, 0xC0FFEE])
        S = len(sample_rows)
        self.host_digits = max(HOST_DIGITS, len(str(rows)))

        # the MAC block of each sample row: longest registered prefix, else its first 24 bits as is
        blocks = []
        for r in sample_rows:
            h = _mac_hex(r["MAC Address"]) if r["MAC Address"] else None
            if not h:
                blocks.append(None)
                continue
            for n in (9, 7, 6):
                if h[:n] in lookup:
                    blocks.append(h[:n])
                    break
            else:
                blocks.append(h[:6])
        # globally administered unicast 24-bit prefixes in no registry (nor MA-M / MA-S parents)
        cand = rng.integers(0, 1 << 24, size=20000, dtype=np.uint64)
        cand = cand[((cand >> np.uint64(16)) & np.uint64(3)) == 0]
        parents = np.concatenate([registry["MA-M"] >> np.uint64(4), registry["MA-S"] >> np.uint64(12)])
        unregistered = np.unique(cand[~np.isin(cand, registry["MA-L"]) & ~np.isin(cand, parents)])

        lines, slots = [], []
        sidx = rng.integers(0, S, size=NTEMPLATES)
        u_mac = rng.random(NTEMPLATES)
        mac_style = rng.choice(4, size=NTEMPLATES, p=[0.45, 0.2, 0.17, 0.18])
        rand_reg = rng.choice(3, size=NTEMPLATES, p=[0.7, 0.15, 0.15])
        us_date = rng.random(NTEMPLATES) < 0.18
        jitter = rng.integers(-200, 201, size=NTEMPLATES)
        bad = rng.random(NTEMPLATES)
        bad_kind = rng.integers(0, 4, size=NTEMPLATES)
        self.malformed_share = None  # set by stamp()
        for t in range(NTEMPLATES):
            r = sample_rows[sidx[t]]
            hostp = re.sub(r"-?\d+$", "", r["Hostname"]) + "-"
            ipp = ".".join(r["IP Address"].split(".")[:2]) + "."
            # --- MAC: block choice, notation, positions of the random tail nibbles -------------------
            mac, mac_pos = "", []
            if blocks[sidx[t]] is not None:
                u = u_mac[t]
                if u < 0.75:
                    pre = blocks[sidx[t]]
                elif u < 0.95:
                    reg, width = (("MA-L", 6), ("MA-M", 7), ("MA-S", 9))[rand_reg[t]]
                    arr = registry[reg]
                    pre = format(int(arr[rng.integers(0, len(arr))]), f"0{width}X")
                else:
                    pre = format(int(unregistered[rng.integers(0, len(unregistered))]), "06X")
                nib = pre + "".join("0123456789ABCDEF"[x] for x in rng.integers(0, 16, size=12 - len(pre)))
                if u >= 0.98:  # locally administered: set bit 1, clear bit 0 of the first octet
                    nib = format((int(nib[:2], 16) | 2) & ~1, "02X") + nib[2:]
                free = list(range(max(len(pre), 12 - MAC_SLOTS), 12))  # randomised per row
                st = mac_style[t]
                if st == 0:
                    mac, pos = ":".join(nib[i:i + 2] for i in range(0, 12, 2)), [i + i // 2 for i in free]
                elif st == 1:
                    mac, pos = "-".join(nib[i:i + 2] for i in range(0, 12, 2)).lower(), [i + i // 2 for i in free]
                elif st == 2:
                    mac, pos = ".".join(nib[i:i + 4] for i in range(0, 12, 4)).lower(), [i + i // 4 for i in free]
                else:
                    mac, pos = nib, free
                mac_pos = pos
            mac_lower = mac_style[t] in (1, 2)
            # --- serial, dates, cost ----------------------------------------------------------------------
            serial = (r["Serial Number"][:4] + "########") if r["Serial Number"] else ""
            base_day, date_s, iso_slot = -1, "", False
            p = _parse_date(r["Purchase Date"]) if r["Purchase Date"] else None
            if p:
                d = (p[0] - DATE0).days + int(jitter[t])
                fa = _parse_date(r["First Authorized"]) if r["First Authorized"] else None
                if fa:
                    d = max(d, (fa[0] - DATE0).days + 7)
                d = abs(d)
                d = 2 * (NDAYS - 1) - d if d > NDAYS - 1 else d
                base_day = min(max(d, 0), NDAYS - 1)
                if us_date[t]:
                    dd = DATE0 + timedelta(days=base_day)
                    date_s = f"{dd.month}/{dd.day}/{dd.year}"
                else:
                    date_s, iso_slot = "YYYY-MM-DD", True
            c = _parse_cost(r["Cost (USD)"]) if r["Cost (USD)"] else None
            cost = ""
            if c is not None:
                v = c * float(rng.uniform(0.8, 1.25))
                cost = [f"{v:.0f}", f"{v:.2f}", f"${v:.2f}", f"${v:,.2f}"][int(rng.integers(0, 4))]
            ip_tail = "ddd.ddd"
            # --- malformed fields (template-level; shares scale with --malformed at stamp time) -------
            kind = int(bad_kind[t]) if bad[t] < 0.25 else -1  # candidates; stamp() decides how many are used
            fields = [hostp + "#" * self.host_digits, ipp + ip_tail, mac, r["Vendor"], r["Model"], serial, r["Site"],
                      r["Device Type"], r["Country of Origin"], date_s, r["Funding Source"], r["Intended Use"], cost,
                      r["FCC ID"], r["First Authorized"], r["Conditional Approval"]]
            good_line = ",".join(_quote(f) for f in fields) + "\n"
            bad_line = None
            if kind >= 0:
                bf = list(fields)
                if kind == 0 and mac:
                    bf[2] = "zz:zz:zz:00:11:22"
                elif kind == 1 and date_s:
                    bf[9] = "2019-13-45"
                elif kind == 2:
                    bf[12] = "n/a"
                else:
                    bf[1] = "10.0.0.300"
                bad_line = ",".join(_quote(f) for f in bf) + "\n"
            lines.append((good_line, bad_line))
            slots.append((mac_pos, mac_lower, iso_slot, base_day, bool(serial)))
        self.lines = lines
        self.slots = slots
        self.bad_u = bad

    def compile(self, malformed: float):
        """Byte matrix of the templates and slot offsets, with a share `malformed` of bad templates."""
        use_bad = self.bad_u < malformed  # bad_u < 0.25 holds a candidate bad line
        texts, n = [], len(self.lines)
        for t, (good, badl) in enumerate(self.lines):
            texts.append(badl if (use_bad[t] and badl is not None) else good)
        enc = [x.encode("utf-8") for x in texts]
        W = max(len(e) for e in enc) + 1  # + 1 scratch column (always NUL at the end)
        self.W = W
        m = np.zeros((n, W), dtype=np.uint8)
        host_off = np.zeros(n, np.int64)
        ip_off = np.zeros(n, np.int64)
        serial_off = np.full(n, W - 1, np.int64)
        date_off = np.full(n, W - 1, np.int64)
        mac_pos = np.full((n, MAC_SLOTS), W - 1, np.int64)
        mac_lower = np.zeros(n, bool)
        base_day = np.zeros(n, np.int64)
        for t, e in enumerate(enc):
            m[t, :len(e)] = np.frombuffer(e, dtype=np.uint8)
            text = texts[t]
            pos_mac, lower, iso, bday, has_serial = self.slots[t]
            # offsets are found in the byte string; the placeholders are unique in their fields
            host_off[t] = e.index(b"#" * self.host_digits)
            ip = e.find(b"ddd.ddd", host_off[t])
            ip_off[t] = ip if ip >= 0 else W - 1
            comma2 = _field_start(e, 2)
            if pos_mac and not e[comma2:comma2 + 2] == b"zz":
                mac_pos[t, :len(pos_mac)] = [comma2 + p for p in pos_mac]
            mac_lower[t] = lower
            if has_serial:
                serial_off[t] = e.index(b"########", _field_start(e, 5))
            if iso and b"YYYY-MM-DD" in e:
                date_off[t] = e.index(b"YYYY-MM-DD")
            base_day[t] = max(bday, 0)
            del text
        self.m, self.host_off, self.ip_off, self.serial_off, self.date_off = m, host_off, ip_off, serial_off, date_off
        self.mac_pos, self.mac_lower, self.base_day = mac_pos, mac_lower, base_day
        # slot step per character: 1 where the slot exists, 0 where it points at the scratch column
        self.ip_step = (ip_off != W - 1).astype(np.int64)
        self.serial_step = (serial_off != W - 1).astype(np.int64)
        self.date_step = (date_off != W - 1).astype(np.int64)
        # per-row tables
        self.ip_tails = np.array([list(f"{a}.{b}".encode()) for a in range(100, 255) for b in range(100, 255)],
                                 dtype=np.uint8)
        days = [DATE0 + timedelta(days=k) for k in range(NDAYS)]
        self.iso = np.array([list(d.isoformat().encode()) for d in days], dtype=np.uint8)


def _field_start(line: bytes, k: int) -> int:
    """Byte offset where CSV field k starts (fields before k contain no quoted commas: host, ip, mac, ...)."""
    i = 0
    for _ in range(k):
        if line[i:i + 1] == b'"':
            j = i + 1
            while True:
                j = line.index(b'"', j)
                if line[j + 1:j + 2] == b'"':
                    j += 2
                    continue
                break
            i = j + 2
        else:
            i = line.index(b",", i) + 1
    return i


class _Stamper:
    def __init__(self, T: Templates):
        self.T = T
        self.buf = np.zeros((CHUNK, T.W), dtype=np.uint8)
        self.flat = self.buf.reshape(-1)

    def chunk(self, rng: np.random.Generator, start: int, n: int) -> bytes:
        T, W, buf, flat = self.T, self.T.W, self.buf, self.flat
        t = rng.integers(0, len(T.m), size=n)
        np.take(T.m, t, axis=0, out=buf[:n])
        base = np.arange(n, dtype=np.int64) * W

        # host number, zero-padded
        num = np.arange(start + 1, start + n + 1, dtype=np.int64)
        hd = T.host_digits
        ho = base + T.host_off[t]
        for j in range(hd - 1, -1, -1):
            flat[ho + j] = (num % 10 + 48).astype(np.uint8)
            num //= 10
        # IP tail "ddd.ddd" (third and fourth octet 100..254)
        ipo = base + T.ip_off[t]
        tails = T.ip_tails[rng.integers(0, len(T.ip_tails), size=n)]
        ips = T.ip_step[t]
        for j in range(7):
            flat[ipo + j * ips] = tails[:, j]
        # MAC tail nibbles
        nib = rng.integers(0, 16, size=(n, MAC_SLOTS))
        ch = np.where(T.mac_lower[t][:, None], HEX_LOWER[nib], HEX_UPPER[nib])
        mp = base[:, None] + T.mac_pos[t]
        flat[mp.reshape(-1)] = ch.reshape(-1)
        # serial tail
        so = base + T.serial_off[t]
        sc = SERIAL_ALPHABET[rng.integers(0, len(SERIAL_ALPHABET), size=(n, 8))]
        ss = T.serial_step[t]
        for j in range(8):
            flat[so + j * ss] = sc[:, j]
        # ISO purchase date, jittered +- 45 days around the template's day
        day = np.clip(T.base_day[t] + rng.integers(-45, 46, size=n), 0, NDAYS - 1)
        dch = T.iso[day]
        do = base + T.date_off[t]
        ds = T.date_step[t]
        for j in range(10):
            flat[do + j * ds] = dch[:, j]
        # slots that do not exist point at the scratch column: clear it, then join without the padding
        buf[:n, W - 1] = 0
        return b"".join(buf[:n].view(f"S{W}").reshape(-1).tolist())


def write_inventory(path, rows: int, seed: int = 7, data_dir=DEFAULT_DATA, sample=DEFAULT_SAMPLE,
                    malformed: float = 0.001) -> dict:
    """Write `rows` data lines plus the header to `path`; returns {'rows', 'bytes', 'seconds'}."""
    if not 0 <= malformed <= 0.25:
        raise ValueError("malformed must be between 0 and 0.25")
    t0 = time.perf_counter()
    data_dir = Path(data_dir)
    registry, lookup = load_registry(data_dir)
    T = Templates(load_sample(Path(sample) if sample else None, data_dir), registry, lookup, seed, rows)
    T.compile(malformed)
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
    ap.add_argument("--data", default=str(DEFAULT_DATA), help="netvet shared data folder (default ../shared/data)")
    ap.add_argument("--sample", default=str(DEFAULT_SAMPLE), help="sample inventory whose distributions to follow")
    ap.add_argument("--malformed", type=float, default=0.001, help="share of rows with a bad field (default 0.001)")
    a = ap.parse_args(argv)
    st = write_inventory(a.out, a.rows, a.seed, a.data, a.sample, a.malformed)
    print(f"wrote {a.out}: {st['rows']:,} rows, {st['bytes'] / 1e6:.1f} MB in {st['seconds']:.2f} s "
          f"({st['rows'] / max(st['seconds'], 1e-9):,.0f} rows/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
