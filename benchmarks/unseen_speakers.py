"""List the quotes whose speaker is a description, on the ECB+ subtopics no gold file annotates, to judge by eye.

    python -m benchmarks.unseen_speakers [--topics 1_ecbplus,30_ecb] [--cache DIR]

Beside benchmarks/unseen_conflicts.py: where nothing was tuned, each quote whose speaker the text describes
("the source", "her rep", "The company") with the one Storyline says it stands for (a cast entity, or no one),
and the quote's first words. A description given to someone it cannot be is a general fault to fix
(docs/benchmarks.md, "Who a described speaker is").
"""

from __future__ import annotations

import argparse
import pickle
import re
from pathlib import Path

from .compare_gold import GOLD_DIR
from .corpora import ecbplus_documents

# A description: a determiner, then at most three more words.
_DESCRIPTION = re.compile(r"(?i)^(?:the|a|an|its|his|her|their)(?:\s+\S+){1,3}$")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", help="only these subtopics, comma-separated (e.g. 1_ecbplus,30_ecb)")
    parser.add_argument("--cache", help="keep each subtopic's per-article analyses in this folder and reuse them")
    args = parser.parse_args()
    from storyline import make_article
    from storyline.nlp.pipeline import analyze
    from storyline.story import build_story

    annotated = {p.stem for p in GOLD_DIR.glob("*.json")}
    wanted = set(args.topics.split(",")) if args.topics else None
    groups: dict[str, dict[str, str]] = {}
    for doc in ecbplus_documents():
        groups.setdefault(doc.story, {})[doc.id] = doc.text
    counts = {"a named person": 0, "an organisation or other": 0, "no one": 0}
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
        report = build_story(analyses, [], story=story, summary_words=0)
        entities = {e.id: e for e in report.entities}
        print(f"== {story} ({len(texts)} articles)")
        for quote in report.quotes:
            speaker = quote.speaker
            if speaker is None or speaker.anonymous or not _DESCRIPTION.match(speaker.text or ""):
                continue
            entity = entities.get(speaker.entity or "")
            kind = "no one" if entity is None else "a named person" if entity.type == "PERSON" else \
                "an organisation or other"
            counts[kind] += 1
            said = f"{entity.name} ({entity.type})" if entity else "no one"
            print(f"  {quote.source} {speaker.text!r} -> {said} | {quote.text.strip()[:80]!r}")
    print("described speakers: " + ", ".join(f"{n} given to {k}" for k, n in counts.items()))


if __name__ == "__main__":
    main()
