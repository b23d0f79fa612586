"""An `unknown` asset that helps: what was seen, why it named no maker, and what would decide."""

from collections.abc import Sequence

from netvet.model import Attribution, Evidence, Observation

# Evidence that was read but names no maker, by rule: the reason already says why.
SILENT = frozenset({"pen-agent", "pen-unknown", "mac-local", "oui-unregistered"})
QUOTE = 60


def quoted(text: str) -> str:
    """A value shortened for a sentence."""
    text = " ".join(text.split())
    return f"'{text[:QUOTE]}...'" if len(text) > QUOTE else f"'{text}'"


def seen_silent(evidence: Sequence[Evidence]) -> list[str]:
    """The reasons of evidence that was read but names nobody (agent software, local MACs...)."""
    return list(dict.fromkeys(e.reason for e in evidence if e.rule in SILENT))


def seen_texts(observations: Sequence[Observation]) -> list[str]:
    """The texts that were read and named no maker the kb or its registries know."""
    found: list[str] = []
    for obs in observations:
        for what, value in (("vendor text", obs.vendor), ("model", obs.model), ("sysDescr", obs.sysdescr)):
            if value:
                found.append(f"{what} {quoted(value)} names no maker the kb or its registries know")
        if obs.banner:
            found.append(f"banner {quoted(obs.banner)} names no maker the kb or its registries know")
        if obs.descriptions:
            found.append(f"{len(obs.descriptions)} standard-MIB description(s) name no known maker")
    return list(dict.fromkeys(found))


def deciders(observations: Sequence[Observation]) -> list[str]:
    """The facts that would decide, among those the observations lack."""
    has = {f for obs in observations for f in ("mac", "vendor", "model", "sysobjectid") if getattr(obs, f)}
    wanted = (
        ("mac", "a globally unique MAC address"),
        ("vendor", "the maker's name"),
        ("model", "a model number"),
        ("sysobjectid", "an SNMP walk (sysObjectID, ENTITY-MIB)"),
    )
    return [text for field, text in wanted if field not in has] or [
        "the maker's name on the device or its invoice"
    ]


def explain_unknown(attr: Attribution, observations: Sequence[Observation]) -> str | None:
    """For an unattributed asset: what was seen and what would decide; None when attributed."""
    if attr.manufacturer is not None:
        return None
    seen = seen_silent(attr.evidence) + seen_texts(observations)
    said = "; ".join(seen) if seen else "no identifying field was given"
    wanted = deciders(observations)
    decide = ", ".join(wanted[:-1]) + f" or {wanted[-1]}" if len(wanted) > 1 else wanted[0]
    return f"{said}; {decide} would decide"
