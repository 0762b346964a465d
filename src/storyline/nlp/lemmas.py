"""The English pipeline's rule lemmatizer, with each lemma remembered by the token's word, tag and morphology.

``en_core_web_sm``'s ``lemmatizer`` works in "rule" mode: a token's lemma comes from its text, its coarse
part of speech and its morphology alone (an uninflected form is its own lemma; otherwise suffix rules,
checked against a word list, and exceptions). spaCy computes it token by token in Python and remembers only
the inflected forms, so every singular noun, base verb and plain adjective is worked out again each time
it occurs: 6.9 ms of a PolNeAR article's parse on this machine (measured 2026-12-07, 150 PolNeAR train
articles, process time, one core), more than the tagger, the attribute ruler and the paragraph rule together.

:class:`FastLemmatizer` is the same lemmatizer, with the same tables, that reads the tokens' words, parts of
speech and morphologies from the token table at once, asks spaCy's own rule for a combination it has not
seen, remembers the answer, and writes the lemmas back at once. A lemma is only set where the token has none
(or where the lemmatizer overwrites), as spaCy does: the attribute ruler's own lemmas ("gonna" is "go") are
kept. ``tests/nlp/test_attributes.py`` checks every token attribute against the stock pipeline on real articles.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.tokens import Doc

__all__ = ["FastLemmatizer", "speed_up_lemmatizer"]

# The (word, part of speech, morphology) combinations a lemmatizer remembers, at most: past it, it forgets
# them all and starts again (an entry is about 0.2 KB, so this bounds the memory at about 40 MB).
MAX_REMEMBERED = 200_000


class FastLemmatizer(EnglishLemmatizer):
    """spaCy's English rule lemmatizer, applied to a whole document at once (see the module doc)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.remembered: dict[tuple[int, int, int], tuple[str, int]] = {}  # -> the lemma, its id

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule" or not len(doc):
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables()
        if len(self.remembered) > MAX_REMEMBERED:
            self.remembered.clear()
        strings = doc.vocab.strings
        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = table[:, 3].copy()
        used: set[str] = set()
        for i, (orth, pos, morph, lemma) in enumerate(table.tolist()):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos, morph)
            known = self.remembered.get(key)
            if known is None:
                text = self.lemmatize(doc[i])[0]
                known = self.remembered[key] = (text, strings.add(text))
            used.add(known[0])
            lemmas[i] = known[1]
        for text in used:  # each lemma in this document's string store (one may have been freed since)
            strings.add(text)
        doc.from_array([LEMMA], lemmas)
        return doc


def speed_up_lemmatizer(nlp: Language) -> Language:
    """Replace ``nlp``'s English rule ``lemmatizer`` by a :class:`FastLemmatizer` with the same tables, under
    the same name and in the same place; any other lemmatizer is left as it is."""
    if "lemmatizer" not in nlp.pipe_names:
        return nlp
    old = nlp.get_pipe("lemmatizer")
    if type(old) is not EnglishLemmatizer or old.mode != "rule":
        return nlp
    new = nlp.replace_pipe("lemmatizer", "storyline_lemmatizer",
                           config={"mode": old.mode, "overwrite": old.overwrite})
    new.lookups = _with_set_index(old.lookups)
    new._validated = old._validated
    return nlp


def _with_set_index(lookups: Lookups) -> Lookups:
    """The lemmatizer's tables, with each part of speech's word list (``lemma_index``) as a set: spaCy's rule
    asks whether a candidate lemma is a known word by ``in``, which scans a list of up to 57,528 nouns."""
    copied = Lookups()
    for name in lookups.tables:
        table = lookups.get_table(name)
        if name == "lemma_index":
            table = {key: frozenset(words) for key, words in table.items()}
        copied.add_table(name, dict(table))
    return copied


@Language.factory("storyline_lemmatizer", default_config={"mode": "rule", "overwrite": False})
def _make_fast_lemmatizer(nlp: Language, name: str, mode: str, overwrite: bool) -> FastLemmatizer:
    """The component; :func:`speed_up_lemmatizer` gives it the tables of the lemmatizer it replaces."""
    return FastLemmatizer(nlp.vocab, None, name, mode=mode, overwrite=overwrite)
