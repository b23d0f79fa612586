"""Banner rule files compiled once: the rules read from a file and their Hyperscan database are
cached by the file's content hash under the cache folder, so a later scan neither parses nor
compiles the file again (Nmap's ~12,000 probe patterns take tens of seconds to compile)."""

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from netvet import __version__
from netvet.attribute.banners import BannerMatcher, BannerRule, build_matcher, dump_matcher, load_matcher
from netvet.model import Issue
from netvet.model.vocab import IssueSeverity

BannerReader = Callable[[Path], tuple[list[BannerRule], list[Issue]]]


@dataclass(frozen=True, slots=True)
class RuleFile:
    """A banner rule file as loaded: where, its content hash, its rules and the rules skipped."""

    path: Path
    sha256: str
    rules: tuple[BannerRule, ...]
    skipped: tuple[Issue, ...]
    matcher: BannerMatcher


def file_sha256(path: Path) -> str:
    """The file's content hash."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def hyperscan_version() -> str:
    """Hyperscan's version, or 'none' when it is not installed."""
    try:
        return metadata.version("hyperscan")
    except metadata.PackageNotFoundError:
        return "none"


def cache_key(sha256: str) -> str:
    """The content hash with the versions that shape what is cached."""
    digest = hashlib.sha256(sha256.encode())
    digest.update(f"netvet {__version__}; hyperscan {hyperscan_version()}".encode())
    return digest.hexdigest()[:32]


def rule_to_json(rule: BannerRule) -> list[Any]:
    """A rule as a JSON row (patterns are bytes: kept as latin-1 text, one character a byte)."""
    return [
        rule.id,
        rule.service,
        rule.pattern.decode("latin-1"),
        rule.flags,
        rule.product,
        list(rule.cpe),
        rule.vendor,
    ]


def rule_from_json(row: Sequence[Any]) -> BannerRule:
    """The rule a JSON row holds."""
    return BannerRule(row[0], row[1], row[2].encode("latin-1"), row[3], row[4], tuple(row[5]), row[6])


def issue_to_json(issue: Issue) -> list[str | None]:
    """An Issue as a JSON row, without its path (the same content may be found elsewhere)."""
    return [issue.locator, issue.field, issue.message, issue.severity]


def read_cached(
    path: Path, meta_path: Path, blob_path: Path
) -> tuple[list[BannerRule], list[Issue], BannerMatcher] | None:
    """The rules, skipped rules and matcher cached for a file, or None when there is no usable entry."""
    if not (meta_path.is_file() and blob_path.is_file()):
        return None
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        rules = [rule_from_json(row) for row in meta["rules"]]
        issues = [Issue(str(path), r[0], r[1], r[2], IssueSeverity(r[3])) for r in meta["skipped"]]
        return rules, issues, load_matcher(rules, blob_path.read_bytes(), meta["always"])
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        return None  # a damaged entry is compiled again


def write_cache(
    meta_path: Path,
    blob_path: Path,
    rules: Sequence[BannerRule],
    issues: Sequence[Issue],
    matcher: BannerMatcher,
) -> None:
    """Cache a compiled file; a cache that cannot be written only costs time on the next scan."""
    meta = {
        "rules": [rule_to_json(r) for r in rules],
        "skipped": [issue_to_json(i) for i in issues],
        "always": list(matcher.always),
    }
    try:
        blob_path.parent.mkdir(parents=True, exist_ok=True)
        staged = blob_path.with_suffix(".part")
        staged.write_bytes(dump_matcher(matcher))
        meta_path.write_text(json.dumps(meta), encoding="utf-8")
        staged.replace(blob_path)
    except OSError:
        pass


def load_rule_file(path: Path, read: BannerReader, cache_dir: Path) -> RuleFile:
    """A banner rule file's rules and compiled matcher, from the cache when this content was
    compiled before, else read with `read`, compiled and cached."""
    sha256 = file_sha256(path)
    blob_path = cache_dir / f"banners-{cache_key(sha256)}.hsdb"
    meta_path = blob_path.with_suffix(".json")
    cached = read_cached(path, meta_path, blob_path)
    if cached is None:
        rules, issues = read(path)
        matcher = build_matcher(rules)
        write_cache(meta_path, blob_path, rules, issues, matcher)
    else:
        rules, issues, matcher = cached
    return RuleFile(path, sha256, tuple(rules), tuple(issues), matcher)
