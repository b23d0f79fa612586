"""Which names may be looked for in free text, and as what literal.

A name's distinctive part is its trade words as the organisation-name normaliser reads them:
legal forms ('Co., Ltd.'), industry words ('Network', 'Systems', 'Technology', 'Digital',
'Global') and places ('Shenzhen') are dropped, so a name made only of them never fires.

- kb names (entities, aliases, brands) were each written down by a person as the name of that
  maker, so an ordinary English word is fine there ('Apple', 'Juniper', 'Extreme'); a name of
  three letters or fewer must appear in capitals ('ZTE', 'NEC', 'HP'), since in lower case it is
  more often an abbreviation or part of another word.
- Registry names (IEEE registrants, IANA PEN holders, device-type manufacturers) are tens of
  thousands of names nobody curated. Theirs must be four characters or more, not a word of the
  text itself (TEXT_WORDS: what banners and sysDescrs say about any device), not a software
  name that travels with the software rather than the device (SOFTWARE_WORDS), and hold one
  *distinctive* word: a word, not of the text's own vocabulary, found in the trade names of at
  most MAX_SHARING distinct organisations. An ordinary word ('Link', 'Apex', 'Box', 'Phoenix')
  is in the trade names of many unrelated registrants, so a text naming it names none of them
  ('Linux box' is not The Linux Box Corporation); this is how the registries themselves tell a
  distinctive name from a common word, with no dictionary to ship.
"""

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from netvet.attribute.text_names import Registry, TextName, fold
from netvet.match.normalize import name_key
from netvet.model import MatchKind, ProductLine

MAX_SHARING = 3
CURATED_SHARING = 12  # a curated trade word shared more widely is a common word ('city', 'united')
SHORT = 3
TEXT_WORDS = frozenset(
    """
    agent access admin alarm application bridge build camera console controller copyright core
    default device embedded ethernet fiber firmware ftp gateway hardware home host http https
    index kernel linux login model module monitor node online open page port power printer
    protocol ready release remote router serial server service snmp ssh start station status
    storage switch telnet unix user version video web welcome windows wireless
    """.split()
)
SOFTWARE_WORDS = frozenset(
    """
    apache nginx microsoft openssh dropbear lighttpd jetty tomcat oracle redhat canonical ubuntu
    debian freebsd openbsd netbsd sendmail postfix exim samba busybox goahead boa vxworks
    windriver openssl python java
    """.split()
)


@dataclass(frozen=True, slots=True)
class RegistryName:
    """One organisation name of a registry and the kb entity it resolves to (if any)."""

    name: str
    entity: str | None
    registry: Registry


def literals(name: str) -> tuple[str, ...]:
    """The folded distinctive words of a name, spaced and (for several words) glued."""
    return keyed_literals(name)[0]


def keyed_literals(name: str) -> tuple[tuple[str, ...], str]:
    """The literals of a name, and the organisation it stands for: its trade words with its
    industry words ('Apex Data' and 'Apex Vision' are two organisations, 'Moxa Inc' and 'MOXA
    Technologies Corp' at most two)."""
    key = name_key(name)
    if key.generic_only or not key.trade:
        return (), ""
    spaced = " ".join(fold(" ".join(key.trade)).split())
    found = (spaced, spaced.replace(" ", "")) if " " in spaced else (spaced,) if spaced else ()
    return found, " ".join([spaced, *sorted(key.industry)])


def curated_names(
    entities: Mapping[str, Iterable[str]],
    brands: Iterable[tuple[str, str]],
    common: Mapping[str, int] | None = None,
) -> list[TextName]:
    """Every kb entity name and alias, and every undated brand, as text literals; one claim per
    literal (see curated_claim). A literal left after the normaliser dropped industry words or
    places ('Shenzhen Smart City Group' -> 'city') is kept only when it is no common word:
    `common` counts the registry organisations each word is in."""
    grouped: dict[str, list[tuple[str, str, Registry]]] = {}
    named = [(eid, n, Registry.ENTITY) for eid, names in entities.items() for n in names]
    for owner, name, registry in [*named, *((o, b, Registry.BRAND) for b, o in brands)]:
        key = name_key(name)
        for literal in literals(name):
            stripped = bool(key.industry or key.places) and " " not in literal
            is_common = literal in TEXT_WORDS or (common or {}).get(literal, 0) > CURATED_SHARING
            if len(literal.replace(" ", "")) >= 2 and not (stripped and is_common):
                grouped.setdefault(literal, []).append((owner, name, registry))
    return [found for literal, group in grouped.items() if (found := curated_claim(literal, group))]


