"""Short labels for sources in citations: the outlet where it is known and unique."""

from __future__ import annotations

from collections import Counter

from ..types import Article

# Ids longer than this are replaced by S1, S2, ... in citations.
MAX_ID_LABEL = 16


def source_labels(sources: tuple[Article, ...] | list[Article]) -> dict[str, str]:
    """Map each source id to the label used when citing it ("CNN", "S1", ...)."""
    outlets = Counter(a.outlet for a in sources if a.outlet)
    labels = {}
    for number, article in enumerate(sources, start=1):
        if article.outlet and outlets[article.outlet] == 1:
            labels[article.id] = article.outlet
        elif len(article.id) <= MAX_ID_LABEL:
            labels[article.id] = article.id
        else:
            labels[article.id] = f"S{number}"
    return labels
