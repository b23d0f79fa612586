"""Banner rules from files the user already has (Nmap's service probes, Recog fingerprints), read
at run time and never shipped: a banner that matches a rule naming a vendor is evidence for that
vendor. Their vendor names are resolved to kb entities once, when the rules are loaded."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from netvet.attribute.banners import BannerMatcher, BannerRule, match_banner
from netvet.model import Evidence, Observation, Tier

Resolve = Callable[[str], str | None]


@dataclass(frozen=True, slots=True)
class ExternalBanners:
    """One rule file: its name, the compiled matcher, and per rule the maker it claims (or None)."""

    source: str
    matcher: BannerMatcher
    claims: tuple[str | None, ...]


def claims_of(rules: Sequence[BannerRule], resolve: Resolve) -> tuple[str | None, ...]:
    """Per rule, the kb entity its vendor name resolves to, else 'org:<vendor>', else None."""
    cache: dict[str, str | None] = {}
    found = []
    for rule in rules:
        vendor = rule.vendor_name
        if vendor is not None and vendor not in cache:
            cache[vendor] = resolve(vendor) or f"org:{vendor}"
        found.append(cache[vendor] if vendor is not None else None)
    return tuple(found)


def external_evidence(obs: Observation, files: Sequence[ExternalBanners]) -> tuple[Evidence, ...]:
    """One piece of evidence per maker claimed by the first matching rule of each file."""
    if not obs.banner or not files:
        return ()
    banner = obs.banner.encode("utf-8", errors="replace")
    found: list[Evidence] = []
    for external in files:
        seen: set[str] = set()
        for index in match_banner(external.matcher, banner):
            claim = external.claims[index]
            if claim is None or claim in seen:
                continue
            seen.add(claim)
            found.append(rule_evidence(external, index, claim, obs.banner))
    return tuple(found)


def rule_evidence(external: ExternalBanners, index: int, claim: str, banner: str) -> Evidence:
    """The evidence of one matching rule, naming the file, the rule and what it says."""
    rule = external.matcher.rules[index]
    product = f" ({rule.product})" if rule.product else ""
    reason = f"the banner matches {external.source} rule {rule.id}{product}, which names {rule.vendor_name}"
    return Evidence(
        rule=f"{external.source}:{rule.id}",
        kind="banner",
        value=banner[:80],
        claims=claim,
        tier=Tier.HEURISTIC,
        reason=reason,
    )
