"""What the quote pass adds to `storyline extract`, on the same parsed texts.

    python benchmarks/quote_overhead.py [--articles 300]

PolNeAR train articles are parsed once with `nlp.pipe`; then the per-article analysis runs twice over
the same Docs, with and without the quote pass (quote marks, cues, speakers, pronouns, indirect
speech). The overhead is the quote pass's time as a share of the whole extract work for those
articles (parse + analysis), measured in one process so that both cores' noise affects both alike.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpora  # noqa: E402
from storyline import make_article  # noqa: E402
from storyline.nlp import pipeline  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    try:
        docs = [d for _, d in zip(range(args.articles), corpora.polnear_documents("train"))]
    except corpora.DataMissing as exc:
        print(f"skipped: {exc}")
        return
    articles = [make_article(d.text, d.id) for d in docs]
    nlp = pipeline.load_model()
    started = time.perf_counter()
    parsed = list(nlp.pipe([a.text for a in articles], batch_size=pipeline.PIPE_BATCH_SIZE))
    parse = time.perf_counter() - started
    started = time.perf_counter()
    for doc, article in zip(parsed, articles):
        pipeline.analyze_doc(doc, article)
    with_quotes = time.perf_counter() - started
    real = pipeline.extract_quotes
    pipeline.extract_quotes = lambda *a, **k: ()
    started = time.perf_counter()
    for doc, article in zip(parsed, articles):
        pipeline.analyze_doc(doc, article)
    without = time.perf_counter() - started
    pipeline.extract_quotes = real
    quotes = with_quotes - without
    total = parse + with_quotes
    print(f"{len(articles)} PolNeAR train articles, one process")
    print(f"| step | seconds | share of extract |\n|---|---|---|")
    print(f"| spaCy parse (nlp.pipe) | {parse:.1f} | {parse / total:.1%} |")
    print(f"| analysis without quotes | {without:.1f} | {without / total:.1%} |")
    print(f"| quote pass | {quotes:.1f} | {quotes / total:.1%} |")
    print(f"\nThe quote pass adds {quotes / (parse + without):.1%} to the extract work without it.")


if __name__ == "__main__":
    main()
