"""Recog fingerprint XML (`<fingerprints><fingerprint pattern=...><param name="hw.vendor" .../>`),
read at run time from files the user has; never shipped. Each fingerprint naming a hardware or
operating-system vendor becomes a banner rule (service vendors wrote software, not the device)."""

import re
from pathlib import Path
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as safe_xml
from defusedxml import DefusedXmlException

from netvet.attribute.banners import BannerRule
from netvet.errors import SourceError
from netvet.ingest.files import read_input
from netvet.model import Issue

FLAGS = {"REG_ICASE": re.IGNORECASE, "REG_DOT_NEWLINE": re.DOTALL, "REG_MULTILINE": re.MULTILINE}
VENDOR_PARAMS = ("hw.vendor", "os.vendor")
PRODUCT_PARAMS = ("hw.product", "os.product", "service.product")


def parse_root(path: Path) -> Element:
    """The <fingerprints> root; entities, DTDs and broken XML are SourceErrors naming the file."""
    try:
        root: Element = safe_xml.fromstring(read_input(path))
    except (DefusedXmlException, safe_xml.ParseError) as exc:
        raise SourceError(f"{path}: not usable Recog XML: {exc}") from exc
    if root.tag != "fingerprints":
        raise SourceError(f"{path}: root element is <{root.tag}>, not <fingerprints>: not a Recog file")
    return root


def rule_of(number: int, element: Element, flags: int, service: str) -> BannerRule | None:
    """A banner rule for one <fingerprint>, or None when it names no vendor."""
    params = {p.get("name"): p.get("value") for p in element.iter("param") if p.get("pos") == "0"}
    vendor = next((params[k] for k in VENDOR_PARAMS if params.get(k)), None)
    if vendor is None:
        return None
    product = next((params[k] for k in PRODUCT_PARAMS if params.get(k)), None)
    pattern = element.get("pattern", "").encode("utf-8")
    return BannerRule(number, service, pattern, flags, product, (), vendor)


def read_recog_rules(path: Path) -> tuple[list[BannerRule], list[Issue]]:
    """Every fingerprint that names a vendor and that Python's re compiles; others are Issues."""
    root = parse_root(path)
    rules: list[BannerRule] = []
    issues: list[Issue] = []
    for number, element in enumerate(root.iter("fingerprint"), start=1):
        flags = sum({FLAGS.get(f.strip(), 0) for f in element.get("flags", "").split(",")})
        rule = rule_of(number, element, flags, root.get("matches", ""))
        if rule is None:
            continue
        try:
            re.compile(rule.pattern, rule.flags)
        except re.error as exc:
            issues.append(Issue(str(path), f"fingerprint {number}", "pattern", f"not a Python regex: {exc}"))
            continue
        rules.append(rule)
    if not rules:
        raise SourceError(f"{path}: no fingerprint names a hardware or OS vendor")
    return rules, issues
