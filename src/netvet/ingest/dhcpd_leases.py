"""ISC dhcpd's lease database (`dhcpd.leases`, dhcpd.leases(5)): statements ending in `;` and
blocks in braces, strings in double quotes with octal escapes. Only `lease ADDRESS { ... }`
blocks are read; a block that is not closed, or a statement that cannot be read, is an Issue
with its line and the rest of the file is still read."""

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from netvet.ids import normalize_ip, normalize_mac
from netvet.ingest.lease import Lease
from netvet.model import Issue

_TOKEN = re.compile(r'(\s+)|#[^\n]*|("(?:[^"\\\n]|\\.)*")|([{};=])|([^\s{};="#]+)|(.)', re.S)
_ESCAPE = re.compile(rb"\\([0-7]{1,3}|.)", re.S)
VENDOR_CLASS_VARIABLES = frozenset({"vendor-class-identifier", "vendor-string", "vendor-class"})


@dataclass(slots=True)
class Block:
    """A statement and, when it opened braces, the statements inside them."""

    line: int
    words: list[str]
    children: list["Block"] = field(default_factory=list)


def tokens_of(text: str) -> Iterator[tuple[int, str]]:
    """(line, token) for every word, string and punctuation mark; comments are dropped."""
    line = 1
    for match in _TOKEN.finditer(text):
        if match.group(1) is None and match.group(0)[0] != "#":
            yield line, match.group(0)
        line += match.group(0).count("\n")


def unquote(word: str) -> str:
    """A dhcpd string's text: quotes removed, octal and backslash escapes decoded."""
    if len(word) < 2 or not (word.startswith('"') and word.endswith('"')):
        return word
    raw = word[1:-1].encode("utf-8", errors="replace")
    decoded = _ESCAPE.sub(lambda m: unescape(m.group(1)), raw)
    return decoded.decode("utf-8", errors="replace")


def unescape(code: bytes) -> bytes:
    """One escape's byte: octal digits, else the character itself."""
    return bytes([int(code, 8) & 0xFF]) if code.isdigit() else code


@dataclass(slots=True)
class Nesting:
    """The blocks open while reading: statements go into the innermost one."""

    path: str
    top: list[Block] = field(default_factory=list)
    stack: list[Block] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)

    def open(self, line: int, words: list[str]) -> None:
        """`words {`: a new `lease` while another block is open means that one was not closed."""
        if words[:1] == ["lease"] and self.stack:
            self.issues.append(Issue(self.path, f"line {self.stack[0].line}", None, "block not closed"))
            self.stack.clear()
        self.stack.append(Block(line, words))

    def close(self, line: int) -> None:
        """`}`: the innermost block ends."""
        if not self.stack:
            self.issues.append(Issue(self.path, f"line {line}", None, "'}' without a block"))
            return
        block = self.stack.pop()
        (self.stack[-1].children if self.stack else self.top).append(block)

    def end(self, line: int, words: list[str]) -> None:
        """`;`: a statement of the innermost block (top-level statements are not needed)."""
        if self.stack:
            self.stack[-1].children.append(Block(line, words))


def lease_blocks(text: str, path: str) -> tuple[list[Block], list[Issue]]:
    """The top-level `lease` blocks; unclosed or stray braces are Issues."""
    nesting, words, start = Nesting(path), list[str](), 1
    for line, token in tokens_of(text):
        start = line if not words else start
        if token == "{":
            nesting.open(start, words)
        elif token == "}":
            nesting.close(line)
        elif token == ";":
            nesting.end(start, words)
        else:
            words.append(token)
            continue
        words = []
    if nesting.stack:
        where = f"line {nesting.stack[0].line}"
        nesting.issues.append(Issue(path, where, None, "block not closed at end of file"))
    return [b for b in nesting.top if b.words[:1] == ["lease"]], nesting.issues


def parse_when(words: Sequence[str]) -> float | None:
    """`starts 2 2026/11/03 08:00:00` or `starts epoch 1793000000` -> POSIX seconds (UTC)."""
    try:
        if words[1] == "epoch":
            return float(int(words[2]))
        return (
            datetime.strptime(f"{words[2]} {words[3]}", "%Y/%m/%d %H:%M:%S").replace(tzinfo=UTC).timestamp()
        )
    except (IndexError, ValueError, OverflowError):
        return None


def lease_of(block: Block, path: str) -> tuple[Lease | None, list[Issue]]:
    """One lease block -> a Lease; statements that cannot be read are Issues with their line."""
    where = f"line {block.line}"
    ip = normalize_ip(block.words[1]) if len(block.words) == 2 else None
    if ip is None:
        return None, [
            Issue(path, where, "address", f"lease header is not 'lease ADDRESS': {' '.join(block.words)!r}")
        ]
    values: dict[str, str | float] = {}
    issues: list[Issue] = []
    for statement in block.children:
        issue = read_statement(statement, values)
        if issue:
            issues.append(Issue(path, f"line {statement.line}", issue[0], issue[1]))
    lease = Lease(
        block.line,
        ip,
        str(values["mac"]) if "mac" in values else None,
        str(values["hostname"]) if "hostname" in values else None,
        str(values["vendor_class"]) if "vendor_class" in values else None,
        float(values.get("starts", 0.0)),
    )
    return lease, issues


def read_statement(statement: Block, values: dict[str, str | float]) -> tuple[str, str] | None:
    """Store what one statement says in values; (field, problem) when it cannot be read."""
    words = statement.words
    head = words[0] if words else ""
    if head == "hardware" and len(words) >= 3:
        mac = normalize_mac(words[2])
        if mac is None:
            return "mac", f"not a MAC address: {words[2]!r}"
        values["mac"] = mac
    elif head == "client-hostname" and len(words) >= 2:
        values["hostname"] = unquote(words[1])
    elif head == "set" and len(words) >= 4 and words[1] in VENDOR_CLASS_VARIABLES and words[2] == "=":
        values["vendor_class"] = unquote(words[3])
    elif head == "starts":
        when = parse_when(words)
        if when is None:
            return "starts", f"not a lease time: {' '.join(words)!r}"
        values["starts"] = when
    return None


def read_dhcpd_leases(text: str, path: str) -> tuple[list[Lease], list[Issue]]:
    """Every readable lease block of the file, in file order, with the Issues."""
    blocks, issues = lease_blocks(text, path)
    leases: list[Lease] = []
    for block in blocks:
        lease, problems = lease_of(block, path)
        issues += problems
        if lease is not None:
            leases.append(lease)
    return leases, issues
