"""Look-alike letters from other scripts read as the Latin letters they imitate, so that
"Huаwei" written with a Cyrillic а screens like "Huawei" (Unicode TR39 confusable skeletons,
from ICU's SpoofChecker).

Only words that would otherwise be unreadable are folded: a word whose letters outside Latin
(and Han, which is read as pinyin) all have a Latin skeleton. A real word of another script
keeps at least one letter with no Latin look-alike (Cyrillic "Хуавэй" has в, э, й) and is left
as written; a word of Latin letters only is never touched (TR39 would turn "m" into "rn").
"""

import re
from functools import cache
from typing import Any

_WORD = re.compile(r"\w+")
_KEPT_SCRIPTS = frozenset({"Latin", "Common", "Inherited", "Han", "Unknown"})
_LATIN = re.compile(r"[A-Za-z0-9]+")
CONFUSABLES_REASON = "look-alike letters from other scripts read as Latin (Unicode TR39 skeleton)"


@cache
def icu_module() -> Any:
    """PyICU, imported the first time a text is not ASCII (most are: its import is a tenth of a
    small scan's start)."""
    import icu  # type: ignore[import-untyped]

    return icu


@cache
def spoof_checker() -> Any:
    """ICU's TR39 checker (built once; it only reads)."""
    return icu_module().SpoofChecker()


def script_name(char: str) -> str:
    """The Unicode script of a character ('Latin', 'Cyrillic', ...)."""
    return str(icu_module().Script.getScript(char).getName())


@cache
def latin_skeleton(char: str) -> str | None:
    """The Latin letters a character of another script imitates ('а' -> 'a'), else None."""
    if script_name(char) in _KEPT_SCRIPTS:
        return None
    skeleton = str(spoof_checker().getSkeleton(0, char))
    return skeleton if _LATIN.fullmatch(skeleton) else None


def fold_word(word: str) -> str:
    """The word with its look-alike letters read as Latin, when every letter of another script
    in it has a Latin look-alike; else the word as written."""
    foreign = [c for c in word if not c.isascii() and script_name(c) not in _KEPT_SCRIPTS]
    if not foreign or any(latin_skeleton(c) is None for c in foreign):
        return word
    return "".join(latin_skeleton(c) or c for c in word)


def fold_confusables(text: str) -> str:
    """The text with look-alike letters of other scripts read as Latin (see the module)."""
    if text.isascii():
        return text
    return _WORD.sub(lambda m: fold_word(m.group()), text)
