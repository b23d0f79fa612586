"""CycloneDX bills of materials (1.4-1.6, JSON or XML) read with cyclonedx-python-lib; XML is
parsed with defusedxml, so DTDs and entity expansion are refused. Each top-level component of
type device (or firmware) is an asset; nested components are its parts, by their makers."""

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from netvet.errors import SourceError
from netvet.ingest.files import read_input
from netvet.model import Issue, Observation, SourceRef

ASSET_TYPES = frozenset({"device", "firmware"})


def load_bom(path: Path) -> Any:
    """The Bom object of a JSON or XML file; anything else is a SourceError naming the file."""
    from cyclonedx.model.bom import Bom
    from defusedxml.ElementTree import fromstring

    raw = read_input(path)
    text = raw.lstrip()
    try:
        if text.startswith(b"{"):
            return Bom.from_json(json.loads(raw))  # type: ignore[attr-defined]  # added by serializable
        if text.startswith(b"<"):
            return Bom.from_xml(fromstring(raw))  # type: ignore[attr-defined]
    except Exception as exc:  # defusedxml, the XML parser and the library each raise their own types
        raise SourceError(f"{path}: not a readable CycloneDX BOM: {type(exc).__name__}: {exc}") from exc
    raise SourceError(f"{path}: neither JSON nor XML: not a CycloneDX BOM")


def maker_of(component: Any) -> str | None:
    """The manufacturer's name, else the supplier's."""
    for party in (getattr(component, "manufacturer", None), component.supplier):
        if party is not None and party.name:
            return str(party.name)
    return None


def parts_of(component: Any) -> Iterator[tuple[str, str]]:
    """(maker, name) of every nested component that names a maker, at any depth."""
    for part in component.components:
        maker = maker_of(part)
        if maker:
            yield maker, str(part.name)
        yield from parts_of(part)


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
            path, locator, "manufacturer", "component names no manufacturer or supplier", "warning"
        )
    return obs, None


def read_cyclonedx(
    path: Path, *, strict: bool = False, overrides: Mapping[str, str] | None = None
) -> tuple[list[Observation], list[Issue]]:
    """One observation per device or firmware component."""
    found: list[Observation] = []
    issues: list[Issue] = []
    for component in load_bom(path).components:
        if str(component.type.value) in ASSET_TYPES:
            obs, issue = component_observation(str(path), component)
            found.append(obs)
            issues += [issue] if issue else []
    if not found:
        issues.append(Issue(str(path), "bom", None, "no device or firmware components", "warning"))
    if strict and issues:
        raise SourceError(issues[0].describe())
    return found, issues
