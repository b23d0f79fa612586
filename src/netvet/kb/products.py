"""Load products.yaml: product lines and operating systems as kb facts (schema
netvet.products/1). Every row is checked; a bad row is a KnowledgeBaseError naming the file and
the row's id."""

import re
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from netvet.errors import KnowledgeBaseError
from netvet.kb.parse import optional_date, read_yaml, sources_from
from netvet.model import Category, MatchKind, Owner, ProductKind, ProductLine

SCHEMA = "netvet.products/1"
ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def check_maker(maker: object, known: Collection[str]) -> str:
    """A kb entity id, or 'org:Registry Name' for a maker the kb does not hold."""
    text = str(maker or "")
    if text.startswith("org:") and len(text) > 4:
        return text
    if text not in known:
        raise ValueError(f"unknown maker id {text!r}")
    return text


def owner_from(doc: Mapping[str, Any], known: Collection[str]) -> Owner:
    """One dated owner {maker, from, to}."""
    return Owner(
        check_maker(doc.get("maker"), known), optional_date(doc.get("from")), optional_date(doc.get("to"))
    )


def current_maker(owners: tuple[Owner, ...]) -> str | None:
    """The owner holding a line that changed hands today (its open-ended period): the row's
    `maker` names who made the line first, the claim is for who makes it now, and the record's
    lineage gives the maker on the acquisition date."""
    return next((o.maker for o in owners if o.valid_to is None), None)


def check_pattern(match: MatchKind, pattern: object) -> str | None:
    """The regex of a regex row (compiled to prove it), None otherwise."""
    if match is not MatchKind.REGEX:
        if pattern is not None:
            raise ValueError(f"pattern is only for match: regex (got {pattern!r})")
        return None
    if not isinstance(pattern, str) or not pattern:
        raise ValueError("match: regex needs a pattern")
    if "(?<" in pattern.replace("(?<P", ""):
        raise ValueError(f"lookbehind is not allowed: {pattern!r}")
    try:
        re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise ValueError(f"bad regex {pattern!r}: {exc}") from exc
    return pattern


def product_from(doc: Mapping[str, Any], known: Collection[str]) -> ProductLine:
    """One validated row."""
    ident = str(doc.get("id") or "")
    if not ID.match(ident):
        raise ValueError(f"id {ident!r} is not lowercase [a-z0-9-]")
    match = MatchKind(str(doc.get("match")))
    category = doc.get("category")
    sources = sources_from(doc.get("sources"))
    if not sources:
        raise ValueError("a product row needs at least one source")
    owners = tuple(owner_from(o, known) for o in doc.get("owners") or ())
    return ProductLine(
        id=ident,
        name=str(doc["name"]),
        match=match,
        maker=current_maker(owners) or check_maker(doc.get("maker"), known),
        category=Category(category) if category is not None else None,
        kind=ProductKind(str(doc.get("kind"))),
        strong=str(doc.get("strength", "strong")) == "strong",
        reason=str(doc["reason"]),
        pattern=check_pattern(match, doc.get("pattern")),
        owners=owners,
        sources=sources,
        verified=bool(doc.get("verified", True)),
    )


def parse_products(path: Path, doc: object, known: Collection[str]) -> tuple[ProductLine, ...]:
    """Every row of a parsed products document; ids must be unique."""
    if not isinstance(doc, dict) or doc.get("schema") != SCHEMA:
        raise KnowledgeBaseError(f"{path}: not a {SCHEMA} document")
    found: dict[str, ProductLine] = {}
    for number, row in enumerate(doc.get("products") or (), start=1):
        name = row.get("id", f"#{number}") if isinstance(row, dict) else f"#{number}"
        try:
            product = product_from(row, known)
        except (KeyError, ValueError, TypeError, AttributeError) as exc:
            raise KnowledgeBaseError(f"{path}: products row {name}: {exc}") from exc
        if product.id in found:
            raise KnowledgeBaseError(f"{path}: products row {name}: duplicate id")
        found[product.id] = product
    return tuple(found.values())


def load_products(path: Path, known: Collection[str]) -> tuple[ProductLine, ...]:
    """The product lines of products.yaml (none when the file is absent)."""
    if not path.exists():
        return ()
    return parse_products(path, read_yaml(path), known)
