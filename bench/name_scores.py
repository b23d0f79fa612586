"""Precision, recall and F1 of a matcher's top answers on the labelled queries."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bench.name_eval import Query


@dataclass(frozen=True, slots=True)
class Scores:
    """Precision, recall and F1 of one matcher's top answers, with the wrong answers."""

    precision: float
    recall: float
    f1: float
    wrong: tuple[tuple[Query, str | None], ...]


def score_answers(queries: Sequence[Query], predict: Callable[[str], str | None]) -> Scores:
    """A right answer is a true positive; a wrong entity a false positive (and a miss if one was due)."""
    tp = fp = fn = 0
    wrong = []
    for q in queries:
        got = predict(q.text)
        if got is not None and got == q.expected:
            tp += 1
            continue
        fp += got is not None
        fn += q.expected is not None
        if got is not None or q.expected is not None:
            wrong.append((q, got))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1, tuple(wrong))
