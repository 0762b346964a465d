"""Which sources of a story run the same copy: agency stories and press releases printed by several outlets.

Two outlets printing one AP story are one report, not two: their agreement corroborates nothing. Two
sources are copies of one text when most sentences of the shorter one are found, nearly word for word, in
the other (:data:`COPY_SHARE`); copies form groups across the story. A fact corroborated only within one
group is a single report, and the briefing says "same agency copy", naming the agency where the text
credits one ("(AP)", "Reuters", an outlet given as the agency).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..ingest.meta import OUTLETS
from ..types import ArticleAnalysis, Fact
from ..vocabulary import DOUBLE_QUOTES

# Share of the shorter article's sentences found nearly word for word in the other for the two to count as
# one copy. Wire rewrites keep most sentences and edit a few (ECB+ 8_1ecb / 8_2ecb share 19 of 21).
COPY_SHARE = 0.5
# Two sentences are the same when this share of their word 4-grams is shared (Jaccard) ...
SENTENCE_SIMILARITY = 0.6
# ... or this share of their words (Jaccard): a rewrite that changes a word every few words ("protesters" /
# "protestors", "avoid" / "avert") keeps its words but breaks most 4-grams. Set on the ECB+ dev events of
# benchmarks/compare: at 0.7, 8_1ecbplus / 8_2ecbplus (one agency story, 78% of sentences) and 18_2ecbplus /
# 18_11ecbplus (one AP story rewritten, 58%) become copies; no two independent sources there reach 30%.
WORD_SIMILARITY = 0.7
# Sentences shorter than this (in words) are not compared: "Police said." is in every story.
MIN_SENTENCE_WORDS = 6
# News agencies whose copy other outlets print.
AGENCIES = frozenset({"AP", "Reuters", "AFP", "dpa", "Xinhua", "Kyodo", "Yonhap", "TASS", "PTI", "UPI", "Bloomberg"})
_WORD = re.compile(r"\w+")
_CREDIT = re.compile(r"\(\s*(AP|Reuters|AFP|dpa|UPI)\s*\)|\b(Associated Press|Reuters|Agence France-Presse)\b")


def copy_groups(analyses: Sequence[ArticleAnalysis]) -> dict[str, int]:
    """Each source's copy group: sources printing one text share a number; every other source its own."""
    shingles = [[_piece(a.article.text[s.start:s.end]) for s in a.sentences] for a in analyses]
    shingles = [[s for s in doc if s.grams] for doc in shingles]
    group = list(range(len(analyses)))
    for i in range(len(analyses)):
        for j in range(i + 1, len(analyses)):
            if _root(group, i) != _root(group, j) and _copies(shingles[i], shingles[j]):
                group[_root(group, j)] = _root(group, i)
    return {a.article.id: _root(group, n) for n, a in enumerate(analyses)}


def agency(analysis: ArticleAnalysis) -> str | None:
    """The agency an article credits: its outlet when that is an agency, else "(AP)" and the like in its text."""
    if analysis.article.outlet in AGENCIES:
        return analysis.article.outlet
    m = _CREDIT.search(analysis.article.text)
    if m is None:
        return None
    name = m.group(1) or m.group(2)
    return OUTLETS.get(name.lower(), name)


def independent_facts(facts: Sequence[Fact], analyses: Sequence[ArticleAnalysis]) -> tuple[Fact, ...]:
    """The facts with corroboration counted by independent reports. Two sources' evidence for a fact is one
    report when the two sources are copies of one text (:func:`copy_groups`) or when every piece of one
    source's evidence is one passage with a piece of the other's, nearly word for word outside their quotations
    (an agency paragraph, a press release; the sentences, or the claims themselves where a sentence was
    rewritten around a copied clause of at least MIN_SENTENCE_WORDS words). A
    fact that only one report gives is one source's ("same agency copy"); a corroborated fact says which
    of its sources copy."""
    groups = copy_groups(analyses)
    by_id = {a.article.id: a for a in analyses}
    agencies = {a.article.id: agency(a) for a in analyses}
    out = []
    for fact in facts:
        if fact.status != "corroborated":
            out.append(fact)
            continue
        # each source's evidence, as its sentences and as the claims themselves (one sentence may be rewritten
        # around a copied clause: "..., injuring five people and damaging buildings" in two versions of one
        # agency story)
        passages: dict[str, list[tuple[_Piece, _Piece]]] = {}
        for ev in fact.evidence:
            passages.setdefault(ev.source, []).append(
                (_piece(_outside_quotes(_sentence_of(by_id[ev.source], ev.start, ev.end))),
                 _piece(_outside_quotes(ev.text))))
        reports = list(range(len(fact.sources)))  # union-find over the fact's sources
        for i, a in enumerate(fact.sources):
            for j in range(i + 1, len(fact.sources)):
                b = fact.sources[j]
                if groups[a] == groups[b] or _covered(passages[a], passages[b]) or _covered(passages[b], passages[a]):
                    reports[_root(reports, j)] = _root(reports, i)
        clusters: dict[int, list[str]] = {}
        for n, source in enumerate(fact.sources):
            clusters.setdefault(_root(reports, n), []).append(source)
        copied = [sources for sources in clusters.values() if len(sources) > 1]
        if not copied:
            out.append(fact)
            continue
        notes = []
        for sources in copied:
            credited = next((agencies[s] for s in sources if agencies[s]), None)
            notes.append(f"{' and '.join(sources)} run the same {credited + ' ' if credited else ''}agency copy")
        status = "corroborated" if len(clusters) > 1 else "single_source"
        out.append(Fact(fact.id, status, fact.sources, fact.evidence, "; ".join(notes), fact.kind, fact.confidence))
    return tuple(out)


