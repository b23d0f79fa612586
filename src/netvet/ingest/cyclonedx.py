"""CycloneDX bills of materials (1.4-1.6, JSON or XML) read with cyclonedx-python-lib; XML is
parsed with defusedxml, so DTDs and entity expansion are refused. Each top-level component of
type device (or firmware) is an asset; nested components are its parts, by their makers."""

import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from netvet.errors import SourceError
from netvet.ingest.files import read_input
from netvet.model import Issue, Observation, SourceRef
from netvet.model.vocab import IssueSeverity

ASSET_TYPES = frozenset({"device", "firmware"})
SPEC_VERSIONS = ("1.4", "1.5", "1.6")
_XML_VERSION = re.compile(rb"cyclonedx\.org/schema/bom/([0-9][0-9.]*)")


def declared_version(doc: object, raw: bytes) -> str | None:
    """The specVersion a JSON document or an XML namespace declares."""
    if isinstance(doc, dict):
        version = doc.get("specVersion")
        return version if isinstance(version, str) else None
    found = _XML_VERSION.search(raw[:4096])
    return found.group(1).decode() if found else None


def load_bom(path: Path) -> tuple[Any, str | None]:
    """The Bom object of a JSON or XML file and the spec version it declares; anything else is a
    SourceError naming the file."""
    from cyclonedx.model.bom import Bom
    from defusedxml.ElementTree import fromstring

    raw = read_input(path)
    text = raw.lstrip()
    try:
        if text.startswith(b"{"):
            doc = json.loads(raw)
            return Bom.from_json(doc), declared_version(doc, raw)  # type: ignore[attr-defined]
        if text.startswith(b"<"):
            return Bom.from_xml(fromstring(raw)), declared_version(None, raw)  # type: ignore[attr-defined]
    except Exception as exc:  # defusedxml, the XML parser and the library each raise their own types
        raise SourceError(f"{path}: not a readable CycloneDX BOM: {type(exc).__name__}: {exc}") from exc
    raise SourceError(f"{path}: neither JSON nor XML: not a CycloneDX BOM")


def version_issues(path: Path, declared: str | None) -> list[Issue]:
    """A warning when the BOM declares a CycloneDX version netvet was not made for (it is read
    as the newest known one, and what that version adds may be missed)."""
    if declared in SPEC_VERSIONS:
        return []
    known = ", ".join(SPEC_VERSIONS)
    message = f"specVersion {declared!r} is not one netvet reads ({known}): read as {SPEC_VERSIONS[-1]}"
    return [Issue(str(path), "bom", "specVersion", message)]


def maker_of(component: Any) -> str | None:
    """The manufacturer's name, else the supplier's."""
    for party in (getattr(component, "manufacturer", None), component.supplier):
        if party is not None and party.name:
            return str(party.name)
    return None


def parts_of(component: Any) -> Iterator[tuple[str, str]]:
    """(maker, name) of every nested component that names a maker, at any depth (depth first,
    without recursion: a hostile BOM may nest thousands deep)."""
    stack = list(reversed(list(component.components)))
    while stack:
        part = stack.pop()
        maker = maker_of(part)
        if maker:
            yield maker, str(part.name)
        stack += reversed(list(part.components))


def serial_of(component: Any) -> str | None:
    """The serial number from the CycloneDX device property taxonomy, if given."""
    return next((str(p.value) for p in component.properties if p.name == "cdx:device:serialNumber"), None)


def component_observation(path: str, component: Any) -> tuple[Observation, Issue | None]:
    """A device or firmware component as an observation (an Issue when it names no maker)."""
    locator = f"component {component.bom_ref.value or component.name}"
    obs = Observation(
        SourceRef(path, locator),
        vendor=maker_of(component),
        model=str(component.name),
        serial=serial_of(component),
        components=tuple(parts_of(component)),
    )
    if obs.vendor is None and not obs.components:
        return obs, Issue(
            path,
            locator,
            "manufacturer",
            "component names no manufacturer or supplier",
            IssueSeverity.WARNING,
        )
    return obs, None


def read_cyclonedx(
    path: Path, *, strict: bool = False, overrides: Mapping[str, str] | None = None
) -> tuple[list[Observation], list[Issue]]:
    """One observation per device or firmware component."""
    found: list[Observation] = []
    bom, declared = load_bom(path)
    issues = version_issues(path, declared)
    for component in bom.components:
        if str(component.type.value) in ASSET_TYPES:
            obs, issue = component_observation(str(path), component)
            found.append(obs)
            issues += [issue] if issue else []
    if not found:
        issues.append(
            Issue(str(path), "bom", None, "no device or firmware components", IssueSeverity.WARNING)
        )
    if strict and issues:
        raise SourceError(issues[0].describe())
    return found, issues
