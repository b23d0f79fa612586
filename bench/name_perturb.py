"""Seeded, realistic perturbations of real organisation names: the ways a supplier list, an
inventory or a purchase order spells a name that a registry spells otherwise.

Each perturbation takes a name and a random generator and returns the changed name, or None
when it does not apply (no legal form to drop, no word long enough for a typo, ...).
"""

import random
import re
from collections.abc import Callable

from rigour.text.translit import ascii_text

LEGAL_TAIL = re.compile(
    r"[\s,.]*\b(co\.?,?\s*ltd\.?|company\s+limited|co\.?,?\s*limited|corporation|corp\.?|inc\.?|"
    r"incorporated|limited|ltd\.?|llc|gmbh|ag|s\.?a\.?|plc|b\.?v\.?|oy|ab|s\.?r\.?l\.?|pte\.?\s*ltd\.?|"
    r"pty\.?\s*ltd\.?|co\.?)\s*$",
    re.IGNORECASE,
)
SWAPS = (
    (r"\bCo\.?,?\s*Ltd\.?", "Company Limited"),
    (r"\bCompany Limited\b", "Co., Ltd."),
    (r"\bCorporation\b", "Corp."),
    (r"\bCorp\b\.?", "Corporation"),
    (r"\bInc\b\.?", "Incorporated"),
    (r"\bLimited\b", "Ltd"),
    (r"\bLtd\b\.?", "Limited"),
    (r"\bGmbH\b", "G.m.b.H."),
)
ABBREVIATIONS = (
    (r"\bTechnolog(y|ies)\b", "Tech"),
    (r"\bInternational\b", "Intl"),
    (r"\bCorporation\b", "Corp"),
    (r"\bCompany\b", "Co"),
    (r"\bManufacturing\b", "Mfg"),
    (r"\bElectronics\b", "Elec"),
    (r"\bCommunications?\b", "Comms"),
    (r"\bLaboratories\b", "Labs"),
    (r"\bIndustries\b", "Inds"),
)
NEIGHBOURS = dict(zip("qwertyuiopasdfghjklzxcvbnm", "wqeryuioplsdfgjhkkxzvcbnmn", strict=True))
HAN = re.compile(r"[\u3400-\u9fff]+")


