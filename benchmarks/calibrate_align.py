"""Calibrate and measure the claim-matching score of `storyline.story.align` on ECB+.

    python -m benchmarks.calibrate_align [--fit | --fit-only FEATURE ...] [--write]

Pairs come from `align_pairs.sentence_pairs(min_jaccard=0.5)`: two sentences of different articles
of one ECB+ story that share at least half of their event chains are the same fact (positive);
sentences of the same story about other events, and sentences of the sister story (another event of
the same kind), are not. Topics 1-22 are for fitting, 23-35 are held out.

Every ECB+ article is analysed by Storyline as a user's article would be (one spaCy pass, the cast
built over each topic's articles); each sentence becomes a claim with its entities and words, and
each pair gets `align.pair_features`. Without ``--fit`` the script scores the weights shipped in
``src/storyline/params/align.json``; with ``--fit`` it fits a logistic regression on the dev topics, prints
the weights and scores them (the day features, which ECB+ cannot fit, keep their hand-set weights,
``align.HAND_SET``); with ``--fit-only FEATURE ...`` it fits those features' weights alone, the rest held
as shipped (how ``related_share`` was added). ``--write`` writes the fitted weights (by feature name, as
scored: rounded to 2 decimals) and bias to ``src/storyline/params/align.json`` with their provenance (this
command, the date, the commit, the figures below; a ``--fit-only`` adds its own to that of the weights it
held). Baselines in the same run: TF-IDF cosine and MiniLM cosine.
"""

from __future__ import annotations

import argparse
import sys
import time
from bisect import bisect_right
from collections import defaultdict
from pathlib import Path

import numpy as np

from storyline import make_article
from storyline.nlp.pipeline import analyze
from storyline.story import align
from storyline.story.cast import build_cast
from storyline.story.embed import embed
from storyline.types import Span

if not __package__:  # run as a file: the imports below need the package
    sys.exit("run it as a module from the repository root: python -m benchmarks.calibrate_align")

from . import align_pairs, corpora, harness  # noqa: E402
from .tables import print_table, row  # noqa: E402


def _claims(documents):
    """Analyse the ECB+ articles; return {(doc_id, sentence index): Claim} and entity IDF per topic."""
    articles = [make_article(d.text, d.id) for d in documents]
    analyses = {a.article.id: a for a in analyze(articles) if hasattr(a, "article")}
    by_topic = defaultdict(list)
    for d in documents:
        if d.id in analyses:
            by_topic[d.topic].append(analyses[d.id])
    claims = {}
    idf = {}
    clause_claims = defaultdict(list)  # story -> [((doc_id, line index), clause claim)], as the tool makes them
    for topic, group in by_topic.items():
        _, entity_of = build_cast(group)
        topic_claims = []
        for analysis in group:
            text = analysis.article.text
            line_starts = [0] + [k + 1 for k, ch in enumerate(text) if ch == "\n"]
            for claim in align.claims_of(analysis, entity_of):
                line = bisect_right(line_starts, claim.start) - 1
                clause_claims[_story(analysis.article.id)].append(((analysis.article.id, line), claim))
            start = 0
            for index, line in enumerate(text.split("\n")):
                span = Span(start, start + len(line))
                start += len(line) + 1
                clause_analysis = _with_spans(analysis, span)
                found = align.claims_of(clause_analysis, entity_of)
                claim = found[0] if found else align.Claim(
                    analysis.article.id, span.start, span.end, line, frozenset(), frozenset(), (),
                    align.content_words(line), align.is_negated(line))
                claims[(analysis.article.id, index)] = claim
                topic_claims.append(claim)
        idf[topic] = align.entity_idf(topic_claims)
    return claims, idf, clause_claims


def _with_spans(analysis, span):
    """The analysis with ``span`` as its one sentence and clause (not page furniture: every labelled
    ECB+ sentence is a claim here, as before furniture was flagged; its old indexes do not fit one sentence)."""
    from dataclasses import replace

    return replace(analysis, clauses=(span,), sentences=(span,), furniture=())


