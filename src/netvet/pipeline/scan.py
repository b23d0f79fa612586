"""The pipeline, once: read sources -> attribute -> determine -> findings. The CLI and the web
app both call it."""

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from netvet.attribute import attribute
from netvet.ingest import detect_format, read_source
from netvet.kb.knowledge import KnowledgeBase
from netvet.kb.views import UNKNOWN_ORGANISATION, context_of, relatedness, rule_kb
from netvet.model import Finding, Issue, Observation, Organisation, verdict_of
from netvet.regimes import REGIMES, determine_all

Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class InputFile:
    """One scanned input: its path, sha256, format and number of observations read."""

    path: str
    sha256: str
    format: str
    observations: int


@dataclass(frozen=True, slots=True)
class ScanResult:
    """Everything a scan produced, and what it was computed from."""

    findings: tuple[Finding, ...]
    issues: tuple[Issue, ...]
    inputs: tuple[InputFile, ...]
    as_of: date
    kb_manifest: str
    regimes: tuple[str, ...]


def find(
    observations: Iterable[Observation],
    kb: KnowledgeBase,
    as_of: date,
    regimes: Sequence[str] = tuple(REGIMES),
    progress: Progress | None = None,
    org: Organisation = UNKNOWN_ORGANISATION,
) -> list[Finding]:
    """The row function over observations: one finding per observation."""
    rules, related, regime_kb = rule_kb(kb), relatedness(kb, as_of), kb.regime_kb
    findings = []
    for obs in observations:
        attr = attribute(obs, rules, related)
        ctx = context_of(obs, kb, org)
        determinations = determine_all(attr, ctx, regime_kb, as_of, tuple(regimes))
        findings.append(Finding(obs.key, (obs,), attr, ctx, determinations, verdict_of(determinations)))
        if progress:
            progress(1)
    return findings


def with_default_use(observations: list[Observation], use: str | None) -> list[Observation]:
    """Observations whose intended use is empty take the default the user gave."""
    if not use:
        return observations
    return [o if o.intended_use else replace(o, intended_use=use) for o in observations]


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def scan_paths(
    paths: Sequence[Path],
    kb: KnowledgeBase,
    as_of: date,
    *,
    fmt: str = "auto",
    strict: bool = False,
    overrides: Mapping[str, str] | None = None,
    regimes: Sequence[str] = tuple(REGIMES),
    default_use: str | None = None,
    progress: Progress | None = None,
    org: Organisation = UNKNOWN_ORGANISATION,
) -> ScanResult:
    """Read every input with the row readers, then find; a SourceError stops before anything
    is returned."""
    observations: list[Observation] = []
    issues: list[Issue] = []
    inputs: list[InputFile] = []
    for path in paths:
        found, problems = read_source(path, fmt, strict=strict, overrides=overrides)
        observations += with_default_use(found, default_use)
        issues += problems
        name = detect_format(path) if fmt == "auto" else fmt
        inputs.append(InputFile(str(path), sha256_file(path), name, len(found)))
    findings = find(observations, kb, as_of, regimes, progress, org)
    return ScanResult(
        tuple(findings), tuple(issues), tuple(inputs), as_of, kb.manifest_sha256, tuple(regimes)
    )
