"""Tune the summary's score weights on Multi-News clusters held apart from the reported ones.

    python benchmarks/tune_summary.py [--offset 500] [--limit 150]

Each cluster is analysed once and its facts aligned once; then every setting of the weights in
`storyline.story.summary` is tried on the same analyses (sentence embeddings are cached), and
ROUGE-1/2 against the reference is printed next to lead's, at the same 230 words. The figures to
report come from eval_summary.py on other clusters (0-499).
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpora  # noqa: E402
import eval_summary as ev  # noqa: E402
from storyline import make_article  # noqa: E402
from storyline.nlp.pipeline import analyze  # noqa: E402
from storyline.story import align as align_module  # noqa: E402
from storyline.story import summary as summary_module  # noqa: E402
from storyline.story.cast import build_cast  # noqa: E402
from storyline.story.embed import embed  # noqa: E402

_CACHE: dict[str, np.ndarray] = {}


def cached_embed(texts):
    missing = [t for t in dict.fromkeys(texts) if t not in _CACHE]
    if missing:
        for text, vector in zip(missing, embed(missing)):
            _CACHE[text] = vector
    return np.array([_CACHE[t] for t in texts]) if texts else np.zeros((0, 384), dtype=np.float32)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offset", type=int, default=500)
    parser.add_argument("--limit", type=int, default=150)
    args = parser.parse_args()
    try:
        clusters = ev.load_clusters(args.limit, args.offset)
    except corpora.DataMissing as exc:
        print(f"skipped: {exc}")
        return
    articles = [make_article(text, f"{c.idx}-{j}") for c in clusters for j, text in enumerate(c.documents)]
    owner = [n for n, c in enumerate(clusters) for _ in c.documents]
    grouped = [[] for _ in clusters]
    for n, analysis in zip(owner, analyze(articles)):
        if hasattr(analysis, "article"):
            grouped[n].append(analysis)
    align_module.embed = cached_embed
    summary_module.embed = cached_embed
    facts = []
    for analyses in grouped:
        entities, index = build_cast(analyses)
        facts.append(align_module.align_facts(analyses, entities, index) if len(analyses) > 1 else ())
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    refs = [ev.split_sentences(c.summary) for c in clusters]
    lead = np.mean([[ev.rouge(scorer, ev.lead([ev.split_sentences(d) for d in c.documents], 230), r)[m]
                     for m in ("rouge1", "rouge2")] for c, r in zip(clusters, refs)], axis=0)
    print(f"lead: R1 {lead[0]:.4f} R2 {lead[1]:.4f}")
    grid = {
        "POSITION_WEIGHT": [0.5, 1.0, 2.0],
        "CENTRALITY_WEIGHT": [0.5, 1.0, 2.0],
        "CORROBORATION_WEIGHT": [0.0, 0.3],
        "REDUNDANCY": [0.6, 0.75],
    }
    results = []
    for values in itertools.product(*grid.values()):
        for name, value in zip(grid, values):
            setattr(summary_module, name, value)
        scores = []
        for analyses, fs, ref in zip(grouped, facts, refs):
            summary = summary_module.summarize(analyses, fs, 230) if analyses else ()
            text = ev.truncate((s.text for s in summary), 230)
            r = ev.rouge(scorer, text, ref)
            scores.append((r["rouge1"], r["rouge2"]))
        mean = np.mean(scores, axis=0)
        results.append((mean[0], mean[1], dict(zip(grid, values))))
        print(f"R1 {mean[0]:.4f} R2 {mean[1]:.4f} {dict(zip(grid, values))}", flush=True)
    best = max(results, key=lambda r: r[0] + r[1])
    print(f"\nbest: R1 {best[0]:.4f} (lead {lead[0]:.4f}) R2 {best[1]:.4f} (lead {lead[1]:.4f}) {best[2]}")


if __name__ == "__main__":
    main()
