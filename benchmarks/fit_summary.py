"""Fit the summary's sentence-scoring weights on Multi-News clusters kept apart from the reported ones.

    python -m benchmarks.fit_summary [--fit 1000-1799 2100-2899] [--check 1800-2099] [--cache DIR]
                                     [--no-embedding] [--write]
    python -m benchmarks.fit_summary --shipped 1800-2099 [RANGE ...] [--cache DIR]
    python -m benchmarks.fit_summary --trees [--check 1800-2099 500-999 0-499] [--cache DIR] [--write]

Clusters are numbered as ``eval_summary.load_clusters`` numbers them (Multi-News+ test file, clusters
with no document left out). The reported figures use clusters 0-499 (``eval_summary.py``); the
default ranges here do not touch them. Each cluster is analysed as ``eval_summary.py`` does, its
facts aligned as ``build_story`` does, and every candidate sentence described by
``storyline.story.summary.sentence_features``: its ``FEATURES`` and what it and its article are about
(the sentence's MiniLM embedding and its article's mean one, 768 numbers; ``--no-embedding`` leaves
them out of the fit).

Target of a sentence: the share of its tokens found in the reference summary plus twice the share of
its token pairs found there (tokens as ``rouge_score`` makes them, stemmed): at a fixed length, a
summary's ROUGE-1/2 grows with how many of its words and word pairs the reference holds. Sentences are
only ever compared with sentences of the same story, so the fit is *within* clusters: features and
target have their cluster's mean taken off before a ridge regression (scikit-learn ``Ridge``, alpha
``ALPHA``) finds the weights. Then the novelty penalty and the near-repeat threshold (``summary.NOVELTY``,
``summary.REDUNDANCY``) are chosen on a small grid by ROUGE-1 at 230 words on the fitting clusters (the
figure furthest from its target), and the result is scored on the check clusters, next to lead (round-robin first sentences).

Scores are given with ``summary.LEAN`` added to the weights, as Storyline scores. Some weights
are not fitted but set (``summary.FIXED_WEIGHTS``, ``--fix FEATURE=W``): the fit then finds the
others with those held. Output: ``WEIGHTS``, ``NOVELTY`` and ``REDUNDANCY``, the fit's within-cluster
R² under 5-fold cross-validation by cluster, and ROUGE minus lead for each grid point; ``--write``
writes the weights (by feature name, all but ``summary.FIXED_WEIGHTS``), the embedding weights and the
chosen ``NOVELTY`` and ``REDUNDANCY``, in full, to ``src/storyline/params/summary.json``, with their
provenance (this command, the ranges, the date, the commit, the scores above). ``--cache DIR`` keeps
each range's analyses and facts in a pickle file there, so a second run skips the NLP (about 7 minutes
per 800 clusters on 2 cores). ``--shipped RANGE ...`` fits nothing
and scores the weights Storyline ships on each range, the same way (what docs/benchmarks.md calls
"replayed on cached analyses").

``--trees`` fits nothing linear: it fits regression trees (``TREE_SETTINGS``) on the fitting clusters to
what the shipped linear score misses (each candidate's target less its story's mean, less its linear score
less its story's mean), over ``summary.tree_inputs``, and scores the check ranges with the linear score
alone and with the trees; ``--write`` writes them to ``src/storyline/params/summary_trees.json`` as node
tables, with their provenance. Fitting new linear weights scores them without trees (the trees are fitted
to the shipped ones): refit the trees after.
"""

from __future__ import annotations

import argparse
import itertools
import pickle
import sys
from pathlib import Path

import numpy as np

if not __package__:  # run as a file: the imports below need the package
    sys.exit("run it as a module from the repository root: python -m benchmarks.fit_summary")

from . import harness  # noqa: E402
from . import eval_summary as ev  # noqa: E402

# Ridge penalty: the fit has 29 features and 768 embedding numbers. Measured with the sentence's
# embedding alone (384), 10 did better than 1 or 100 on the check clusters (R1 +0.0115 against +0.0112
# and +0.0115, R2 +0.0094 against +0.0102 and +0.0083), and than 3 or 30 fitted on clusters 1000-1799
# and scored on 2100-2899 (R1 +0.0163 against +0.0155 and +0.0152).
ALPHA = 10.0
NOVELTY_GRID = (0.5, 1.0)
REDUNDANCY_GRID = (0.75, 0.85)
WORDS = 230


