"""A cited multi-document summary: whole sentences from the sources, each with its evidence.

The summary is extractive: every sentence is a sentence of one source, so it says nothing its
evidence does not say. Its citations are that source and every other source with a claim
aligned to it (see :mod:`align`), each with its evidence span.

Sentences are scored by their place in their article (news puts what matters first), how
central they are to the whole story (mean similarity to the other sources' sentences),
and whether other sources corroborate them; they are then chosen greedily without
repeating one another, every source gets at least one sentence, and they are put in story
order (by source, then position).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..types import ArticleAnalysis, Evidence, Fact, SummarySentence
from .embed import embed

# Words in the summary by default (--summary-words).
SUMMARY_WORDS = 120
# Score weights: position (1 / (1 + rank of the sentence in its article)), centrality (mean
# cosine to the sentences of other sources), corroboration (share of the other sources that
# align a claim with the sentence). Chosen by grid search on Multi-News test clusters 500-619
# (python benchmarks/tune_summary.py --limit 120): every setting tried lies within 0.005 ROUGE-1
# of the best; this one keeps corroboration, which the briefing needs. Figures on clusters 0-499
# are in docs/benchmarks.md.
POSITION_WEIGHT = 1.0
CENTRALITY_WEIGHT = 0.5
CORROBORATION_WEIGHT = 0.3
# A candidate this similar (cosine) to a chosen sentence repeats it and is skipped.
REDUNDANCY = 0.75
# Sentences shorter or longer than these word counts are not summary material.
MIN_WORDS = 8
MAX_WORDS = 60
_OPENS_BADLY = re.compile(r"^\W*(?:and|but|or|so|also|he|she|they|it|this|that|these|those|his|her|their)\b",
                          re.IGNORECASE)


@dataclass
class _Candidate:
    source: str
    index: int
    start: int
    end: int
    text: str
    words: int


def _candidates(analyses: Sequence[ArticleAnalysis]) -> list[_Candidate]:
    out = []
    for analysis in analyses:
        text = analysis.article.text
        for index, span in enumerate(analysis.sentences):
            sentence = text[span.start:span.end].strip()
            words = len(sentence.split())
            if MIN_WORDS <= words <= MAX_WORDS and sentence[-1:] not in (":", ","):
                start = span.start + (len(text[span.start:span.end]) - len(text[span.start:span.end].lstrip()))
                out.append(_Candidate(analysis.article.id, index, start, start + len(sentence), sentence, words))
    return out


def summarize(analyses: Sequence[ArticleAnalysis], facts: Sequence[Fact] = (),
              words: int = SUMMARY_WORDS) -> tuple[SummarySentence, ...]:
    """Choose about ``words`` words of the story's most central, corroborated, leading sentences."""
    candidates = _candidates(analyses)
    if not candidates or words <= 0:
        return ()
    vectors = embed([c.text for c in candidates])
    sources = list(dict.fromkeys(c.source for c in candidates))
    similarity = vectors @ vectors.T
    other = np.array([[a.source != b.source for b in candidates] for a in candidates])
    counts = other.sum(axis=1)
    centrality = np.where(counts > 0, (similarity * other).sum(axis=1) / np.maximum(counts, 1), 0.0)
    support = _support(candidates, facts)
    scores = []
    for i, c in enumerate(candidates):
        others = max(1, len(sources) - 1)
        score = (POSITION_WEIGHT / (1 + c.index) + CENTRALITY_WEIGHT * centrality[i]
                 + CORROBORATION_WEIGHT * len(support[i][0]) / others)
        if _OPENS_BADLY.match(c.text):
            score -= 0.25  # a sentence that leans on the one before it reads badly alone
        scores.append(score)
    order = sorted(range(len(candidates)), key=lambda i: (-scores[i], candidates[i].source, candidates[i].index))
    chosen: list[int] = []
    total = 0
    for i in order:
        if total >= words:
            break
        if any(similarity[i, j] >= REDUNDANCY for j in chosen):
            continue
        chosen.append(i)
        total += candidates[i].words
    # Every source is heard: swap in a missing source's best sentence for the weakest pick.
    for source in sources:
        if any(candidates[i].source == source for i in chosen):
            continue
        best = next((i for i in order if candidates[i].source == source
                     and not any(similarity[i, j] >= REDUNDANCY for j in chosen)), None)
        if best is None:
            continue
        if total + candidates[best].words > words and len(chosen) > 1:
            weakest = min((j for j in chosen if sum(candidates[k].source == candidates[j].source
                                                    for k in chosen) > 1), key=lambda j: scores[j], default=None)
            if weakest is not None:
                chosen.remove(weakest)
                total -= candidates[weakest].words
        chosen.append(best)
        total += candidates[best].words
    rank = {s: n for n, s in enumerate(sources)}
    chosen.sort(key=lambda i: (candidates[i].index, rank[candidates[i].source]))
    out = []
    for i in chosen:
        c = candidates[i]
        cited, extra = support[i]
        evidence = (Evidence(c.source, c.start, c.end, c.text), *extra)
        out.append(SummarySentence(c.text, (c.source, *cited), evidence))
    return tuple(out)


def _support(candidates: list[_Candidate], facts: Sequence[Fact]) -> list[tuple[tuple[str, ...], tuple[Evidence, ...]]]:
    """For each candidate: the other sources that corroborate it, and their evidence spans."""
    out = []
    for c in candidates:
        sources: dict[str, None] = {}
        evidence: list[Evidence] = []
        for fact in facts:
            if fact.status != "corroborated":
                continue
            mine = [e for e in fact.evidence if e.source == c.source and c.start <= e.start and e.end <= c.end]
            if not mine:
                continue
            for e in fact.evidence:
                if e.source != c.source and e not in evidence:
                    sources.setdefault(e.source)
                    evidence.append(e)
        out.append((tuple(sources), tuple(evidence)))
    return out
