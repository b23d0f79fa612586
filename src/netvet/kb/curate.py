"""Turn published list rows into kb list documents, with the curation that says what each
entry means (which entities or categories, scope, qualifiers, exceptions)."""

import re
from datetime import date
from typing import Any

from netvet.kb.importers.fcc_covered_list import RawEntry
from netvet.model import Issue

RULE_FIELDS = (
    "entities",
    "categories",
    "scope",
    "use_qualified",
    "includes_affiliates",
    "foreign_produced",
    "conditional_approval_exception",
    "exceptions",
    "basis",
    "updates_allowed_until",
    "verified",
    "service_types",
)


def entry_doc(rule: dict[str, Any], raw: RawEntry) -> dict[str, Any]:
    """One designation document from a curation rule and the published row it matched."""
    doc: dict[str, Any] = {
        "id": f"{rule['id']}-{raw.date_added.isoformat()}",
        "text": raw.text,
        "date_added": raw.date_added,
        "citation": f"47 CFR 1.50002 (entry of {raw.date_added:%B %-d, %Y})",
    }
    doc.update({k: rule[k] for k in RULE_FIELDS if k in rule})
    if raw.updated:
        doc["updated"] = list(raw.updated)
    if rule.get("reason"):
        doc["note"] = rule["reason"]
    return doc


def curate(
    raw: list[RawEntry], curation: dict[str, Any], version: date, path: str
) -> tuple[dict[str, Any], list[Issue]]:
    """A list document for one published version; rows no rule reads become Issues."""
    entries: list[dict[str, Any]] = []
    issues: list[Issue] = []
    for row in raw:
        rules = [r for r in curation["rules"] if re.search(r["match"], row.text, re.IGNORECASE)]
        if not rules:
            issues.append(
                Issue(path, f"line {row.line}", "text", f"no curation rule reads this entry: {row.text[:80]}")
            )
        entries += [entry_doc(rule, row) for rule in rules]
    doc = {
        "schema": "netvet.list/1",
        "list_id": curation["list_id"],
        "title": curation["title"],
        "version": version,
        "citation": curation["citation"],
        "sources": curation.get("sources", []),
        "entries": entries,
    }
    return doc, issues