def typo(name: str, rng: random.Random) -> str | None:
    """One keyboard slip (drop, swap, neighbour key, double key) inside a word of 6+ letters."""
    words = [m for m in re.finditer(r"[A-Za-z]{6,}", name) if not LEGAL_TAIL.fullmatch(" " + m.group())]
    if not words:
        return None
    m = rng.choice(words)
    word, i = m.group(), rng.randrange(1, len(m.group()) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        new = word[:i] + word[i + 1 :]
    elif kind == 1:
        new = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    elif kind == 2:
        key = NEIGHBOURS.get(word[i].lower(), word[i])
        new = word[:i] + (key.upper() if word[i].isupper() else key) + word[i + 1 :]
    else:
        new = word[:i] + word[i] + word[i:]
    return None if new == word else name[: m.start()] + new + name[m.end() :]


def drop_legal_form(name: str, rng: random.Random) -> str | None:
    """The legal form left off ('Dahua Technology' for 'Dahua Technology Co., Ltd.')."""
    short = LEGAL_TAIL.sub("", name).strip(" ,.")
    return short if short and short != name else None


def swap_legal_form(name: str, rng: random.Random) -> str | None:
    """The legal form spelled another way ('Co., Ltd.' as 'Company Limited')."""
    options = [(p, r) for p, r in SWAPS if re.search(p, name)]
    if not options:
        return None
    pattern, repl = rng.choice(options)
    return re.sub(pattern, repl, name, count=1)


def abbreviate(name: str, rng: random.Random) -> str | None:
    """A common word abbreviated ('Technology' as 'Tech', 'International' as 'Intl')."""
    options = [(p, r) for p, r in ABBREVIATIONS if re.search(p, name)]
    if not options:
        return None
    pattern, repl = rng.choice(options)
    return re.sub(pattern, repl, name, count=1)


def reorder(name: str, rng: random.Random) -> str | None:
    """The first word moved behind the rest ('Dahua Technology Zhejiang Co., Ltd.')."""
    tail = LEGAL_TAIL.search(name)
    body = name[: tail.start()] if tail else name
    words = body.split()
    if len(words) < 3:
        return None
    return " ".join(words[1:] + words[:1]) + (tail.group() if tail else "")


def shout(name: str, rng: random.Random) -> str | None:
    """Upper case with the punctuation and the space before the legal form lost."""
    loud = re.sub(r"[.,()]", "", name.upper())
    return re.sub(r"\s+(CO|LTD|INC|CORP)\b", r"\1", loud, count=1)


def pinyin(name: str, rng: random.Random) -> str | None:
    """A Han-script name written in pinyin, two syllables a word ('Huawei Jishu Youxian Gongsi');
    only names of an even number of Han characters and nothing else, which split that way."""
    if not HAN.fullmatch(name) or len(name) % 2:
        return None
    syllables = ascii_text(name).split()
    words = ["".join(syllables[i : i + 2]).capitalize() for i in range(0, len(syllables), 2)]
    return " ".join(words)


Perturbation = Callable[[str, random.Random], str | None]

PERTURBATIONS: tuple[Perturbation, ...] = (
    typo,
    drop_legal_form,
    swap_legal_form,
    abbreviate,
    reorder,
    shout,
    pinyin,
)


def short_typo(name: str, rng: random.Random) -> str | None:
    """One letter dropped, doubled or changed (never the first) in a word of 4 or 5 letters."""
    words = [m for m in re.finditer(r"\b[A-Za-z]{4,5}\b", name) if not LEGAL_TAIL.fullmatch(" " + m.group())]
    if not words:
        return None
    m = rng.choice(words)
    word, i = m.group(), rng.randrange(1, len(m.group()))
    kind = rng.randrange(3)
    if kind == 0:
        new = word[:i] + word[i + 1 :]
    elif kind == 1:
        new = word[:i] + word[i] + word[i:]
    else:
        key = NEIGHBOURS.get(word[i].lower(), word[i])
        new = word[:i] + (key.upper() if word[i].isupper() else key) + word[i + 1 :]
    return None if new == word else name[: m.start()] + new + name[m.end() :]


def glue(name: str, rng: random.Random) -> str | None:
    """Two neighbouring words written as one ('HuaweiTechnologies', 'CommunicationsCorporation')."""
    gaps = [m for m in re.finditer(r"(?<=[A-Za-z])\s+(?=[A-Za-z])", name)]
    if not gaps:
        return None
    m = rng.choice(gaps)
    return name[: m.start()] + name[m.end() :]


LEGAL_WORDS = re.compile(r"\b(Corporation|Company|Limited|Incorporated|Corp|Ltd|Inc|LLC|GmbH)\b")


def misspell_legal_form(name: str, rng: random.Random) -> str | None:
    """The legal form misspelt: a letter doubled ('Ltdd', 'Incc') or dropped ('Corporaton')."""
    forms = list(LEGAL_WORDS.finditer(name))
    if not forms:
        return None
    m = rng.choice(forms)
    word = m.group()
    i = rng.randrange(1, len(word))
    new = word[:i] + word[i] + word[i:] if len(word) <= 4 else word[:i] + word[i + 1 :]
    return name[: m.start()] + new + name[m.end() :]


# Typo classes reported on their own (bench/names.py), outside the main labelled set so its
# figures stay comparable from run to run.
EXTRA_TYPOS: tuple[Perturbation, ...] = (short_typo, glue, misspell_legal_form)


def perturb(name: str, rng: random.Random, count: int) -> list[tuple[str, str]]:
    """Up to `count` distinct (perturbation, new name) pairs for one name; pinyin always when it applies."""
    done: list[tuple[str, str]] = []
    han = pinyin(name, rng)
    if han:
        done.append(("pinyin", han))
    for feature in rng.sample(PERTURBATIONS, len(PERTURBATIONS)):
        new = feature(name, rng)
        if len(done) >= count:
            break
        if new and new != name and new not in {d[1] for d in done}:
            done.append((feature.__name__, new))
    return done
