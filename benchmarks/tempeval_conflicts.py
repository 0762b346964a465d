"""Ingest TempEval-3's news with its dates and outlets, and list the stories found and every disagreement reported.

    python -m benchmarks.tempeval_conflicts [--corpus tempeval|meantime|polnear|polnear-dev] [--db FILE] [--all]

An unseen check of the whole path a user runs (``storyline ingest``, then each story's briefing), on data no
rule was tuned on: the 255 distinct TempEval-3 training documents (TimeBank and AQUAINT, from ../shared/data),
each with its document creation time as its publication date and its outlet read from its id (APW: Associated
Press, NYT: New York Times, XIE: Xinhua, wsj: Wall Street Journal, ...). AQUAINT holds several outlets'
reports of the same news over weeks (the 1998 U.S. embassy bombings, Elian Gonzalez, NATO's enlargement); the
Wall Street Journal's 1989 reports are mostly one company each. The texts keep their case, unlike
Multi-News, so names count.

For each story of two or more articles it prints the members with their days, then each conflicting fact
with its kind, confidence (SHOWN: at the reports' shown confidence; low: in the JSON only), note and
evidence, and each figures row that differs or changed, for a reader to judge as a fact-checker would
(docs/benchmarks.md, "TempEval-3 as an unseen check"). ``--db FILE`` keeps the store (and reuses it when it
exists); ``--all`` prints the less certain conflicts' evidence too.

``--corpus meantime`` does the same with MEANTIME's 90 English Wikinews articles (2004-2011, on Airbus and
Boeing, Apple, General Motors and the stock market), each dated by its creation time: one outlet's reports of
many events of four companies and markets over years, a test of keeping apart what is alike. ``--corpus
polnear``: PolNeAR's 840 training articles, 120 from each of seven outlets (Breitbart, HuffPost, the New York
Times, Politico, USA Today, the Washington Post, the Western Journal) on the 2016 US election, each dated by
the day its id gives; ``--corpus polnear-dev``: its 84 development articles, the same way.
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
from pathlib import Path

from . import harness
from .corpora import meantime_documents, polnear_documents, tempeval_documents

# Outlets by the letters an id starts with (TimeBank and AQUAINT name their documents so).
OUTLETS = {"APW": "Associated Press", "AP": "Associated Press", "NYT": "New York Times", "XIE": "Xinhua",
           "wsj": "Wall Street Journal", "WSJ": "Wall Street Journal", "ABC": "ABC", "ea": "ABC", "ed": "ABC",
           "CNN": "CNN", "PRI": "PRI", "VOA": "Voice of America", "SJMN": "San Jose Mercury News"}
# Characters of a piece of evidence printed.
SHOWN_CHARS = 160


def _records(corpus: str):
    """Each document of ``corpus`` as an input record with its date and outlet."""
    if corpus in ("polnear", "polnear-dev"):  # ids such as "wash-post_2016-06-14_we-are-in-shock": outlet, day, title
        for doc in polnear_documents("dev" if corpus == "polnear-dev" else "train"):
            yield {"id": doc.id, "text": doc.text.strip(), "published": doc.id.split("_")[1], "outlet": doc.outlet}
    elif corpus == "meantime":
        for doc in meantime_documents():
            yield {"id": doc.id, "text": doc.text.strip(), "published": doc.dct, "outlet": "Wikinews"}
    else:
        for doc in tempeval_documents():
            prefix = re.match(r"[A-Za-z]+", doc.id).group(0)
            yield {"id": doc.id, "text": doc.text.strip(), "published": doc.dct, "outlet": OUTLETS.get(prefix, prefix)}


def write_inputs(path: Path, corpus: str = "tempeval") -> int:
    """Write the corpus's documents as JSONL records with their dates and outlets; return how many."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for record in _records(corpus):
            out.write(json.dumps(record) + "\n")
            count += 1
    return count


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("tempeval", "meantime", "polnear", "polnear-dev"), default="tempeval")
    parser.add_argument("--db", type=Path, help="keep the store here (reused when it exists)")
    parser.add_argument("--all", action="store_true", help="print the less certain conflicts' evidence too")
    args = parser.parse_args(argv)
    if not harness.data_ready({"tempeval": "tempeval3", "polnear-dev": "polnear"}.get(args.corpus, args.corpus)):
        return
    from storyline.corpus import Corpus
    from storyline.report.markdown import SHOWN_CONFIDENCE

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / f"{args.corpus}.db"
        if not db.exists():
            inputs = Path(tmp) / f"{args.corpus}.jsonl"
            count = write_inputs(inputs, args.corpus)
            with Corpus(db) as corpus:
                summary = corpus.ingest([inputs], processes=2)
            print(f"{count} documents: {summary.new} stored, {summary.duplicate} duplicates, "
                  f"{summary.failed} failed")
        shown = low = rows = 0
        with Corpus(db) as corpus:
            stories = [s for s in corpus.stories() if corpus.story_size(s.id) >= 2]
            for story in stories:
                analyses = corpus.story_articles(story.id)
                days = sorted(a.article.published[:10] for a in analyses if a.article.published)
                print(f"\n== story {story.id}: {len(analyses)} articles, {days[0]} to {days[-1]}")
                print("   " + ", ".join(a.article.id for a in analyses))
                report = corpus.report(story.id, summary_words=0, keep=False)
                for fact in report.facts:
                    if fact.status != "conflicting":
                        continue
                    confident = (fact.confidence or 0) >= SHOWN_CONFIDENCE
                    shown, low = shown + confident, low + (not confident)
                    print(f"  {'SHOWN' if confident else 'low'} {fact.kind} ({fact.confidence:.2f}): {fact.note[:300]}")
                    if confident or args.all:
                        for ev in fact.evidence:
                            print(f"      {ev.source}: {' '.join(ev.text.split())[:SHOWN_CHARS]}")
                for figure in report.figures:
                    if figure.status != "agree":
                        rows += 1
                        print(f"  figures row {figure.what} [{figure.status}]: {figure.note[:300]}")
    print(f"\n{len(stories)} stories of 2 or more articles; conflicting facts: {shown} shown (confidence "
          f"{SHOWN_CONFIDENCE} or more), {low} less certain; figures rows that differ or changed: {rows}")


if __name__ == "__main__":
    main()
