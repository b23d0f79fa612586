"""The labelled evaluation set of bench/name_eval.py (real names, seeded perturbations, hard
negatives): netvet's F1 at the default threshold, and every hard negative below it."""

from pathlib import Path

import pytest

from bench.name_eval import EvalSet, GalleryEntity, build_eval_set, load_eval_set
from bench.name_scores import score_answers
from bench.name_sources import csl_entities, real_names
from bench.names import netvet_index, netvet_predictor
from netvet.kb.loader import KnowledgeBase
from netvet.match import DEFAULT_THRESHOLD, NameIndex, match_name
from netvet.match.features import ADJUSTMENTS

# A smaller sample than `make bench`, and another seed than its default.
SIZES = {"seed": 11, "gallery_size": 2_000, "index_size": 2_000, "positives": 800, "negatives": 500}


@pytest.fixture(scope="module")
def eval_set(shared: Path) -> EvalSet:
    return load_eval_set(shared, **SIZES)


@pytest.fixture(scope="module")
def index(eval_set: EvalSet) -> NameIndex:
    return netvet_index(eval_set.gallery, eval_set.known)


def test_set_is_real_labelled_and_has_every_kind(eval_set: EvalSet) -> None:
    kinds = {q.kind for q in eval_set.queries}
    made = {"typo", "drop_legal_form", "swap_legal_form", "abbreviate", "reorder", "shout", "pinyin"}
    assert made | {"negative", "hard-negative", "hard-generic"} <= kinds
    gallery = {e.id for e in eval_set.gallery}
    answers = [q.expected for q in eval_set.queries if q.expected is not None]
    assert len(answers) >= 1_000 and set(answers) <= gallery
    assert sum(q.expected is None for q in eval_set.queries) >= 500
    assert len(eval_set.gallery) >= 2_000 and len(eval_set.known) > 90_000


def test_set_is_reproducible_from_its_seed(shared: Path, eval_set: EvalSet) -> None:
    kb = [GalleryEntity(e.id, e.names) for e in eval_set.gallery if not e.id.startswith("reg:")]
    again = build_eval_set(real_names(shared), csl_entities(shared), kb, **SIZES)
    assert again.queries == eval_set.queries


def test_f1_at_the_default_threshold(eval_set: EvalSet, index: NameIndex) -> None:
    scores = score_answers(eval_set.queries, netvet_predictor(index))
    wrong = [(q.text, q.expected, got) for q, got in scores.wrong[:10]]
    assert scores.f1 >= 0.98, (scores.precision, scores.recall, wrong)
    assert scores.precision >= 0.99


def test_hard_negatives_stay_below_the_threshold(eval_set: EvalSet, index: NameIndex) -> None:
    hard = [q for q in eval_set.queries if q.kind.startswith("hard")]
    assert len(hard) >= 60
    for q in hard:
        hits = {m.entity for m in match_name(index, q.text)}
        if "*" in q.confusable:
            assert not hits, q
        assert not hits & set(q.confusable), q


@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("华为技术有限公司", "huawei-technologies"),
        ("Huawei Jishu Youxian Gongsi", "huawei-technologies"),
        ("Zhongxing Tongxun", "zte-corporation"),
        ("Zhejiang Dahua Jishu Gufen Youxian Gongsi", "dahua-technology"),
        ("HUAWEI TECHNOLPGIES CO.,LTD", "huawei-technologies"),
        ("Hikvison Digital Tech Co Ltd", "hikvision"),
    ],
)
def test_pinyin_han_abbreviations_and_typos_reach_the_kb_entity(
    kb: KnowledgeBase, name: str, entity: str
) -> None:
    matches = match_name(kb.names, name)
    assert matches and matches[0].entity == entity and matches[0].score >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("name", "not_entity"),
    [
        ("New H3C Technologies Co., Ltd", "huawei-technologies"),
        ("DAHUA ELECTRONICS CORPORATION", "dahua-technology"),
        ("Huawei Symantec Technologies Co.,Ltd", "huawei-technologies"),
        ("Honor Device Co., Ltd.", "huawei-device"),
        ("Ubicom, Inc", "china-unicom"),
        ("CMI, Inc.", "china-mobile-international"),
    ],
)
def test_look_alikes_stay_apart(kb: KnowledgeBase, name: str, not_entity: str) -> None:
    assert not_entity not in {m.entity for m in match_name(kb.names, name)}


def test_every_adjustment_explains_itself() -> None:
    for feature in ADJUSTMENTS:
        assert feature.__doc__ and feature.__doc__.strip(), feature.__name__