def _root(parents: list[int], i: int) -> int:
    while parents[i] != i:
        parents[i] = parents[parents[i]]
        i = parents[i]
    return i


# A quotation: between double quote marks (straight, curly or guillemets), or `` and '' as some corpora write them.
_QUOTED = re.compile(rf"[{DOUBLE_QUOTES}«][^{DOUBLE_QUOTES}«»]*[{DOUBLE_QUOTES}»]|``.*?''")


def _outside_quotes(sentence: str) -> str:
    """A sentence without its quotations: two outlets may print one speaker's words without copying."""
    return _QUOTED.sub(" ", sentence)


def _sentence_of(analysis: ArticleAnalysis, start: int, end: int) -> str:
    """The sentence (or sentences) holding a span of an article."""
    spans = [s for s in analysis.sentences if s.start < end and start < s.end]
    text = analysis.article.text
    return text[spans[0].start:spans[-1].end] if spans else text[start:end]


def _covered(ours: list[tuple[_Piece, _Piece]], theirs: list[tuple[_Piece, _Piece]]) -> bool:
    """Whether each piece of one source's evidence for a fact is a copy of a piece of the other's (the same
    sentence, or the same claim, nearly word for word): that source adds no report of its own."""
    return all(any(_same_passage(s, s2) or _same_passage(c, c2) for s2, c2 in theirs) for s, c in ours)


@dataclass(frozen=True, slots=True)
class _Piece:
    """A sentence or claim as copies are found: its word 4-grams and its words (none under MIN_SENTENCE_WORDS)."""

    grams: frozenset[tuple[str, ...]]
    words: frozenset[str]


def _piece(text: str) -> _Piece:
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < MIN_SENTENCE_WORDS:
        return _Piece(frozenset(), frozenset())
    return _Piece(frozenset(tuple(words[k:k + 4]) for k in range(len(words) - 3)), frozenset(words))


def _alike(shared: int, a: int, b: int, share: float) -> bool:
    """Whether two sets of sizes ``a`` and ``b`` sharing ``shared`` members have a Jaccard of at least ``share``."""
    return shared > 0 and shared >= share * (a + b - shared)


def _same_passage(a: _Piece, b: _Piece) -> bool:
    return bool(a.grams) and bool(b.grams) and (
        _alike(len(a.grams & b.grams), len(a.grams), len(b.grams), SENTENCE_SIMILARITY)
        or _alike(len(a.words & b.words), len(a.words), len(b.words), WORD_SIMILARITY))


def _copies(a: list[_Piece], b: list[_Piece]) -> bool:
    """Whether most sentences of the shorter article are found nearly word for word in the other (among the
    sentences that share a word 4-gram with it: a rewrite keeps some)."""
    if not a or not b:
        return False
    short, long = sorted((a, b), key=len)
    grams: dict[tuple[str, ...], list[int]] = {}
    for n, sentence in enumerate(long):
        for gram in sentence.grams:
            grams.setdefault(gram, []).append(n)
    found = 0
    for sentence in short:
        shared: dict[int, int] = {}  # the sentences of the other article sharing a 4-gram with this one
        for gram in sentence.grams:
            for n in grams.get(gram, ()):
                shared[n] = shared.get(n, 0) + 1
        if any(_alike(k, len(sentence.grams), len(long[n].grams), SENTENCE_SIMILARITY)
               or _alike(len(sentence.words & long[n].words), len(sentence.words), len(long[n].words), WORD_SIMILARITY)
               for n, k in shared.items()):
            found += 1
    return found >= COPY_SHARE * len(short)
