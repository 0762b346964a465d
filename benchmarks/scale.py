"""The per-article pass on one machine and on Ray, against bare spaCy, and the store's writer alone.

    python -m benchmarks.scale [--articles 300] [--runs 2]

Texts: PolNeAR train articles (from ../shared/data) as JSONL, each command a whole process with its
model loading, on a new database, in interleaved runs (the median of ``--runs`` is reported; the peak memory
comes from one more run of each, since sampling it slows the command it measures):

- bare ``nlp.pipe(n_process=2)`` of the same model on the same texts (what the local ingest is held to);
- ``storyline ingest`` (the local engine, one worker process per core);
- ``storyline ingest --engine ray --workers 1`` and ``--workers 2`` (a local Ray started by the command).

During each timed ingest the store's article count is read every 0.25 s, which gives, besides the whole run,
its steady rate: the articles stored from the first stored article to the last, over that time. A whole run
pays once for starting (Ray's start, each worker's model loading, the first batch's parse) and once for the
end (the writer's second look at the stories, Ray's shutdown); the steady rate is what each added worker
brings to a long ingest, once started.

Then the writer's ceiling: the articles' prepared records (:mod:`storyline.corpus.prepare`) are made once,
and the store's single writer (de-duplication, storing, clustering, the second look at stories) is timed
alone on them, in this process: the articles a second one writer can take, and so how many worker cores
(at the local engine's rate per core) it can keep fed.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

if not __package__:  # run as a file: the imports below need the package
    sys.exit("run it as a module from the repository root: python -m benchmarks.scale")

from . import harness  # noqa: E402
from .memory import compare  # noqa: E402
from .tables import print_table  # noqa: E402
from .throughput import BARE, write_corpus  # noqa: E402


def commands(storyline: str, corpus: Path, bare: Path, db: Path) -> dict[str, list[str]]:
    ingest = [storyline, "ingest", str(corpus), "--db", str(db), "--quiet"]
    return {
        "bare nlp.pipe, n_process=2": [sys.executable, str(bare), str(corpus), "2"],
        "storyline ingest (local, 2 workers)": ingest + ["--workers", "2"],
        "storyline ingest --engine ray, 1 worker": ingest + ["--engine", "ray", "--workers", "1"],
        "storyline ingest --engine ray, 2 workers": ingest + ["--engine", "ray", "--workers", "2"],
    }


def stored(db: Path) -> int:
    """How many articles the store at ``db`` holds now (0 before it exists): read-only, beside its writer."""
    try:
        connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.05)
    except sqlite3.Error:  # not there yet
        return 0
    try:
        return connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:  # being created
        return 0
    finally:
        connection.close()


def remove(db: Path) -> None:
    """Remove the store at ``db`` with its write-ahead log: a reader open when the writer closed leaves the log
    behind, and a new store beside an old log cannot be opened."""
    for path in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        path.unlink(missing_ok=True)


def steady(samples: tuple[tuple[float, int], ...]) -> tuple[float, float] | None:
    """(seconds to the first stored article, articles/s from the first stored article to the last) of one run's
    progress samples, or None when they do not show both ends."""
    first = next(((t, n) for t, n in samples if n > 0), None)
    total = max((n for _, n in samples), default=0)
    last = next(((t, n) for t, n in samples if n == total), None)
    if first is None or last is None or last[0] <= first[0]:
        return None
    return first[0], (last[1] - first[1]) / (last[0] - first[0])


def writer_ceiling(corpus: Path, folder: Path) -> tuple[int, float]:
    """(articles stored, seconds) of the single writer alone, on prepared records made beforehand."""
    from storyline.corpus import Corpus, IngestSummary
    from storyline.corpus.prepare import prepare
    from storyline.ingest import read_articles

    prepared = list(prepare(read_articles([corpus]), processes=2))
    with Corpus(folder / "writer.db") as corpus_db:
        started = time.perf_counter()
        summary = corpus_db._ingest(iter(prepared), IngestSummary(), None)
        seconds = time.perf_counter() - started
    return summary.added, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    if not harness.data_ready("polnear"):
        return
    storyline = str(Path(sys.executable).with_name("storyline"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = folder / "polnear.jsonl"
        words = write_corpus(corpus, args.articles)
        bare = folder / "bare.py"
        bare.write_text(BARE)
        db = folder / "c.db"
        runs = commands(storyline, corpus, bare, db)
        results = compare(runs, args.runs, before=lambda: remove(db), progress=lambda: stored(db))
        for name, result in results.items():
            if result.returncode:
                sys.exit(f"{name} failed (exit {result.returncode}): {' '.join(runs[name])}")
        added, seconds = writer_ceiling(corpus, folder)
    wall = {name: result.wall for name, result in results.items()}
    rate = {name: args.articles / w for name, w in wall.items()}
    print(f"{args.articles} PolNeAR train articles ({words:,} words); each command a whole process with its "
          f"model loading, median of {args.runs} interleaved runs; peak memory from one more run of each\n")
    print_table(["command", "wall s (each run)", "articles/s", "peak PSS, all processes"],
                ([name, f"{wall[name]:.1f} ({', '.join(f'{w:.1f}' for w in results[name].walls)})",
                  f"{rate[name]:.2f}", f"{results[name].memory.peak_pss / 2**30:.2f} GiB"] for name in runs))
    local = rate["storyline ingest (local, 2 workers)"]
    ray1, ray2 = rate["storyline ingest --engine ray, 1 worker"], rate["storyline ingest --engine ray, 2 workers"]
    print()
    print(f"local ingest / bare nlp.pipe(n_process=2): {local / rate['bare nlp.pipe, n_process=2']:.2f}x "
          "(target: at least 0.8x)")
    print(f"Ray, 2 workers / local ingest: {ray2 / local:.2f}x (target: at least 0.85x)")
    print(f"Ray, 2 workers / Ray, 1 worker: {ray2 / ray1:.2f}x whole runs (target: at least 1.7x)")
    rates = {}
    print("\nsteady rate, from the first stored article to the last (each run: seconds to the first, articles/s):")
    for name in runs:
        seen = [s for s in map(steady, results[name].progress) if s]
        if seen:
            rates[name] = statistics.median(r for _, r in seen)
            print(f"  {name}: {rates[name]:.2f} articles/s ("
                  f"{'; '.join(f'{start:.1f} s, {r:.2f}/s' for start, r in seen)})")
    one, two = (rates.get(f"storyline ingest --engine ray, {n}") for n in ("1 worker", "2 workers"))
    if one and two:
        print(f"Ray, 2 workers / Ray, 1 worker, steady: {two / one:.2f}x")
    writer = added / seconds
    print(f"\nthe writer alone on prepared records: {added} articles in {seconds:.1f} s = {writer:.0f} articles/s; "
          f"at the local engine's {local / 2:.2f} articles/s per worker core, one writer keeps about "
          f"{writer / (local / 2):.0f} worker cores fed")


if __name__ == "__main__":
    main()
