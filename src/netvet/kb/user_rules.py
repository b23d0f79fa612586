"""Fingerprint files a user adds to a scan (`netvet scan --rules FILE`) or already has (Nmap's
nmap-service-probes on its standard paths, a Recog checkout named by NETVET_RECOG_DIR, used
without flags): netvet's own YAML rules (sysDescr and sysObjectID rules in the schema of the kb's
snmp.yaml), Nmap's probes and Recog XML. Banner rule files are compiled once and cached by
content hash (rule_cache), so later scans load them in well under a second."""

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from netvet.attribute.external import ExternalBanners, claims_of
from netvet.attribute.snmp import SnmpRules
from netvet.errors import KnowledgeBaseError, SourceError
from netvet.kb.importers.nmap_probes import read_probe_rules
from netvet.kb.importers.recog import read_recog_rules
from netvet.kb.knowledge import KnowledgeBase
from netvet.kb.loader import descr_rule, object_id_rule
from netvet.kb.parse import read_yaml
from netvet.kb.rule_cache import BannerReader, RuleFile, load_rule_file
from netvet.match import CachedMatcher
from netvet.model import Issue

SCHEMA = "netvet.rules/1"
BANNER_READERS: dict[str, BannerReader] = {"nmap": read_probe_rules, "recog": read_recog_rules}
# Where Nmap's packages and `make install` put its data files.
NMAP_DATA_DIRS = (Path("/usr/share/nmap"), Path("/usr/local/share/nmap"))


@dataclass(frozen=True, slots=True)
class LoadedRules:
    """The kb with rule files added, the rules they hold that cannot run, and the banner rule
    files used (for `netvet kb info`)."""

    kb: KnowledgeBase
    skipped: tuple[Issue, ...]
    files: tuple[RuleFile, ...]


def auto_rule_files(nmap_dir: Path | None, recog_dir: Path | None) -> list[Path]:
    """The rule files the user already has: nmap-service-probes from NETVET_NMAP_DIR, else from
    Nmap's standard data folders (the first that has it), and a Recog checkout's xml/*.xml."""
    found: list[Path] = []
    for folder in (nmap_dir,) if nmap_dir else NMAP_DATA_DIRS:
        if (folder / "nmap-service-probes").is_file():
            found.append(folder / "nmap-service-probes")
            break
    if recog_dir is not None:
        xml = recog_dir / "xml" if (recog_dir / "xml").is_dir() else recog_dir
        found += sorted(xml.glob("*.xml"))
    return found


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


def found_rule_files(given: Sequence[Path], nmap_dir: Path | None, recog_dir: Path | None) -> list[Path]:
    """The rule files found on this machine, less those also given by hand."""
    mine = {path.resolve() for path in given}
    return [path for path in auto_rule_files(nmap_dir, recog_dir) if path.resolve() not in mine]


def with_rule_files(
    kb: KnowledgeBase, paths: Sequence[Path], cache_dir: Path
) -> tuple[KnowledgeBase, list[Issue]]:
    """The kb with the files' rules added after its own; each file's skipped rules are Issues."""
    loaded = load_rule_files(kb, paths, cache_dir)
    return loaded.kb, list(loaded.skipped)


def load_rule_files(
    kb: KnowledgeBase, paths: Sequence[Path], cache_dir: Path, *, optional: Sequence[Path] = ()
) -> LoadedRules:
    """The kb with the rule files added after its own rules. A file in `paths` that cannot be
    used stops with its error; one in `optional` (found, not asked for) is skipped as an Issue."""
    if not paths and not optional:
        return LoadedRules(kb, (), ())
    snmp, external, skipped, files = kb.snmp, list(kb.external), list[Issue](), list[RuleFile]()
    resolve = entity_resolver(kb)
    for path in [*paths, *optional]:
        try:
            kind = rule_file_kind(path)
            if kind == "yaml":
                snmp = merged_rules(snmp, read_yaml(path), path, resolve)
                continue
            loaded = load_rule_file(path, BANNER_READERS[kind], cache_dir)
        except (SourceError, KnowledgeBaseError) as exc:
            if path not in optional:
                raise
            skipped.append(Issue(str(path), "file", None, f"rule file not used: {exc}"))
            continue
        files.append(loaded)
        skipped += loaded.skipped
        external.append(ExternalBanners(path.name, loaded.matcher, claims_of(loaded.rules, resolve)))
    return LoadedRules(kb.with_parts(snmp=snmp, external=tuple(external)), tuple(skipped), tuple(files))


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
