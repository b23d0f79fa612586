"""A labelled, seeded evaluation set for organisation-name matching, built from real names only.

The labels come from how the set is built, never from a matcher:

- the gallery is the kb entities plus registry organisations (IEEE, IANA PEN, CSL, device-type
  makers); registry names are grouped by their rarest word (their "head"), one entity per group;
- a positive query is a seeded perturbation (name_perturb.py) of a gallery name, or a CSL alt
  name sharing a rare word with its entry; its answer is the entity it was made from;
- a negative query is a real name from a group left out of the index whose rare words appear in
  no indexed name (so it names another company), mostly ones sharing common words such as
  "Shenzhen ... Technology Co., Ltd." with indexed names; its answer is "no match";
- hard negatives are the real look-alikes of the issue (H3C, Dahua Electronics, Huawei Symantec,
  Honor, names made only of common words), plain and perturbed: they must stay below the
  threshold for the named kb entities.
"""

import random
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.name_perturb import perturb
from bench.name_sources import ListedEntity, RealName, csl_entities, real_names
from netvet.kb.loader import load_kb

COMMON = 20
GENERIC = 150
LEGAL_WORDS = """
co corp corporation company companies inc incorporated ltd limited llc gmbh ag sa plc bv nv the of and
de oy ab srl spa pte pty kg
"""
LEGAL = frozenset(LEGAL_WORDS.split())
TOKEN = re.compile(r"[a-z0-9]+|[\u3400-\u9fff]+")
HARD_NEGATIVES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"\bh3c\b", ("huawei-technologies", "huawei-investment-holding")),
    (r"\bdahua electronics\b", ("dahua-technology",)),
    (r"\bhuawei symantec\b", ("huawei-technologies", "huawei-investment-holding")),
    (r"^honor\b|\bhonor (society|device)\b", ("huawei-technologies", "huawei-device")),
)


@dataclass(frozen=True, slots=True)
class GalleryEntity:
    """One entity of the gallery with every name it is known by."""

    id: str
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Query:
    """A name to resolve, the entity it must resolve to (None: no match) and how it was made."""

    text: str
    expected: str | None
    kind: str
    confusable: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EvalSet:
    """The accuracy gallery, the larger index for throughput (a superset), the queries, and every
    real name read (a matcher may know them as real names, as netvet's kb knows its registries)."""

    gallery: tuple[GalleryEntity, ...]
    index: tuple[GalleryEntity, ...]
    queries: tuple[Query, ...]
    known: tuple[str, ...] = ()


