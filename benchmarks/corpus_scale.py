"""Corpus mode at scale: ingest throughput, and clustering time per article at 1k, 10k and 100k.

    python -m benchmarks.corpus_scale ingest [--articles 300]
    python -m benchmarks.corpus_scale cluster [--sizes 1000 10000 100000]

``ingest``: `storyline ingest` of PolNeAR train articles (a new database), against bare `nlp.pipe` of
the same model on the same texts, each a whole process, with the peak memory of its process tree.

``cluster``: the online clustering step alone, as the store grows. The volume is made by reusing
the corpora's texts under new ids: ECB+ and PolNeAR articles are analysed and embedded once, then
fed again and again (ids made unique) straight to `assign_story` in one SQLite store, skipping
the de-duplication that would otherwise (rightly) drop every copy. Because copies join their
original's story, the number of stories stays near that of the distinct texts; what is measured
is the cost of lookup, scoring and index upkeep per article as the tables grow. Every
`cluster.REFINE_EVERY` articles the stories that grew are refined (`refine_stories`), as an ingest
does; that time is counted on the article that set it off. The time per article is the mean over
the last 500 articles before each size is reached; peak memory is the process's maximum RSS.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

if not __package__:  # run as a file: the imports below need the package
    sys.exit("run it as a module from the repository root: python -m benchmarks.corpus_scale")

from . import corpora, harness  # noqa: E402
from .memory import compare  # noqa: E402
from .tables import print_table  # noqa: E402
from .throughput import BARE  # noqa: E402


def ingest_benchmark(count: int) -> None:
    docs = [d for _, d in zip(range(count), corpora.polnear_documents("train"))]
    words = sum(len(d.text.split()) for d in docs)
    storyline = str(Path(sys.executable).with_name("storyline"))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.jsonl"
        path.write_text("".join(json.dumps({"id": d.id, "text": d.text}) + "\n" for d in docs), encoding="utf-8")
        script = Path(tmp) / "bare.py"
        script.write_text(BARE)
        db = Path(tmp) / "c.db"
        results = compare({"ingest": [storyline, "ingest", str(path), "--db", str(db), "--quiet"],
                           "bare": [sys.executable, str(script), str(path), "1"]}, 1,
                          before=lambda: db.unlink(missing_ok=True))
        ingest, bare = results["ingest"], results["bare"]
    print(f"{len(docs)} PolNeAR train articles ({words:,} words), whole processes, model loading included\n")
    print_table(["command", "wall s", "articles/s", "words/s", "peak PSS, all processes"],
               ([name, f"{m.wall:.1f}", f"{len(docs) / m.wall:.1f}", f"{words / m.wall:,.0f}",
                 f"{m.memory.peak_pss / 2**30:.2f} GiB"]
                for name, m in (("storyline ingest (new database)", ingest),
                                ("bare nlp.pipe, 1 process", bare))))
    print(f"\nstoryline ingest throughput / bare spaCy: {bare.wall / ingest.wall:.2f}x")


def cluster_benchmark(sizes: list[int]) -> None:
    from storyline import make_article
    from storyline.corpus.cluster import REFINE_EVERY, assign_story, embedding_text, refine_stories
    from storyline.corpus.store import Store
    from storyline.nlp.pipeline import analyze
    from storyline.story.embed import embed

    texts = [(d.id, d.text) for d in corpora.ecbplus_documents()]
    texts += [(d.id, d.text) for _, d in zip(range(500), corpora.polnear_documents("train"))]
    analyses = [a for a in analyze(make_article(t, i) for i, t in texts) if hasattr(a, "article")]
    vectors = embed([embedding_text(a) for a in analyses])
    print(f"{len(analyses)} distinct analysed articles, reused under new ids up to {max(sizes):,}\n")
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "scale.db")
        times: list[float] = []
        results = {}
        n = 0
        for size in sorted(sizes):
            while n < size:
                analysis = analyses[n % len(analyses)]
                copy = replace(analysis, article=replace(analysis.article, id=f"{analysis.article.id}#{n}"))
                started = time.perf_counter()
                with store.transaction():
                    assign_story(store, copy, None, vectors[n % len(analyses)])
                if (n + 1) % REFINE_EVERY == 0:  # as an ingest does: its cost lands on this article
                    refine_stories(store)
                times.append(time.perf_counter() - started)
                n += 1
            window = times[-500:]
            results[size] = (statistics.mean(window) * 1000, statistics.median(window) * 1000,
                             store.counts()["stories"])
            print(f"  {size:>7,} articles: {results[size][0]:.2f} ms mean, {results[size][1]:.2f} ms median "
                  f"per article over the last 500; {results[size][2]:,} stories", flush=True)
        store.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20
    print()
    print_table(["articles in store", "clustering ms/article (mean of last 500)", "median", "stories"],
               ([f"{size:,}", f"{mean:.2f}", f"{median:.2f}", f"{stories:,}"]
                for size, (mean, median, stories) in results.items()))
    first, last = results[min(results)][0], results[max(results)][0]
    print(f"\nchange from {min(results):,} to {max(results):,}: {100 * (last - first) / first:+.0f}%; "
          f"peak RSS of the process {peak:.2f} GiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    p_ingest = sub.add_parser("ingest")
    p_ingest.add_argument("--articles", type=int, default=300)
    p_cluster = sub.add_parser("cluster")
    p_cluster.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    args = parser.parse_args()
    if not harness.data_ready("polnear", "ecbplus"):
        return
    if args.what == "ingest":
        ingest_benchmark(args.articles)
    else:
        cluster_benchmark(args.sizes)


if __name__ == "__main__":
    main()
