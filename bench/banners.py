"""Banner rules: Nmap's ~11,900 service-probe patterns (read at run time from the user's nmap
install, never shipped) over real banners, netvet's Hyperscan prefilter + `re` confirmation
against Python `re` trying every pattern in turn; identical answers are checked.

    python bench/banners.py [--probes /usr/share/nmap/nmap-service-probes] [--data ../shared/data]
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from netvet.attribute.banners import build_matcher, dump_matcher, load_matcher, match_banner, match_each  # noqa: E402
from netvet.kb.importers.nmap_probes import read_probe_rules  # noqa: E402


def real_banners(data: Path) -> list[bytes]:
    """The sysDescr of every recorded walk, plus a few service greetings."""
    found = []
    for path in sorted((data / "snmp" / "walks").glob("*.snmprec")):
        with path.open(encoding="utf-8", errors="replace") as fh:
            line = next((x for x in fh if x.startswith("1.3.6.1.2.1.1.1.0|")), None)
        if line:
            found.append(line.split("|", 2)[2].strip().encode("latin-1", "replace"))
    greetings = [
        b"SSH-2.0-HUAWEI-1.5\r\n",
        b"HTTP/1.0 200 OK\r\nServer: Hikvision-Webs\r\n\r\n",
        b"220 ProFTPD 1.3.5 Server (Debian)\r\n",
    ]
    return found + greetings


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--probes", type=Path, default=Path("/usr/share/nmap/nmap-service-probes"))
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    if not args.probes.is_file():
        print(f"banner bench not run: {args.probes} not found (install Debian's nmap)")
        return
    rules, skipped = read_probe_rules(args.probes)
    start = time.perf_counter()
    matcher = build_matcher(rules)
    compile_s = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "banners.hsdb"
        cache.write_bytes(dump_matcher(matcher))
        start = time.perf_counter()
        matcher = load_matcher(rules, cache.read_bytes(), matcher.always)
        reload_s = time.perf_counter() - start
    banners = real_banners(args.data)
    sample = banners[:200]
    for index in range(len(rules)):  # `re` patterns compile on first use: not part of the peer's rate
        matcher.pattern(index)
    start = time.perf_counter()
    reference = [match_each(matcher, b) for b in sample]
    re_rate = len(sample) / (time.perf_counter() - start)
    assert [match_banner(matcher, b) for b in sample] == reference, "Hyperscan path disagrees with re"
    many = banners * 40
    rates = []
    for _ in range(3):
        start = time.perf_counter()
        for banner in many:
            match_banner(matcher, banner)
        rates.append(len(many) / (time.perf_counter() - start))
    rate = statistics.median(rates)
    left = len(matcher.always)
    print(f"banner rules: {len(rules):,} Nmap patterns ({len(skipped)} skipped), {left} not prefilterable")
    print(f"  compile {compile_s:.1f} s, reload from cache {reload_s:.2f} s")
    print(f"  Python re, every pattern in turn  {re_rate:10,.0f} banners/s")
    ratio = f"x{rate / re_rate:,.0f}"
    same = f"identical on {len(sample)} banners"
    print(f"  netvet Hyperscan + re confirm     {rate:10,.0f} banners/s   {ratio}   {same}")


if __name__ == "__main__":
    main()
