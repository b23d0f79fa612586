"""Banner rules: the Hyperscan path gives exactly what Python re gives, trying every rule."""

import re
from pathlib import Path

import pytest

from netvet.attribute.banners import (
    BannerRule,
    build_matcher,
    dump_matcher,
    load_matcher,
    match_banner,
    match_each,
)
from netvet.errors import SourceError
from netvet.kb.importers.nmap_probes import read_probe_rules, split_line

RULES = [
    BannerRule(
        0,
        "http",
        rb"^HTTP/1\.[01] \d\d\d .*\r\nServer: Hikvision-Webs",
        re.DOTALL,
        "Hikvision IP camera httpd",
    ),
    BannerRule(1, "ssh", rb"^SSH-([\d.]+)-HUAWEI-([\d.]+)", 0, "Huawei VRP sshd"),
    BannerRule(2, "ftp", rb"^220 proftpd (\S+)", re.IGNORECASE, "ProFTPD"),
    BannerRule(3, "x", rb"(a)\1b", 0, "a backreference"),  # prefiltered approximately, confirmed by re
    BannerRule(5, "y", rb"z{100000}", 0, "too large"),  # Hyperscan refuses it: always tried with re
    BannerRule(4, "any", rb"Server:", 0, None),
]
BANNERS = [
    b"HTTP/1.0 200 OK\r\nServer: Hikvision-Webs\r\n\r\n",
    b"SSH-2.0-HUAWEI-1.5\r\n",
    b"220 ProFTPD 1.3.5 Server\r\n",
    b"xxaabyy",
    b"nothing to see",
    b"",
    b"z" * 100000,
]


@pytest.mark.parametrize("banner", BANNERS)
def test_hyperscan_path_equals_every_pattern_in_turn(banner: bytes) -> None:
    matcher = build_matcher(RULES)
    assert matcher.database is not None and [matcher.rules[i].id for i in matcher.always] == [5]
    assert match_banner(matcher, banner) == match_each(matcher, banner)


def test_cached_database_reloads_with_the_same_answers() -> None:
    matcher = build_matcher(RULES)
    reloaded = load_matcher(RULES, dump_matcher(matcher), matcher.always)
    assert [match_banner(reloaded, b) for b in BANNERS] == [match_each(matcher, b) for b in BANNERS]
    assert [RULES[i].id for i in match_banner(reloaded, BANNERS[0])] == [0, 4]


def test_nmap_probe_lines_parse(tmp_path: Path) -> None:
    parsed = split_line("match ssh m|^SSH-([\\d.]+)-HUAWEI-VRP|s p/Huawei VRP sshd/ cpe:/o:huawei:vrp/")
    assert parsed is not None and (parsed.service, parsed.flags) == ("ssh", "s")
    probes = tmp_path / "nmap-service-probes"
    lines = [
        "Probe TCP NULL q||",
        "match ssh m|^SSH-([\\d.]+)-HUAWEI| p/Huawei sshd/ cpe:/o:huawei:vrp/",
        "match x m|(?<bad|",
    ]
    probes.write_text("\n".join(lines) + "\n", encoding="latin-1")
    rules, issues = read_probe_rules(probes)
    assert [(r.product, r.cpe) for r in rules] == [("Huawei sshd", ("o:huawei:vrp",))]
    assert [i.locator for i in issues] == ["line 3"]
    empty = tmp_path / "empty"
    empty.write_text("# nothing\n", encoding="latin-1")
    with pytest.raises(SourceError, match="not an nmap-service-probes file"):
        read_probe_rules(empty)