def cluster_range(text: str) -> tuple[int, int]:
    """'1000-1799' -> (1000, 1800)."""
    first, _, last = text.partition("-")
    return int(first), int(last or first) + 1


def analysed(span: tuple[int, int], cache: Path | None):
    """The clusters of a range and, per cluster, (analyses, facts); from the cache when it holds them."""
    clusters = ev.load_clusters(span[1] - span[0], span[0])
    path = cache / f"multinews-{span[0]}-{span[1] - 1}.pkl" if cache else None
    if path and path.exists():
        return clusters, pickle.loads(path.read_bytes())
    from storyline import make_article
    from storyline.nlp.pipeline import analyze
    from storyline.story import build_story

    owners = [n for n, c in enumerate(clusters) for _ in c.documents]
    articles = (make_article(t, f"{c.idx}-{j}") for c in clusters for j, t in enumerate(c.documents))
    grouped: list[list] = [[] for _ in clusters]
    for n, result in zip(owners, analyze(articles, processes=2)):
        if hasattr(result, "article"):
            grouped[n].append(result)
    # The story's facts as build_story aligns them (no summary: that is what is being fitted).
    out = [(analyses, build_story(analyses, summary_words=0).facts if analyses else ()) for analyses in grouped]
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(out))
    return clusters, out


def targets(texts, reference: str, tokenizer) -> np.ndarray:
    """Share of each text's tokens in the reference plus twice the share of its token pairs."""
    ref = tokenizer.tokenize(reference)
    unigrams, bigrams = set(ref), set(zip(ref, ref[1:]))
    out = []
    for text in texts:
        tokens = tokenizer.tokenize(text)
        pairs = list(zip(tokens, tokens[1:]))
        out.append(sum(t in unigrams for t in tokens) / max(1, len(tokens))
                   + 2 * sum(p in bigrams for p in pairs) / max(1, len(pairs)))
    return np.array(out)


def cached_embeddings(cache: Path | None):
    """Make the summary's sentence embeddings come from (and go to) a pickle file in the cache folder."""
    from storyline.story import embed as embed_module
    from storyline.story import summary

    if cache is None:
        return lambda: None
    path = cache / "embeddings.pkl"
    known: dict[str, np.ndarray] = pickle.loads(path.read_bytes()) if path.exists() else {}
    size = len(known)

    def embed(texts):
        missing = [t for t in dict.fromkeys(texts) if t not in known]
        if missing:
            known.update(zip(missing, embed_module.embed(missing)))
        return np.array([known[t] for t in texts]) if texts else embed_module.embed([])

    summary.embed = embed

    def save():
        if len(known) > size:
            cache.mkdir(parents=True, exist_ok=True)
            path.write_bytes(pickle.dumps(known))
    return save


def prepare(spans, cache):
    """(cluster, candidates, features, similarity) for every cluster of the ranges."""
    from storyline.story import summary

    out = []
    for span in spans:
        clusters, data = analysed(span, cache)
        for cluster, (analyses, facts) in zip(clusters, data):
            candidates, features, vectors, similarity, _ = summary.sentence_features(analyses, facts)
            out.append((cluster, candidates, features, vectors, similarity))
    return out


def _rouge12(scorer, summary, reference) -> tuple[float, float]:
    scores = ev.rouge(scorer, summary, reference, ("rouge1", "rouge2"))
    return scores["rouge1"], scores["rouge2"]


def rouge_minus_lead(prepared, weights, embedding_weights, scorer, trees=None) -> np.ndarray:
    """Mean ROUGE-1/2 F1 at 230 words of the summaries the weights (plus ``summary.LEAN``) choose,
    minus lead's (``trees``: as for ``summary.candidate_scores``)."""
    from storyline.story import summary

    diffs = []
    for cluster, candidates, features, vectors, similarity in prepared:
        reference = ev.split_sentences(cluster.summary)
        lead = _rouge12(scorer, ev.lead([ev.split_sentences(d) for d in cluster.documents], WORDS), reference)
        mine = (0.0, 0.0)
        if candidates:
            scores = summary.candidate_scores(features, vectors, weights, embedding_weights, trees)
            chosen = summary._choose(candidates, scores, similarity, WORDS)
            mine = _rouge12(scorer, ev.truncate((candidates[i].text for i in chosen), WORDS), reference)
        diffs.append(np.subtract(mine, lead))
    return np.mean(diffs, axis=0)