def crude_tokens(name: str) -> tuple[str, ...]:
    """Case-folded, accent-free words and Han runs, without the commonest legal forms."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(c for c in folded if not unicodedata.combining(c))
    return tuple(t for t in TOKEN.findall(text) if t not in LEGAL)


def head_of(tokens: Sequence[str], df: Counter[str]) -> str | None:
    """The rarest word of 3+ characters that is not a number."""
    usable = [t for t in tokens if len(t) >= 3 and not t.isdigit()]
    return min(usable, key=lambda t: (df[t], -len(t), t)) if usable else None


def rare_tokens(tokens: Iterable[str], df: Counter[str]) -> set[str]:
    """Words used by fewer than COMMON distinct registry names."""
    return {t for t in tokens if df[t] < COMMON}


def group_registry(
    names: Sequence[RealName], kb_tokens: set[str]
) -> tuple[dict[str, list[str]], Counter[str]]:
    """Registry names grouped by head, names sharing a rare word with a kb name left out."""
    keyed: dict[tuple[str, ...], str] = {}
    for real in names:
        keyed.setdefault(crude_tokens(real.name), real.name)
    df: Counter[str] = Counter(t for key in keyed for t in set(key))
    groups: dict[str, list[str]] = {}
    for key, name in keyed.items():
        head = head_of(key, df)
        if head is not None and not rare_tokens(key, df) & kb_tokens:
            groups.setdefault(head, []).append(name)
    return groups, df


def positives_of(entities: Sequence[GalleryEntity], rng: random.Random, per_name: int) -> list[Query]:
    """Perturbed names of each entity (up to three names each), answered by that entity."""
    found = []
    for entity in entities:
        for name in rng.sample(entity.names, min(3, len(entity.names))):
            found += [Query(text, entity.id, kind) for kind, text in perturb(name, rng, per_name)]
    return found


def with_alt_names(entities: Sequence[GalleryEntity], csl: Sequence[ListedEntity]) -> list[GalleryEntity]:
    """Registry entities with the alt names of the CSL entries among their names."""
    alts: dict[str, list[str]] = {}
    for listed in csl:
        alts.setdefault(listed.name, []).extend(listed.alt_names)
    found = []
    for entity in entities:
        extra = [a for n in entity.names for a in alts.get(n, ()) if a not in entity.names]
        found.append(GalleryEntity(entity.id, (*entity.names, *dict.fromkeys(extra))))
    return found


Postings = dict[str, list[frozenset[str]]]


def postings_of(entities: Iterable[GalleryEntity]) -> Postings:
    """For each word, the word sets of the indexed names that use it."""
    found: Postings = {}
    for entity in entities:
        for name in entity.names:
            key = frozenset(crude_tokens(name))
            for token in key:
                found.setdefault(token, []).append(key)
    return found


def overlaps(name: str, postings: Postings) -> bool:
    """Some indexed name's words include, or are included in, this name's words."""
    key = frozenset(crude_tokens(name))
    if not key:
        return True
    rarest = min(key, key=lambda t: len(postings.get(t, ())))
    if any(key <= other for other in postings.get(rarest, ())):
        return True
    return any(other <= key for t in key for other in postings.get(t, ()))


def unrelated(names: Iterable[str], postings: Postings, count: int) -> list[str]:
    """The first `count` names that overlap no indexed name."""
    kept = []
    for name in names:
        if len(kept) >= count:
            break
        if not overlaps(name, postings):
            kept.append(name)
    return kept


def negatives_of(
    groups: dict[str, list[str]],
    held_out: Sequence[str],
    postings: Postings,
    df: Counter[str],
    count: int,
    rng: random.Random,
) -> list[Query]:
    """Real names of left-out groups whose rare words no indexed name has; 70 % share 2+ words."""
    pool = [n for h in held_out for n in groups[h] if not rare_tokens(crude_tokens(n), df) & postings.keys()]
    hard = [n for n in pool if len(set(crude_tokens(n)) & postings.keys()) >= 2]
    picked = unrelated(rng.sample(hard, min(len(hard), count)), postings, count * 7 // 10)
    rest = sorted(set(pool) - set(hard))
    picked += unrelated(rng.sample(rest, min(len(rest), count)), postings, count - len(picked))
    found = [Query(n, None, "negative") for n in picked]
    for name in picked[: count // 4]:
        found += [Query(text, None, "negative-" + kind) for kind, text in perturb(name, rng, 1)]
    return found


def hard_negatives(
    names: Sequence[RealName],
    df: Counter[str],
    kb_keys: dict[tuple[str, ...], str],
    postings: Postings,
    rng: random.Random,
) -> list[Query]:
    """The issue's look-alikes and names made only of common words, plain and perturbed."""
    distinct = sorted({n.name for n in names})
    found = []
    for pattern, confusable in HARD_NEGATIVES:
        for name in [n for n in distinct if re.search(pattern, n, re.IGNORECASE)]:
            variants = [("hard-negative", name)] + [("hard-" + k, t) for k, t in perturb(name, rng, 2)]
            found += [Query(t, kb_keys.get(crude_tokens(name)), k, confusable) for k, t in variants]
    generic = [
        n
        for n in distinct
        if len(key := crude_tokens(n)) > 1 and all(df[t] >= GENERIC and len(t) > 2 for t in key)
    ]
    picked = unrelated(rng.sample(generic, min(300, len(generic))), postings, 60)
    found += [Query(n, None, "hard-generic", ("*",)) for n in picked]
    return found


def build_eval_set(
    names: Sequence[RealName],
    csl: Sequence[ListedEntity],
    kb: Sequence[GalleryEntity],
    *,
    seed: int = 4,
    gallery_size: int = 5_000,
    index_size: int = 25_000,
    positives: int = 1_500,
    negatives: int = 1_000,
) -> EvalSet:
    """The gallery, the throughput index and the labelled queries, reproducible from the seed."""
    rng = random.Random(seed)
    kb_keys = {crude_tokens(n): e.id for e in kb for n in e.names}
    groups, df = group_registry(names, {t for key in kb_keys for t in key})
    heads = sorted(groups)
    rng.shuffle(heads)
    registry = with_alt_names(
        [GalleryEntity("reg:" + h, tuple(sorted(groups[h])[:5])) for h in heads[:index_size]], csl
    )
    gallery = (*kb, *registry[:gallery_size])
    postings = postings_of((*kb, *registry))
    queries = positives_of(kb, rng, 2)
    queries += positives_of(rng.sample(registry[:gallery_size], positives // 2), rng, 2)
    queries += negatives_of(groups, heads[index_size:], postings, df, negatives, rng)
    queries += hard_negatives(names, df, kb_keys, postings, rng)
    known = tuple(sorted({n.name for n in names} | {a for e in csl for a in e.alt_names}))
    return EvalSet(gallery, (*kb, *registry), tuple(unambiguous(queries, gallery)), known)


def unambiguous(queries: Iterable[Query], gallery: Sequence[GalleryEntity]) -> list[Query]:
    """Queries whose words equal a name of another entity than their answer are left out."""
    owner: dict[tuple[str, ...], set[str]] = {}
    for entity in gallery:
        for name in entity.names:
            owner.setdefault(crude_tokens(name), set()).add(entity.id)
    kept, seen = [], set()
    for q in queries:
        others = owner.get(crude_tokens(q.text), set()) - {q.expected}
        if q.text and not others and q.text not in seen:
            seen.add(q.text)
            kept.append(q)
    return kept


def load_eval_set(data: Path, **sizes: int) -> EvalSet:
    """The evaluation set from the real data folder and the packaged kb entities."""
    kb = [GalleryEntity(e.id, e.names) for e in load_kb().entities.values()]
    return build_eval_set(real_names(data), csl_entities(data), kb, **sizes)
