"""Look-alike letters of other scripts cannot hide a listed name; real non-Latin names still
read as themselves; every matcher step is linear in the query."""

import time
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from netvet.kb.loader import KnowledgeBase
from netvet.match import match_name
from netvet.match.confusables import fold_confusables
from netvet.match.index import deletions
from tests.fuzz.profiles import count


def test_a_cyrillic_a_in_huawei_still_hits_and_says_so(kb: KnowledgeBase) -> None:
    plain = match_name(kb.names, "Huawei")
    spoofed = match_name(kb.names, "Huаwei")  # U+0430 CYRILLIC SMALL LETTER A
    assert spoofed and spoofed[0].entity == plain[0].entity
    assert any("look-alike letters" in r and "TR39" in r for r in spoofed[0].reasons)
    assert not any("look-alike" in r for r in plain[0].reasons)


def test_whole_word_greek_look_alikes_fold_real_words_do_not() -> None:
    assert fold_confusables("ΖΤΕ Corporation") == "ZTE Corporation"  # Greek Zeta, Tau, Epsilon
    assert fold_confusables("Хуавэй") == "Хуавэй"  # в, э, й have no Latin look-alike: a real word
    assert fold_confusables("华为技术有限公司") == "华为技术有限公司"
    assert fold_confusables("modern") == "modern"  # Latin words are never skeletonised (m -> rn)


def test_han_and_cyrillic_names_still_match(kb: KnowledgeBase) -> None:
    assert match_name(kb.names, "华为")[0].entity == match_name(kb.names, "Huawei")[0].entity
    assert match_name(kb.names, "Хуавэй") == ()  # unreadable to the matcher, as before: no false hit


def test_deletion_index_is_bounded_for_long_words() -> None:
    assert len(deletions("a" * 40_000)) == 0
    assert len(deletions("hikvision")) == 10


def work_time(kb: KnowledgeBase, query: str) -> float:
    started = time.perf_counter()
    match_name(kb.names, query)
    return time.perf_counter() - started


@given(word=st.text(alphabet="abcdefghijklmnopqrstuvwxyzа ", min_size=1, max_size=60))
def test_matcher_time_stays_flat_as_the_query_grows(kb: KnowledgeBase, word: str) -> None:
    count("matcher-growth")
    small = min(work_time(kb, word * 10) for _ in range(2))
    huge = min(work_time(kb, word * 4000) for _ in range(2))
    # 400 times the text: linear work over the capped name would be ~1x; quadratic work on the
    # whole text would be far beyond this generous bound.
    assert huge < max(40 * small, 0.05)


def test_a_scanned_vendor_with_look_alikes_is_attributed(kb: KnowledgeBase, tmp_path: Path) -> None:
    from datetime import date

    from netvet.pipeline.scan import scan_paths

    path = tmp_path / "inv.csv"
    path.write_text("hostname,vendor,model\nsw1,Huаwei,S5700\nsw2,Huawei,S5700\n", encoding="utf-8")
    spoofed, plain = scan_paths([path], kb, date(2026, 11, 23)).findings
    assert spoofed.attribution.manufacturer == plain.attribution.manufacturer is not None
    assert spoofed.verdict == plain.verdict
    assert any("look-alike" in e.reason for e in spoofed.attribution.evidence)
