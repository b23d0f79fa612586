"""The ICTS foreign-adversary nexus, limb by limb, and the 15 CFR 791.103(c) criteria, each
scored on its own (0 = no concern, 2 = strong concern, None = not assessable from an inventory).

Limbs (15 CFR 791.2, 791.1(a)(1)): organised under the laws of a foreign adversary; owned or
controlled by a person of, or the state of, a foreign adversary; produced there (a §791.100(c)
factor); operated, maintained, repaired, updated or serviced by a person subject to it.
"""

from dataclasses import dataclass
from datetime import date

from netvet.model import AssetContext, Attribution, Category
from netvet.model.vocab import Flag
from netvet.regimes.base import RegimeKB

NETWORK_CORE = frozenset(
    {
        Category.ROUTER,
        Category.SWITCH,
        Category.FIREWALL,
        Category.OLT,
        Category.BASE_STATION,
        Category.MICROWAVE,
        Category.RADIO_INFRASTRUCTURE,
        Category.OPTICAL_TRANSPORT,
        Category.SERVER,
    }
)
# US findings about a supplier's conduct (§791.103(c)(4)): a Covered List entry rests on a national
# security determination; an Entity List entry on activities contrary to US security or policy.
US_FINDINGS = ("fcc-covered-list", "ear-entity-list")
CRITERIA = (
    "nature and characteristics of the ICTS",
    "degree of foreign-adversary ownership, control or direction",
    "statements and actions of the foreign adversary",
    "statements and actions of those who design, make or supply it",
    "statements and actions of the parties",
    "whether the threat is discrete or persistent",
    "nature of the vulnerability",
    "whether the risk can be mitigated",
    "severity of harm",
    "likelihood of harm",
)


@dataclass(frozen=True, slots=True)
class Nexus:
    """Which limbs tie the asset to a foreign adversary, with the countries behind each."""

    limbs: tuple[tuple[str, str], ...]
    state_controlled: bool = False
    military_listed: bool = False
    us_findings: tuple[str, ...] = ()

    @property
    def countries(self) -> tuple[str, ...]:
        """The adversary countries named by any limb."""
        return tuple(sorted({c for _, c in self.limbs}))

    def has(self, limb: str) -> bool:
        """True when the named limb holds."""
        return any(name == limb for name, _ in self.limbs)


def adversary(kb: RegimeKB, country: str | None, as_of: date) -> str | None:
    """The country when it is a foreign adversary on the day."""
    since = kb.adversaries.get(country or "")
    return country if country and since is not None and since <= as_of else None


def owner_limbs(kb: RegimeKB, maker: str | None, as_of: date) -> tuple[tuple[str, str], ...]:
    """Jurisdiction (the maker's own country) and ownership (any controller above it)."""
    if maker is None or maker not in kb.graph.entities:
        return ()
    chain = kb.graph.chain(maker, as_of)
    limbs = [("jurisdiction", c)] if (c := adversary(kb, kb.country_of(maker), as_of)) else []
    owners = {c for e in chain[1:] if (c := adversary(kb, kb.country_of(e), as_of))}
    return (*limbs, *(("ownership", c) for c in sorted(owners)))


def service_limbs(kb: RegimeKB, ctx: AssetContext, as_of: date) -> tuple[tuple[str, str], ...]:
    """Who services and updates it: the servicer's own country, its controller's, or the
    country the service comes from."""
    servicer = ctx.serviced_by if ctx.serviced_by in kb.graph.entities else None
    top = kb.graph.controller(servicer, as_of) if servicer else None
    found = {adversary(kb, kb.country_of(e), as_of) for e in (servicer, top) if e}
    found.add(adversary(kb, ctx.service_country, as_of))
    return tuple(("servicing", c) for c in sorted(c for c in found if c))


def find_nexus(attr: Attribution, ctx: AssetContext, kb: RegimeKB, as_of: date) -> Nexus:
    """Every limb that holds for the asset on the day."""
    limbs = list(owner_limbs(kb, attr.manufacturer, as_of))
    if made := adversary(kb, attr.country_of_production, as_of):
        limbs.append(("production", made))
    limbs += service_limbs(kb, ctx, as_of)
    maker = attr.manufacturer
    chain = kb.graph.chain(maker, as_of) if maker is not None and maker in kb.graph.entities else ()
    state = any(kb.graph.entities[e].kind == "state-body" for e in chain)
    military = bool(lists_naming(kb, maker, as_of, ("dod-1260h",)))
    findings = lists_naming(kb, maker, as_of, US_FINDINGS)
    return Nexus(tuple(limbs), state and bool(limbs), military, findings)


def lists_naming(kb: RegimeKB, maker: str | None, as_of: date, list_ids: tuple[str, ...]) -> tuple[str, ...]:
    """Which of the lists have an entry in force naming the maker or its owners on the day."""
    if maker is None or maker not in kb.graph.entities:
        return ()
    chain = kb.graph.chain(maker, as_of)
    return tuple(
        i
        for i in list_ids
        if any(e.in_force(as_of) for node in chain for e in kb.named.get(i, {}).get(node, ()))
    )


def score_factors(attr: Attribution, ctx: AssetContext, nexus: Nexus) -> tuple[int | None, ...]:
    """The ten §791.103(c) criteria, scored where the inventory can tell."""
    nature = None if attr.category is None else 2 if attr.category in NETWORK_CORE else 1
    degree = (
        2 if nexus.state_controlled or nexus.military_listed or len(nexus.limbs) >= 2 else len(nexus.limbs)
    )
    persistent: int | None = None
    if ctx.serviced_by or ctx.service_country:
        persistent = 2 if nexus.has("servicing") else 1
    severity = None if ctx.use.value == "unknown" else 2 if ctx.use.qualifies else 1
    conduct = 2 if nexus.us_findings else None
    return (nature, degree, None, conduct, None, persistent, None, None, severity, None)


def describe_factors(scores: tuple[int | None, ...]) -> str:
    """'(1) nature and characteristics of the ICTS 2/2; ...; not assessable: (3), (4), ...'."""
    scored = [f"({i}) {CRITERIA[i - 1]} {s}/2" for i, s in enumerate(scores, 1) if s is not None]
    unscored = [f"({i})" for i, s in enumerate(scores, 1) if s is None]
    tail = f"; not assessable from the inventory: {', '.join(unscored)}" if unscored else ""
    return "§791.103(c) criteria: " + "; ".join(scored) + tail


def factor_flags(nexus: Nexus, scores: tuple[int | None, ...]) -> tuple[str, ...]:
    """Flags a report or filter can read: each limb, and each scored criterion."""
    limbs = tuple(dict.fromkeys(f"nexus-{name}" for name, _ in nexus.limbs))
    extra = (("nexus-state-control",) if nexus.state_controlled else ()) + (
        ("nexus-military-listed",) if nexus.military_listed else ()
    )
    extra += tuple(f"listed-{i}" for i in nexus.us_findings)
    scored = tuple(f"791.103(c)({i})={s}" for i, s in enumerate(scores, 1) if s is not None)
    return (Flag.FOREIGN_ADVERSARY_NEXUS, *limbs, *extra, *scored)
