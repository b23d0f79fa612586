"""Organisation-name matching: netvet against nomenklatura logic-v2 and rapidfuzz WRatio.

    python bench/names.py --data ../shared/data [--repeat 3] [--seed 4]

1. Accuracy: the labelled set of bench/name_eval.py (real names, seeded perturbations, hard
   negatives) against a gallery of the kb entities plus 5,000 registry organisations. Each
   matcher's best answer at its threshold is right, wrong or none: precision, recall, F1.
   netvet at DEFAULT_THRESHOLD; nomenklatura logic-v2 (followthemoney Company entities, name and
   alias) at yente's default threshold 0.70, scoring the candidates of netvet's blocking index
   plus rapidfuzz's 10 nearest names (so its blocking never costs it a match); rapidfuzz WRatio
   with default_process, cutoff 90, over every gallery name.
2. Throughput: queries per second, single process (one core), against the kb plus 25,000
   registry organisations: netvet match_name (blocking + scoring, no memo) against nomenklatura
   logic-v2 scoring the same blocking index's candidates. Medians of --repeat runs.
"""

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.name_eval import EvalSet, GalleryEntity, Query, load_eval_set, unambiguous  # noqa: E402
from bench.name_peers import NomenklaturaMatcher, WRatioMatcher  # noqa: E402
from bench.name_perturb import EXTRA_TYPOS  # noqa: E402
from bench.name_scores import Scores, score_answers  # noqa: E402
from netvet.match import DEFAULT_THRESHOLD, NameIndex, build_index, match_name  # noqa: E402
from netvet.model import Entity  # noqa: E402


def netvet_index(entities: Sequence[GalleryEntity], known: Sequence[str] = ()) -> NameIndex:
    """netvet's blocking index over gallery entities, with the real names it knows."""
    return build_index((Entity(e.id, e.names[0], None, e.names[1:]) for e in entities), known)


def netvet_predictor(index: NameIndex) -> Callable[[str], str | None]:
    """netvet's best entity at the default threshold, or None."""

    def predict(text: str) -> str | None:
        found = match_name(index, text, limit=1)
        return found[0].entity if found else None

    return predict


def queries_per_second(predict: Callable[[str], object], queries: Sequence[str], repeat: int) -> float:
    """Median rate of `repeat` passes over the queries."""
    rates = []
    for _ in range(repeat):
        start = time.perf_counter()
        for text in queries:
            predict(text)
        rates.append(len(queries) / (time.perf_counter() - start))
    return statistics.median(rates)


def print_accuracy(eval_set: EvalSet, show: int) -> None:
    """Precision, recall and F1 of the three matchers, with netvet's wrong answers."""
    index = netvet_index(eval_set.gallery, eval_set.known)
    peers: list[tuple[str, Callable[[str], str | None]]] = [
        (f"netvet (threshold {DEFAULT_THRESHOLD})", netvet_predictor(index)),
        ("nomenklatura logic-v2 (threshold 0.70)", NomenklaturaMatcher(eval_set.gallery, index, 0.7, 10)),
        ("rapidfuzz WRatio (cutoff 90)", WRatioMatcher(eval_set.gallery, 90)),
    ]
    queries = eval_set.queries
    positives = sum(q.expected is not None for q in queries)
    print(
        f"Accuracy: {len(queries)} queries ({positives} with an answer)"
        f" against {len(eval_set.gallery)} entities"
    )
    results: list[tuple[str, Scores]] = [(name, score_answers(queries, p)) for name, p in peers]
    base = results[0][1].f1
    for name, s in results:
        print(
            f"  {name:40s} P {s.precision:.4f}  R {s.recall:.4f}  F1 {s.f1:.4f}"
            f"   netvet F1 / this {base / s.f1 if s.f1 else float('inf'):5.2f}"
        )
    typos = [q for q in queries if q.kind == "typo"]
    print(f"  recall on the set's typo variants ({len(typos)} queries, one slip in a word of 6+ letters):")
    for name, s in results:
        missed = sum(q.kind == "typo" for q, _ in s.wrong)
        print(f"    {name:38s} R {1 - missed / len(typos) if typos else 1.0:.4f}")
    for query, got in results[0][1].wrong[:show]:
        print(f"    netvet wrong: {query.kind:22s} {query.text!r} -> {got} (want {query.expected})")
    print_extra_typos(eval_set, netvet_predictor(index))


def extra_typo_queries(eval_set: EvalSet, seed: int) -> list[Query]:
    """Seeded variants of every gallery entity's first name by the extra typo classes (a short
    word's slip, glued words, a misspelt legal form), unambiguous in the gallery."""
    rng = random.Random(seed)
    found = [
        Query(text, entity.id, feature.__name__)
        for entity in eval_set.gallery
        for feature in EXTRA_TYPOS
        if (text := feature(entity.names[0], rng)) and text != entity.names[0]
    ]
    return unambiguous(found, eval_set.gallery)


def print_extra_typos(eval_set: EvalSet, predict: Callable[[str], str | None]) -> None:
    """netvet's precision and recall on each extra typo class."""
    queries = extra_typo_queries(eval_set, 14)
    print(f"  netvet on the extra typo classes ({len(queries)} variants of gallery names):")
    for kind in sorted({q.kind for q in queries}):
        s = score_answers([q for q in queries if q.kind == kind], predict)
        count = sum(q.kind == kind for q in queries)
        print(f"    {kind:38s} P {s.precision:.4f}  R {s.recall:.4f}  ({count} queries)")


def print_throughput(eval_set: EvalSet, sample: Sequence[Query], repeat: int) -> None:
    """Queries per second of netvet and nomenklatura against the large index."""
    index = netvet_index(eval_set.index, eval_set.known)
    texts = [q.text for q in sample]
    netvet = queries_per_second(netvet_predictor(index), texts, repeat)
    nk = queries_per_second(NomenklaturaMatcher(eval_set.index, index, 0.7, 0), texts, repeat)
    print(f"Throughput: {len(texts)} queries against {len(eval_set.index):,} entities (median of {repeat})")
    print(f"  {'netvet match_name':40s} {netvet:9.0f} q/s   netvet x{1.0:6.1f}")
    print(f"  {'nomenklatura logic-v2, same candidates':40s} {nk:9.0f} q/s   netvet x{netvet / nk:6.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--sample", type=int, default=500, help="queries in the throughput run")
    parser.add_argument("--show", type=int, default=15, help="netvet's wrong answers to print")
    args = parser.parse_args()
    eval_set = load_eval_set(args.data, seed=args.seed)
    print_accuracy(eval_set, args.show)
    sample = eval_set.queries[:: max(1, len(eval_set.queries) // args.sample)][: args.sample]
    print_throughput(eval_set, sample, args.repeat)


if __name__ == "__main__":
    main()
