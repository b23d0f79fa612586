"""Typos the screening forgives: one slip in a short distinctive word, glued words and misspelt
legal forms; and the look-alikes it must not take for them."""

import pytest

from netvet.kb.loader import KnowledgeBase
from netvet.match import match_name
from netvet.match.normalize import name_key


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Hytea Communications", "hytera"),
        ("Parrt SA", "parrot"),
        ("Huawi Technologies", "huawei-technologies"),
        ("HuaweiTechnologies", "huawei-technologies"),
        ("Hytera CommunicationsCorporation", "hytera"),
        ("LENOVOBEIJINGCOLTD", "lenovo"),
        ("Huawei Technologies Co., Ltdd", "huawei-technologies"),
        ("ZTE Corporaton", "zte-corporation"),
    ],
)
def test_typo_variants_of_listed_names_match(kb: KnowledgeBase, query: str, entity: str) -> None:
    found = match_name(kb.names, query)
    assert found and found[0].entity == entity, found


@pytest.mark.parametrize("query", ["Ubicom", "Hytek Ltd", "Parrish SA", "Acme Inca"])
def test_real_words_one_letter_away_are_not_typos(kb: KnowledgeBase, query: str) -> None:
    found = match_name(kb.names, query)
    assert not found or found[0].entity not in {"china-unicom", "hytera", "parrot"}, found


def test_a_doubled_letter_legal_form_counts_only_at_the_end() -> None:
    assert name_key("Huawei Co., Ltdd").legal == frozenset({"co", "ltd"})
    assert "ltdd" in name_key("Ltdd Huawei").trade


def test_glued_words_keep_their_written_form_joined() -> None:
    assert name_key("HuaweiTechnologies").compact == name_key("Huawei Technologies Co., Ltd.").compact
