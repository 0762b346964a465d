"""What the quote pass adds to `storyline extract`, on the same parsed texts.

    python -m benchmarks.quote_overhead [--articles 300]

PolNeAR train articles are parsed once with `nlp.pipe`; then the per-article analysis runs twice over
the same Docs, with and without the quote pass (quote marks, cues, speakers, pronouns, indirect
speech). The overhead is the quote pass's time as a share of the whole extract work for those
articles (parse + analysis), measured in one process so that both cores' noise affects both alike.
"""

from __future__ import annotations

import argparse
import sys
import time

from storyline import make_article
from storyline.nlp import pipeline

if not __package__:  # run as a file: the imports below need the package
    sys.exit("run it as a module from the repository root: python -m benchmarks.quote_overhead")

from . import corpora, harness  # noqa: E402
from .tables import print_table  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    if not harness.data_ready("polnear"):
        return
    docs = [d for _, d in zip(range(args.articles), corpora.polnear_documents("train"))]
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
    print_table(["step", "seconds", "share of extract"],
               ([step, f"{seconds:.1f}", f"{seconds / total:.1%}"]
                for step, seconds in (("spaCy parse (nlp.pipe)", parse),
                                      ("analysis without quotes", without), ("quote pass", quotes))))
    print(f"\nThe quote pass adds {quotes / (parse + without):.1%} to the extract work without it.")


if __name__ == "__main__":
    main()
