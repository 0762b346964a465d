"""`storyline serve` under load: 50 concurrent connections on 127.0.0.1 while an ingest writes.

    python -m benchmarks.serve_load [--articles 10000] [--seconds 15] [--db PATH]

The store: PolNeAR train articles (real outlets, and the dates their file names give), parsed once, then
stored again under new ids until it holds ``--articles`` (each copy's text gets a line of its own at the end,
so that it is stored: the copies are linked as near-duplicates of their original, as an ingest links a wire
copy, and the stories keep the size their originals give them). The store is kept at ``--db`` and reused; each run works on a copy of it.

The reports of the five largest stories of 5 to 15 articles are built and kept first (as
``storyline ingest --reports`` does). ``storyline show`` of the largest of them is timed as a whole
process, model loading included, with its report kept and without (the report rebuilt from the stored
analyses, as every `show` did before reports were kept).

Then ``storyline serve`` runs read-only (two worker processes, its default); a ``storyline ingest`` of the
ECB+ articles writes into the same store meanwhile (the load starts once it has stored its first article); and ``wrk`` (Debian's; ``apt-get install wrk``) keeps 50
connections busy for ``--seconds`` on each of: the stories list, a stored story's page, a search; first with
no ingest running, then while the ingest writes. What is
reported per page: requests, p50 and p99 latency, and errors (non-2xx answers and socket errors).
Everything runs on 127.0.0.1 only, bounded in time.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import replace
from pathlib import Path

if not __package__:  # run as a file: the imports below need the package
    sys.exit("run it as a module from the repository root: python -m benchmarks.serve_load")

from . import corpora, harness  # noqa: E402
from .tables import print_table  # noqa: E402

CONNECTIONS = 50
# PolNeAR articles parsed for the store, and ECB+ articles (short: each is parsed and committed in a moment)
# that the ingest writing during the load stores.
BASE_ARTICLES = 300
WRITER_ARTICLES = 772
_DATE = re.compile(r"_(\d{4}-\d{2}-\d{2})_")


def _record(doc) -> dict:
    found = _DATE.search(doc.id)
    return {"id": doc.id, "text": doc.text, "outlet": doc.outlet, "published": found.group(1) if found else None}


def build_store(db: Path, articles: int) -> None:
    from storyline import make_article
    from storyline.corpus import Corpus, IngestSummary
    from storyline.corpus.cluster import embedding_text
    from storyline.nlp.pipeline import analyze
    from storyline.story.embed import embed

    docs = [_record(d) for _, d in zip(range(BASE_ARTICLES), corpora.polnear_documents("train"))]
    started = time.perf_counter()
    analyses = [a for a in analyze([make_article(d["text"], d["id"], published=d["published"], outlet=d["outlet"])
                                    for d in docs]) if hasattr(a, "article")]
    vectors = embed([embedding_text(a) for a in analyses])
    print(f"{len(analyses)} PolNeAR articles parsed in {time.perf_counter() - started:.0f} s; storing {articles:,}",
          flush=True)
    summary = IngestSummary()
    with Corpus(db) as corpus:
        for n in range(articles):
            analysis = analyses[n % len(analyses)]
            if n >= len(analyses):  # a copy: a new id, and a last line of its own
                article = analysis.article
                analysis = replace(analysis, article=replace(article, id=f"{article.id}#{n}",
                                                             text=article.text + f"\n\n(copy {n})"))
            corpus._store(analysis, vectors[n % len(analyses)], summary)
            if (n + 1) % 2000 == 0:
                print(f"  {n + 1:,} stored ({time.perf_counter() - started:.0f} s)", flush=True)
        corpus._refine(summary, final=True)
        print(f"store ready: {corpus.counts()} in {time.perf_counter() - started:.0f} s", flush=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait(url: str, seconds: float = 60) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server did not answer at {url} within {seconds} s")


def _wrk(url: str, seconds: int) -> dict:
    out = subprocess.run(["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", "--timeout", "10s", url],
                         capture_output=True, text=True, check=True).stdout
    def ms(label: str) -> float:
        value, unit = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    non_2xx = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", out)) else 0
    socket_errors = sum(int(x) for x in m.groups()) if (m := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)) else 0
    return {"requests": requests, "per_second": requests / seconds, "p50_ms": ms("50"), "p99_ms": ms("99"),
            "errors": non_2xx + socket_errors, "non_2xx": non_2xx, "socket_errors": socket_errors}


def _timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seconds", type=int, default=15, help="how long wrk loads each page")
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "storyline-serve-load.db")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args()
    if not harness.data_ready("polnear"):
        return
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install wrk (Debian)")
    from storyline.corpus import Corpus

    if not args.db.exists():
        build_store(args.db, args.articles)
    work = Path(tempfile.mkdtemp()) / "work.db"  # each run on a copy: the ingest of the last run left no trace
    with Corpus(args.db) as corpus:
        corpus.store.checkpoint()
    shutil.copy(args.db, work)
    args.db = work
    with Corpus(args.db) as corpus:
        counts = corpus.counts()
        stories = [s for s in corpus.stories() if 5 <= s.articles <= 15][:5]
        for story in stories:
            corpus.report(story.id)  # built and kept, as `storyline ingest --reports` does
    print(f"store: {counts['articles']:,} articles, {counts['near_duplicates']:,} of them near-duplicates, "
          f"{counts['stories']:,} stories; reports kept for stories "
          + ", ".join(f"{s.id} ({s.articles} articles)" for s in stories), flush=True)
    storyline = str(Path(sys.executable).with_name("storyline"))
    shown = stories[0]
    show = [storyline, "show", str(shown.id), "--db", str(args.db), "--quiet"]
    kept = min(_timed(show) for _ in range(3))
    with tempfile.TemporaryDirectory() as tmp:  # the same store without kept reports: show rebuilds
        bare = Path(tmp) / "bare.db"
        shutil.copy(args.db, bare)
        with Corpus(bare) as corpus:
            corpus.store.forget_reports()
        rebuilt = _timed([storyline, "show", str(shown.id), "--db", str(bare), "--quiet"])
    print(f"storyline show {shown.id} ({shown.articles} articles): {rebuilt:.1f} s rebuilt, {kept:.2f} s kept",
          flush=True)

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([storyline, "serve", "--db", str(args.db), "--port", str(port), "--quiet"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    writer = None
    results: dict[str, dict] = {}  # by "phase: page"
    pages = {"stories list": "/", f"story {shown.id} (kept report)": f"/stories/{shown.id}",
             "search": "/search?q=president"}
    try:
        _wait(base + "/api/status")
        for path in pages.values():
            for _ in range(4):  # warm both workers: the first view of a story reads its kept report
                urllib.request.urlopen(base + path).read()
        for name, path in pages.items():  # first with no ingest running, for comparison
            results[f"idle: {name}"] = _wrk(base + path, args.seconds)
            print(f"  idle: {name}: {results[f'idle: {name}']}", flush=True)
        with tempfile.TemporaryDirectory() as tmp:
            docs = list(corpora.ecbplus_documents())[:WRITER_ARTICLES]
            feed = Path(tmp) / "feed.jsonl"
            feed.write_text("".join(json.dumps({"id": d.id, "text": d.text}) + "\n" for d in docs), encoding="utf-8")
            before = json.load(urllib.request.urlopen(base + "/api/status"))
            writer = subprocess.Popen([storyline, "ingest", str(feed), "--db", str(args.db), "--quiet"],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.time() + 120  # the load starts once the ingest is writing
            while json.load(urllib.request.urlopen(base + "/api/status"))["articles"] == before["articles"]:
                if time.time() > deadline or writer.poll() is not None:
                    raise SystemExit("the ingest did not start writing within 120 s")
                time.sleep(0.5)
            for name, path in pages.items():
                results[f"ingest writing: {name}"] = _wrk(base + path, args.seconds)
                print(f"  ingest writing: {name}: {results[f'ingest writing: {name}']}", flush=True)
            after = json.load(urllib.request.urlopen(base + "/api/status"))
            writing = writer.poll() is None
    finally:
        if writer is not None and writer.poll() is None:
            writer.terminate()
            writer.wait(30)
        server.terminate()
        server.wait(30)
        shutil.rmtree(work.parent, ignore_errors=True)
    print(f"\n{CONNECTIONS} connections, {args.seconds} s per page, read-only server (2 workers) on 127.0.0.1, "
          f"{os.cpu_count()} cores; with no ingest, then while an ingest wrote ({after['articles'] - before['articles']} "
          f"articles stored during that load; {'still writing' if writing else 'finished'} at the end)\n")
    print_table(["phase: page", "requests", "req/s", "p50 ms", "p99 ms", "errors"],
               ([name, f"{r['requests']:,}", f"{r['per_second']:.0f}", f"{r['p50_ms']:.1f}", f"{r['p99_ms']:.1f}",
                 str(r["errors"])] for name, r in results.items()))
    figures = {"store": counts, "show_story": shown.id, "show_articles": shown.articles, "show_rebuilt_s": rebuilt,
               "show_kept_s": kept, "connections": CONNECTIONS, "seconds": args.seconds, "pages": results,
               "ingested_during_load": after["articles"] - before["articles"], "cpus": os.cpu_count()}
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
