"""List the quotes whose speaker is a description, on the ECB+ subtopics no gold file annotates, to judge by eye.

    python -m benchmarks.unseen_speakers [--topics 1_ecbplus,30_ecb] [--cache DIR]

Beside benchmarks/unseen_conflicts.py: where nothing was tuned, each quote whose speaker the text describes
("the source", "her rep", "The company") with the one Storyline says it stands for (a cast entity, or no one),
and the quote's first words. A description given to someone it cannot be is a general fault to fix
(docs/benchmarks.md, "Who a described speaker is").
"""

from __future__ import annotations

import re

from .unseen_conflicts import unseen_stories

# A description: a determiner, then at most three more words.
_DESCRIPTION = re.compile(r"(?i)^(?:the|a|an|its|his|her|their)(?:\s+\S+){1,3}$")


def main() -> None:
    counts = {"a named person": 0, "an organisation or other": 0, "no one": 0}
    for story, count, report in unseen_stories(description=__doc__):
        entities = {e.id: e for e in report.entities}
        print(f"== {story} ({count} articles)")
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
