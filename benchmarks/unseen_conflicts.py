"""List every disagreement Storyline reports on the ECB+ subtopics that no gold file annotates, to judge by eye.

    python -m benchmarks.unseen_conflicts [--topics 9_ecb,28_ecb] [--cache DIR]

The gold set (benchmarks/compare) scores conflicts found and reported right on its events; this looks at the
rest of ECB+ (topics 1-35, subtopics with 3 or more articles in no gold file), where nothing was tuned: each
conflicting fact with its kind, confidence, note and evidence, and each figures row that differs or changed.
A false "they disagree" found here is a general fault to fix (docs/benchmarks.md lists what was found).
"""

from __future__ import annotations

import argparse
import pickle
from pathlib import Path

from .compare_gold import GOLD_DIR
from .corpora import ecbplus_documents


def unseen_stories(argv=None, description: str = ""):
    """Parse ``--topics`` and ``--cache`` (see the module doc) and yield each ECB+ subtopic in no gold file with
    3 or more articles, in topic order, as (story, article count, its story report); shared with
    benchmarks/unseen_speakers.py."""
    parser = argparse.ArgumentParser(description=(description or __doc__).splitlines()[0])
    parser.add_argument("--topics", help="only these subtopics, comma-separated (e.g. 9_ecb,28_ecb)")
    parser.add_argument("--cache", help="keep each subtopic's per-article analyses in this folder and reuse them")
    args = parser.parse_args(argv)
    from storyline import make_article
    from storyline.nlp.pipeline import analyze
    from storyline.story import build_story

    annotated = {p.stem for p in GOLD_DIR.glob("*.json")}
    wanted = set(args.topics.split(",")) if args.topics else None
    groups: dict[str, dict[str, str]] = {}
    for doc in ecbplus_documents():
        groups.setdefault(doc.story, {})[doc.id] = doc.text
    for story, texts in sorted(groups.items(), key=lambda kv: (int(kv[0].split("_")[0]), kv[0])):
        if story in annotated or len(texts) < 3 or (wanted and story not in wanted):
            continue
        path = Path(args.cache) / f"{story}.pickle" if args.cache else None
        if path is not None and path.exists():
            analyses = pickle.loads(path.read_bytes())
        else:
            analyses = list(analyze([make_article(t, i) for i, t in texts.items()], processes=1))
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(pickle.dumps(analyses))
        yield story, len(texts), build_story(analyses, [], story=story, summary_words=0)


def main() -> None:
    shown = low = 0
    for story, count, report in unseen_stories():
        print(f"== {story} ({count} articles)")
        for fact in report.facts:
            if fact.status != "conflicting":
                continue
            confident = (fact.confidence or 0) >= 0.6
            shown, low = shown + confident, low + (not confident)
            print(f"  {fact.kind} (confidence {fact.confidence:.2f}): {fact.note[:300]}")
            for ev in fact.evidence:
                print(f"      {ev.source}: {ev.text.strip()[:120]}")
        for figure in report.figures:
            if figure.status != "agree":
                print(f"  figures row {figure.what} [{figure.status}]: {figure.note[:200]}")
    print(f"conflicting facts: {shown} at confidence 0.6 or more (shown in reports), {low} below")


if __name__ == "__main__":
    main()
