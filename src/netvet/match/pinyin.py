"""Han-script names as pinyin words, so 华为技术 compares with 'Huawei Jishu' and 'Huawei Technology'.

rigour transliterates Han characters to toneless pinyin syllables; known two-syllable words
(industry words, legal forms, places) are picked out, and each run of remaining syllables is
joined into one trade-name word: 浙江大华技术 -> zhejiang dahua jishu.
"""

from functools import cache

from netvet.match.vocabulary import PINYIN_WORDS, PLACES


def is_known(word: str) -> bool:
    """A pinyin industry word, legal form or place."""
    return word in PINYIN_WORDS or word in PLACES


@cache
def pinyin_words(han: str) -> tuple[str, ...]:
    """Pinyin words of a Han-script run: known words alone, other syllables joined. (rigour is
    imported here, for the first Han name: it takes ~90 ms, and most runs meet none.)"""
    from rigour.text.translit import ascii_text

    syllables = ascii_text(han).lower().split()
    words: list[str] = []
    run: list[str] = []
    i = 0
    while i < len(syllables):
        pair = "".join(syllables[i : i + 2])
        if i + 1 < len(syllables) and is_known(pair):
            if run:
                words.append("".join(run))
                run = []
            words.append(pair)
            i += 2
            continue
        run.append(syllables[i])
        i += 1
    if run:
        words.append("".join(run))
    return tuple(words)
