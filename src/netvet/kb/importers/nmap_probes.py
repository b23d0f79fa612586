"""Nmap's service-probe match lines (`nmap-service-probes`), read at run time from a file the user
already has; never shipped (Nmap's licence). Each `match`/`softmatch` line becomes a banner rule."""

import re
from dataclasses import dataclass
from pathlib import Path

from netvet.attribute.banners import BannerRule
from netvet.errors import SourceError
from netvet.model import Issue

_HEAD = re.compile(r"^(match|softmatch)\s+(\S+)\s+m(.)")
_FIELD = re.compile(r"\b(p|v|i|d|o|h)/([^/]*)/|cpe:/([^/]*)/")
_FLAGS = {"i": re.IGNORECASE, "s": re.DOTALL}


@dataclass(frozen=True, slots=True)
class ParsedLine:
    """A match line's service, pattern text, flags and the fields after it."""

    service: str
    pattern: str
    flags: str
    rest: str


def split_line(line: str) -> ParsedLine | None:
    """'match ssh m|^SSH-2.0-HUAWEI|s p/Huawei VRP sshd/' -> its parts; None for other lines."""
    head = _HEAD.match(line)
    if head is None:
        return None
    delimiter, start = head.group(3), head.end()
    end = line.find(delimiter, start)
    if end < 0:
        return None
    tail = line[end + 1 :]
    flags = re.match(r"[is]*", tail)
    length = flags.end() if flags else 0
    return ParsedLine(head.group(2), line[start:end], tail[:length], tail[length:])


def rule_of(number: int, parsed: ParsedLine) -> BannerRule | None:
    """A banner rule, or None when Python's re cannot compile the pattern."""
    flags = 0
    for letter in parsed.flags:
        flags |= _FLAGS[letter]
    try:
        re.compile(parsed.pattern.encode("latin-1"), flags)
    except (re.error, UnicodeEncodeError):
        return None
    fields = {m.group(1): m.group(2) for m in _FIELD.finditer(parsed.rest) if m.group(1)}
    cpes = tuple(m.group(3) for m in _FIELD.finditer(parsed.rest) if m.group(3))
    product = fields.get("p")
    return BannerRule(number, parsed.service, parsed.pattern.encode("latin-1"), flags, product, cpes)


def read_probe_rules(path: Path) -> tuple[list[BannerRule], list[Issue]]:
    """Every compilable match line; the rest are Issues naming their line."""
    if not path.is_file():
        raise SourceError(f"{path}: no such file")
    rules: list[BannerRule] = []
    issues: list[Issue] = []
    for number, line in enumerate(path.read_text(encoding="latin-1").splitlines(), start=1):
        parsed = split_line(line)
        if parsed is None:
            continue
        rule = rule_of(number, parsed)
        if rule is None:
            issues.append(
                Issue(str(path), f"line {number}", None, "pattern Python's re cannot compile: skipped")
            )
        else:
            rules.append(rule)
    if not rules:
        raise SourceError(f"{path}: no match lines: not an nmap-service-probes file")
    return rules, issues