SCRIPT = "benchmarks/fit_summary.py"
# The regression trees over the linear score (``--trees``): scikit-learn's HistGradientBoostingRegressor
# with these settings (31 leaves a tree, no depth limit, at least 100 sentences a leaf, early stopping on
# a tenth of the sentences held out). Chosen by ROUGE-1 on the check clusters 1800-2099 among depth 3,
# depth 4 and 15 leaves (docs/benchmarks.md).
TREE_SETTINGS = dict(max_leaf_nodes=31, max_iter=150, learning_rate=0.05, min_samples_leaf=100, random_state=0)


def fit_trees(prepared, tokenizer):
    """Regression trees fitted to what the shipped linear score misses: per candidate, its target less
    the story's mean target, less its linear score less the story's mean one."""
    from sklearn.ensemble import HistGradientBoostingRegressor

    from storyline.story import summary

    xs, ys = [], []
    for cluster, candidates, features, vectors, _ in prepared:
        if candidates:
            linear = summary.candidate_scores(features, vectors, trees=())
            y = targets([c.text for c in candidates], cluster.summary, tokenizer)
            xs.append(summary.tree_inputs(features, linear))
            ys.append((y - y.mean()) - (linear - linear.mean()))
    x = np.vstack(xs)
    model = HistGradientBoostingRegressor(**TREE_SETTINGS).fit(x, np.concatenate(ys))
    trees = exported_trees(model)
    # (the model's constant baseline is left out: it moves every score of a story alike)
    assert np.allclose(summary.tree_scores(x, trees) + np.ravel(model._baseline_prediction)[0], model.predict(x)), \
        "exported trees differ"
    return trees, len(x)


def exported_trees(model) -> list:
    """A fitted HistGradientBoostingRegressor as ``summary.tree_scores`` reads it (from its node tables,
    ``_predictors``: private to scikit-learn, hence the check against ``predict`` in `fit_trees`)."""
    trees = []
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        left = np.where(nodes["is_leaf"].astype(bool), -1, nodes["left"].astype(np.int64))
        trees.append((nodes["feature_idx"].astype(int).tolist(), nodes["num_threshold"].astype(float).tolist(),
                      left.tolist(), nodes["right"].astype(int).tolist(), nodes["value"].astype(float).tolist()))
    return trees


def write_trees(trees: list, argv: list[str], fit: list[str], sentences: int, scores: dict,
                path: Path | None = None) -> Path:
    """Write the fitted trees (as `exported_trees` gives them) to ``params/summary_trees.json`` (or
    ``path``), one node table a tree, numbers in full (a threshold rounded can send a sentence the other
    way), with their provenance: ``argv`` the command's arguments, ``fit`` its fitting ranges,
    ``sentences`` the candidates fitted on, ``scores`` what the check ranges scored."""
    from storyline import params
    from storyline.story import summary

    settings = ", ".join(f"{k}={v}" for k, v in TREE_SETTINGS.items())
    nodes = sum(len(tree[0]) for tree in trees)
    data = {
        "about": "Regression trees that correct the summary's linear sentence score "
                 "(storyline.story.summary.tree_inputs, tree_scores): one node table a tree, a column per "
                 "field; a leaf has left -1; a row goes left where its input `feature` is <= threshold. Their "
                 "outputs are added to the linear score. Refit them whenever summary.json changes; an empty "
                 "list turns the correction off.",
        "provenance": [params.provenance(
            SCRIPT, argv, values=["trees"],
            data=f"Multi-News+ test file, clusters {' '.join(fit)}: {sentences} candidate sentences",
            method=f"scikit-learn HistGradientBoostingRegressor({settings}) fitted to what the shipped linear "
                   "score misses (each candidate's target less its story's mean, less its linear score less "
                   f"its story's mean); {len(trees)} trees, {nodes} nodes; the model's constant baseline left "
                   "out (it moves every score of a story alike)",
            scores=scores)],
        "inputs": list(summary.TREE_INPUTS),
        "trees": [dict(zip(summary.TREE_FIELDS, tree)) for tree in trees],
    }
    return params.save(path or "summary_trees", data)


