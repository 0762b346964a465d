"""MiniLM in fp32 and in bf16 (story.minilm's precisions): time a text and how far the vectors move.

    python -m benchmarks.embed_precision [--articles 100] [--split train]

The texts are what an ingest embeds for clustering (the first EMBEDDING_WORDS words of each PolNeAR
article, from ../shared/data), one text a call on one torch thread, as an ingest's workers do. Reported:
the process time a text in each precision (median of three passes), and the cosine of each bf16 vector
to its fp32 vector (least and mean). bf16 is only worth it where the CPU multiplies bf16 natively (the
first line says whether this one does); elsewhere torch emulates it, more slowly than fp32.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

if not __package__:  # run as a file: the imports below need the package
    sys.exit("run it as a module from the repository root: python -m benchmarks.embed_precision")

from . import corpora  # noqa: E402
from .tables import print_table  # noqa: E402


def _load(precision: str):
    from storyline.story import minilm

    os.environ[minilm.PRECISION_ENV] = precision
    return minilm.load_model()


def _time(model, texts: list[str]) -> float:
    """Median over three passes of the process seconds a text, each text encoded alone."""
    from storyline.story import minilm

    passes = []
    for _ in range(3):
        started = time.process_time()
        for text in texts:
            minilm.encode(model, [text])
        passes.append((time.process_time() - started) / len(texts))
    return statistics.median(passes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--split", default="train", choices=("train", "dev"))
    args = parser.parse_args()
    try:
        documents = corpora.polnear_documents(args.split)
        texts = [" ".join(doc.text.split()[:_words()]) for doc, _ in zip(documents, range(args.articles))]
    except corpora.DataMissing as exc:
        sys.exit(f"skipped: {exc}")
    import torch

    from storyline.story import minilm

    torch.set_num_threads(1)
    print(f"{len(texts)} PolNeAR {args.split} leads; this CPU multiplies bf16 natively: {minilm.native_bf16()}\n")
    exact, fast = _load("fp32"), _load("bf16")
    minilm.encode(exact, texts[:2]), minilm.encode(fast, texts[:2])  # warm up
    cosines = (minilm.encode(exact, texts) * minilm.encode(fast, texts)).sum(axis=1)
    rows = [("fp32", f"{_time(exact, texts) * 1000:.1f}", "1", "1"),
            ("bf16", f"{_time(fast, texts) * 1000:.1f}", f"{cosines.min():.5f}", f"{cosines.mean():.5f}")]
    print_table(("precision", "ms a text (one thread)", "least cosine to fp32", "mean cosine to fp32"), rows)


def _words() -> int:
    from storyline.corpus.cluster import EMBEDDING_WORDS

    return EMBEDDING_WORDS


if __name__ == "__main__":
    main()
