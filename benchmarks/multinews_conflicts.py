"""List every disagreement Storyline reports on Multi-News clusters of three or more sources, to judge by eye.

    python -m benchmarks.multinews_conflicts [--clusters 450] [--skip 0] [--all] [--cache DIR]

Beside benchmarks/unseen_conflicts.py (the ECB+ subtopics in no gold file): Multi-News+ test clusters (from
../shared/data) are several outlets' reports of one news story, of every kind ECB+ lacks (outbreaks, studies,
heists, trials). Each cluster is analysed as one story, and each conflicting fact Storyline reports is printed
with its kind, confidence, note and each source's words with their sentence, for a reader to judge whether
the sources really disagree. A false "they disagree" found here is a general fault to fix (docs/benchmarks.md,
"Disagreements on Multi-News").

Multi-News texts are lower-cased but for the start of each sentence, so names are mostly lost to the
recogniser: the scan is for figures and dates, not for people. ``--all`` lists the less certain conflicts
(below the reports' shown confidence) too, which it otherwise counts only. ``--cache DIR`` keeps each
cluster's per-article analyses in DIR and reuses them (for work on the story stage; empty it whenever
``storyline.nlp`` changes).
"""

from __future__ import annotations

import argparse
import pickle
from pathlib import Path

from . import harness
from .corpora import multinews_clusters

# Clusters with fewer sources than this are left out: two sources seldom differ on anything.
MIN_SOURCES = 3
# Characters of a source's sentence shown before its words.
CONTEXT = 120


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clusters", type=int, default=450, help="clusters of 3 or more sources to analyse")
    parser.add_argument("--skip", type=int, default=0, help="such clusters to pass over first")
    parser.add_argument("--all", action="store_true", help="list the less certain conflicts too")
    parser.add_argument("--cache", metavar="DIR", help="keep each cluster's per-article analyses in DIR and reuse them")
    args = parser.parse_args(argv)
    if not harness.data_ready("multinews"):
        return
    from storyline import make_article
    from storyline.nlp.pipeline import analyze
    from storyline.report.markdown import SHOWN_CONFIDENCE
    from storyline.story import build_story

    clusters = [c for c in multinews_clusters() if len(c.documents) >= MIN_SOURCES][args.skip:args.skip + args.clusters]
    cache = Path(args.cache) if args.cache else None
    by_cluster: dict[str, list] = {}
    if cache is not None:
        for c in clusters:
            if (cache / f"{c.idx}.pickle").exists():
                by_cluster[str(c.idx)] = pickle.loads((cache / f"{c.idx}.pickle").read_bytes())
    articles = [make_article(text, f"{c.idx}_{n}") for c in clusters if str(c.idx) not in by_cluster
                for n, text in enumerate(c.documents)]
    made: dict[str, list] = {}
    for analysis in analyze(articles, processes=2):
        made.setdefault(analysis.article.id.split("_")[0], []).append(analysis)
    by_cluster.update(made)
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        for idx, analyses in made.items():
            (cache / f"{idx}.pickle").write_bytes(pickle.dumps(analyses))
    shown = low = 0
    for cluster in clusters:
        analyses = sorted(by_cluster.get(str(cluster.idx), []), key=lambda a: a.article.id)
        if len(analyses) < 2:
            continue
        report = build_story(analyses, [], summary_words=0)
        conflicts = [f for f in report.facts if f.status == "conflicting"]
        sure = [f for f in conflicts if (f.confidence or 0) >= SHOWN_CONFIDENCE]
        shown, low = shown + len(sure), low + len(conflicts) - len(sure)
        listed = conflicts if args.all else sure
        if not listed:
            continue
        texts = {a.article.id: a.article.text for a in analyses}
        print(f"== {cluster.idx} ({len(analyses)} sources)")
        for fact in listed:
            print(f"  {fact.kind} (confidence {fact.confidence:.2f}): {fact.note[:300]}")
            for ev in fact.evidence:
                text = texts[ev.source]
                opening = max(text.rfind(". ", 0, ev.start) + 2, ev.start - CONTEXT)
                print(f"      {ev.source}: [{ev.text.strip()[:120]}] {text[opening:ev.end + 60]!r}")
    print(f"{len(clusters)} clusters: conflicting facts {shown} at confidence {SHOWN_CONFIDENCE} or more (shown in "
          f"reports), {low} below")


if __name__ == "__main__":
    main()