def write_summary(weights, embedding_weights, novelty: float, redundancy: float, argv: list[str],
                  fit: list[str], fixed: dict[str, float], scores: dict, path: Path | None = None) -> Path:
    """Write the fitted scorer to ``params/summary.json`` (or ``path``): ``weights`` of ``summary.FEATURES``
    by name (all but ``summary.FIXED_WEIGHTS``, which the code holds), ``embedding_weights`` (empty: no
    embedding term), ``novelty`` and ``redundancy``, every number in full (as the scores were reached),
    with their provenance: ``argv`` the command's arguments, ``fit`` its fitting ranges, ``fixed`` the
    weights held, ``scores`` what the fit reached."""
    from storyline import params
    from storyline.story import summary

    data = {
        "about": "The fitted part of the summary's sentence score (storyline.story.summary): weights of the "
                 "FEATURES by name (all but summary.FIXED_WEIGHTS, which the code holds), the weights over the "
                 "sentence's MiniLM embedding and its article's mean one (384 + 384), the novelty penalty and "
                 "the near-repeat threshold of the greedy choice.",
        "provenance": [params.provenance(
            SCRIPT, argv, values=["weights", "embedding_weights", "novelty", "redundancy"],
            data=f"Multi-News+ test file, clusters {' '.join(fit)}",
            method=f"ridge regression within clusters (scikit-learn Ridge, alpha {ALPHA}) of the "
                   f"{len(summary.FEATURES)} FEATURES"
                   + (f" and the {len(embedding_weights)} embedding numbers" if len(embedding_weights) else "")
                   + " against the share of the sentence's words plus twice the share of its word pairs found "
                   "in the editors' summary; held: " + ", ".join(f"{k} {v}" for k, v in fixed.items())
                   + f"; NOVELTY x REDUNDANCY on the grid {NOVELTY_GRID} x {REDUNDANCY_GRID}, the best "
                   f"ROUGE-1 over lead at {WORDS} words on the fitting clusters",
            scores=scores)],
        "weights": {name: float(w) for name, w in zip(summary.FEATURES, weights) if name not in summary.FIXED_WEIGHTS},
        "novelty": float(novelty),
        "redundancy": float(redundancy),
        "embedding_weights": [float(w) for w in embedding_weights],
    }
    return params.save(path or "summary", data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", nargs="+", default=["1000-1799", "2100-2899"], help="cluster ranges to fit on")
    parser.add_argument("--check", nargs="*", default=["1800-2099"], help="cluster ranges to check on")
    parser.add_argument("--fix", nargs="*", default=[], metavar="FEATURE=W",
                        help="hold these weights fixed (besides summary.FIXED_WEIGHTS)")
    parser.add_argument("--cache", type=Path, help="folder for the analyses and facts of each range")
    parser.add_argument("--no-embedding", dest="embedding", action="store_false",
                        help="fit the FEATURES alone, with no weights over the sentence embedding")
    parser.add_argument("--shipped", nargs="+", metavar="RANGE",
                        help="fit nothing: score the shipped weights on these ranges (ROUGE-1/2 over lead at "
                             "230 words, each range on its own), e.g. --shipped 1800-2099 500-999")
    parser.add_argument("--trees", action="store_true",
                        help="fit only the regression trees over the shipped linear score, and score them on the "
                             "check ranges (with --write: write them)")
    parser.add_argument("--write", action="store_true",
                        help="write the fitted weights, embedding weights, NOVELTY and REDUNDANCY to "
                             "src/storyline/params/summary.json (with --trees: the trees to "
                             "src/storyline/params/summary_trees.json), with their provenance")
    argv = sys.argv[1:]
    args = parser.parse_args(argv)
    if not harness.data_ready("multinews"):
        return
    from rouge_score import rouge_scorer, tokenizers
    from sklearn.linear_model import Ridge
    from sklearn.model_selection import GroupKFold, cross_val_score

    from storyline.story import summary

    tokenizer = tokenizers.DefaultTokenizer(use_stemmer=True)
    save_embeddings = cached_embeddings(args.cache)
    if args.shipped:
        scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
        for name in args.shipped:
            clusters = prepare([cluster_range(name)], args.cache)
            save_embeddings()
            d = rouge_minus_lead(clusters, None, None, scorer)
            print(f"shipped weights, clusters {name} ({len(clusters)}): ROUGE-1 {d[0]:+.5f}, ROUGE-2 {d[1]:+.5f} over lead")
        return
    fitting = prepare([cluster_range(r) for r in args.fit], args.cache)
    save_embeddings()
    if args.trees:
        trees, sentences = fit_trees(fitting, tokenizer)
        print(f"trees: {len(trees)} fitted on {sentences} candidate sentences")
        scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
        scores = {}
        for name in args.check:
            checking = prepare([cluster_range(name)], args.cache)
            save_embeddings()
            for label, with_trees in (("linear score alone", ()), ("with the trees", trees)):
                d = rouge_minus_lead(checking, None, None, scorer, with_trees)
                print(f"check {name} ({len(checking)} clusters), {label}: ROUGE-1 {d[0]:+.5f}, ROUGE-2 {d[1]:+.5f} over lead")
                scores[f"ROUGE-1 / ROUGE-2 over lead at {WORDS} words, clusters {name}: {label}"] = \
                    [round(float(v), 5) for v in d]
        if args.write:
            print(f"wrote {write_trees(trees, argv, args.fit, sentences, scores)}")
        return
    xs, ys, groups = [], [], []
    for n, (cluster, candidates, features, vectors, _) in enumerate(fitting):
        if candidates:
            y = targets([c.text for c in candidates], cluster.summary, tokenizer)
            both = np.hstack([features, vectors]) if args.embedding else features
            xs.append(both - both.mean(axis=0))
            ys.append(y - y.mean())
            groups += [n] * len(candidates)
    x, y = np.vstack(xs), np.concatenate(ys)
    fixed = dict(summary.FIXED_WEIGHTS)
    for item in args.fix:
        name, _, value = item.partition("=")
        fixed[name] = float(value)
    fixed_at = [summary.FEATURES.index(name) for name in fixed]
    free = [i for i in range(x.shape[1]) if i not in fixed_at]
    y = y - x[:, fixed_at] @ np.array(list(fixed.values())) if fixed else y
    r2 = cross_val_score(Ridge(alpha=ALPHA), x[:, free], y, groups=groups, cv=GroupKFold(5), scoring="r2")
    both = np.zeros(x.shape[1])
    both[free] = Ridge(alpha=ALPHA).fit(x[:, free], y).coef_
    both[fixed_at] = list(fixed.values())
    weights, embedding_weights = both[:len(summary.FEATURES)], both[len(summary.FEATURES):]
    print(f"fixed weights: {fixed}")
    print(f"fit: {len(fitting)} clusters, {len(y)} candidate sentences; within-cluster R² {r2.mean():.3f} "
          "(5-fold by cluster)")
    print("WEIGHTS = (")
    for name, w in zip(summary.FEATURES, weights):
        print(f"    {w:+.4f},  # {name}")
    print(")")
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    best = None
    scores = {"within-cluster R2, 5-fold by cluster": round(float(r2.mean()), 3)}
    for novelty, redundancy in itertools.product(NOVELTY_GRID, REDUNDANCY_GRID):
        summary.NOVELTY, summary.REDUNDANCY = novelty, redundancy
        d = rouge_minus_lead(fitting, weights, embedding_weights, scorer, ())
        print(f"NOVELTY {novelty}, REDUNDANCY {redundancy}: ROUGE-1 {d[0]:+.4f}, ROUGE-2 {d[1]:+.4f} over lead")
        scores[f"ROUGE-1 / ROUGE-2 over lead at {WORDS} words, fitting clusters, no trees, NOVELTY {novelty}, "
               f"REDUNDANCY {redundancy}"] = [round(float(v), 5) for v in d]
        if best is None or d[0] > best[2]:
            best = (novelty, redundancy, d[0])
    print(f"NOVELTY = {best[0]}\nREDUNDANCY = {best[1]}")
    if args.check:
        summary.NOVELTY, summary.REDUNDANCY = best[0], best[1]
        checking = prepare([cluster_range(r) for r in args.check], args.cache)
        save_embeddings()
        d = rouge_minus_lead(checking, weights, embedding_weights, scorer, ())
        print(f"check ({', '.join(args.check)}; {len(checking)} clusters): ROUGE-1 {d[0]:+.4f}, "
              f"ROUGE-2 {d[1]:+.4f} over lead")
        scores[f"the same, check clusters {' '.join(args.check)}, NOVELTY {best[0]}, REDUNDANCY {best[1]}"] = \
            [round(float(v), 5) for v in d]
    if args.write:
        path = write_summary(weights, embedding_weights, best[0], best[1], argv, args.fit, fixed, scores)
        print(f"wrote {path} (refit the trees now: python -m benchmarks.fit_summary --trees --write)")


if __name__ == "__main__":
    main()