def _features(pairs, claims, idf, vectors, row):
    out = []
    for p in pairs:
        a, b = claims[(p.a.doc_id, p.a.index)], claims[(p.b.doc_id, p.b.index)]
        cosine = float(vectors[row[a.text]] @ vectors[row[b.text]])
        out.append(align.pair_features(a, b, cosine, idf[p.a.topic]))
    return np.array(out)


def _fit_only(x, y, free: list[int]) -> tuple[np.ndarray, float]:
    """Logistic-regression weights of the ``free`` columns alone, by the objective scikit-learn's
    ``LogisticRegression(C=1)`` minimises (log-loss plus half the squared weights), the other weights and
    the bias held at the shipped ones: a pair whose free features are 0 scores as before."""
    from scipy.optimize import minimize

    def loss(theta: np.ndarray) -> float:
        weights = align.MATCH_WEIGHTS.astype(float).copy()
        weights[free] = theta
        z = x @ weights + align.MATCH_BIAS
        return float(np.sum(np.logaddexp(0, z) - y * z) + 0.5 * np.sum(theta ** 2))

    theta = minimize(loss, np.zeros(len(free)), method="L-BFGS-B").x
    weights = align.MATCH_WEIGHTS.astype(float).copy()
    weights[free] = theta
    return weights, float(align.MATCH_BIAS)


