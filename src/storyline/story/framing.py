"""Framing: the words each outlet stresses that the others do not.

Weighted log-odds ratios with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008,
"Fightin' Words"): each source's word counts against all other sources', shrunk toward the
story's pooled frequencies, and divided by their standard error to give a z-score. A word a
source uses once does not stand out; a word it uses often and the others never do does.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..types import ArticleAnalysis

# Strength of the prior, as a multiple of the story's total word count. Larger values shrink
# more. Set so that, on the seeds, a word one outlet uses 3+ times and the other never does
# reaches z > 1.
PRIOR_SCALE = 0.5
# Terms listed per source, and the least z-score a listed term must reach.
TOP_TERMS = 8
MIN_Z = 1.0
MIN_COUNT = 2
# Verbs too light to frame anything.
LIGHT_VERBS = frozenset({"get", "make", "take", "go", "come", "say", "tell", "give", "do", "have", "be", "put",
                         "see", "know", "want", "use", "find", "include", "add"})


@dataclass(frozen=True, slots=True)
class FramingTerm:
    """A term a source stresses: its z-score and how often each side uses it."""

    term: str
    z: float
    count: int
    others: int


def source_terms(analysis: ArticleAnalysis) -> Counter:
    """Content-word lemmas of a source's body."""
    return Counter(term for sentence in analysis.terms for term in sentence if term not in LIGHT_VERBS)


def framing_terms(analyses: Sequence[ArticleAnalysis]) -> dict[str, list[FramingTerm]]:
    """For each source, the terms it uses distinctively more than the other sources."""
    counts = {a.article.id: source_terms(a) for a in analyses}
    pooled = Counter()
    for c in counts.values():
        pooled.update(c)
    if len(counts) < 2 or len(pooled) < 2:  # one source, or one word in all: nothing stands out
        return {source: [] for source in counts}
    total = sum(pooled.values())
    alpha0 = PRIOR_SCALE * total
    out = {}
    for source, own in counts.items():
        others = pooled - own
        n_i, n_j = sum(own.values()), sum(others.values())
        scored = []
        for term, y_i in own.items():
            if y_i < MIN_COUNT:
                continue
            y_j = others.get(term, 0)
            alpha = alpha0 * pooled[term] / total
            delta = (math.log((y_i + alpha) / (n_i + alpha0 - y_i - alpha))
                     - math.log((y_j + alpha) / (n_j + alpha0 - y_j - alpha)))
            z = delta / math.sqrt(1 / (y_i + alpha) + 1 / (y_j + alpha))
            if z >= MIN_Z:
                scored.append(FramingTerm(term, round(z, 2), y_i, y_j))
        scored.sort(key=lambda t: (-t.z, t.term))
        out[source] = scored[:TOP_TERMS]
    return out
