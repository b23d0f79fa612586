"""Fingerprint files a user adds to a scan (`netvet scan --rules FILE`): netvet's own YAML rules
(sysDescr and sysObjectID rules in the schema of the kb's snmp.yaml), Nmap's
nmap-service-probes and Recog XML. Banner rule files are compiled once into a Hyperscan database
cached by content hash, so later scans load them in about a second."""

import hashlib
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from importlib import metadata
from pathlib import Path
from typing import Any

from netvet import __version__
from netvet.attribute.banners import BannerMatcher, BannerRule, build_matcher, dump_matcher, load_matcher
from netvet.attribute.external import ExternalBanners, claims_of
from netvet.attribute.snmp import SnmpRules
from netvet.errors import KnowledgeBaseError, SourceError
from netvet.kb.importers.nmap_probes import read_probe_rules
from netvet.kb.importers.recog import read_recog_rules
from netvet.kb.loader import KnowledgeBase, descr_rule, object_id_rule, read_yaml
from netvet.match import CachedMatcher
from netvet.model import Issue

SCHEMA = "netvet.rules/1"
BannerReader = Callable[[Path], tuple[list[BannerRule], list[Issue]]]
BANNER_READERS: dict[str, BannerReader] = {"nmap": read_probe_rules, "recog": read_recog_rules}


def rule_file_kind(path: Path) -> str:
    """'yaml', 'recog' or 'nmap', from the name, else from the first lines."""
    if path.suffix.lower() in (".yaml", ".yml"):
        return "yaml"
    if path.suffix.lower() == ".xml":
        return "recog"
    if not path.is_file():
        raise SourceError(f"{path}: no such file")
    with path.open("rb") as fh:
        head = fh.read(65536)
    if b"\nmatch " in head or b"\nProbe " in head or head.startswith((b"match ", b"Probe ")):
        return "nmap"
    raise SourceError(f"{path}: not a netvet YAML rule file, Recog XML or nmap-service-probes file")


def entity_resolver(kb: KnowledgeBase) -> Callable[[str], str | None]:
    """A name or kb id -> the kb entity it names (at the matcher's default threshold), else None."""
    names = CachedMatcher(kb.names)

    def resolve(name: str) -> str | None:
        if name in kb.entities:
            return name
        found = names(name)
        return found[0].entity if found else None

    return resolve


def with_rule_files(
    kb: KnowledgeBase, paths: Sequence[Path], cache_dir: Path
) -> tuple[KnowledgeBase, list[Issue]]:
    """The kb with the files' rules added after its own; each file's skipped rules are Issues."""
    snmp, external, issues = kb.snmp, list(kb.external), []
    resolve = entity_resolver(kb)
    for path in paths:
        kind = rule_file_kind(path)
        if kind == "yaml":
            snmp = merged_rules(snmp, read_yaml(path), path, resolve)
            continue
        rules, skipped = BANNER_READERS[kind](path)
        issues += skipped
        external.append(
            ExternalBanners(path.name, cached_matcher(rules, path, cache_dir), claims_of(rules, resolve))
        )
    return replace(kb, snmp=snmp, external=tuple(external)), issues


def merged_rules(snmp: SnmpRules, doc: Any, path: Path, resolve: Callable[[str], str | None]) -> SnmpRules:
    """The kb's SNMP rules followed by a YAML file's; a bad rule is an error naming it."""
    if not isinstance(doc, Mapping) or doc.get("schema") != SCHEMA:
        raise KnowledgeBaseError(f"{path}: not a netvet rule file (needs 'schema: {SCHEMA}')")
    built: dict[str, list[Any]] = {"sysdescr": [], "sysobjectid": []}
    for section, build in (("sysdescr", descr_rule), ("sysobjectid", object_id_rule)):
        for number, row in enumerate(doc.get(section) or (), start=1):
            try:
                maker = str(row["manufacturer"])
                built[section].append(build({**row, "manufacturer": resolve(maker) or f"org:{maker}"}))
            except (KeyError, TypeError, ValueError, re.error) as exc:
                raise KnowledgeBaseError(f"{path}: {section} rule {number}: missing or bad {exc}") from exc
    agents = {int(a["number"]): str(a["reason"]) for a in doc.get("agent_pens") or ()}
    return SnmpRules(
        snmp.pens,
        {**snmp.agent_pens, **agents},
        (*snmp.descr, *built["sysdescr"]),
        (*snmp.object_ids, *built["sysobjectid"]),
    )


def cache_key(path: Path) -> str:
    """The file's content hash with the versions that shape a compiled database."""
    digest = hashlib.sha256(path.read_bytes())
    digest.update(f"netvet {__version__}; hyperscan {hyperscan_version()}".encode())
    return digest.hexdigest()[:32]


def hyperscan_version() -> str:
    """Hyperscan's version, or 'none' when it is not installed."""
    try:
        return metadata.version("hyperscan")
    except metadata.PackageNotFoundError:
        return "none"


def cached_matcher(rules: Sequence[BannerRule], path: Path, cache_dir: Path) -> BannerMatcher:
    """The compiled matcher from the cache when this file was compiled before, else compiled now
    and cached (a cache that cannot be written only costs time on the next scan)."""
    blob_path = cache_dir / f"banners-{cache_key(path)}.hsdb"
    meta_path = blob_path.with_suffix(".json")
    if blob_path.is_file() and meta_path.is_file():
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if meta.get("rules") == len(rules):
            return load_matcher(rules, blob_path.read_bytes(), meta["always"])
    matcher = build_matcher(rules)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        staged = blob_path.with_suffix(".part")
        staged.write_bytes(dump_matcher(matcher))
        meta_path.write_text(
            json.dumps({"rules": len(rules), "always": list(matcher.always)}), encoding="utf-8"
        )
        staged.replace(blob_path)
    except OSError:
        pass
    return matcher
