"""Short labels for sources in citations: the outlet where it is known (numbered where it repeats)."""

from __future__ import annotations

from collections import Counter

from ..types import Article

# Ids longer than this are replaced by S1, S2, ... in citations.
MAX_ID_LABEL = 16


def source_labels(sources: tuple[Article, ...] | list[Article]) -> dict[str, str]:
    """Map each source id to the label used when citing it: its outlet ("CNN"), numbered where the story has
    several of that outlet's articles ("nyt 1", "nyt 2"); else its id where short, else "S1", "S2", ..."""
    outlets = Counter(a.outlet for a in sources if a.outlet)
    seen: Counter[str] = Counter()
    labels = {}
    for number, article in enumerate(sources, start=1):
        if article.outlet and outlets[article.outlet] == 1:
            labels[article.id] = article.outlet
        elif article.outlet:
            seen[article.outlet] += 1
            labels[article.id] = f"{article.outlet} {seen[article.outlet]}"
        elif len(article.id) <= MAX_ID_LABEL:
            labels[article.id] = article.id
        else:
            labels[article.id] = f"S{number}"
    return labels