def curated_claim(literal: str, group: list[tuple[str, str, Registry]]) -> TextName | None:
    """The one entity a curated literal names: the only one; else the only one that has the
    literal as a whole name ('Huawei' is an alias of Huawei Technologies; 'Huawei Device' only
    contains it); else the one most of whose names give it (Juniper Networks' four names, not
    Juniper Systems' one); a literal no rule decides names nobody."""
    counts = Counter(owner for owner, _, _ in group)
    whole = {owner for owner, name, _ in group if " ".join(fold(name).split()) == literal}
    ranked = counts.most_common(2)
    if len(counts) == 1 or len(whole) == 1:
        owner = next(iter(whole)) if len(whole) == 1 else ranked[0][0]
    elif ranked[0][1] > ranked[1][1]:
        owner = ranked[0][0]
    else:
        return None
    _, name, registry = next(g for g in group if g[0] == owner)
    return TextName(literal, owner, registry, name, upper_only=len(literal) <= SHORT)


def acceptable(literal: str) -> bool:
    """A registry literal long enough and not a word of banners or software."""
    words = literal.split()
    if len(literal.replace(" ", "")) < 4 or any(w in SOFTWARE_WORDS for w in words):
        return False
    return not all(w in TEXT_WORDS for w in words)


def word_sharing(
    rows: Iterable[RegistryName],
) -> tuple[list[tuple[RegistryName, tuple[str, ...], str]], Counter[str]]:
    """Each row with its literals and organisation, and per word the organisations it is in."""
    keyed = [(row, *keyed_literals(row.name)) for row in rows]
    return keyed, Counter(w for org in {org for _, _, org in keyed if org} for w in set(org.split()))


def registry_names(rows: Iterable[RegistryName], curated: Iterable[str]) -> list[TextName]:
    """Registry names that pass the rules above, one per literal: claiming its kb entity, else
    'org:<the name most rows spell>'; a literal two kb entities share decides nothing."""
    keyed, sharing = word_sharing(rows)
    taken = set(curated)
    grouped: dict[str, list[RegistryName]] = {}
    for row, lits, _ in keyed:
        words = lits[0].split() if lits else []
        distinctive = any(w not in TEXT_WORDS and sharing[w] <= MAX_SHARING for w in words)
        for literal in lits if distinctive else ():
            if literal not in taken and acceptable(literal):
                grouped.setdefault(literal, []).append(row)
    return [name for literal, group in grouped.items() if (name := one_claim(literal, group))]


def one_claim(literal: str, group: list[RegistryName]) -> TextName | None:
    """The one maker a literal names, or None when it names several kb entities."""
    entities = {r.entity for r in group if r.entity}
    if len(entities) > 1:
        return None
    if entities:
        row = next(r for r in group if r.entity)
        return TextName(literal, str(row.entity), row.registry, row.name)
    name, _ = Counter(r.name for r in group).most_common(1)[0]
    row = next(r for r in group if r.name == name)
    return TextName(literal, f"org:{name}", row.registry, name)


def product_names(products: Iterable[ProductLine]) -> list[TextName]:
    """Word and prefix product rows as literals (regex rows are matched by their regex)."""
    return [
        TextName(
            " ".join(fold(p.name).split()),
            p.maker,
            Registry.PRODUCT,
            p.name,
            prefix=p.match is MatchKind.PREFIX,
            product=p,
        )
        for p in products
        if p.match is not MatchKind.REGEX and fold(p.name).split()
    ]