def _report(name, scores, labels, threshold) -> list[float]:
    """Print a table row of AUC, AP, threshold, P, R and F1; return them (rounded as printed)."""
    from sklearn.metrics import average_precision_score, roc_auc_score

    predicted = scores >= threshold
    tp = int((predicted & (labels == 1)).sum())
    fp = int((predicted & (labels == 0)).sum())
    fn = int((~predicted & (labels == 1)).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    figures = [roc_auc_score(labels, scores), average_precision_score(labels, scores), threshold, p, r, f]
    print(row([name, *(f"{v:.3f}" for v in figures)]))
    return [round(float(v), 3) for v in figures]


def _best_threshold(scores, labels):
    best = (0.0, 0.5)
    for t in np.unique(np.round(scores, 3)):
        predicted = scores >= t
        tp = (predicted & (labels == 1)).sum()
        fp = (predicted & (labels == 0)).sum()
        fn = (~predicted & (labels == 1)).sum()
        f = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        best = max(best, (f, float(t)))
    return best[1]


def _story(doc_id: str) -> str:
    """'3_1ecbplus' -> '3/ecbplus': the topic and which of its two stories."""
    topic, _, rest = doc_id.partition("_")
    return f"{topic}/{'ecbplus' if rest.endswith('plus') else 'ecb'}"


def _group_report(claims, pairs) -> dict[str, list[float]]:
    """Facts as `align.align_facts` groups them over whole ECB+ stories (every sentence of every article
    of the story a claim): is a labelled same-story pair in one group? Average linkage (shipped)
    against joining every link (single linkage: a chain of links makes one group)."""
    by_story = defaultdict(list)
    for key in sorted(claims):
        by_story[_story(key[0])].append(key)
    same_story = [p for p in pairs if p.kind != "sister_story"]
    print("\nFacts over whole stories (same-story pairs; a pair is predicted the same fact when its two "
          "sentences are in one group):\n")
    print_table(["grouping", "split", "P", "R", "F1", "largest group", "claims in groups of 10+"])
    probs = {story: align.match_matrix([claims[k] for k in keys]) for story, keys in by_story.items()}
    out = {}
    for linkage in ("single", "average"):
        group_of, sizes = {}, []
        for story, keys in by_story.items():
            for n, group in enumerate(align.group_claims([claims[k] for k in keys], probs[story], linkage)):
                sizes.append(len(group))
                for k in group:
                    group_of[keys[k]] = (story, n)
        big = sum(s for s in sizes if s >= 10) / sum(sizes)
        for name, part in zip(("dev", "test"), align_pairs.split(same_story)):
            labels = np.array([p.label for p in part])
            predicted = np.array([group_of[(p.a.doc_id, p.a.index)] == group_of[(p.b.doc_id, p.b.index)] for p in part])
            print(row([f"{linkage} linkage", name, _prf(predicted, labels), max(sizes), f"{big:.1%}"]))
            out[f"whole sentences grouped, {linkage} linkage, {name}: P, R, F1"] = _prf_values(predicted, labels)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true", help="fit new weights on the dev topics")
    parser.add_argument("--fit-only", nargs="+", choices=align.FEATURES, metavar="FEATURE",
                        help="fit the weights of these features alone on the dev topics, the other weights "
                             "and the bias held as shipped (a new feature added to the score)")
    parser.add_argument("--write", action="store_true",
                        help="with --fit or --fit-only: write the fitted weights and bias to "
                             "src/storyline/params/align.json, with their provenance")
    argv = sys.argv[1:]
    args = parser.parse_args(argv)
    if args.write and not (args.fit or args.fit_only):
        parser.error("--write needs --fit or --fit-only")
    if not harness.data_ready("ecbplus"):
        return
    documents = list(corpora.ecbplus_documents())
    started = time.perf_counter()
    pairs = align_pairs.sentence_pairs(min_jaccard=0.5)
    dev, test = align_pairs.split(pairs)
    claims, idf, clause_claims = _claims(documents)
    texts = sorted({c.text for c in claims.values()})
    row = {t: i for i, t in enumerate(texts)}
    vectors = embed(texts)
    x_dev, x_test = _features(dev, claims, idf, vectors, row), _features(test, claims, idf, vectors, row)
    y_dev = np.array([p.label for p in dev])
    y_test = np.array([p.label for p in test])
    print(f"{len(dev)} dev pairs ({y_dev.sum()} positive), {len(test)} test pairs ({y_test.sum()} positive); "
          f"{time.perf_counter() - started:.0f} s to analyse and embed\n")
    if args.fit or args.fit_only:
        if args.fit_only:
            weights, bias = _fit_only(x_dev, y_dev, [align.FEATURES.index(n) for n in args.fit_only])
        else:
            from sklearn.linear_model import LogisticRegression

            model = LogisticRegression(C=1.0, max_iter=1000).fit(x_dev, y_dev)
            weights, bias = model.coef_[0], float(model.intercept_[0])
        for name in align.HAND_SET:  # ECB+ has no dates to fit these
            weights[align.FEATURES.index(name)] = align.MATCH_WEIGHTS[align.FEATURES.index(name)]
        print("fitted MATCH_WEIGHTS =", np.round(weights, 2).tolist(), " MATCH_BIAS =", round(bias, 2))
        probs_dev = 1 / (1 + np.exp(-(x_dev @ weights + bias)))
        print("best-F1 threshold on dev:", _best_threshold(probs_dev, y_dev), "\n")
        align.MATCH_WEIGHTS, align.MATCH_BIAS = np.round(weights, 2), round(bias, 2)
    print_table(["scorer", "AUC", "AP", "threshold", "P", "R", "F1"])
    scores = {}
    for name, split, x, y in (("storyline (dev)", "dev topics 1-22", x_dev, y_dev),
                              ("storyline (test)", "held-out topics 23-35", x_test, y_test)):
        figures = _report(name, align.match_probability(x), y, align.MATCH_THRESHOLD)
        scores[f"pairs, {split}: AUC, AP, threshold, P, R, F1"] = figures
    for name, column in (("MiniLM cosine", align.FEATURES.index("cosine")),
                         ("content-word Jaccard", align.FEATURES.index("word_share"))):
        threshold = _best_threshold(x_dev[:, column], y_dev)
        _report(f"{name} (test, dev threshold)", x_test[:, column], y_test, threshold)
    scores.update(_group_report(claims, pairs))
    scores.update(_clause_group_report(clause_claims, pairs))
    if args.write:
        fitted = args.fit_only or [n for n in align.FEATURES if n not in align.HAND_SET]
        print(f"\nwrote {write_params(align.MATCH_WEIGHTS, align.MATCH_BIAS, argv, fitted, scores)}")


def _clause_group_report(clause_claims, pairs) -> dict[str, list[float]]:
    """Facts as the tool groups them, over the clauses of whole ECB+ stories: a labelled same-story
    sentence pair is predicted the same fact when a clause of one and a clause of the other are in one
    group (lower recall than whole sentences as claims: a sentence's facts are split over its clauses,
    and the clause that carries a labelled event may be too short to align)."""
    same_story = [p for p in pairs if p.kind != "sister_story"]
    print("\nFacts over whole stories, claims as the tool makes them (the clauses of each sentence):\n")
    print_table(["grouping", "split", "P", "R", "F1"])
    probs = {story: align.match_matrix([c for _, c in items]) for story, items in clause_claims.items()}
    groups_of = defaultdict(set)
    for story, items in clause_claims.items():
        for n, group in enumerate(align.group_claims([c for _, c in items], probs[story])):
            for k in group:
                groups_of[items[k][0]].add((story, n))
    out = {}
    for split, part in zip(("dev", "test"), align_pairs.split(same_story)):
        labels = np.array([p.label for p in part])
        predicted = np.array([bool(groups_of[(p.a.doc_id, p.a.index)] & groups_of[(p.b.doc_id, p.b.index)])
                              for p in part])
        print(row(["average linkage", split, _prf(predicted, labels)]))
        out[f"claims as the tool makes them (clauses) grouped, {split}: P, R, F1"] = _prf_values(predicted, labels)
    return out


def _prf(predicted: np.ndarray, labels: np.ndarray) -> str:
    """Precision, recall and F1 of boolean predictions against 0/1 labels, as table cells."""
    tp = int((predicted & (labels == 1)).sum())
    precision = tp / max(1, predicted.sum())
    recall = tp / max(1, labels.sum())
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"{precision:.3f} | {recall:.3f} | {f1:.3f}"


def _prf_values(predicted: np.ndarray, labels: np.ndarray) -> list[float]:
    """The figures of `_prf`, rounded as it prints them."""
    return [float(v) for v in _prf(predicted, labels).split(" | ")]


def write_params(weights, bias: float, argv: list[str], fitted: list[str], scores: dict,
                 path: Path | None = None) -> Path:
    """Write the match score's weights (of ``align.FEATURES``, in order; written by name, all but
    ``align.HAND_SET``, which the code holds) and ``bias`` to ``params/align.json`` (or ``path``), with their
    provenance: ``argv`` the command's arguments, ``fitted`` the features whose weights it fitted (the
    rest held as shipped, whose provenance is kept), ``scores`` the figures it reached."""
    from storyline import params

    free = [n for n in align.FEATURES if n not in align.HAND_SET]
    whole = set(fitted) >= set(free)
    entry = params.provenance(
        "benchmarks/calibrate_align.py", argv,
        values=["weights: " + ", ".join(n for n in free if n in fitted)] + (["bias"] if whole else []),
        data="ECB+ sentence pairs (align_pairs.sentence_pairs(min_jaccard=0.5)): same-event sentences of "
             "different articles of a story against sentences about other events of the story and of its "
             "sister story; fitted on development topics 1-22, scored on held-out topics 23-35",
        method=("scikit-learn LogisticRegression(C=1.0) on the dev pairs" if whole else
                "LogisticRegression(C=1)'s objective minimised over these weights alone (L-BFGS), every other "
                "weight and the bias held as shipped")
               + "; rounded to 2 decimals; " + ", ".join(align.HAND_SET) + " held at align.HAND_SET",
        scores=scores)
    kept = [] if whole else list(params.load("align").get("provenance", []))
    data = {
        "about": "The fitted part of the fact-alignment match score (storyline.story.align): the logistic "
                 "regression's weights of the pair features by name (all but align.HAND_SET, which the code "
                 "holds) and its bias. The probability that two claims state the same fact is "
                 "1 / (1 + exp(-(features . weights + bias))).",
        "provenance": [*kept, entry],
        "weights": {n: float(w) for n, w in zip(align.FEATURES, weights) if n not in align.HAND_SET},
        "bias": float(bias),
    }
    return params.save(path or "align", data)


if __name__ == "__main__":
    main()
